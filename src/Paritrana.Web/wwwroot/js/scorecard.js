// Scorecard (Pages/Scoring/Card): progressive enhancement only; the form works without it.
// Shows how many indicators are filled as the scorer goes, and asks before leaving the page
// with changes that were not saved (not when the form itself is sent).
(function () {
  'use strict';
  // The evidence beside the card: always open on a desktop (992 px and wider), closed behind its
  // summary on a phone until asked for or until an indicator's evidence link is followed.
  var evidence = document.querySelector('[data-scorecard-evidence]');
  if (evidence) {
    var wide = window.matchMedia('(min-width: 992px)');
    // Opened at a section (a link to #ev-...) it stays open on a phone too.
    evidence.open = wide.matches || window.location.hash.indexOf('#ev-') === 0;
    wide.addEventListener('change', function () {
      if (wide.matches) {
        evidence.open = true;
      }
    });
    document.querySelectorAll('a[data-evidence-link]').forEach(function (link) {
      link.addEventListener('click', function () {
        evidence.open = true;
      });
    });
  }

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
