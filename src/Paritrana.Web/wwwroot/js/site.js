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
  // Lists become cards on phones (site.css, docs/decisions/037): every cell of a table.table-cards gets
  // the name of its column, read from the table's header.
  document.querySelectorAll('table.table-cards').forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.replace(/\s+/g, ' ').trim();
    });
    table.querySelectorAll('tbody > tr').forEach(function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.children, function (cell) {
        if (!cell.hasAttribute('data-label')) {
          cell.setAttribute('data-label', names[column] || '');
        }
        column += cell.colSpan || 1;
      });
    });
  });
  // A table wider than its screen scrolls inside its box: keyboard users reach it with Tab and scroll
  // it with the arrow keys, and screen readers hear what it holds (axe: scrollable-region-focusable).
  document.querySelectorAll('.table-responsive').forEach(function (box) {
    if (box.scrollWidth > box.clientWidth && !box.hasAttribute('tabindex')) {
      var caption = box.querySelector('caption');
      box.setAttribute('tabindex', '0');
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', caption ? caption.textContent.trim() : (document.documentElement.lang === 'en' ? 'Table' : 'Tabel'));
    }
  });
})();
