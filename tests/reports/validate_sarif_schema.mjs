// Validates SARIF files against a JSON schema file (the SARIF 2.1.0 schema in ../shared/sarif/)
// with Ajv (draft-07, every error reported, formats checked).
// usage: node tests/reports/validate_sarif_schema.mjs SCHEMA.json FILE.sarif...
// Exit 0: every file is valid. Exit 1: a file is invalid (errors printed). Exit 2: cannot run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(process.cwd() + "/");
let Ajv, addFormats;
try {
  Ajv = require("ajv");
  addFormats = require("ajv-formats");
} catch (e) {
  console.error("validate_sarif_schema: ajv is not installed (run npm ci in the source folder): " + e.message);
  process.exit(2);
}
const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error("usage: validate_sarif_schema.mjs SCHEMA.json FILE.sarif...");
  process.exit(2);
}
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const ajv = new (Ajv.default || Ajv)({ allErrors: true, strict: false, validateFormats: true });
(addFormats.default || addFormats)(ajv);
const validate = ajv.compile(schema);
let failed = false;
for (const file of files) {
  const doc = JSON.parse(readFileSync(file, "utf8"));
  if (validate(doc)) {
    console.log(`${file}: valid against ${schema.title || schemaPath}`);
  } else {
    failed = true;
    console.log(`${file}: INVALID`);
    for (const err of validate.errors) console.log(`  ${err.instancePath || "/"} ${err.message} ${JSON.stringify(err.params)}`);
  }
}
process.exit(failed ? 1 : 0);
