const cors = require("cors");

// ruleid: javascript.web.cors-wildcard-credentials
app.use(cors({ origin: true, credentials: true }));
// ruleid: javascript.web.cors-wildcard-credentials
app.use(cors({ credentials: true, origin: "*" }));
// ok: javascript.web.cors-wildcard-credentials
app.use(cors({ origin: ["https://app.example.org"], credentials: true }));
// ok: javascript.web.cors-wildcard-credentials
app.use(cors({ origin: "*" }));
