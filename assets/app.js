// samskab's own script. Pages work without it; it only starts the design system's components
// (accordions, menus, the error summary) — kept out of the HTML so the Content-Security-Policy
// can forbid inline scripts.
(function () {
  'use strict';

  function initDesignSystem(scope) {
    if (window.DKFDS && typeof window.DKFDS.init === 'function') {
      window.DKFDS.init(scope ? { scope: scope } : undefined);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    initDesignSystem();
  });

  // htmx (hx-boost) replaces the page body without a page load: start the components in the new
  // content, and put keyboard and screen-reader focus where a page load would have led the user.
  // The error summary (data-module="error-summary") takes focus itself when it is started.
  document.addEventListener('htmx:afterSettle', function (event) {
    var swapped = event.detail && event.detail.elt;
    if (!swapped || !swapped.querySelector) return;
    initDesignSystem(swapped);
    if (!event.detail.boosted || swapped.querySelector('[data-module="error-summary"]')) return;
    var heading = swapped.querySelector('main h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  });
})();
