/* The worker's receipts (a report's, a claim's), kept on this phone only (localStorage), so a reply is seen without
   retyping a code. Online, each receipt is looked up with a POST (the code is never put in an address); the last
   answer is kept so the text sent and the replies already fetched can be read offline. */
(function () {
  "use strict";
  var KEY = "lantoa.voice.receipts";
  var CHECK_EVERY = 5 * 60 * 1000;  // the lookup is rate limited per network: do not ask again at every page view
  var script = document.currentScript;
  var t = script ? script.dataset : {};

  function load() { try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; } }
  function save(items) { try { localStorage.setItem(KEY, JSON.stringify(items)); } catch (e) { /* storage full or off */ } }
  function same(a, b) { return String(a).replace(/[^0-9A-Z]/gi, "").toUpperCase() === String(b).replace(/[^0-9A-Z]/gi, "").toUpperCase(); }
  function keep(code, change) {
    var items = load(), found = null;
    items.forEach(function (item) { if (same(item.code, code)) { found = item; } });
    if (!found) { found = { code: code, seen: 0, replies: 0, thread: [] }; items.unshift(found); }
    Object.assign(found, change);
    save(items);
    return found;
  }
  function forget(code) { save(load().filter(function (item) { return !same(item.code, code); })); }
  function isNew(item) { return item.replies > item.seen; }
  function day(iso) {
    var d = new Date(iso);
    return isNaN(d) ? "" : d.toLocaleDateString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" });
  }
  function kindOf(item) { return item.kind || "report"; }
  function statusText(item) {
    var status = item.status || "";
    return item.label || t["status" + status.charAt(0).toUpperCase() + status.slice(1)] || "";
  }

  // How each kind of receipt is looked up: reports here; another app adds its kind to window.LantoaReceiptKinds
  // ({ lookup: address, read(body) → what is kept }) from its own script, in any order (used once the page loaded).
  var kinds = window.LantoaReceiptKinds = window.LantoaReceiptKinds || {};
  kinds.report = {
    lookup: t.lookup,
    read: function (body) {
      return {
        status: body.status, text: body.text, received: day(body.received_on),
        replies: body.messages.filter(function (m) { return m.kind === "officer"; }).length,
        thread: body.messages.map(function (m) { return { kind: m.kind, text: m.text, at: m.at }; })
      };
    }
  };

  function check(item) {
    var kind = kinds[kindOf(item)];
    if (!kind || !navigator.onLine || (item.checked && Date.now() - item.checked < CHECK_EVERY)) { return Promise.resolve(); }
    return fetch(kind.lookup, {
      method: "POST", credentials: "omit", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ receipt: item.code })
    }).then(function (response) { return response.ok ? response.json() : null; }).then(function (body) {
      if (body) { keep(item.code, Object.assign(kind.read(body), { checked: Date.now() })); }
    }).catch(function () { /* no network after all: keep what we had */ });
  }
  function checkAll() { return Promise.all(load().map(check)); }

  window.LantoaReceipts = { keep: keep, day: day };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  document.addEventListener("DOMContentLoaded", function () {
    // The receipt page (just sent) and the case page (opened with the code): keep them on this phone.
    var code = document.getElementById("receipt-code");
    var card = document.getElementById("receipt-card");
    if (code && card) {
      keep(code.textContent.trim(), {
        kind: card.dataset.kind || "report", category: card.dataset.category, received: card.dataset.received,
        status: card.dataset.status || "new", label: card.dataset.label
      });
    }
    var opened = document.getElementById("case");
    if (opened && opened.dataset.receipt) {
      var replies = Number(opened.dataset.replies);
      var change = {
        kind: opened.dataset.kind || "report", category: opened.dataset.category, received: opened.dataset.received,
        status: opened.dataset.status, label: opened.dataset.label, replies: replies, seen: replies,
        text: document.getElementById("case-text").textContent.trim()
      };
      var shown = document.getElementById("thread");
      if (shown) {  // a page without the thread leaves it to the next look-up
        change.thread = Array.prototype.map.call(shown.querySelectorAll("li.msg"), function (li) {
          return { kind: li.dataset.kind, text: li.querySelector("[data-text]").textContent, at: li.dataset.at };
        });
        change.checked = Date.now();
      }
      keep(opened.dataset.receipt, change);
    }

    // Home: one card per kind that says whether an answer came since the worker last looked.
    var homes = document.querySelectorAll("[data-receipts-home]");
    function drawHome() {
      Array.prototype.forEach.call(homes, function (home) {
        var items = load().filter(function (item) { return kindOf(item) === (home.dataset.kind || "report"); });
        home.hidden = items.length === 0;
        var fresh = items.filter(isNew).length;
        home.classList.toggle("new", fresh > 0);
        home.querySelector("[data-receipts-say]").textContent = fresh ? t.new + " (" + fresh + "/" + items.length + ")" : t.none + " (" + items.length + ")";
      });
    }
    if (homes.length) { drawHome(); checkAll().then(drawHome); }

    // The follow page: the receipts of its kind on this phone, each readable offline, opened fresh with one tap.
    var list = document.getElementById("device-receipts");
    var form = document.getElementById("follow-form");
    function drawList() {
      var items = load().filter(function (item) { return kindOf(item) === (list.dataset.kind || "report"); });
      var ul = list.querySelector("ul");
      list.hidden = items.length === 0;
      list.querySelector("[data-offline]").hidden = navigator.onLine;
      ul.textContent = "";
      items.forEach(function (item) {
        var li = el("li", "card device-receipt" + (isNew(item) ? " new" : ""));
        li.appendChild(el("strong", "", [item.category, item.received].filter(Boolean).join(" · ")));
        li.appendChild(el("p", "muted", [statusText(item), isNew(item) ? t.new : ""].filter(Boolean).join(" · ")));
        var more = el("details");
        more.appendChild(el("summary", "", item.code));
        if (item.text) { more.appendChild(el("p", "muted", t.sent)); more.appendChild(el("blockquote", "", item.text)); }
        (item.thread || []).forEach(function (m) { more.appendChild(el("p", "msg msg-" + m.kind, day(m.at) + " — " + m.text)); });
        li.appendChild(more);
        var open = el("button", "", t.open);
        open.type = "button";
        open.onclick = function () { form.querySelector("[name=receipt]").value = item.code; form.submit(); };
        var drop = el("button", "btn alt", t.forget);
        drop.type = "button";
        drop.onclick = function () { forget(item.code); drawList(); };
        li.appendChild(open);
        li.appendChild(drop);
        ul.appendChild(li);
      });
    }
    if (list && form) { drawList(); checkAll().then(drawList); }
  });
})();
