function run(req) {
  // ruleid: javascript.security.eval-nonliteral
  const result = eval(req.query.expr);
  // ruleid: javascript.security.eval-nonliteral
  eval(`total = ${req.body.a} + 1`);
  // ok: javascript.security.eval-nonliteral
  eval("1 + 2");
  // ok: javascript.security.eval-nonliteral
  const data = JSON.parse(req.query.payload);
  return [result, data];
}
