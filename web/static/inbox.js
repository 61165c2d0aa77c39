/* Inbox keyboard shortcuts, live arrival of new messages, live changes by other agents.
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

  function fetchRows() {
    var url = new URL(root.dataset.partialUrl, window.location.href);
    url.searchParams.set("partial", "1");
    return fetch(url.toString(), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { return null; }
      return response.text().then(function (html) { return new DOMParser().parseFromString(html, "text/html"); });
    });
  }

  function rowById(container, id) {
    return container.querySelector('li.inbox-row[data-id="' + String(Number(id)) + '"]');
  }

  /* A row the agent is working in (typing a note, a menu open) keeps its forms; only its summary line is redrawn. */
  function busy(row) {
    if (row.contains(document.activeElement) && document.activeElement !== row) { return true; }
    if (row.querySelector("details[open]")) { return true; }
    return Array.prototype.some.call(row.querySelectorAll("textarea"), function (area) { return area.value.trim() !== ""; });
  }

  /* Changes arriving close together (a colleague closing ten messages) cost one fetch of the list. */
  var pendingIds = {};
  var pendingTimer = null;

  function scheduleUpdate(id) {
    pendingIds[String(Number(id))] = true;
    if (pendingTimer) { return; }
    pendingTimer = window.setTimeout(function () {
      var ids = Object.keys(pendingIds);
      pendingIds = {};
      pendingTimer = null;
      fetchRows().then(function (parsed) {
        if (!parsed) { return; }
        var keep = current() && current().dataset.id;
        ids.forEach(function (changed) { updateRow(parsed, changed); });
        var all = rows();
        var index = all.findIndex(function (row) { return row.dataset.id === keep; });
        if (all.length) { select(index < 0 ? Math.min(selected, all.length - 1) : index); }
      });
    }, 150);
  }

  /* Another agent changed one message: redraw its row as the current filters now show it, add it or drop it. */
  function updateRow(parsed, id) {
    var mine = rowById(rowsBox, id);
    var fresh = rowById(parsed, id);
    if (mine && fresh) {
      if (busy(mine)) {
        var meta = mine.querySelector(".inbox-meta");
        var freshMeta = fresh.querySelector(".inbox-meta");
        if (meta && freshMeta) { meta.replaceWith(document.importNode(freshMeta, true)); }
        mine.className = fresh.className;
        mine.classList.add("inbox-updated");
      } else {
        var copy = document.importNode(fresh, true);
        copy.classList.add("inbox-updated");
        mine.replaceWith(copy);
      }
    } else if (mine && !busy(mine)) {
      mine.remove();
    } else if (!mine && fresh) {
      var list = rowsBox.querySelector("ol.inbox-list");
      if (!list) { return; }
      var empty = list.querySelector("li.inbox-empty");
      if (empty) { empty.remove(); }
      var after = fresh.nextElementSibling;
      while (after && !rowById(rowsBox, after.dataset.id)) { after = after.nextElementSibling; }
      var added = document.importNode(fresh, true);
      added.classList.add("inbox-updated");
      list.insertBefore(added, after ? rowById(rowsBox, after.dataset.id) : null);
    }
  }

  function refresh() {
    var keep = current() && current().dataset.id;
    return fetchRows().then(function (parsed) {
      if (!parsed) { return; }
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
    source.addEventListener("inbox.changed", function (message) {
      var event;
      try { event = JSON.parse(message.data); } catch (error) { return; }
      if (event && event.interaction_id) { scheduleUpdate(event.interaction_id); }
    });
  }
  select(0);
})();
