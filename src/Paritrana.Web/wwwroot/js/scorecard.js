// Scorecard (Pages/Scoring/Card): progressive enhancement only; the form works without it.
// Shows how many indicators are scored as the scorer goes, and asks before leaving the page
// with changes that were not saved.
(function () {
  'use strict';
  var form = document.querySelector('form[data-scorecard]');
  if (!form) {
    return;
  }

  var progress = form.querySelector('[data-scorecard-progress]');
  var indicators = form.querySelectorAll('[data-scorecard-indicator]');
  var dirty = false;

  function scored(indicator) {
    var checked = indicator.querySelector('input[type=radio]:checked');
    if (checked) {
      return checked.value !== '';
    }
    var number = indicator.querySelector('input[type=number]');
    return !!(number && number.value.trim() !== '');
  }

  function update() {
    if (!progress) {
      return;
    }
    var done = 0;
    indicators.forEach(function (indicator) {
      if (scored(indicator)) {
        done += 1;
      }
    });
    progress.textContent = progress.getAttribute('data-template')
      .replace('{0}', String(done))
      .replace('{1}', String(indicators.length));
  }

  form.addEventListener('input', function () {
    dirty = true;
    update();
  });
  form.addEventListener('change', function () {
    dirty = true;
    update();
  });
  form.addEventListener('submit', function () {
    dirty = false;
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  update();
})();
