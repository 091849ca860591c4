// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// Disables a form's submit button once it is sent, so a double click submits once (the server is idempotent too).
document.addEventListener('submit', function (e) {
  var button = e.target.querySelector('button[type="submit"][data-once]');
  if (button) { setTimeout(function () { button.disabled = true; }, 0); }
});
// Behaviour that used to be inline handlers (the Content-Security-Policy allows no inline script):
// data-tb-toggle="id" toggles a collapsed element, data-tb-print prints, data-tb-confirm asks before submitting,
// data-tb-width="n" sets a progress bar's width to n%.
document.addEventListener('click', function (e) {
  var toggle = e.target.closest('[data-tb-toggle]');
  if (toggle) {
    var target = document.getElementById(toggle.getAttribute('data-tb-toggle'));
    if (target) {
      var shown = target.classList.toggle('show');
      toggle.setAttribute('aria-expanded', shown ? 'true' : 'false');
    }
  }
  if (e.target.closest('[data-tb-print]')) { window.print(); }
});
document.addEventListener('submit', function (e) {
  var message = e.target.getAttribute && e.target.getAttribute('data-tb-confirm');
  if (message && !window.confirm(message)) { e.preventDefault(); e.stopImmediatePropagation(); }
}, true);
function tbWidths(root) {
  (root || document).querySelectorAll('[data-tb-width]').forEach(function (el) {
    el.style.width = el.getAttribute('data-tb-width') + '%';
  });
}
document.addEventListener('DOMContentLoaded', function () { tbWidths(document); });
document.addEventListener('htmx:afterSettle', function (e) { tbWidths(e.target); });
