import logging

log = logging.getLogger(__name__)


def login(user):
    # ruleid: python.hygiene.print-call
    print("user", user, "logged in")
    # ok: python.hygiene.print-call
    log.info("user %s logged in", user.id)
    # ok: python.hygiene.print-call
    printer.print(user)
    # ok: python.hygiene.print-call
    pprint_tree = format_tree(user)
    return pprint_tree
