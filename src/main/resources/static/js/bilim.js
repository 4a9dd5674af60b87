// htmx requests carry the CSRF token of the page, so that htmx forms post like ordinary ones.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) e.detail.headers[header.content] = token.content;
});
