headers = {
    # ruleid: generic.secrets.jwt
    "Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsImlhdCI6MTUxNjIzOTAyMn0.Xk3Vn7Tb9Qw2Er5Ty8Ui1Op4As7Df",
}
# ok: generic.secrets.jwt
headers = {"Authorization": f"Bearer {get_token()}"}
# ok: generic.secrets.jwt
HEADER_PREFIX = "eyJhbGciOiJIUzI1NiJ9"
# The sample token shown on jwt.io and in countless tutorials.
# ok: generic.secrets.jwt
SAMPLE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
# An unsigned token ("alg": "none") proves nothing and grants nothing.
# ok: generic.secrets.jwt
UNSIGNED = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsImlhdCI6MTUxNjIzOTAyMn0.AAAAAAAAAAAAAAAAAAAA"
