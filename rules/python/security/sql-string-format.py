def find(cursor, name, user_id, User):
    # ruleid: python.security.sql-string-format
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ruleid: python.security.sql-string-format
    cursor.execute("DELETE FROM users WHERE id = " + str(user_id))
    # ruleid: python.security.sql-string-format
    cursor.execute("UPDATE users SET name = '%s'" % name)
    # ruleid: python.security.sql-string-format
    User.objects.raw("SELECT * FROM auth_user WHERE id = {}".format(user_id))
    # ok: python.security.sql-string-format
    cursor.execute("SELECT * FROM users WHERE name = %s", [name])
    # ok: python.security.sql-string-format
    cursor.execute(f"hello {name}")
    # ok: python.security.sql-string-format
    cursor.execute("SELECT 1")
