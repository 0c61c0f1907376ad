// Small page behaviours declared by data attributes, so pages need no inline script (Content-Security-Policy).
document.addEventListener("change", (event) => {
  if (event.target.matches("[data-autosubmit]")) event.target.form.submit();
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
  if (event.target.closest("[data-back]")) {
    event.preventDefault();
    history.back();
  }
});
