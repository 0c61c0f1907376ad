// The contest paper's countdown: minutes and seconds left until the time limit, from the server's deadline.
(function () {
  var box = document.querySelector(".countdown[data-deadline]");
  if (!box) return;
  var deadline = Date.parse(box.dataset.deadline);
  if (isNaN(deadline)) return;
  box.hidden = false;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var left = Math.floor((deadline - Date.now()) / 1000);
    if (left <= 0) {
      box.textContent = box.dataset.over;
      box.classList.add("alert");
      return;
    }
    box.textContent = box.dataset.label + ": " + Math.floor(left / 60) + ":" + pad(left % 60);
    setTimeout(tick, 1000);
  }
  tick();
})();
