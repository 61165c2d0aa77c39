/* Kontakt Hub website chat widget. Embed with one tag:
 *   <script src="https://HUB/static/chat-widget.js" data-kontakt-chat="CHANNEL_ID" async></script>
 * No dependencies, no inline script or style (styles are set through the CSSOM, which a page's
 * CSP does not restrict), no cookies: the conversation token lives in localStorage and travels in
 * the X-Chat-Token header. The embedding page's CSP must allow this script's origin in
 * script-src and connect-src. Every text from the network is set with textContent.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.kontaktChat || !window.fetch || !window.localStorage) { return; }
  var hub = new URL(script.src).origin;
  var channel = encodeURIComponent(script.dataset.kontaktChat);
  var api = hub + "/chat/w/" + channel;
  var storeKey = "kontakt-chat:" + hub + ":" + channel;
  var german = /^de\b/i.test(document.documentElement.lang || navigator.language || "");
  var words = german
    ? { open: "Chat", close: "Schließen", title: "Wir sind für Sie da", name: "Ihr Name (optional)", email: "Ihre E-Mail (optional)",
        message: "Ihre Nachricht", send: "Senden", failed: "Nicht gesendet: ", offline: "Verbindung unterbrochen, neuer Versuch …" }
    : { open: "Chat", close: "Close", title: "We are here to help", name: "Your name (optional)", email: "Your e-mail (optional)",
        message: "Your message", send: "Send", failed: "Not sent: ", offline: "Connection lost, retrying …" };

  var state = load();
  var shown = {};
  var cursor = 0; // newest line shown on this page: a reload shows the conversation again from the start
  var streaming = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { return {}; }
  }
  function save() {
    try { localStorage.setItem(storeKey, JSON.stringify(state)); } catch (e) { /* private mode: chat still works this visit */ }
  }
  function randomId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function el(tag, styles, text) {
    var node = document.createElement(tag);
    Object.keys(styles || {}).forEach(function (key) { node.style[key] = styles[key]; });
    if (text) { node.textContent = text; }
    return node;
  }

  // -- the box ------------------------------------------------------------------------------
  var font = "14px/1.4 system-ui, sans-serif";
  var launcher = el("button", { position: "fixed", right: "20px", bottom: "20px", zIndex: "2147483000", padding: "10px 18px",
    borderRadius: "20px", border: "0", background: "#1d4ed8", color: "#fff", font: font, cursor: "pointer" }, words.open);
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("data-kontakt-chat", "launcher");
  var panel = el("section", { position: "fixed", right: "20px", bottom: "70px", zIndex: "2147483000", width: "320px", maxWidth: "calc(100vw - 40px)",
    display: "none", flexDirection: "column", background: "#fff", color: "#111", border: "1px solid #ccc", borderRadius: "8px",
    boxShadow: "0 4px 16px rgba(0,0,0,.2)", font: font });
  panel.setAttribute("aria-label", words.title);
  panel.setAttribute("data-kontakt-chat", "panel");
  var header = el("header", { padding: "8px 12px", background: "#1d4ed8", color: "#fff", borderRadius: "8px 8px 0 0" }, words.title);
  var log = el("ol", { listStyle: "none", margin: "0", padding: "8px 12px", height: "240px", overflowY: "auto" });
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  var status = el("p", { margin: "0 12px", color: "#b91c1c", minHeight: "1em" });
  status.setAttribute("role", "status");
  var form = el("form", { display: "flex", flexDirection: "column", gap: "4px", padding: "8px 12px" });
  var nameInput = el("input", { font: font });
  nameInput.placeholder = words.name; nameInput.maxLength = 200; nameInput.name = "name"; nameInput.autocomplete = "name";
  var emailInput = el("input", { font: font });
  emailInput.type = "email"; emailInput.placeholder = words.email; emailInput.name = "email"; emailInput.autocomplete = "email";
  var textInput = el("textarea", { font: font, resize: "vertical" });
  textInput.placeholder = words.message; textInput.rows = 2; textInput.required = true; textInput.name = "text";
  textInput.maxLength = 4000;
  var sendButton = el("button", { font: font, padding: "6px", border: "0", borderRadius: "4px", background: "#1d4ed8", color: "#fff", cursor: "pointer" }, words.send);
  sendButton.type = "submit";
  [nameInput, emailInput, textInput].forEach(function (input) { input.setAttribute("aria-label", input.placeholder); });
  nameInput.value = state.name || "";
  emailInput.value = state.email || "";
  form.append(nameInput, emailInput, textInput, sendButton);
  panel.append(header, log, status, form);

  function show(line) {
    if (shown[line.id]) { return; }
    shown[line.id] = true;
    cursor = Math.max(cursor, line.id);
    var item = el("li", { margin: "4px 0", textAlign: line.direction === "out" ? "left" : "right" });
    item.setAttribute("data-direction", line.direction);
    var bubble = el("span", { display: "inline-block", padding: "4px 8px", borderRadius: "8px", whiteSpace: "pre-wrap",
      background: line.direction === "out" ? "#e5e7eb" : "#dbeafe" }, line.text);
    item.appendChild(bubble);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }
  function note(text) {
    var item = el("li", { margin: "4px 0", color: "#555" }, text);
    log.appendChild(item);
  }

  // -- talking to the hub -------------------------------------------------------------------
  function call(method, path, body) {
    var headers = { "Content-Type": "application/json" };
    if (state.token) { headers["X-Chat-Token"] = state.token; }
    return fetch(api + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, credentials: "omit", mode: "cors" })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (!response.ok) { var error = new Error(data.error || ("HTTP " + response.status)); error.status = response.status; throw error; }
          return data;
        });
      });
  }
  function start() {
    if (state.token) { return Promise.resolve(); }
    return call("POST", "/conversations", {}).then(function (data) {
      state.token = data.token; state.greeting = data.greeting || ""; save();
      if (data.max_chars) { textInput.maxLength = data.max_chars; }
      if (state.greeting) { note(state.greeting); }
    });
  }
  function send(text, id, attempt) {
    return call("POST", "/messages", { id: id, text: text, name: state.name || "", email: state.email || "", page_url: location.href })
      .catch(function (error) {
        // Network trouble: the same id again, so a request that did arrive is not stored twice.
        if (!error.status && attempt < 3) {
          return new Promise(function (resolve) { setTimeout(resolve, 1000 * (attempt + 1)); }).then(function () { return send(text, id, attempt + 1); });
        }
        throw error;
      });
  }

  function stream() {
    if (streaming || !state.token) { return; }
    streaming = true;
    var headers = { "X-Chat-Token": state.token, "Accept": "text/event-stream" };
    fetch(api + "/stream?after=" + cursor, { headers: headers, credentials: "omit", mode: "cors" })
      .then(function (response) {
        if (!response.ok) { var error = new Error("HTTP " + response.status); error.status = response.status; throw error; }
        if (!response.body || !response.body.getReader) { return poll(); }
        status.textContent = "";
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = "";
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) { return; }
            buffer += decoder.decode(chunk.value, { stream: true });
            var events = buffer.split("\n\n");
            buffer = events.pop();
            events.forEach(handleEvent);
            return pump();
          });
        }
        return pump();
      })
      .then(function () { streaming = false; setTimeout(stream, 500); },
        function (error) {
          streaming = false;
          if (error.status === 403 || error.status === 401) { forget(); return; }
          status.textContent = words.offline;
          setTimeout(stream, 3000);
        });
  }
  function handleEvent(block) {
    var type = "message", data = "";
    block.split("\n").forEach(function (row) {
      if (row.indexOf("event:") === 0) { type = row.slice(6).trim(); }
      if (row.indexOf("data:") === 0) { data += row.slice(5).trim(); }
    });
    if (type === "line" && data) { show(JSON.parse(data)); }
  }
  function poll() {
    // Long-poll fallback for browsers without streamed fetch bodies.
    return call("GET", "/messages?after=" + cursor).then(function (data) {
      (data.messages || []).forEach(show);
      return new Promise(function (resolve) { setTimeout(resolve, 3000); });
    });
  }
  function forget() {
    // A token this hub no longer accepts (new secret key, other channel): begin a new conversation.
    state = { name: state.name, email: state.email };
    save();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = textInput.value.trim();
    if (!text) { return; }
    state.name = nameInput.value.trim();
    state.email = emailInput.value.trim();
    save();
    sendButton.disabled = true;
    status.textContent = "";
    start()
      .then(function () { stream(); return send(text, randomId(), 0); })
      .then(function () { textInput.value = ""; })
      .catch(function (error) {
        status.textContent = words.failed + error.message;
        if (error.status === 403 && /token/.test(error.message)) { forget(); }
      })
      .then(function () { sendButton.disabled = false; textInput.focus(); });
  });
  launcher.addEventListener("click", function () {
    var open = panel.style.display === "none";
    panel.style.display = open ? "flex" : "none";
    launcher.setAttribute("aria-expanded", String(open));
    launcher.textContent = open ? words.close : words.open;
    if (open) {
      if (!log.childNodes.length && state.greeting) { note(state.greeting); }
      stream();
      textInput.focus();
    }
  });

  function mount() { document.body.append(panel, launcher); }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
}());
