# ok: generic.maintainability.cyclomatic-complexity
def small(kind):
    if kind == 1:
        return 'one'
    return 'other'


# ruleid: generic.maintainability.cyclomatic-complexity
def route(kind):
    if kind == 0:
        return 0
    elif kind == 1:
        return 1
    elif kind == 2:
        return 2
    elif kind == 3:
        return 3
    elif kind == 4:
        return 4
    elif kind == 5:
        return 5
    elif kind == 6:
        return 6
    elif kind == 7:
        return 7
    elif kind == 8:
        return 8
    elif kind == 9:
        return 9
    elif kind == 10:
        return 10
    elif kind == 11:
        return 11
    elif kind == 12:
        return 12
    elif kind == 13:
        return 13
    elif kind == 14:
        return 14
    elif kind == 15:
        return 15
    return -1
