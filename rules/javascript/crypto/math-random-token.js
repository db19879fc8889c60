const crypto = require("crypto");

function issue(user) {
  // ruleid: javascript.crypto.math-random-token
  const resetToken = Math.random().toString(36).slice(2);
  // ruleid: javascript.crypto.math-random-token
  user.sessionId = Math.floor(Math.random() * 1e16);
  // ok: javascript.crypto.math-random-token
  const goodToken = crypto.randomBytes(32).toString("base64url");
  // ok: javascript.crypto.math-random-token
  const jitter = Math.random() * 100;
  return [resetToken, goodToken, jitter];
}
