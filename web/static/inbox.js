/* Inbox keyboard shortcuts and live arrival of new messages.
 * Progressive enhancement: every action is also a plain form, so the page
 * works without this file. Loaded from our own origin (CSP script-src 'self').
 */
(function () {
  "use strict";
  var root = document.getElementById("inbox");
  if (!root) { return; }
  var rowsBox = document.getElementById("inbox-rows");
  var selected = 0;

  function rows() { return Array.prototype.slice.call(rowsBox.querySelectorAll("li.inbox-row")); }

  function select(index) {
    var all = rows();
    if (!all.length) { return; }
    selected = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) { row.classList.toggle("selected", i === selected); });
    all[selected].scrollIntoView({ block: "nearest" });
  }

  function current() { return rows()[selected]; }

  function post(url, fields) {
    var body = new URLSearchParams(fields);
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin", redirect: "manual",
      headers: { "X-CSRF-Token": root.dataset.csrf }
    }).then(refresh);
  }

  function refresh() {
    var url = new URL(root.dataset.partialUrl, window.location.href);
    url.searchParams.set("partial", "1");
    var keep = current() && current().dataset.id;
    return fetch(url.toString(), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { return; }
      return response.text().then(function (html) {
        var parsed = new DOMParser().parseFromString(html, "text/html");
        var known = {};
        rows().forEach(function (row) { known[row.dataset.id] = true; });
        rowsBox.replaceChildren.apply(rowsBox, Array.prototype.slice.call(parsed.body.childNodes));
        var all = rows();
        var index = 0;
        all.forEach(function (row, i) {
          if (!known[row.dataset.id]) { row.classList.add("inbox-new"); }
          if (row.dataset.id === keep) { index = i; }
        });
        select(index);
      });
    });
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var row = current();
    switch (event.key) {
      case "j": select(selected + 1); break;
      case "k": select(selected - 1); break;
      case "o": if (row) { window.location.assign(row.dataset.openUrl); } break;
      case "r": if (row) { window.location.assign(row.dataset.replyUrl); } break;
      case "a": if (row) { post(row.dataset.assignUrl, { assignee: "me" }); } break;
      case "e": if (row) { post(row.dataset.statusUrl, { status: "closed" }); } break;
      default: return;
    }
    event.preventDefault();
  });

  if (window.EventSource) {
    var source = new EventSource(root.dataset.eventsUrl);
    source.addEventListener("interaction.created", function () { refresh(); });
  }
  select(0);
})();
