# ruleid: generic.maintainability.cognitive-complexity
def ship(orders):
    for order in orders:
        if order.open:
            for line in order.lines:
                if line.qty > 0:
                    if line.item.in_stock or line.backorder:
                        while line.remaining:
                            if line.remaining > 10 and not line.fragile:
                                line.pack(10)
                            else:
                                line.pack(1)
                    else:
                        order.hold()
        elif order.cancelled:
            continue


# ok: generic.maintainability.cognitive-complexity
def ship_open(orders):
    for order in orders:
        if order.open:
            order.ship()


# A nested function counts for the function around it too: the enclosing function is reported
# (1 + the nested one's 16 = 17), the nested one (16) not again for the same code.
# ruleid: generic.maintainability.cognitive-complexity
def ship_all(batches):
    # ok: generic.maintainability.cognitive-complexity
    def ship_batch(orders):
        for order in orders:
            if order.open:
                for line in order.lines:
                    if line.qty > 0 and line.ok:
                        line.pack()
            elif order.cancelled:
                continue

    for batch in batches:
        ship_batch(batch)
