import os
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    # ruleid: python.flask.debug-true
    app.run(host="0.0.0.0", debug=True)
    # ok: python.flask.debug-true
    app.run(host="0.0.0.0", debug=os.environ.get("FLASK_DEBUG") == "1")
    # ok: python.flask.debug-true
    worker.run(verbose=True)
