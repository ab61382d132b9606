// Paritrana: the portal's only script besides Bootstrap. No inline script is allowed (CSP).
(function () {
  'use strict';
  // Forms with data-confirm ask before submitting (disable an account, for example).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // Auto-submit selects marked data-autosubmit (filters), for users with a mouse; a button remains for keyboard users.
  document.addEventListener('change', function (event) {
    var el = event.target;
    if (el.matches && el.matches('select[data-autosubmit]') && el.form) {
      el.form.requestSubmit();
    }
  });

  // A branch office select offers only the offices of the province chosen beside it (data-branches-of).
  document.addEventListener('change', function (event) {
    var province = event.target;
    if (!province.id) {
      return;
    }
    document.querySelectorAll('select[data-branches-of="' + province.id + '"]').forEach(function (branches) {
      Array.prototype.forEach.call(branches.options, function (option) {
        if (!option.value) {
          return;
        }
        var offered = !province.value || option.getAttribute('data-province') === province.value;
        option.hidden = !offered;
        option.disabled = !offered;
        if (!offered && option.selected) {
          branches.value = '';
        }
      });
    });
  });
})();
