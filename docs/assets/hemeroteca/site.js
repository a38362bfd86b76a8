/* Copy buttons of the "cite this" box. The clipboard API needs a secure context, which a
 * page opened from file:// may not be; then the text is selected for the reader to copy. */
(function () {
  "use strict";
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
      done("Selected: press Ctrl+C");
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.textContent).then(function () { done("Copied"); }, select);
    } else {
      select();
    }
  });
})();
