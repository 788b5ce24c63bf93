// ruralkg dashboard: plain JS, no build step. Reads saved queries from api/queries when the
// server has that API, else falls back to built-in queries run on the SPARQL endpoint.
(function () {
  'use strict';

  var SPARQL = 'ruralkg/sparql';
  var API = 'api/queries';
  var ID = 'https://w3id.org/ruralkg/id/';
  var PREFIXES =
    'PREFIX rkg: <https://w3id.org/ruralkg/ont#>\n' +
    'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n' +
    'PREFIX prov: <http://www.w3.org/ns/prov#>\n' +
    'PREFIX schema: <https://schema.org/>\n';
  var MAX_TABLE_ROWS = 5000; // the API caps rows; the table scrolls
  var MAX_BARS = 20;

  // Used only when the server has no api/queries: the same kind of list, run as plain SPARQL.
  var BUILTIN = [
    {
      name: 'figures-by-metric', summary: '各指标的数据条数与金额 Figures by metric',
      description: 'Count of outcome figures per metric, and the sum of the money figures (CNY) per metric.',
      tags: ['figures'], params: [],
      sparql: PREFIXES +
        'SELECT ?metric ?label (COUNT(?f) AS ?figures) (SUM(IF(?unit = "CNY", ?v, 0)) AS ?yuan) WHERE {\n' +
        '  ?f a rkg:Figure ; rkg:metric ?m ; rkg:value ?v ; rkg:unitOfMeasure/skos:notation ?unit .\n' +
        '  ?m skos:notation ?metric .\n' +
        '  OPTIONAL { ?m skos:prefLabel ?label FILTER(LANG(?label) = "zh") }\n' +
        '} GROUP BY ?metric ?label ORDER BY DESC(?figures)'
    },
    {
      name: 'figures', summary: '全部数据及其原句 Every outcome figure',
      description: 'One row per figure: the quantity as written, its normalised value, unit, metric, place and year.',
      tags: ['figures'], params: [],
      sparql: PREFIXES +
        'SELECT ?figure ?quantity ?value ?unit ?metric ?placeName ?year WHERE {\n' +
        '  ?figure a rkg:Figure ; rkg:quantityText ?quantity ; rkg:value ?value ;\n' +
        '          rkg:unitOfMeasure/skos:notation ?unit ; rkg:metric/skos:notation ?metric .\n' +
        '  OPTIONAL { ?figure rkg:refArea/skos:prefLabel ?placeName }\n' +
        '  OPTIONAL { ?figure rkg:refPeriod ?p } BIND(STR(?p) AS ?year)\n' +
        '} ORDER BY DESC(?value)'
    },
    {
      name: 'units-by-mentions', summary: '被提及最多的行政单位 Units by number of mentions',
      description: 'Administrative units and how many facts refer to them.',
      tags: ['units'], params: [],
      sparql: PREFIXES +
        'SELECT ?unit ?name ?code (COUNT(?fact) AS ?facts) WHERE {\n' +
        '  ?unit a rkg:AdministrativeUnit ; skos:prefLabel ?name .\n' +
        '  OPTIONAL { ?unit rkg:divisionCode ?code }\n' +
        '  ?fact ?p ?unit . FILTER(?p IN (rkg:refArea, rkg:carriedOutIn, rkg:refersTo, rkg:ofUnit))\n' +
        '} GROUP BY ?unit ?name ?code ORDER BY DESC(?facts)'
    },
    {
      name: 'programmes', summary: '项目及实施地 Programmes and where they are carried out',
      description: 'Programme implementations by programme label and unit.',
      tags: ['programmes'], params: [],
      sparql: PREFIXES +
        'SELECT ?label (COUNT(?impl) AS ?implementations) WHERE {\n' +
        '  ?impl a rkg:ProgrammeImplementation ; rkg:programme/skos:prefLabel ?label .\n' +
        '} GROUP BY ?label ORDER BY DESC(?implementations)'
    }
  ];

  var state = { mode: null, queries: [], selected: null, charts: {}, labels: {} };
  // columns whose values are code-list notations (metric and unit codes): shown by their labels
  var CODE_COLUMNS = ['metric', 'metricCode', 'unit'];
  var LABELS = PREFIXES +
    'SELECT ?notation ?zh ?en WHERE { GRAPH <' + ID + 'graph/ontology> { ?c skos:notation ?notation ; skos:prefLabel ?zh , ?en .\n' +
    '  FILTER(LANG(?zh) = "zh" && LANG(?en) = "en") } }';

  /** The metric and unit codes' labels in both languages, as the overview shows them. */
  function loadLabels() {
    return sparqlSelect(LABELS).then(function (data) {
      data.rows.forEach(function (r) { state.labels[r.notation] = r.zh + ' ' + r.en; });
    }).catch(function (e) { console.warn('labels: ' + e.message); });
  }

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function fail(where, err) {
    console.error(where + ': ' + (err && err.message ? err.message : err));
  }

  // ---------- data access ----------

  /** POSTs a SELECT to the endpoint; resolves to {columns, rows} with plain string values. */
  function sparqlSelect(query) {
    return fetch(SPARQL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json' },
      body: 'query=' + encodeURIComponent(query)
    }).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error('SPARQL ' + r.status + ': ' + t.slice(0, 300)); });
      return r.json();
    }).then(bindingsToTable);
  }

  function bindingsToTable(json) {
    if (typeof json.boolean === 'boolean') return { columns: ['boolean'], rows: [{ boolean: String(json.boolean) }] };
    var columns = (json.head && json.head.vars) || [];
    var rows = ((json.results && json.results.bindings) || []).map(function (b) {
      var row = {};
      Object.keys(b).forEach(function (k) { row[k] = b[k].value; });
      return row;
    });
    return { columns: columns, rows: rows };
  }

  /** A row array from api/queries/{name}?format=rows (objects; values strings, numbers or nested {value}). */
  function rowsToTable(rows) {
    if (rows && !Array.isArray(rows) && Array.isArray(rows.rows)) rows = rows.rows;
    if (!Array.isArray(rows)) throw new Error('api: expected a JSON array of rows');
    var columns = [];
    var seen = {};
    rows = rows.map(function (r) {
      var out = {};
      Object.keys(r).forEach(function (k) {
        if (!seen[k]) { seen[k] = true; columns.push(k); }
        var v = r[k];
        if (v !== null && typeof v === 'object' && 'value' in v) v = v.value;
        out[k] = v === null || v === undefined ? '' : String(v);
      });
      return out;
    });
    return { columns: columns, rows: rows };
  }

  /** Normalises one entry of api/queries: params may be a list or a name-keyed object. */
  function normaliseQuery(q) {
    var params = q.params || [];
    if (!Array.isArray(params)) {
      params = Object.keys(params).map(function (k) {
        var p = params[k] || {};
        return { name: p.name || k, type: p.type, defaultValue: p.defaultValue !== undefined ? p.defaultValue : p['default'], description: p.description };
      });
    } else {
      params = params.map(function (p) {
        return typeof p === 'string' ? { name: p } :
          { name: p.name, type: p.type, defaultValue: p.defaultValue !== undefined ? p.defaultValue : p['default'], description: p.description };
      });
    }
    return { name: q.name, summary: q.summary || '', description: q.description || '', tags: q.tags || [], params: params };
  }

  function loadQueries() {
    return fetch(API, { headers: { 'Accept': 'application/json' } }).then(function (r) {
      if (r.status === 404) return null;
      if (!r.ok) throw new Error('api/queries ' + r.status);
      return r.json();
    }).then(function (list) {
      if (list === null) {
        state.mode = 'sparql';
        state.queries = BUILTIN;
      } else {
        state.mode = 'api';
        if (!Array.isArray(list) && Array.isArray(list.queries)) list = list.queries;
        state.queries = list.map(normaliseQuery);
      }
    });
  }

  function paramValues() {
    var values = {};
    Array.prototype.forEach.call($('query-params').querySelectorAll('input'), function (input) {
      if (input.value !== '') values[input.name] = input.value;
    });
    return values;
  }

  function apiUrl(q, format) {
    var qs = ['format=' + format];
    var values = paramValues();
    Object.keys(values).forEach(function (k) { qs.push(encodeURIComponent(k) + '=' + encodeURIComponent(values[k])); });
    return API + '/' + encodeURIComponent(q.name) + '?' + qs.join('&');
  }

  function csvUrl(q) {
    if (state.mode === 'api') return apiUrl(q, 'csv');
    return SPARQL + '?format=csv&query=' + encodeURIComponent(q.sparql);
  }

  function runQuery(q) {
    if (state.mode === 'api') {
      return fetch(apiUrl(q, 'rows'), { headers: { 'Accept': 'application/json' } }).then(function (r) {
        if (!r.ok) return r.text().then(function (t) { throw new Error(q.name + ' ' + r.status + ': ' + t.slice(0, 300)); });
        return r.json();
      }).then(rowsToTable);
    }
    return sparqlSelect(q.sparql);
  }

  // ---------- rendering ----------

  function numeric(v) {
    return v !== '' && v !== null && v !== undefined && isFinite(Number(v));
  }

  function cell(value) {
    var td = el('td');
    if (typeof value === 'string' && value.indexOf(ID) === 0) {
      var a = el('a', { href: 'id/' + value.slice(ID.length), title: value }, value.slice(ID.length));
      td.appendChild(a);
    } else if (typeof value === 'string' && /^https?:\/\//.test(value)) {
      td.appendChild(el('a', { href: value }, value));
    } else {
      td.textContent = value === undefined ? '' : value;
      if (numeric(value)) td.className = 'num';
    }
    return td;
  }

  /** A code-list notation in a code column, shown by its labels with the code kept as a tooltip. */
  function codeCell(column, value) {
    if (CODE_COLUMNS.indexOf(column) < 0 || typeof value !== 'string' || !state.labels[value]) return null;
    var td = el('td', { title: value, 'data-code': value }, state.labels[value]);
    return td;
  }

  function renderTable(table, data) {
    table.textContent = '';
    var thead = el('thead');
    var tr = el('tr');
    data.columns.forEach(function (c) { tr.appendChild(el('th', null, c)); });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = el('tbody');
    data.rows.slice(0, MAX_TABLE_ROWS).forEach(function (row) {
      var r = el('tr');
      data.columns.forEach(function (c) { r.appendChild(codeCell(c, row[c]) || cell(row[c])); });
      tbody.appendChild(r);
    });
    table.appendChild(tbody);
    table.dataset.rows = String(data.rows.length);
  }

  function chart(id) {
    if (!state.charts[id]) state.charts[id] = echarts.init($(id), null, { renderer: 'svg' });
    return state.charts[id];
  }

  /** Horizontal bars (label → value); writes the number of bars into data-rendered. */
  function drawBars(id, labels, values, name, color) {
    var node = $(id);
    var positive = values.filter(function (v) { return v > 0; });
    var log = positive.length === values.length && positive.length > 1 &&
      Math.max.apply(null, positive) / Math.min.apply(null, positive) > 1e4;
    chart(id).setOption({
      animation: false,
      color: [color || '#2f7d5b'],
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: log ? 'log' : 'value', name: log ? 'log' : '', splitLine: { lineStyle: { color: '#eee' } },
        axisLabel: { formatter: formatNumber }
      },
      yAxis: { type: 'category', data: labels.slice().reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{
        name: name, type: 'bar', data: values.slice().reverse(), barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: function (p) { return formatNumber(p.value); } }
      }]
    }, true);
    node.style.height = Math.max(160, labels.length * 24 + 40) + 'px';
    chart(id).resize();
    node.dataset.rendered = String(values.length);
  }

  function formatNumber(v) {
    var n = Number(v);
    if (Math.abs(n) >= 1e8) return (n / 1e8).toFixed(2).replace(/\.?0+$/, '') + '亿';
    if (Math.abs(n) >= 1e4) return (n / 1e4).toFixed(2).replace(/\.?0+$/, '') + '万';
    return String(Math.round(n * 100) / 100);
  }

  /** The column to chart: the first numeric one, preferring value/count-like names; year and codes excluded. */
  function pickColumns(data) {
    var skip = /^(year|code|start|end|offset|id)$/i;
    var numericCols = data.columns.filter(function (c) {
      if (skip.test(c)) return false;
      var vals = data.rows.map(function (r) { return r[c]; }).filter(function (v) { return v !== '' && v !== undefined; });
      return vals.length > 0 && vals.every(numeric);
    });
    if (!numericCols.length) return null;
    var preferred = numericCols.filter(function (c) { return /value|count|figures|facts|total|sum|^n$|yuan|implementations/i.test(c); });
    var valueCol = (preferred[0] || numericCols[0]);
    var labelCol = data.columns.filter(function (c) {
      return c !== valueCol && data.rows.some(function (r) { return r[c] && !numeric(r[c]) && r[c].indexOf('http') !== 0; });
    })[0];
    return { value: valueCol, label: labelCol };
  }

  function drawQueryChart(q, data) {
    var node = $('query-chart');
    var cols = pickColumns(data);
    if (!cols) {
      node.hidden = true;
      node.dataset.rendered = '0';
      return;
    }
    node.hidden = false;
    var rows = data.rows.filter(function (r) { return numeric(r[cols.value]); });
    rows.sort(function (a, b) { return Number(b[cols.value]) - Number(a[cols.value]); });
    rows = rows.slice(0, MAX_BARS);
    var labels = rows.map(function (r, i) { return cols.label ? (r[cols.label] || '—') : String(i + 1); });
    drawBars('query-chart', labels, rows.map(function (r) { return Number(r[cols.value]); }), cols.value, '#3c6e9f');
    node.dataset.column = cols.value;
  }

  function renderQueryList() {
    var list = $('query-list');
    list.textContent = '';
    $('query-source').textContent = state.mode === 'api' ? '(api/queries)' : '(built-in, via SPARQL)';
    state.queries.forEach(function (q) {
      var li = el('li');
      var b = el('button', { type: 'button', 'data-name': q.name });
      b.appendChild(el('strong', null, q.name));
      b.appendChild(el('span', null, q.summary));
      b.addEventListener('click', function () { select(q); });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  function select(q) {
    state.selected = q;
    Array.prototype.forEach.call($('query-list').querySelectorAll('button'), function (b) {
      b.classList.toggle('active', b.getAttribute('data-name') === q.name);
    });
    $('query-title').textContent = q.name + (q.summary ? ' — ' + q.summary : '');
    $('query-description').textContent = q.description || '';
    var form = $('query-params');
    form.textContent = '';
    (q.params || []).forEach(function (p) {
      var label = el('label');
      label.appendChild(el('span', null, p.name + (p.type ? ' (' + p.type + ')' : '')));
      var input = el('input', { name: p.name, placeholder: p.description || '' });
      if (p.defaultValue !== undefined && p.defaultValue !== null) input.value = p.defaultValue;
      label.appendChild(input);
      form.appendChild(label);
    });
    return run();
  }

  function run() {
    var q = state.selected;
    if (!q) return Promise.resolve();
    $('query-status').textContent = '运行中 running…';
    $('csv-link').href = csvUrl(q);
    $('csv-link').setAttribute('download', q.name + '.csv');
    var started = Date.now();
    return runQuery(q).then(function (data) {
      renderTable($('query-table'), data);
      drawQueryChart(q, data);
      $('query-status').textContent = data.rows.length + ' 行 rows · ' + (Date.now() - started) + ' ms' +
        (data.rows.length > MAX_TABLE_ROWS ? ' · 显示前 ' + MAX_TABLE_ROWS + ' 行 first ' + MAX_TABLE_ROWS + ' shown' : '');
    }).catch(function (e) {
      $('query-status').textContent = '失败 failed';
      fail('query ' + q.name, e);
    });
  }

  // ---------- SPARQL box ----------

  function runSparql() {
    var text = $('sparql-text').value;
    var status = $('sparql-status');
    status.textContent = '运行中 running…';
    var started = Date.now();
    return fetch(SPARQL, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Accept': 'application/sparql-results+json, text/turtle;q=0.9, */*;q=0.5'
      },
      body: 'query=' + encodeURIComponent(text)
    }).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (!r.ok) {
        return r.text().then(function (t) {
          // a bad query is the user's mistake, not a page error: show it, do not report it
          status.textContent = '错误 error ' + r.status + ': ' + t.trim().split('\n').slice(0, 3).join(' ');
          $('sparql-table').textContent = '';
        });
      }
      if (type.indexOf('json') >= 0) {
        return r.json().then(function (json) {
          var data = bindingsToTable(json);
          renderTable($('sparql-table'), data);
          status.textContent = data.rows.length + ' 行 rows · ' + (Date.now() - started) + ' ms';
        });
      }
      return r.text().then(function (t) {
        var table = $('sparql-table');
        table.textContent = '';
        var row = el('tr');
        var td = el('td');
        td.appendChild(el('pre', null, t));
        row.appendChild(td);
        table.appendChild(row);
        status.textContent = type + ' · ' + (Date.now() - started) + ' ms';
      });
    }).catch(function (e) {
      status.textContent = '失败 failed';
      fail('sparql', e);
    });
  }

  function init() {
    if (typeof echarts === 'undefined') {
      fail('init', 'ECharts did not load from static/echarts.min.js');
      return;
    }
    $('sparql-run').addEventListener('click', runSparql);
    $('query-run').addEventListener('click', run);
    $('sparql-editor').addEventListener('click', function () {
      $('sparql-editor').href = 'editor/?query=' + encodeURIComponent($('sparql-text').value);
    });
    $('sparql-text').addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) runSparql();
    });
    window.addEventListener('resize', function () {
      Object.keys(state.charts).forEach(function (k) { state.charts[k].resize(); });
    });
    // totals and the metric charts belong to overview.js, which applies the filters to them
    Promise.all([loadQueries(), loadLabels()]).then(function () {
      renderQueryList();
      var first = state.queries.filter(function (q) { return q.name === 'figures'; })[0] || state.queries[0];
      if (first) return select(first);
    }).catch(function (e) { fail('saved queries', e); });
    runSparql();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
