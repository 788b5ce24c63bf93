// The query editor: YASGUI on this server's endpoint, with the project's prefixes and its saved
// queries as examples (from examples.json, built by the server from queries/).
(function () {
  'use strict';
  const endpoint = new URL('../ruralkg/sparql', location.href).href;
  document.getElementById('endpoint').textContent = endpoint;
  const yasgui = new Yasgui(document.getElementById('yasgui'), {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: false,
    persistenceId: 'ruralkg-editor'
  });
  window.ruralkgEditor = yasgui;
  fetch('examples.json').then(r => r.json()).then(ex => {
    const tab = yasgui.getTab();
    const yasqe = tab.getYasqe();
    yasqe.addPrefixes(ex.prefixes);
    const select = document.getElementById('example');
    for (const q of ex.queries) {
      const o = document.createElement('option');
      o.value = q.name;
      o.textContent = q.name + ' — ' + q.summary;
      select.appendChild(o);
    }
    select.addEventListener('change', () => {
      const q = ex.queries.find(x => x.name === select.value);
      if (!q) return;
      const t = yasgui.addTab(true, { name: q.name });
      t.setQuery(q.query);
    });
    const wanted = new URLSearchParams(location.search).get('query');
    if (wanted) tab.setQuery(wanted);
  });
})();
