import https from "https";
import fs from "fs";

// ruleid: javascript.transport.reject-unauthorized-false
const agent = new https.Agent({ rejectUnauthorized: false });
// ruleid: javascript.transport.reject-unauthorized-false
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
// ok: javascript.transport.reject-unauthorized-false
const good = new https.Agent({ rejectUnauthorized: true, ca: fs.readFileSync("/etc/ssl/internal-ca.pem") });
// ok: javascript.transport.reject-unauthorized-false
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
export { agent, good };
