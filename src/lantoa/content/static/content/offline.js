/* Lan Tỏa offline: register the service worker, save a topic pack, take a quiz offline and sync it later. */
(function () {
  "use strict";
  var QUEUE = "lantoa-quiz-queue";
  function say(el, text) { var s = el.parentNode.querySelector("[data-say]"); if (s) s.textContent = text; }
  function newKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  }
  function queue() { try { return JSON.parse(localStorage.getItem(QUEUE) || "[]"); } catch (e) { return []; } }
  function save(items) { localStorage.setItem(QUEUE, JSON.stringify(items)); }
  function flush() {
    if (!navigator.onLine) return;
    queue().forEach(function (item) {
      fetch(item.url, { method: "POST", body: new URLSearchParams(item.body), credentials: "same-origin" })
        .then(function (r) {
          /* 200: counted (or already counted under this key); 400: refused for good. Either way, done. */
          if (r.ok || r.status === 400) save(queue().filter(function (x) { return x.body.key !== item.body.key; }));
        }).catch(function () {});
    });
  }
  document.querySelectorAll("[data-pack]").forEach(function (btn) {
    btn.hidden = false;
    btn.addEventListener("click", function () {
      btn.disabled = true;
      fetch(btn.getAttribute("data-pack")).then(function (r) { return r.json(); }).then(function (pack) {
        return caches.open("lantoa-packs").then(function (c) { return c.addAll(pack.urls); });
      }).then(function () { say(btn, btn.getAttribute("data-done")); })
        .catch(function () { btn.disabled = false; say(btn, btn.getAttribute("data-fail")); });
    });
  });
  var form = document.querySelector("form[data-offline-quiz]");
  if (form) {
    form.elements.key.value = newKey();
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) return;
      event.preventDefault();
      var data = new FormData(form), body = {}, answers = JSON.parse(document.getElementById("quiz-answers").textContent);
      data.forEach(function (v, k) { body[k] = body[k] ? [].concat(body[k], v) : v; });
      body.offline = "1";
      save(queue().concat([{ url: form.action, body: body }]));
      var right = 0, out = document.getElementById("offline-result");
      out.textContent = "";
      Object.keys(answers).forEach(function (qid) {
        var chosen = data.getAll("q" + qid).sort().join(","), a = answers[qid];
        var ok = chosen === a.correct.slice().sort().join(",");
        right += ok ? 1 : 0;
        var p = document.createElement("p");
        p.textContent = (ok ? "✔ " : "✘ ") + a.prompt + " — " + a.explanation;
        out.appendChild(p);
      });
      out.insertAdjacentText("afterbegin", out.getAttribute("data-score").replace("%s", right + "/" + Object.keys(answers).length) + " ");
      out.hidden = false;
      form.hidden = true;
    });
  }
  window.addEventListener("online", flush);
  flush();
})();
