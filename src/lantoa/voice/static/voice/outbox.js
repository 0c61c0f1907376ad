/* Offline outbox for the anonymous worker forms (a report, a claim): what is typed without network is kept on the
   phone (its fields in localStorage, its pictures in IndexedDB) and sent later through the form's API with its
   idempotency key, so a retry never makes a second one. An entry leaves the outbox only after the server confirmed
   it and the worker noted the receipt.
   The page's script tag names its form and what to send: data-kind (report, claim…), data-form (the form's id),
   data-api and data-api-files (JSON and multipart addresses), data-fields (the fields sent), data-file-field,
   data-follow (the page listing the worker's receipts). Each entry keeps where it goes and what the worker reads
   once it arrived, so every worker page loads this script while the outbox holds an entry (core's
   `worker_page_scripts`) and sends what waits as soon as the phone is online, wherever the worker is; a page naming
   the script itself runs its own copy alone. */
(function () {
  "use strict";
  if (window.LantoaOutbox) { return; }
  window.LantoaOutbox = true;
  var KEY = "lantoa.voice.outbox";
  var script = document.currentScript;
  var text = script ? script.dataset : {};

  // Reports kept before the outbox served several forms carried their fields on the entry itself.
  function upgraded(item) {
    if (item.fields) { return item; }
    return {
      key: item.key, kind: "report", receipt: item.receipt, error: item.error, files: item.photos || 0,
      fields: {
        category: item.category, text: item.text, enterprise: item.enterprise, contact: item.contact,
        is_shareable: !!item.is_shareable
      }
    };
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]").map(upgraded); } catch (e) { return []; }
  }
  function save(items) { localStorage.setItem(KEY, JSON.stringify(items)); }

  // Pictures of a kept entry, by its key. Every call resolves (null when storage is unavailable).
  function photoStore(mode, work) {
    return new Promise(function (resolve) {
      if (!window.indexedDB) { resolve(null); return; }
      var opening = indexedDB.open("lantoa-voice", 1);
      opening.onupgradeneeded = function () { opening.result.createObjectStore("photos"); };
      opening.onerror = function () { resolve(null); };
      opening.onsuccess = function () {
        var tx = opening.result.transaction("photos", mode);
        var request = work(tx.objectStore("photos"));
        tx.oncomplete = function () { resolve(request ? request.result : null); };
        tx.onerror = tx.onabort = function () { resolve(null); };
      };
    });
  }
  function photosKeep(key, files) { return photoStore("readwrite", function (s) { return s.put(files, key); }); }
  function photosGet(key) {
    return photoStore("readonly", function (s) { return s.get(key); }).then(function (files) { return files || []; });
  }
  function photosDrop(key) { return photoStore("readwrite", function (s) { return s.delete(key); }); }
  function newKey() {
    var bytes = new Uint8Array(18);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // The receipt page names the key it answered: that entry arrived, drop it from the outbox.
  var card = document.getElementById("receipt-card");
  if (card && card.dataset.sentKey) {
    save(load().filter(function (item) { return item.key !== card.dataset.sentKey; }));
  }
  // A receipt QR opens /voice/follow/#CODE: the fragment never reaches a server; put it in the form, drop it from the URL.
  var follow = document.getElementById("follow-form");
  if (follow && location.hash.length > 1) {
    follow.querySelector("[name=receipt]").value = decodeURIComponent(location.hash.slice(1));
    history.replaceState(null, "", location.pathname);
  }
  function update(key, change) {
    save(load().map(function (item) { return item.key === key ? Object.assign(item, change) : item; }));
  }
  // A receipt that arrived on a page without the receipts list is put in it on the next page that has it.
  function keepReceipts() {
    if (!window.LantoaReceipts) { return; }
    load().forEach(function (item) {
      if (item.receipt && !item.kept) {
        window.LantoaReceipts.keep(item.receipt, { kind: item.kind, text: item.fields.text, status: item.status });
        update(item.key, { kept: true });
      }
    });
  }
  keepReceipts();

  var form = text.form && document.getElementById(text.form);
  var kind = form ? text.kind : null;
  var sending = false;
  var render = form ? renderForm : renderNotices;

  function mine() { return load().filter(function (item) { return !kind || item.kind === kind; }); }

  function flush() {
    if (sending || !navigator.onLine) { return; }
    // Entries kept before they carried their address go from their own form's page only.
    var pending = mine().filter(function (item) { return !item.receipt && !item.error && (item.api || form); });
    if (!pending.length) { return; }
    sending = true;
    var item = pending[0];
    var settled = false;  // answered for good (receipt or refusal): go on with the next one at once
    (item.files ? photosGet(item.key) : Promise.resolve([])).then(function (files) {
      var options = Object.assign({ method: "POST", credentials: "omit" }, request(item, files));
      return fetch(files.length ? item.apiFiles || text.apiFiles : item.api || text.api, options);
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) {
          update(item.key, { receipt: body.receipt, status: body.status });
          photosDrop(item.key);
          settled = true;
          keepReceipts();
        }
        else if (response.status >= 400 && response.status < 500 && response.status !== 429) {
          update(item.key, { error: body.detail || String(response.status) });
          settled = true;
        }
      });
    }).catch(function () { /* offline or the server is down: keep it for the next try */ })
      .then(function () {
        sending = false;
        render();
        if (settled) { flush(); }  // otherwise the next try waits for the timer or the "online" event
      });
  }

  function request(item, files) {
    var fields = Object.assign({}, item.fields, { idempotency_key: item.key });
    if (!files.length) {
      return { headers: { "Content-Type": "application/json" }, body: JSON.stringify(fields) };
    }
    var body = new FormData();
    Object.keys(fields).forEach(function (name) {
      if (fields[name] !== null && fields[name] !== undefined) { body.append(name, String(fields[name])); }
    });
    var fileField = item.fileField || text.fileField;
    files.forEach(function (file) { body.append(fileField, file, file.name); });
    return { body: body };
  }

  function noted(item) {
    var done = document.createElement("button");
    done.type = "button";
    done.className = "btn alt";
    done.textContent = item.done || text.done;
    done.onclick = function () { save(load().filter(function (x) { return x.key !== item.key; })); render(); };
    return done;
  }

  // Any other page: what arrived since the worker was offline, with its receipt, until they note it (where the
  // receipts list keeps it) or open the list.
  var notices = null;
  function renderNotices() {
    var main = document.getElementById("main");
    if (!main) { return; }
    if (!notices) {
      notices = document.createElement("div");
      notices.id = "outbox-arrived";
      notices.setAttribute("role", "status");
      main.insertBefore(notices, main.firstChild);
    }
    notices.textContent = "";
    load().filter(function (item) { return item.receipt && item.sent; }).forEach(function (item) {
      var card = document.createElement("p");
      card.className = "card notice new";
      var said = document.createElement("strong");
      said.textContent = item.sent;
      var code = document.createElement("span");
      code.className = "receipt-code";
      code.textContent = item.receipt;
      card.appendChild(said);
      card.appendChild(code);
      if (window.LantoaReceipts) { card.appendChild(noted(item)); }
      else if (item.follow) {
        var open = document.createElement("a");
        open.href = item.follow;
        open.textContent = item.open || item.follow;
        card.appendChild(document.createTextNode(" "));
        card.appendChild(open);
      }
      notices.appendChild(card);
    });
  }

  window.addEventListener("online", flush);
  setInterval(flush, 30000);
  if (!form) {
    render();
    flush();
    return;
  }

  var names = text.fields.split(" ");
  if (form.dataset.invalidKey) {  // the server refused this version: the worker corrects it on the page
    save(load().filter(function (item) { return item.key !== form.dataset.invalidKey; }));
  }
  // This page may be the copy the phone kept for offline use: its key must not be one an earlier entry used.
  form.querySelector("[name=idempotency_key]").value = newKey();
  var box = document.getElementById("outbox");
  var status = document.getElementById("outbox-status");
  var list = document.getElementById("outbox-sent");

  function renderForm() {
    var items = mine();
    list.textContent = "";
    box.hidden = items.length === 0 && !status.textContent;
    items.forEach(function (item) {
      var li = document.createElement("li");
      if (item.receipt) {
        li.className = "sent";
        li.appendChild(document.createTextNode((item.sent || text.sent) + " "));
        var code = document.createElement("strong");
        code.className = "receipt-code";
        code.textContent = item.receipt;
        li.appendChild(code);
        li.appendChild(noted(item));
      } else {
        var words = String(item.fields.text || "").slice(0, 60);
        li.textContent = (item.error ? text.failed + " " + item.error : text.pending) + " " + words;
      }
      list.appendChild(li);
    });
  }

  function fieldsOf() {
    var fields = {};
    names.forEach(function (name) {
      var input = form.elements[name];
      fields[name] = input.type === "checkbox" ? input.checked : input.value;
    });
    return fields;
  }

  form.addEventListener("submit", function (event) {
    // The browser checked the required fields before this event: what reaches here is complete.
    var item = {
      key: form.querySelector("[name=idempotency_key]").value || newKey(), kind: kind, fields: fieldsOf(),
      api: text.api, apiFiles: text.apiFiles, fileField: text.fileField,
      sent: text.sent, done: text.done, follow: text.follow, open: text.open
    };
    form.querySelector("[name=idempotency_key]").value = item.key;
    var items = load().filter(function (x) { return x.key !== item.key; });
    items.push(item);
    save(items);
    if (!navigator.onLine) {
      event.preventDefault();
      var photos = Array.prototype.slice.call(form.elements[text.fileField].files);
      var kept = photos.length ? photosKeep(item.key, photos) : Promise.resolve(null);
      kept.then(function (stored) {
        if (stored) { update(item.key, { files: photos.length }); }
        status.textContent = text.offline + (photos.length && !stored ? " " + text.photoOffline : "");
        form.reset();
        form.querySelector("[name=idempotency_key]").value = newKey();
        render();
      });
    }
  });

  render();
  flush();
})();
