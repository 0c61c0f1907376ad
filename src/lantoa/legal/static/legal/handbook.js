/* The handbook page: follow an old link to a chapter ("#<chapter>") to the chapter's own page; offline, search the copy the phone keeps (the service
   worker stores du-lieu.json), scoring as the server does (legal.selectors.handbook_search). */
(function () {
  "use strict";
  var script = document.currentScript;
  var t = script ? script.dataset : {};
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  var chapter = target && target.parentNode.classList.contains("chapters") && target.querySelector("a");
  if (chapter && navigator.onLine) { location.replace(chapter.href); }
  var form = document.getElementById("handbook-search");
  var out = document.getElementById("handbook-results");
  if (!form || !out) { return; }

  function fold(text) { return String(text || "").toLowerCase().replace(/đ/g, "d").normalize("NFKD").replace(/[\u0300-\u036f]/g, ""); }
  function words(text) { return fold(text).match(/[0-9a-z]+/g) || []; }
  var data = null;
  function loaded() {
    if (data) { return Promise.resolve(data); }
    return fetch(t.data).then(function (r) { return r.json(); }).then(function (body) {
      body.entries.forEach(function (e) { e.fields = [words(e.q), words(e.k), words(e.a)]; });
      data = body;
      return data;
    });
  }
  function search(query) {
    var wanted = words(query).filter(function (w, i, all) {
      return w.length > 1 && data.stopwords.indexOf(w) < 0 && all.indexOf(w) === i;
    });
    if (!wanted.length) { return []; }
    var scored = [];
    data.entries.forEach(function (entry, order) {
      var total = 0, matched = 0;
      wanted.forEach(function (word) {
        var hit = 0;
        for (var i = 0; i < 3 && !hit; i++) { if (entry.fields[i].indexOf(word) >= 0) { hit = 3 - i; } }
        total += hit;
        matched += hit ? 1 : 0;
      });
      if (matched * 2 >= wanted.length) { scored.push({ score: total, order: order, entry: entry }); }
    });
    scored.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    var best = scored.length ? scored[0].score : 0;
    return scored.slice(0, 20).filter(function (x) { return x.score * 2 > best; }).map(function (x) { return x.entry; });
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }
  function show(query) {
    document.querySelector("[data-offline-note]").hidden = false;
    loaded().then(function () {
      var found = search(query);
      out.textContent = "";
      out.hidden = false;
      out.appendChild(el("h2", "", found.length ? found.length + " " + t.found : t.none));
      found.forEach(function (entry) {
        var item = el("details", "card offline-answer");
        item.appendChild(el("summary", "", entry.q));
        item.appendChild(el("p", "muted", entry.c));
        entry.a.split(/\n\s*\n/).forEach(function (chunk) { item.appendChild(el("p", "answer", chunk.trim())); });
        out.appendChild(item);
      });
    }).catch(function () { out.hidden = false; out.textContent = t.none; });
  }
  form.addEventListener("submit", function (event) {
    if (navigator.onLine) { return; }
    event.preventDefault();
    show(form.elements.q.value);
  });
  var asked = new URLSearchParams(location.search).get("q");
  if (!navigator.onLine && asked) { show(asked); }
})();
