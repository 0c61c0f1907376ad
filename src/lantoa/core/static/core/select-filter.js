// Long choice lists in the back office (every enterprise of a province) get a filter box above them.
// Typing matches with or without diacritics; the list itself stays a plain <select>, so the form works
// the same with JavaScript off.
(function () {
  "use strict";
  var LONG_LIST = 20;

  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function enhance(select) {
    if (select.dataset.filtered || select.options.length <= LONG_LIST) return;
    select.dataset.filtered = "1";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "select-filter";
    box.placeholder = "Gõ để lọc danh sách…";
    var label = select.labels && select.labels[0] ? select.labels[0].textContent.trim().replace(/:$/, "") : "";
    box.setAttribute("aria-label", "Lọc: " + label);
    box.setAttribute("aria-controls", select.id);
    var keys = Array.prototype.map.call(select.options, function (option) { return fold(option.text); });
    box.addEventListener("input", function () {
      var wanted = fold(box.value.trim());
      var shown = [];
      Array.prototype.forEach.call(select.options, function (option, i) {
        var match = !wanted || option.value === "" || keys[i].indexOf(wanted) !== -1;
        option.hidden = !match && !option.selected;
        if (match && option.value !== "") shown.push(option);
      });
      if (shown.length === 1 && !select.multiple) select.value = shown[0].value;
    });
    select.parentNode.insertBefore(box, select);
  }

  function scan(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select"), enhance);
  }

  document.addEventListener("DOMContentLoaded", function () { scan(document); });
  document.addEventListener("htmx:afterSwap", function (event) { scan(event.target); });
})();
