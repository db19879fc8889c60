# ruleid: generic.maintainability.deep-nesting
def walk(xs):
    for a in xs:
        if a:
            for b in a:
                if b:
                    while b.next:
                        b = b.next


# ok: generic.maintainability.deep-nesting
def walk_flat(xs):
    for a in xs:
        if a:
            for b in a:
                if b:
                    handle(b)
