# ruleid: generic.secrets.slack-token
SLACK_TOKEN = "xoxb-2048-4096-Xk3Vn7Tb9Qw2Er5Ty8Ui1Op4"
# ok: generic.secrets.slack-token
SLACK_TOKEN = os.environ["SLACK_TOKEN"]
# ok: generic.secrets.slack-token
PREFIX = "xoxb-"
