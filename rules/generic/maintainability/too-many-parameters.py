# ruleid: generic.maintainability.too-many-parameters
def create_user(first, last, street, zip_code, city, country, phone):
    return (first, last, street, zip_code, city, country, phone)


# ok: generic.maintainability.too-many-parameters
def create_account(name, address, contact, role, team, active):
    return (name, address, contact, role, team, active)
