// Progress of an employer import (Pages/Imports/Progress): polls the status handler every second,
// moves the progress bar and, when the import is done, loads the page with its result.
(function () {
  'use strict';
  var box = document.querySelector('[data-import-progress]');
  if (!box) {
    return;
  }

  var url = box.getAttribute('data-status-url');
  var meter = box.querySelector('[role=progressbar]');
  var bar = box.querySelector('.progress-bar');
  var text = box.querySelector('[data-progress-text]');

  function show(percent, label) {
    meter.setAttribute('aria-valuenow', String(percent));
    // Set through the CSSOM: the Content-Security-Policy forbids style attributes in the markup.
    bar.style.width = percent + '%';
    if (label) {
      text.textContent = label;
    }
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        show(status.percent, status.text);
        if (status.done) {
          window.location.assign(status.resultUrl);
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        // A hiccup of the network or the server: try again a little later.
        window.setTimeout(poll, 3000);
      });
  }

  show(Number(meter.getAttribute('aria-valuenow')) || 0, null);
  window.setTimeout(poll, 1000);
})();
