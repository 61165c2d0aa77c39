/* Reply composer: refuse too large attachments before uploading them.
 * The server checks the same limit; this only saves the agent a long upload
 * that would be refused, and keeps the typed text on the page.
 */
(function () {
  "use strict";
  var form = document.querySelector("form.composer");
  var input = document.getElementById("attachments");
  var warning = document.getElementById("attachments-too-large");
  if (!form || !input || !warning) { return; }
  var limit = Number(form.dataset.maxAttachmentBytes || 0);

  function total() {
    return Array.prototype.reduce.call(input.files || [], function (sum, file) { return sum + file.size; }, 0);
  }

  function check() {
    var tooLarge = limit > 0 && total() > limit;
    warning.hidden = !tooLarge;
    input.setCustomValidity(tooLarge ? warning.textContent : "");
    return !tooLarge;
  }

  input.addEventListener("change", check);
  form.addEventListener("submit", function (event) {
    if (!check()) { event.preventDefault(); input.focus(); }
  });
})();
