// Loads an HTML report from disk in headless Chromium and fails on any console error, uncaught
// exception, log entry of level error (CSP violations, failed loads), JavaScript dialog (an
// alert() from injected markup), or network request other than the report file itself. Talks to
// Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: fd 3 in, fd 4 out,
// NUL-separated JSON), so it needs nothing but node and chromium.
//
// Layout (browser_layout.mjs): at 390 px and 1,400 px viewport widths the document is no wider
// than the viewport, path cells are at least a minimum width and break only at '/'; a full-page
// screenshot of each width is saved. Paper: after "beforeprint" every <details> is open (and
// "afterprint" restores them); in print media at the A4 content width the grades (and #top-risks
// when the report has it) end within the first page; the PDF (Page.printToPDF, A4, the page's
// @page size) is saved and its pages counted, at most MAX_PAGES when given.
//
// usage: node browser_check.mjs CHROMIUM REPORT.html OUT_PREFIX [MAX_PAGES]
//   writes OUT_PREFIX.390.png, OUT_PREFIX.1400.png, OUT_PREFIX.pdf; prints "pages: N".
// Exit 0: clean. Exit 1: problems (printed). Exit 2: the browser could not be driven.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { checkLayout, checkPrint } from "./browser_layout.mjs";

const [chromium, report, outPrefix, maxPagesArg] = process.argv.slice(2);
if (!chromium || !report || !outPrefix) {
  console.error("usage: node browser_check.mjs CHROMIUM REPORT.html OUT_PREFIX [MAX_PAGES]");
  process.exit(2);
}
const maxPages = maxPagesArg ? Number(maxPagesArg) : 0;
const reportUrl = pathToFileURL(resolve(report)).href;
const profile = mkdtempSync(join(tmpdir(), "rh-chromium-"));
const args = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-extensions", "--disable-default-apps", "--mute-audio",
  // Networking off: no name resolves and every proxied request goes nowhere.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost", "--proxy-server=http://127.0.0.1:9",
  `--user-data-dir=${profile}`, "--remote-debugging-pipe", "--window-size=1280,900", "about:blank",
];
const browser = spawn(chromium, args, { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
let browserStderr = "";
browser.stderr.on("data", (d) => { browserStderr += d; });
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];

const problems = [];
const pending = new Map();
const waiters = [];
let nextId = 1;
let buffer = "";

function send(method, params = {}, sessionId) {
  const id = nextId++;
  const message = { id, method, params };
  if (sessionId) message.sessionId = sessionId;
  toBrowser.write(JSON.stringify(message) + "\0");
  return new Promise((ok, fail) => pending.set(id, { ok, fail, method }));
}
function waitFor(method, timeoutMs) {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`timed out waiting for ${method}`)), timeoutMs);
    waiters.push({ method, ok: (p) => { clearTimeout(timer); ok(p); } });
  });
}
let session;
function onEvent(method, params, sessionId) {
  for (let i = 0; i < waiters.length; i++) {
    if (waiters[i].method === method) { waiters.splice(i, 1)[0].ok(params); break; }
  }
  switch (method) {
    case "Runtime.consoleAPICalled":
      if (params.type === "error" || params.type === "assert")
        problems.push(`console.${params.type}: ${params.args.map((a) => a.value ?? a.description).join(" ")}`);
      break;
    case "Runtime.exceptionThrown":
      problems.push(`uncaught exception: ${params.exceptionDetails.exception?.description ?? params.exceptionDetails.text}`);
      break;
    case "Log.entryAdded":
      if (params.entry.level === "error") problems.push(`log error (${params.entry.source}): ${params.entry.text} ${params.entry.url ?? ""}`);
      break;
    case "Network.requestWillBeSent":
      if (params.request.url !== reportUrl) problems.push(`request: ${params.request.url}`);
      break;
    case "Network.loadingFailed":
      problems.push(`failed request: ${params.errorText} (${params.type})`);
      break;
    case "Page.javascriptDialogOpening":
      problems.push(`JavaScript dialog opened (${params.type}): ${params.message}`);
      send("Page.handleJavaScriptDialog", { accept: false }, sessionId);
      break;
  }
}
fromBrowser.on("data", (chunk) => {
  buffer += chunk.toString("utf8");
  let end;
  while ((end = buffer.indexOf("\0")) >= 0) {
    const message = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (message.id && pending.has(message.id)) {
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) p.fail(new Error(`${p.method}: ${message.error.message}`));
      else p.ok(message.result);
    } else if (message.method) {
      onEvent(message.method, message.params, message.sessionId);
    }
  }
});

async function main() {
  const { targetInfos } = await send("Target.getTargets");
  const page = targetInfos.find((t) => t.type === "page");
  if (!page) throw new Error("no page target");
  ({ sessionId: session } = await send("Target.attachToTarget", { targetId: page.targetId, flatten: true }));
  for (const domain of ["Page", "Runtime", "Log", "Network"]) await send(`${domain}.enable`, {}, session);
  const loaded = waitFor("Page.loadEventFired", 30000);
  const nav = await send("Page.navigate", { url: reportUrl }, session);
  if (nav.errorText) problems.push(`navigation failed: ${nav.errorText}`);
  await loaded;
  await new Promise((r) => setTimeout(r, 500));  // late console messages and requests
  // The page's own script ran (sorting is set up) and the report has content.
  const check = await send("Runtime.evaluate", {
    expression: `JSON.stringify({title: document.title, sections: document.querySelectorAll("section").length,
      sortable: document.querySelectorAll("table.sortable").length,
      ready: document.querySelectorAll("th.sortable-ready").length, lang: document.documentElement.lang})`,
    returnByValue: true,
  }, session);
  const facts = JSON.parse(check.result.value);
  console.log(`${report}: ${JSON.stringify(facts)}`);
  if (!facts.title) problems.push("the page has no title");
  if (facts.sections < 10) problems.push(`expected 10 sections, found ${facts.sections}`);
  if (facts.sortable > 0 && facts.ready === 0) problems.push("the inline script did not run (sortable tables not set up)");
  const call = (method, params = {}) => send(method, params, session);
  for (const width of [1400, 390]) {
    problems.push(...await checkLayout(call, width, `${outPrefix}.${width}.png`));
    console.log(`screenshot: ${outPrefix}.${width}.png`);
  }
  const paper = await checkPrint(call, `${outPrefix}.pdf`, maxPages);
  problems.push(...paper.problems);
  console.log(`pages: ${paper.pages}`);
  console.log(`pdf: ${outPrefix}.pdf`);
  await send("Browser.close").catch(() => {});
}

const watchdog = setTimeout(() => {
  console.error("browser_check: timed out\n" + browserStderr.slice(-2000));
  browser.kill("SIGKILL");
  process.exit(2);
}, 240000);
const exited = new Promise((ok) => browser.on("exit", ok));
async function finish(code) {
  clearTimeout(watchdog);
  const timer = setTimeout(() => browser.kill("SIGKILL"), 5000);
  if (code !== 0) browser.kill();
  await exited;  // the profile is written until the browser is gone
  clearTimeout(timer);
  try { rmSync(profile, { recursive: true, force: true }); } catch { /* a leftover temp folder */ }
  process.exit(code);
}
main().then(
  () => {
    for (const p of problems) console.log(`PROBLEM ${p}`);
    console.log(problems.length ? `${problems.length} problem(s)` : "no console errors, no requests, no dialogs");
    return finish(problems.length ? 1 : 0);
  },
  (e) => {
    console.error(`browser_check: ${e.message}\n${browserStderr.slice(-2000)}`);
    return finish(2);
  },
);
