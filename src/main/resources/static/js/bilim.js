// htmx requests carry the CSRF token of the page, so that htmx forms post like ordinary ones.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) e.detail.headers[header.content] = token.content;
});

// On phones the main menu folds behind one button (without scripts it simply stays open).
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', function () {
  var toggle = document.getElementById('menu-toggle');
  var menu = document.getElementById('menu');
  if (!toggle || !menu) return;
  toggle.addEventListener('click', function () {
    var open = menu.classList.toggle('open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
});

// Pickers (data-picker): the field's text goes to the search as q, whatever the field's own name.
document.addEventListener('htmx:configRequest', function (e) {
  var elt = e.detail.elt;
  if (elt && elt.hasAttribute && elt.hasAttribute('data-picker')) e.detail.parameters['q'] = elt.value;
});

// The browser's own "required" and format bubbles speak the page's language, not the browser's.
document.addEventListener('invalid', function (e) {
  var field = e.target;
  if (!field.validity || !field.setCustomValidity) return;
  var body = document.body;
  field.setCustomValidity('');
  if (field.validity.valueMissing) field.setCustomValidity(body.getAttribute('data-msg-required') || '');
  else if (!field.validity.valid && !field.validity.customError) field.setCustomValidity(body.getAttribute('data-msg-invalid') || '');
}, true);
document.addEventListener('input', function (e) {
  if (e.target.setCustomValidity) e.target.setCustomValidity('');
}, true);
