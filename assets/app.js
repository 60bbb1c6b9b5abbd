// samskab's own script. Pages work without it; it only starts the design system's components
// (accordions, menus) — kept out of the HTML so the Content-Security-Policy can forbid inline scripts.
document.addEventListener('DOMContentLoaded', function () {
  if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    window.DKFDS.init();
  }
});
