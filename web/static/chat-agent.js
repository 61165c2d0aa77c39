/* Live updates of the agents' chat pages (progressive enhancement: the pages work without it).
 * List page: a "chat" signal re-reads the list. Conversation page: each "line" event is appended.
 * Text is set with textContent only, never parsed as HTML.
 */
(function () {
  "use strict";
  var list = document.getElementById("chat-list");
  if (list && window.EventSource) {
    var signals = new EventSource(list.dataset.eventsUrl);
    signals.addEventListener("chat", function () {
      fetch(list.dataset.partialUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { return; }
        return response.text().then(function (html) {
          var parsed = new DOMParser().parseFromString(html, "text/html");
          var table = parsed.querySelector("table");
          if (table) { list.replaceChildren(document.adoptNode(table)); }
        });
      });
    });
  }

  var lines = document.getElementById("chat-lines");
  if (!lines || !window.EventSource) { return; }
  var lastId = parseInt(lines.dataset.lastId || "0", 10);

  function append(line) {
    if (line.id <= lastId) { return; }
    lastId = line.id;
    var item = document.createElement("li");
    item.className = "chat-line " + (line.direction === "out" ? "out" : "in");
    item.dataset.id = String(line.id);
    var when = document.createElement("time");
    when.textContent = String(line.at).slice(0, 16).replace("T", " ");
    var who = document.createElement("strong");
    who.textContent = line.author;
    var text = document.createElement("span");
    text.className = "text";
    text.textContent = line.text;
    item.append(when, " ", who, " ", text);
    lines.appendChild(item);
    item.scrollIntoView({ block: "nearest" });
  }

  function connect() {
    var url = new URL(lines.dataset.streamUrl, window.location.href);
    url.searchParams.set("after", String(lastId));
    var stream = new EventSource(url.toString());
    stream.addEventListener("line", function (event) { append(JSON.parse(event.data)); });
    // The server ends each stream after a while; reconnect from our own cursor, not the browser's.
    stream.onerror = function () { stream.close(); window.setTimeout(connect, 2000); };
  }
  connect();
}());
