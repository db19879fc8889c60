// Layout and paper checks of an HTML report for browser_check.mjs. `call(method, params)` sends a
// DevTools command to the page's session. Each check returns the problems it found (strings).
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";

/// The narrowest a path cell may be (CSS px): a folder name and a file name side by side.
export const MIN_PATH_CELL = 150;
/// The narrowest the location column of "most complex functions" may be at 1,400 px.
export const MIN_LOCATION_CELL_WIDE = 280;
/// A4 at 96 CSS px per inch, less the @page margins of report.css (14 mm top, 16 mm bottom,
/// 12 mm each side).
const MM = 96 / 25.4;
export const A4_CONTENT_WIDTH = Math.floor((210 - 24) * MM);
export const A4_CONTENT_HEIGHT = Math.floor((297 - 30) * MM);

async function evaluate(call, expression) {
  const r = await call("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text} ${r.exceptionDetails.exception?.description ?? ""}`);
  return r.result.value;
}

const settle = () => new Promise((r) => setTimeout(r, 200));

// Runs in the page: widths of the document and of the path cells, and path segments (the text
// between two <wbr>) that the browser broke inside although they hold no space or hyphen.
const MEASURE = `(() => {
  const doc = document.documentElement;
  const cells = [...document.querySelectorAll("td.path")].filter((td) => td.offsetParent !== null);
  const widths = cells.map((td) => td.getBoundingClientRect().width);
  const location = [...document.querySelectorAll("td.location")].map((td) => td.getBoundingClientRect().width);
  const broken = [];
  for (const el of document.querySelectorAll(".path")) {
    if (el.offsetParent === null) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent;
      if (!text.trim() || /[\\s\\-–]/.test(text)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(text);
    }
  }
  const wide = [...document.querySelectorAll("body *")].filter((e) => {
    const r = e.getBoundingClientRect();
    if (r.right <= doc.clientWidth + 1 || r.width === 0) return false;
    for (let p = e.parentElement; p; p = p.parentElement)
      if (getComputedStyle(p).overflowX !== "visible") return false;  // inside a scroll box
    return true;
  }).slice(0, 5).map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : "") + (e.id ? "#" + e.id : ""));
  return { scrollWidth: doc.scrollWidth, bodyScrollWidth: document.body.scrollWidth, viewport: window.innerWidth,
    clientWidth: doc.clientWidth, pathCells: widths.length, minPath: widths.length ? Math.min(...widths) : null,
    minLocation: location.length ? Math.min(...location) : null, broken: broken.slice(0, 5), brokenCount: broken.length, wide };
})()`;

/// At `width` CSS px: nothing wider than the viewport, path cells wide enough and broken only at
/// '/'; saves a full-page screenshot.
export async function checkLayout(call, width, screenshot) {
  const problems = [];
  await call("Emulation.setDeviceMetricsOverride", { width, height: 900, deviceScaleFactor: 1, mobile: width < 600 });
  await settle();
  const m = await evaluate(call, MEASURE);
  console.log(`  ${width} px: ${JSON.stringify(m)}`);
  const where = `at ${width} px`;
  if (m.scrollWidth > m.clientWidth || m.bodyScrollWidth > m.clientWidth || m.clientWidth > width)
    problems.push(`${where} the document is ${m.scrollWidth} px wide (body ${m.bodyScrollWidth}), the viewport ${m.clientWidth} px; too wide: ${m.wide.join(", ")}`);
  if (m.pathCells > 0 && m.minPath < MIN_PATH_CELL)
    problems.push(`${where} a path cell is ${m.minPath.toFixed(0)} px wide (minimum ${MIN_PATH_CELL})`);
  if (m.brokenCount > 0) problems.push(`${where} ${m.brokenCount} path part(s) broken inside a name: ${m.broken.join(", ")}`);
  if (width >= 1400 && m.minLocation !== null && m.minLocation < MIN_LOCATION_CELL_WIDE)
    problems.push(`${where} the location column of the complex functions is ${m.minLocation.toFixed(0)} px (minimum ${MIN_LOCATION_CELL_WIDE})`);
  const metrics = await call("Page.getLayoutMetrics");
  const size = metrics.cssContentSize || metrics.contentSize;
  const shot = await call("Page.captureScreenshot", {
    format: "png", captureBeyondViewport: true,
    clip: { x: 0, y: 0, width, height: Math.min(Math.ceil(size.height), 16000), scale: 1 },
  });
  writeFileSync(screenshot, Buffer.from(shot.data, "base64"));
  return problems;
}

/// Pages of a PDF as Chromium writes it: page objects (`/Type /Page`, not `/Pages`).
export function countPdfPages(pdf) {
  const text = pdf.toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

/// Paper: details open for printing (script and stylesheet), the grades and the top risks on
/// page 1 (a screenshot of it in print media is saved beside the PDF), the PDF saved and counted.
export async function checkPrint(call, pdfPath, maxPages) {
  const problems = [];
  // report.js: beforeprint opens every <details>, afterprint closes the ones it opened.
  const script = await evaluate(call, `(() => {
    const all = [...document.querySelectorAll("details")];
    const before = all.filter((d) => d.open).length;
    window.dispatchEvent(new Event("beforeprint"));
    const during = all.filter((d) => d.open).length;
    window.dispatchEvent(new Event("afterprint"));
    const after = all.filter((d) => d.open).length;
    return { details: all.length, before, during, after };
  })()`);
  console.log(`  details: ${JSON.stringify(script)}`);
  if (script.details === 0) problems.push("the report has no <details> to check");
  if (script.during !== script.details) problems.push(`after beforeprint ${script.during} of ${script.details} details are open`);
  if (script.after !== script.before) problems.push(`afterprint left ${script.after} details open, ${script.before} before`);

  // The print stylesheet alone, at the width of the A4 content box.
  await call("Emulation.setDeviceMetricsOverride", { width: A4_CONTENT_WIDTH, height: A4_CONTENT_HEIGHT, deviceScaleFactor: 1, mobile: false });
  await call("Emulation.setEmulatedMedia", { media: "print" });
  await settle();
  const paper = await evaluate(call, `(() => {
    const bottom = (sel) => { const e = document.querySelector(sel); if (!e) return null;
      const r = e.getBoundingClientRect(); return r.height > 0 ? Math.ceil(r.bottom + window.scrollY) : -1; };
    const closed = [...document.querySelectorAll("details:not([open])")];
    // Content of a closed <details> is in a content-visibility: hidden box unless the print
    // stylesheet opens it: checkVisibility() says so (a size would force its layout).
    const hidden = closed.filter((d) => [...d.children].some((c) => c.tagName !== "SUMMARY" &&
      !c.checkVisibility({ contentVisibilityAuto: true }))).length;
    const nav = [...document.querySelectorAll("nav")].filter((n) => getComputedStyle(n).display !== "none").length;
    return { grades: bottom("#overview .grades"), topRisks: bottom("#top-risks"), closed: closed.length, hidden, nav,
      scrollWidth: document.documentElement.scrollWidth };
  })()`);
  console.log(`  print media at ${A4_CONTENT_WIDTH}x${A4_CONTENT_HEIGHT} px: ${JSON.stringify(paper)}`);
  if (paper.grades === null || paper.grades < 0) problems.push("print: the grades are not on the page");
  else if (paper.grades > A4_CONTENT_HEIGHT) problems.push(`print: the grades end at ${paper.grades} px, page 1 at ${A4_CONTENT_HEIGHT} px`);
  // #top-risks is the lead's part of issue 16: required on page 1 once the report has it.
  if (paper.topRisks !== null && (paper.topRisks < 0 || paper.topRisks > A4_CONTENT_HEIGHT))
    problems.push(`print: #top-risks ends at ${paper.topRisks} px, page 1 at ${A4_CONTENT_HEIGHT} px`);
  if (paper.hidden > 0) problems.push(`print: ${paper.hidden} closed details still hide their content`);
  if (paper.nav > 0) problems.push("print: the navigation is printed");
  if (paper.scrollWidth > A4_CONTENT_WIDTH) problems.push(`print: the page is ${paper.scrollWidth} px wide, A4 holds ${A4_CONTENT_WIDTH}`);
  // What page 1 holds, for a reader of the artefacts (the PDF itself is saved below).
  const first = await call("Page.captureScreenshot", {
    format: "png", clip: { x: 0, y: 0, width: A4_CONTENT_WIDTH, height: A4_CONTENT_HEIGHT, scale: 1 },
  });
  writeFileSync(pdfPath.replace(/\.pdf$/, ".print-page1.png"), Buffer.from(first.data, "base64"));
  await call("Emulation.setEmulatedMedia", { media: "" });
  await call("Emulation.clearDeviceMetricsOverride");

  // The texts page 1 of the PDF must hold: the grades' heading and every grade's dimension, the
  // top risks' heading and every risk's title, as this report (in its language) writes them.
  const wanted = await evaluate(call, `(() => {
    const texts = (sel) => [...document.querySelectorAll(sel)].map((e) => e.textContent.replace(/\\s+/g, " ").trim()).filter(Boolean);
    return [...texts("#overview .grades h3"), ...texts("#overview .grades .grade-name"), ...texts("#top-risks h3"),
            ...texts("#top-risks .risk-title")];
  })()`);

  const pdf = await call("Page.printToPDF", { paperWidth: 210 / 25.4, paperHeight: 297 / 25.4, preferCSSPageSize: true, printBackground: true });
  const bytes = Buffer.from(pdf.data, "base64");
  writeFileSync(pdfPath, bytes);
  const pages = countPdfPages(bytes);
  if (pages < 1) problems.push("print: the PDF has no page");
  if (maxPages > 0 && pages > maxPages) problems.push(`print: ${pages} A4 pages, at most ${maxPages} expected`);
  problems.push(...checkFirstPage(pdfPath, wanted));
  return { problems, pages };
}

/// Page 1 of the PDF as text (pdftotext, from Debian's poppler-utils, which scripts/setup.sh
/// --test installs) holds every text of `wanted`; white space is compared collapsed, since a
/// title may wrap.
export function checkFirstPage(pdfPath, wanted) {
  if (wanted.length === 0) return ["print: the report has no grades or top risks to look for on page 1"];
  const run = spawnSync("pdftotext", ["-f", "1", "-l", "1", "-enc", "UTF-8", pdfPath, "-"], { encoding: "utf8" });
  if (run.error || run.status !== 0)
    return [`print: pdftotext could not read page 1 of ${pdfPath} (${run.error ? run.error.message : run.stderr.trim()}); ` +
            "it comes with poppler-utils: run scripts/setup.sh --test"];
  const collapse = (s) => s.replace(/\s+/g, " ").trim();
  const page = collapse(run.stdout);
  writeFileSync(pdfPath.replace(/\.pdf$/, ".page1.txt"), run.stdout);
  console.log(`  PDF page 1: ${page.length} characters of text; looking for ${wanted.length} texts`);
  return wanted.filter((t) => !page.includes(collapse(t))).map((t) => `print: "${t}" is not on page 1 of the PDF`);
}
