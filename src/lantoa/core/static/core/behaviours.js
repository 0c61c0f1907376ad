// Small page behaviours declared by data attributes, so pages need no inline script (Content-Security-Policy).
// The service worker that keeps worker pages for offline use (its address is on <html data-sw>).
const serviceWorkerUrl = document.documentElement.dataset.sw;
if (serviceWorkerUrl && "serviceWorker" in navigator) navigator.serviceWorker.register(serviceWorkerUrl);
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
