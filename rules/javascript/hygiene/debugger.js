function total(items) {
  // ruleid: javascript.hygiene.debugger
  debugger;
  // ok: javascript.hygiene.debugger
  const debuggerEnabled = false;
  return items.length + (debuggerEnabled ? 1 : 0);
}
