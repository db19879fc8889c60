import ast


def run(expr, request):
    # ruleid: python.security.eval-nonliteral
    eval(expr)
    # ruleid: python.security.eval-nonliteral
    exec(f"result = {expr}")
    # ruleid: python.security.eval-nonliteral
    value = eval(request.GET["expr"] + "+1")
    # ok: python.security.eval-nonliteral
    eval("1 + 2")
    # ok: python.security.eval-nonliteral
    exec(r'print("hello")')
    # ok: python.security.eval-nonliteral
    ast.literal_eval(expr)
    # ok: python.security.eval-nonliteral
    model.eval()
    return value
