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
