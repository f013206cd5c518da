/* The report tables: the first rows shown (data-summary), a filter box, sortable columns and a
   button that shows every row. Offline, no library. It only moves and hides the rows the report
   holds and reads their text (textContent): it never builds markup from the data. */
(function () {
  "use strict";
  var FOLD = [[/[\u064B-\u0652\u0640]/g, ""], [/[أإآٱ]/g, "ا"], [/ى/g, "ي"], [/ة/g, "ه"]];

  function fold(text) {
    var out = (text || "").toLowerCase();
    FOLD.forEach(function (pair) { out = out.replace(pair[0], pair[1]); });
    return out;
  }

  function number(text) {
    var t = (text || "").replace(/[\u2066-\u2069,\s]/g, "").replace(/[٠-٩]/g, function (d) {
      return String(d.charCodeAt(0) - 0x660);
    });
    return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(t) ? parseFloat(t) : NaN;
  }

  function enhance(table) {
    var body = table.tBodies[0];
    var head = table.tHead;
    if (!body || !head || !head.rows.length) return;
    var rows = Array.prototype.slice.call(body.rows);
    var summary = parseInt(table.getAttribute("data-summary") || "15", 10);
    var state = {query: "", all: false, column: -1, descending: false};
    var tools = null, input = null, button = null, count = null;

    if (rows.length > summary) {
      tools = document.createElement("div");
      tools.className = "table-tools";
      tools.setAttribute("dir", "rtl");
      input = document.createElement("input");
      input.type = "search";
      input.placeholder = "تصفية الصفوف · filter rows";
      input.setAttribute("aria-label", "filter rows");
      button = document.createElement("button");
      button.type = "button";
      count = document.createElement("span");
      count.className = "table-count";
      tools.appendChild(input);
      tools.appendChild(button);
      tools.appendChild(count);
      table.parentNode.insertBefore(tools, table);
      input.addEventListener("input", function () { state.query = fold(input.value.trim()); update(); });
      button.addEventListener("click", function () { state.all = !state.all; update(); });
    }

    function update() {
      var matching = 0, shown = 0;
      rows.forEach(function (row) {
        var match = !state.query || fold(row.textContent).indexOf(state.query) !== -1;
        var visible = match && (state.all || state.query !== "" || matching < summary);
        if (match) matching += 1;
        if (visible) shown += 1;
        row.style.display = visible ? "" : "none";
      });
      if (count) {
        count.textContent = "يعرض " + shown + " من " + rows.length + " · showing " + shown + " of " + rows.length;
        button.textContent = state.all ? "عرض الملخص · summary" : "عرض الكل · show all";
        button.hidden = state.query !== "";
      }
    }

    var headers = head.rows[head.rows.length - 1].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      th.classList.add("sortable");
      th.setAttribute("title", "رتب · sort");
      th.addEventListener("click", function () {
        state.descending = state.column === index ? !state.descending : false;
        state.column = index;
        var values = rows.map(function (row) {
          return row.cells[index] ? row.cells[index].textContent.trim() : "";
        });
        var numeric = values.every(function (v) { return v === "" || !isNaN(number(v)); });
        var order = rows.map(function (row, i) { return i; });
        order.sort(function (a, b) {
          var x = values[a], y = values[b], result;
          if (x === "" || y === "") {
            result = (x === "") - (y === "");  // empty cells last
            return result || a - b;
          }
          result = numeric ? number(x) - number(y) : x.localeCompare(y, "ar");
          return (state.descending ? -result : result) || a - b;
        });
        rows = order.map(function (i) { return rows[i]; });
        rows.forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("data-sort"); });
        th.setAttribute("data-sort", state.descending ? "descending" : "ascending");
        update();
      });
    });
    update();
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.report-table"), enhance);
})();
