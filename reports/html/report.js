// Sorting for tables marked "sortable": click a column header. Printing opens every <details>
// (and closes again the ones it opened afterwards). The report reads the same without this
// script; it adds nothing that is not already on the page.
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    var text = cell ? cell.textContent.trim() : "";
    // Numbers are written per language ("12,345.6" or "12.345,6", "45 %"): keep digits and the
    // decimal mark of the page language.
    var decimal = document.documentElement.lang === "da" ? "," : ".";
    var cleaned = text.replace(/[\s%\u00a0]/g, "");
    var grouping = decimal === "," ? /\./g : /,/g;
    cleaned = cleaned.replace(grouping, "").replace(decimal, ".");
    var n = Number(cleaned);
    return cleaned !== "" && !isNaN(n) ? n : text.toLowerCase();
  }
  function sortBy(table, th, index) {
    var body = table.tBodies[0];
    if (!body) return;
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var cmp = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
      return ascending ? cmp : -cmp;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    if (!table.tHead || !table.tHead.rows.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.classList.add("sortable-ready");
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, th, index); });
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(table, th, index); }
      });
    });
  });
  // The stylesheet prints closed <details> open where the browser supports ::details-content;
  // this does it everywhere else, and puts the page back as it was after printing.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      openedForPrint.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });
})();
