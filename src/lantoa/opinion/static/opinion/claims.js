/* A claim's receipt on the phone (voice/receipts.js keeps it): looked up with the rumour desk's status API, the
   official answer counted as the one reply, so the home card says "Có trả lời mới" once it is published. */
(function () {
  "use strict";
  var script = document.currentScript;
  var kinds = window.LantoaReceiptKinds = window.LantoaReceiptKinds || {};
  kinds.claim = {
    lookup: script.dataset.lookup,
    read: function (body) {
      var answer = body.clarification;
      return {
        category: script.dataset.category, status: body.status, label: body.status_label, text: body.text,
        received: window.LantoaReceipts.day(body.received_on),
        replies: answer ? 1 : 0,
        thread: answer ? [{ kind: "officer", text: answer.verdict_label + ": " + answer.text, at: answer.published_on }] : []
      };
    }
  };
})();
