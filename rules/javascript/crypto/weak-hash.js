const crypto = require("crypto");

function store(password, body) {
  // ruleid: javascript.crypto.weak-hash
  const digest = crypto.createHash("md5").update(password).digest("hex");
  // ruleid: javascript.crypto.weak-hash
  const sig = crypto.createHmac('sha1', "k").update(body).digest("hex");
  // ok: javascript.crypto.weak-hash
  const strong = crypto.createHash("sha256").update(body).digest("hex");
  return [digest, sig, strong];
}
