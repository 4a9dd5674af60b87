// Issue 9: the upload of a source's file. The file is sent as text/csv with the page's CSRF token; the bar shows the
// upload, then the import's state is polled until it is DONE or FAILED, and the rejection report is offered.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('child-upload');
  if (!form) return;
  var box = document.getElementById('child-progress');
  var bar = document.getElementById('child-progress-bar');
  var state = document.getElementById('child-state');
  var report = document.getElementById('child-rejections');
  function show(text) { state.textContent = text; }
  function numbers(i) {
    document.getElementById('child-rows').textContent = i.rows;
    document.getElementById('child-accepted').textContent = i.accepted;
    document.getElementById('child-rejected').textContent = i.rejected;
  }
  function poll(location) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', location);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      var i = JSON.parse(xhr.responseText);
      numbers(i);
      show(state.dataset[i.state.toLowerCase()] + (i.message ? ': ' + i.message : ''));
      if (i.state === 'DONE' || i.state === 'FAILED') {
        bar.value = 100;
        if (i.rejected > 0) { report.href = location + '/rejections'; report.hidden = false; }
      } else {
        bar.value = Math.max(bar.value, i.state === 'RUNNING' ? 75 : 55);
        setTimeout(function () { poll(location); }, 500);
      }
    };
    xhr.send();
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = document.getElementById('child-file').files[0];
    if (!file) return;
    var url = form.action + '?source=' + encodeURIComponent(document.getElementById('child-source').value)
      + '&kato=' + encodeURIComponent(document.getElementById('child-kato').value);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('Accept', 'application/json');
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) xhr.setRequestHeader(header.content, token.content);
    box.hidden = false; report.hidden = true; bar.value = 0;
    show(state.dataset.uploading);
    xhr.upload.onprogress = function (p) { if (p.lengthComputable) bar.value = Math.round(50 * p.loaded / p.total); };
    xhr.onload = function () {
      if (xhr.status === 202) { bar.value = 50; poll(xhr.getResponseHeader('Location')); return; }
      var problem = {};
      try { problem = JSON.parse(xhr.responseText); } catch (ignored) { }
      var reasons = (problem.errors || []).map(function (x) { return x.field + ': ' + x.reason; }).join('; ');
      show(form.dataset.error + (reasons ? ' — ' + reasons : (problem.detail ? ' — ' + problem.detail : '')));
      bar.value = 0;
    };
    xhr.send(file);
  });
});
