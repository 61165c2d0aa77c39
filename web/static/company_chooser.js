/* Company chooser of the contact form: search as you type.
 * Progressive enhancement: without this file the search field submits a GET
 * form that reloads the page with the matches in the <select>. With it, the
 * same lookup runs in place (no reload, unsaved edits stay) and the matches
 * replace the earlier ones. Loaded from our own origin (CSP script-src 'self').
 */
(function () {
  "use strict";
  var DELAY_MS = 200;

  function setUp(box) {
    var select = box.querySelector("select.company-choice");
    var input = box.querySelector("input.company-query");
    var status = box.querySelector(".company-status");
    var finder = input && input.form;
    if (!select || !input || !finder) { return; }
    var timer = null;
    var asked = 0;

    function showMatches(companies, query) {
      var keep = select.value;
      Array.prototype.slice.call(select.querySelectorAll("option[data-match]")).forEach(function (option) {
        if (option.value !== keep) { option.remove(); }
      });
      companies.forEach(function (company) {
        var id = String(company.id);
        if (select.querySelector('option[value="' + id + '"]')) { return; }
        var option = document.createElement("option");
        option.value = id;
        option.dataset.match = "";
        option.textContent = company.domain ? company.name + " (" + company.domain + ")" : company.name;
        select.appendChild(option);
      });
      if (status) {
        status.textContent = query ? (box.dataset.foundText || "{n}").replace("{n}", String(companies.length)) : "";
      }
    }

    function lookUp() {
      var query = input.value.trim();
      var mine = ++asked;
      if (!query) { showMatches([], ""); return; }
      var url = new URL(box.dataset.lookupUrl, window.location.href);
      url.searchParams.set("q", query);
      fetch(url.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) {
          // An older, slower answer must not overwrite a newer one.
          if (body && mine === asked) { showMatches(body.companies || [], query); }
        })
        .catch(function () { /* the plain form still works */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, DELAY_MS);
    });
    finder.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      lookUp();
    });
  }

  Array.prototype.slice.call(document.querySelectorAll(".company-chooser[data-lookup-url]")).forEach(setUp);
})();
