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
