# Clones are found across the files of a scan, so this fixture is checked end to end
# (tests/e2e/rules_e2e_test.cpp): the fixture runner lists it as pending.
# ruleid: generic.maintainability.duplicated-code
def score_orders(rows, weights):
    result = []
    for row in rows:
        total = 0
        total += row[0] * weights[0]
        total += row[1] * weights[1]
        total += row[2] * weights[2]
        total += row[3] * weights[3]
        total += row[4] * weights[4]
        total += row[5] * weights[5]
        total += row[6] * weights[6]
        total += row[7] * weights[7]
        total += row[8] * weights[8]
        total += row[9] * weights[9]
        total += row[10] * weights[10]
        total += row[11] * weights[11]
        total += row[12] * weights[12]
        total += row[13] * weights[13]
        total += row[14] * weights[14]
        total += row[15] * weights[15]
        total += row[16] * weights[16]
        total += row[17] * weights[17]
        result.append(total)
    return result


# ruleid: generic.maintainability.duplicated-code
def score_invoices(items, factors):
    result = []
    for item in items:
        total = 0
        total += item[0] * factors[0]
        total += item[1] * factors[1]
        total += item[2] * factors[2]
        total += item[3] * factors[3]
        total += item[4] * factors[4]
        total += item[5] * factors[5]
        total += item[6] * factors[6]
        total += item[7] * factors[7]
        total += item[8] * factors[8]
        total += item[9] * factors[9]
        total += item[10] * factors[10]
        total += item[11] * factors[11]
        total += item[12] * factors[12]
        total += item[13] * factors[13]
        total += item[14] * factors[14]
        total += item[15] * factors[15]
        total += item[16] * factors[16]
        total += item[17] * factors[17]
        result.append(total)
    return result


# ok: generic.maintainability.duplicated-code
def score_one(row, weights):
    return sum(r * w for r, w in zip(row, weights))
