import Crypto
import Foundation

/// The report's inline style sheet and script, and the Content-Security-Policy that allows
/// exactly them: nothing is loaded from anywhere, the one script runs by its hash.
enum ReportAssets {
    /// The Content-Security-Policy of every page (a `<meta http-equiv>`): no source at all by
    /// default, inline styles, the inline script by its SHA-256, images only as `data:` URLs.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src '\(scriptHash)'; img-src data:; "
        + "base-uri 'none'; form-action 'none'"

    /// `sha256-<base64>` of `script`, as CSP wants it.
    static let scriptHash = "sha256-" + Data(SHA256.hash(data: Data(script.utf8))).base64EncodedString()

    /// Sorting of tables whose header cells have `data-sort`, and the sector and category
    /// filters of the vendor table. The pages are complete without it.
    static let script = """

        (function () {
          "use strict";
          function cellValue(row, index, numeric) {
            var cell = row.cells[index];
            if (!cell) { return numeric ? 0 : ""; }
            var raw = cell.getAttribute("data-value");
            if (raw === null) { raw = cell.textContent; }
            return numeric ? (parseFloat(raw) || 0) : raw.toLowerCase();
          }
          document.querySelectorAll("table.sortable").forEach(function (table) {
            var headers = table.tHead ? table.tHead.rows[0].cells : [];
            Array.prototype.forEach.call(headers, function (header, index) {
              var kind = header.getAttribute("data-sort");
              if (!kind) { return; }
              var button = document.createElement("button");
              button.type = "button";
              button.className = "sort";
              button.textContent = header.textContent;
              header.textContent = "";
              header.appendChild(button);
              button.addEventListener("click", function () {
                var ascending = header.getAttribute("aria-sort") !== "ascending";
                Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
                header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                var numeric = kind === "number";
                rows.sort(function (a, b) {
                  var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
                  var order = x < y ? -1 : (x > y ? 1 : 0);
                  return ascending ? order : -order;
                });
                rows.forEach(function (row) { body.appendChild(row); });
              });
            });
          });
          var filters = document.getElementById("vendor-filters");
          var table = document.getElementById("vendor-table");
          if (filters && table) {
            filters.hidden = false;
            var sector = document.getElementById("filter-sector");
            var category = document.getElementById("filter-category");
            var text = document.getElementById("filter-text");
            var count = document.getElementById("filter-count");
            var apply = function () {
              var shown = 0;
              Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
                var ok = (!sector.value || row.getAttribute("data-sector") === sector.value)
                  && (!category.value || (" " + row.getAttribute("data-categories") + " ").indexOf(" " + category.value + " ") >= 0)
                  && (!text.value || row.getAttribute("data-search").indexOf(text.value.toLowerCase()) >= 0);
                row.hidden = !ok;
                if (ok) { shown += 1; }
              });
              count.textContent = String(shown);
            };
            [sector, category, text].forEach(function (control) {
              control.addEventListener("input", apply);
              control.addEventListener("change", apply);
            });
            apply();
          }
        }());

        """

    /// The style sheet: readable on a phone (tables scroll sideways, cards stack), printable.
    static let style = """
        :root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --accent: #2f5fb3; --soft: #f4f6fa; }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        header.site { background: var(--ink); color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: baseline; }
        header.site strong { font-size: 1.1rem; margin-right: .6rem; }
        header.site a { color: #dfe6f5; text-decoration: none; }
        header.site a[aria-current] { color: #fff; text-decoration: underline; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: .4rem 0 1rem; }
        h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
        .muted, .note { color: var(--muted); }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .6rem; }
        .card { background: var(--soft); border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .8rem; }
        .card .figure { font-size: 1.4rem; font-weight: 600; display: block; }
        .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--soft); font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.subject { overflow-wrap: anywhere; }
        button.sort { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
        th[aria-sort="ascending"] button.sort::after { content: " \\25B2"; }
        th[aria-sort="descending"] button.sort::after { content: " \\25BC"; }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; margin: .5rem 0 1rem; align-items: end; }
        .filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
        .filters select, .filters input { font: inherit; padding: .25rem .4rem; min-width: 10rem; }
        svg.chart { width: 100%; height: auto; max-height: 16rem; display: block; }
        svg.chart .bar { fill: var(--accent); }
        svg.chart text { font-size: 10px; fill: var(--muted); }
        .items { margin: .2rem 0 0; padding-left: 1.1rem; color: var(--muted); font-size: .88rem; }
        .tag { display: inline-block; font-size: .78rem; padding: .05rem .4rem; border-radius: .6rem; background: var(--soft); border: 1px solid var(--line); }
        .hint { background: #fff7e0; border: 1px solid #f0d78c; border-radius: .4rem; padding: .5rem .7rem; }
        code { background: var(--soft); padding: .05rem .3rem; border-radius: .25rem; overflow-wrap: anywhere; }
        footer { color: var(--muted); font-size: .82rem; padding: 1rem; text-align: center; }
        @media (max-width: 40rem) {
          body { font-size: 14px; }
          main { padding: .6rem; }
          th, td { padding: .3rem .35rem; }
          .wide-only { display: none; }
        }
        @media print {
          header.site, .filters, button.sort::after { display: none !important; }
          body { font-size: 10.5pt; color: #000; }
          main { max-width: none; padding: 0; }
          .scroll { overflow: visible; }
          a { color: inherit; text-decoration: none; }
          h2 { break-after: avoid; }
          tr, .card, svg.chart { break-inside: avoid; }
          .card { background: none; }
          th { background: none; }
        }
        """
}
