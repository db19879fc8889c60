export function compile(userFormula: string) {
  // ruleid: javascript.security.new-function
  const f = new Function("row", "return " + userFormula);
  // ruleid: javascript.security.new-function
  const g = Function(userFormula);
  // ok: javascript.security.new-function
  const h = new Function("a", "b", "return a + b");
  return [f, g, h];
}
