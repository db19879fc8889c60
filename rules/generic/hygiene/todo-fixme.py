def fetch(url):
    # ruleid: generic.hygiene.todo-fixme
    # TODO handle timeouts
    data = get(url)
    # ruleid: generic.hygiene.todo-fixme
    return parse(data)  # FIXME: breaks on empty bodies
# ok: generic.hygiene.todo-fixme
TODO_LIST_NAME = "groceries"
# ok: generic.hygiene.todo-fixme
# Todo lists are rendered by the template.
