// Small page behaviours declared by data attributes, so pages need no inline script (Content-Security-Policy).
// The service worker that keeps worker pages for offline use (its address is on <html data-sw>).
const serviceWorkerUrl = document.documentElement.dataset.sw;
if (serviceWorkerUrl && "serviceWorker" in navigator) navigator.serviceWorker.register(serviceWorkerUrl);
// The enterprise a worker came from (its QR poster) stays on the phone, so a form opened from the offline copy,
// kept without cookies, still knows it.
const ENTERPRISE_KEY = "lantoa-enterprise";
if (document.documentElement.dataset.enterprise) localStorage.setItem(ENTERPRISE_KEY, document.documentElement.dataset.enterprise);
document.querySelectorAll("select[name=enterprise], input[type=hidden][name=enterprise]").forEach((field) => {
  const kept = localStorage.getItem(ENTERPRISE_KEY);
  const offered = field.tagName !== "SELECT" || [...field.options].some((option) => option.value === kept);
  if (!field.value && kept && offered) field.value = kept;
});
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
// Scripts an app needs on every worker page only while the phone keeps something for it (core's
// `worker_page_scripts`): loaded then, so a first visit carries none of them; a page naming one itself runs its own.
document.querySelectorAll("[data-load-script]").forEach((marker) => {
  const url = marker.dataset.loadScript;
  let kept = null;
  try { kept = localStorage.getItem(marker.dataset.whenStored); } catch (error) { /* storage off: nothing kept */ }
  if (!kept || kept === "[]" || document.querySelector(`script[src="${url}"]`)) return;
  const script = document.createElement("script");
  script.src = url;
  document.body.appendChild(script);
});
