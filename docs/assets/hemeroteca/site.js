/* Copy buttons of the "cite this" box. The clipboard API needs a secure context, which a
 * page opened from file:// may not be; then the text is selected for the reader to copy.
 * What the buttons say comes from the interface's catalogue (i18n.js). */
(function () {
  "use strict";
  function T(id) { var i = window.hemerotecaI18n; return i ? i.t(id) : id; }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-hem-copy]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-hem-copy"));
    if (!source) return;
    var details = source.closest("details");
    if (details) details.open = true;
    var label = button.textContent;
    function done(text) {
      button.textContent = text;
      setTimeout(function () { button.textContent = label; }, 1500);
    }
    function select() {
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      done(T("Selected: press Ctrl+C"));
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.textContent).then(function () { done(T("Copied")); }, select);
    } else {
      select();
    }
  });
})();

/* The words a search found, highlighted in the article opened from its results: the result's
 * link carries them (?hl=), as the folded forms the article's text holds. */
(function () {
  "use strict";
  var wanted = new URLSearchParams(location.search).get("hl");
  var text = document.querySelector(".hem-text");
  if (!wanted || !text) return;
  function fold(word) { return word.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, ""); }
  var forms = new Set(wanted.split(/\s+/).filter(Boolean));
  var first = null;
  [document.querySelector("h1"), text].forEach(function (scope) {
    if (!scope) return;
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT), nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var value = node.nodeValue, re = /[\p{L}\p{N}]+/gu, m, at = 0, out = document.createDocumentFragment();
      while ((m = re.exec(value))) {
        if (!forms.has(fold(m[0]))) continue;
        out.appendChild(document.createTextNode(value.slice(at, m.index)));
        var mark = document.createElement("mark");
        mark.className = "hem-hl";
        mark.textContent = m[0];
        out.appendChild(mark);
        if (!first && scope === text) first = mark;
        at = m.index + m[0].length;
      }
      if (!at) return;
      out.appendChild(document.createTextNode(value.slice(at)));
      node.parentNode.replaceChild(out, node);
    });
  });
  if (first) first.scrollIntoView({ block: "center" });
})();

/* A search box in the header of every page that has none of its own (home and the search
 * page do), leading to the search page. The site's root is Material's "base" in the page's
 * configuration, relative, so the box works from file:// too. */
(function () {
  "use strict";
  var header = document.querySelector(".md-header__inner");
  var config = document.getElementById("__config");
  if (!header || !config || document.querySelector("form[role=search]")) return;
  var i18n = window.hemerotecaI18n;
  function T(id) { return i18n ? i18n.t(id) : id; }
  var base = ".";
  try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* the default */ }
  var form = document.createElement("form");
  form.className = "hem-header-search";
  form.setAttribute("role", "search");
  form.action = base.replace(/\/$/, "") + "/search.html";
  form.method = "get";
  var input = document.createElement("input");
  input.type = "search";
  input.name = "q";
  input.id = "hem-header-q";
  input.setAttribute("aria-label", T("Search the archive"));
  input.placeholder = T("Search");
  form.appendChild(input);
  var title = header.querySelector(".md-header__title");
  header.insertBefore(form, title ? title.nextSibling : null);
})();
