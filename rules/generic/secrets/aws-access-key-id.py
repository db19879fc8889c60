# ruleid: generic.secrets.aws-access-key-id
AWS_ACCESS_KEY_ID = "AKIA2E4RTY7UIOPLKJHG"
settings = {
    # ruleid: generic.secrets.aws-access-key-id
    "key": "ASIAZ7Q3W5E6R8T9Y1U2",
}
# ok: generic.secrets.aws-access-key-id
DOC_EXAMPLE_KEY = "AKIAIOSFODNN7EXAMPLE"
# ok: generic.secrets.aws-access-key-id
NOT_A_KEY = "XAKIA2E4RTY7UIOPLKJHG1"
