/* Channel composer: keep the length line under the text current while typing.
 * SMS replies show how many messages the text costs (hub/sms_segments.py has
 * the same rules and is what the tests check); other channels show their limit.
 * The server checks the limit again; this only saves the agent a refused send.
 */
(function () {
  "use strict";
  var form = document.querySelector("form.channel-composer");
  var body = document.getElementById("body");
  var line = document.getElementById("channel-count");
  if (!form || !body || !line) { return; }
  var limit = Number(form.dataset.maxChars || 0);
  var sms = form.dataset.sms === "1";
  var GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
            "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  var GSM_EXTENDED = "^{}\\[~]|€\f";

  function smsCount(chars) {
    var gsm = chars.every(function (c) { return GSM.indexOf(c) >= 0 || GSM_EXTENDED.indexOf(c) >= 0; });
    var sizes = chars.map(function (c) {
      if (gsm) { return GSM_EXTENDED.indexOf(c) >= 0 ? 2 : 1; }
      return c.codePointAt(0) > 0xFFFF ? 2 : 1;
    });
    var single = gsm ? 160 : 70, part = gsm ? 153 : 67;
    var total = sizes.reduce(function (a, b) { return a + b; }, 0);
    if (total === 0) { return { encoding: gsm ? "GSM-7" : "UCS-2", segments: 0, per: single }; }
    if (total <= single) { return { encoding: gsm ? "GSM-7" : "UCS-2", segments: 1, per: single }; }
    var segments = 1, room = part;
    sizes.forEach(function (size) {
      if (size > room) { segments += 1; room = part; }
      room -= size;
    });
    return { encoding: gsm ? "GSM-7" : "UCS-2", segments: segments, per: part };
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? String(values[name]) : whole; });
  }

  function update() {
    var chars = Array.from(body.value.replace(/\r\n/g, "\n"));  // code points, as the server counts
    var text;
    if (sms) {
      var counted = smsCount(chars);
      text = fill(form.dataset.textSms, { chars: chars.length, segments: counted.segments, encoding: counted.encoding, per: counted.per });
    } else if (limit > 0) {
      text = fill(form.dataset.textLimit, { chars: chars.length, limit: limit });
    } else {
      text = fill(form.dataset.textPlain, { chars: chars.length });
    }
    line.textContent = text;
    var over = limit > 0 && chars.length > limit;
    line.classList.toggle("error", over);
    body.setCustomValidity(over ? text : "");
  }

  body.addEventListener("input", update);
  update();
})();
