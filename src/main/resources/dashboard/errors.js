// Collects every script error and console.error into #errors, before anything else runs.
// A file of its own, not inline: the Content-Security-Policy allows this server's scripts only.
(function () {
  var pending = [];
  function report(msg) {
    var box = document.getElementById('errors');
    if (!box) { pending.push(msg); return; }
    var li = document.createElement('li');
    li.textContent = String(msg);
    box.appendChild(li);
    box.hidden = false;
  }
  window.addEventListener('error', function (e) {
    report((e.message || 'error') + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
  });
  window.addEventListener('unhandledrejection', function (e) {
    report('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : e.reason));
  });
  var original = console.error;
  console.error = function () {
    report(Array.prototype.map.call(arguments, String).join(' '));
    original.apply(console, arguments);
  };
  document.addEventListener('DOMContentLoaded', function () { pending.splice(0).forEach(report); });
  window.reportError = report;
})();
