headers = {
    # ruleid: generic.secrets.jwt
    "Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsImlhdCI6MTUxNjIzOTAyMn0.Xk3Vn7Tb9Qw2Er5Ty8Ui1Op4As7Df",
}
# ok: generic.secrets.jwt
headers = {"Authorization": f"Bearer {get_token()}"}
# ok: generic.secrets.jwt
HEADER_PREFIX = "eyJhbGciOiJIUzI1NiJ9"
