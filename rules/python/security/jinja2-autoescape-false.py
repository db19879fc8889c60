import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape

# ruleid: python.security.jinja2-autoescape-false
env = Environment(loader=FileSystemLoader("templates"))
# ruleid: python.security.jinja2-autoescape-false
raw = jinja2.Environment(autoescape=False)
# ok: python.security.jinja2-autoescape-false
safe = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
# ok: python.security.jinja2-autoescape-false
also_safe = jinja2.Environment(autoescape=True)
