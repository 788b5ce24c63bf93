// The dashboard's overview: every figure of the graph with its place's division code, filtered by
// province, prefecture, county, metric, year and source; the filters drive the tiles, the map,
// the charts and the figures table, and live in the URL (?province=530000&metric=wages ...) so a
// view can be shared. Plain JS, no build step; ECharts and the map outlines come from this server.
(function () {
  'use strict';

  var SPARQL = 'ruralkg/sparql';
  var ID = 'https://w3id.org/ruralkg/id/';
  var PREFIXES =
    'PREFIX rkg: <https://w3id.org/ruralkg/ont#>\n' +
    'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n' +
    'PREFIX prov: <http://www.w3.org/ns/prov#>\n';
  var PAGE = 50;
  var FILTERS = ['province', 'prefecture', 'county', 'metric', 'year', 'source'];

  // one row per figure: its place's code gives province (2 digits), prefecture (4) and county (6)
  var FIGURES = PREFIXES +
    'SELECT ?figure ?quantity ?value ?unit ?metric ?place ?placeName ?code ?year ?sentence ?source WHERE {\n' +
    '  GRAPH ?g { ?figure a rkg:Figure ; rkg:quantityText ?quantity ; rkg:value ?value ; rkg:unitOfMeasure ?u ; rkg:metric ?m ;\n' +
    '             rkg:sentence ?sentence ; prov:wasDerivedFrom/prov:wasDerivedFrom ?file .\n' +
    // units are described once, in the shared graph; the source file in the file's graph
    '    OPTIONAL { ?figure rkg:refArea ?place . GRAPH <' + ID + 'graph/shared> { ?place skos:prefLabel ?placeName OPTIONAL { ?place rkg:divisionCode ?code } } }\n' +
    '    OPTIONAL { ?figure rkg:refPeriod ?y } }\n' +
    '  GRAPH ?fg { ?file rkg:fileName ?source }\n' +
    '  ?u skos:notation ?unit . ?m skos:notation ?metric . BIND(STR(?y) AS ?year)\n' +
    '}';
  // names of the province, prefecture and county codes the figures fall in
  var UNITS = PREFIXES +
    'SELECT DISTINCT ?code ?name WHERE { GRAPH <' + ID + 'graph/shared> { ?u rkg:divisionCode ?code ; skos:prefLabel ?name } FILTER(STRLEN(?code) = 6) }';
  // the metrics' and units' labels in both languages, from the ontology graph
  var LABELS = PREFIXES +
    'SELECT ?notation ?zh ?en WHERE { GRAPH <' + ID + 'graph/ontology> { ?c skos:notation ?notation ; skos:prefLabel ?zh , ?en .\n' +
    '  FILTER(LANG(?zh) = "zh" && LANG(?en) = "en") } }';

  var data = { figures: [], units: {}, labels: {} };
  var view = { filters: {}, page: 1 };
  var charts = {};

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function select(query) {
    return fetch(SPARQL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json' },
      body: 'query=' + encodeURIComponent(query)
    }).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error('SPARQL ' + r.status + ': ' + t.slice(0, 200)); });
      return r.json();
    }).then(function (json) {
      return json.results.bindings.map(function (b) {
        var row = {};
        Object.keys(b).forEach(function (k) { row[k] = b[k].value; });
        return row;
      });
    });
  }

  // ---------- labels ----------

  /** "劳务报酬 wages": the Chinese label and the English one, the same in charts, filters and tables. */
  function bilingual(code) {
    var l = data.labels[code];
    return l ? l.zh + ' ' + l.en : code;
  }
  function unitName(code) { return (data.units[code] || code); }
  function provinceOf(code) { return code && code.length >= 6 ? code.slice(0, 2) + '0000' : ''; }
  function prefectureOf(code) { return code && code.length >= 6 && code.slice(2, 4) !== '00' ? code.slice(0, 4) + '00' : ''; }
  function countyOf(code) { return code && code.length >= 6 && code.slice(4, 6) !== '00' ? code.slice(0, 6) : ''; }

  function formatNumber(v) {
    var n = Number(v);
    if (Math.abs(n) >= 1e8) return (n / 1e8).toFixed(2).replace(/\.?0+$/, '') + '亿';
    if (Math.abs(n) >= 1e4) return (n / 1e4).toFixed(2).replace(/\.?0+$/, '') + '万';
    return String(Math.round(n * 100) / 100);
  }
  /** A value with its unit as people say it: 8059.47万元, 1.25万人, 12%. */
  function withUnit(value, unit) {
    var l = data.labels[unit];
    if (unit === 'percent') return formatNumber(value) + '%';
    return formatNumber(value) + (l ? l.zh : unit);
  }

  // ---------- state in the URL ----------

  function readUrl() {
    var qs = new URLSearchParams(location.search);
    FILTERS.forEach(function (f) { view.filters[f] = qs.get(f) || ''; });
    view.page = Math.max(1, parseInt(qs.get('page') || '1', 10) || 1);
  }
  function writeUrl() {
    var qs = new URLSearchParams();
    FILTERS.forEach(function (f) { if (view.filters[f]) qs.set(f, view.filters[f]); });
    if (view.page > 1) qs.set('page', String(view.page));
    var s = qs.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
  }
  function setFilter(name, value) {
    view.filters[name] = value || '';
    // a narrower place belongs to the wider one: choosing a province clears the prefecture and county
    if (name === 'province') { view.filters.prefecture = ''; view.filters.county = ''; }
    if (name === 'prefecture') view.filters.county = '';
    view.page = 1;
    writeUrl();
    render();
  }

  // ---------- filtering ----------

  function matches(r, except) {
    var f = view.filters;
    if (except !== 'province' && f.province && provinceOf(r.code) !== f.province) return false;
    if (except !== 'prefecture' && f.prefecture && prefectureOf(r.code) !== f.prefecture) return false;
    if (except !== 'county' && f.county && countyOf(r.code) !== f.county) return false;
    if (except !== 'metric' && f.metric && r.metric !== f.metric) return false;
    if (except !== 'year' && f.year && r.year !== f.year) return false;
    if (except !== 'source' && f.source && r.source !== f.source) return false;
    return true;
  }
  function filtered(except) { return data.figures.filter(function (r) { return matches(r, except); }); }

  function distinct(rows, key) {
    var seen = {};
    rows.forEach(function (r) { var k = key(r); if (k) seen[k] = true; });
    return Object.keys(seen).sort();
  }

  function fillSelect(name, values, label) {
    var s = $('filter-' + name);
    s.textContent = '';
    s.appendChild(el('option', { value: '' }, '全部 all'));
    values.forEach(function (v) { s.appendChild(el('option', { value: v }, label(v))); });
    if (view.filters[name] && values.indexOf(view.filters[name]) < 0) s.appendChild(el('option', { value: view.filters[name] }, label(view.filters[name])));
    s.value = view.filters[name];
  }

  function renderFilters() {
    fillSelect('province', distinct(filtered('province'), function (r) { return provinceOf(r.code); }), unitName);
    fillSelect('prefecture', distinct(filtered('prefecture'), function (r) { return prefectureOf(r.code); }), unitName);
    fillSelect('county', distinct(filtered('county'), function (r) { return countyOf(r.code); }), unitName);
    fillSelect('metric', distinct(filtered('metric'), function (r) { return r.metric; }), bilingual);
    fillSelect('year', distinct(filtered('year'), function (r) { return r.year; }), String);
    fillSelect('source', distinct(filtered('source'), function (r) { return r.source; }), String);
  }

  // ---------- tiles and charts ----------

  function renderTiles(rows) {
    var box = $('stats');
    box.textContent = '';
    var money = rows.filter(function (r) { return r.unit === 'CNY'; }).reduce(function (a, r) { return a + Number(r.value); }, 0);
    [[String(rows.length), '数据 figures'],
     [String(distinct(rows, function (r) { return r.place; }).length), '地点 places'],
     [String(distinct(rows, function (r) { return r.source; }).length), '来源文件 source files'],
     [formatNumber(money) + '元', '金额合计 money (CNY)']].forEach(function (t) {
      var tile = el('div', { 'class': 'tile' });
      tile.appendChild(el('div', { 'class': 'n' }, t[0]));
      tile.appendChild(el('div', { 'class': 'k' }, t[1]));
      box.appendChild(tile);
    });
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'svg' });
    return charts[id];
  }

  /** Horizontal bars; {label, value, text} items, text the bar's own label. */
  function bars(id, items, color, onClick) {
    var node = $(id);
    chart(id).setOption({
      animation: false, color: [color],
      grid: { left: 8, right: 90, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: function (p) { return items[items.length - 1 - p.dataIndex].label + ': ' + items[items.length - 1 - p.dataIndex].text; } },
      xAxis: { type: 'value', splitLine: { lineStyle: { color: '#eee' } }, axisLabel: { formatter: formatNumber } },
      yAxis: { type: 'category', data: items.map(function (i) { return i.label; }).reverse(), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', barMaxWidth: 18, data: items.map(function (i) { return i.value; }).reverse(),
        label: { show: true, position: 'right', formatter: function (p) { return items[items.length - 1 - p.dataIndex].text; } } }]
    }, true);
    chart(id).off('click');
    if (onClick) chart(id).on('click', function (p) { onClick(items[items.length - 1 - p.dataIndex]); });
    node.style.height = Math.max(120, items.length * 26 + 40) + 'px';
    chart(id).resize();
    node.dataset.rendered = String(items.length);
  }

  function groupBy(rows, key) {
    var groups = {};
    rows.forEach(function (r) { var k = key(r); (groups[k] = groups[k] || []).push(r); });
    return groups;
  }

  function renderCharts(rows) {
    var byMetric = groupBy(rows, function (r) { return r.metric; });
    var counts = Object.keys(byMetric).map(function (m) {
      return { key: m, label: bilingual(m), value: byMetric[m].length, text: byMetric[m].length + ' 条' };
    }).sort(function (a, b) { return b.value - a.value; });
    bars('metric-chart', counts, '#2f7d5b', function (i) { setFilter('metric', i.key); });
    var money = Object.keys(byMetric).map(function (m) {
      var sum = byMetric[m].filter(function (r) { return r.unit === 'CNY'; }).reduce(function (a, r) { return a + Number(r.value); }, 0);
      return { key: m, label: bilingual(m), value: sum, text: withUnit(sum, 'CNY') };
    }).filter(function (i) { return i.value > 0; }).sort(function (a, b) { return b.value - a.value; });
    bars('money-chart', money, '#c0703a', function (i) { setFilter('metric', i.key); });
    // the largest figures: place, metric and the quantity as written
    var top = rows.filter(function (r) { return r.unit === (view.filters.metric ? rows[0] && rows[0].unit : 'CNY'); })
      .sort(function (a, b) { return Number(b.value) - Number(a.value); }).slice(0, 12).map(function (r) {
        return { key: r.figure, label: (r.placeName || '—') + ' · ' + bilingual(r.metric), value: Number(r.value), text: r.quantity };
      });
    bars('top-chart', top, '#3c6e9f', function (i) { location.href = 'id/' + i.key.slice(ID.length); });
  }

  // ---------- map ----------

  var loadedMaps = {};
  function loadMap(name) {
    if (loadedMaps[name]) return Promise.resolve(name);
    return fetch('static/geo/' + name + '.json').then(function (r) {
      if (!r.ok) throw new Error('map ' + name + ' ' + r.status);
      return r.json();
    }).then(function (geo) {
      echarts.registerMap(name, geo);
      loadedMaps[name] = true;
      return name;
    });
  }

  /** The chosen metric's sum (or the figure count without one) per province, or per prefecture of the chosen province. */
  function renderMap() {
    var f = view.filters;
    var province = f.province;
    var rows = filtered(province ? 'prefecture' : 'province').filter(function (r) { return !f.prefecture || true; });
    var metricUnit = f.metric ? distinct(rows, function (r) { return r.unit; })[0] : null;
    var measure = f.metric ? function (rs) { return rs.filter(function (r) { return r.unit === metricUnit; }).reduce(function (a, r) { return a + Number(r.value); }, 0); }
      : function (rs) { return rs.length; };
    var mapName = province ? province : 'china';
    var key = province ? prefectureOf : provinceOf;
    var groups = groupBy(rows.filter(function (r) { return key(r.code); }), function (r) { return key(r.code); });
    var values = Object.keys(groups).map(function (code) {
      // china.json names provinces briefly (云南); province files name prefectures in full (昭通市)
      var name = unitName(code);
      return { name: province ? name : name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, ''), code: code, value: measure(groups[code]) };
    });
    $('map-title').textContent = (province ? unitName(province) + ' 各市州' : '全国 各省') + ' · ' +
      (f.metric ? bilingual(f.metric) + (metricUnit ? '（' + (data.labels[metricUnit] ? data.labels[metricUnit].zh : metricUnit) + '）' : '') : '数据条数 number of figures');
    $('map-up').hidden = !province;
    var place = f.county || f.prefecture || f.province;
    var link = $('map-unit-link');
    link.hidden = !place;
    if (place) { link.href = 'id/unit/' + place; link.textContent = unitName(place) + ' 页面 page →'; }
    return loadMap(mapName).then(function () {
      var max = values.reduce(function (a, v) { return Math.max(a, v.value); }, 0);
      chart('map').setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: function (p) {
          return p.name + ': ' + (p.data ? (f.metric ? withUnit(p.data.value, metricUnit) : p.data.value + ' 条') : '—');
        } },
        visualMap: { min: 0, max: max || 1, left: 8, bottom: 8, calculable: true, inRange: { color: ['#e8f3ee', '#2f7d5b'] },
          formatter: function (v) { return formatNumber(v); } },
        series: [{ type: 'map', map: mapName, roam: true, data: values, nameProperty: 'name',
          label: { show: !!province, fontSize: 10 }, emphasis: { label: { show: true } } }]
      }, true);
      chart('map').off('click');
      chart('map').on('click', function (p) {
        if (!p.data) return;
        if (!province) setFilter('province', p.data.code);
        else setFilter('prefecture', p.data.code);
      });
      $('map').dataset.rendered = String(values.length);
      $('map').dataset.map = mapName;
    });
  }

  /** Counties (no outlines at that level) beside the map: the same measure, each linked to its page. */
  function renderCounties(rows) {
    var list = $('county-list');
    list.textContent = '';
    var groups = groupBy(rows.filter(function (r) { return countyOf(r.code); }), function (r) { return countyOf(r.code); });
    Object.keys(groups).sort(function (a, b) { return groups[b].length - groups[a].length; }).forEach(function (code) {
      var li = el('li');
      var a = el('a', { href: 'id/unit/' + code }, unitName(code));
      li.appendChild(a);
      li.appendChild(document.createTextNode(' ' + groups[code].length + ' 条 '));
      var pick = el('button', { type: 'button', 'class': 'link', 'data-county': code }, '筛选 filter');
      pick.addEventListener('click', function () { setFilter('county', code); });
      li.appendChild(pick);
      list.appendChild(li);
    });
  }

  // ---------- the figures table ----------

  function renderTable(rows) {
    rows = rows.slice().sort(function (a, b) { return Number(b.value) - Number(a.value); });
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    if (view.page > pages) view.page = pages;
    var table = $('figures-table');
    table.textContent = '';
    var head = el('tr');
    ['数量 quantity', '指标 metric', '地点 place', '年份 year', '原句 sentence', '来源 source'].forEach(function (h) { head.appendChild(el('th', null, h)); });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    rows.slice((view.page - 1) * PAGE, view.page * PAGE).forEach(function (r) {
      var tr = el('tr');
      var q = el('td', { 'class': 'num' });
      q.appendChild(el('a', { href: 'id/' + r.figure.slice(ID.length) }, r.quantity));
      tr.appendChild(q);
      tr.appendChild(el('td', null, bilingual(r.metric)));
      var p = el('td');
      if (r.place && r.place.indexOf(ID) === 0) p.appendChild(el('a', { href: 'id/' + r.place.slice(ID.length) }, r.placeName || ''));
      tr.appendChild(p);
      tr.appendChild(el('td', null, r.year || ''));
      tr.appendChild(el('td', { 'class': 'sentence' }, r.sentence));
      tr.appendChild(el('td', null, r.source));
      body.appendChild(tr);
    });
    table.appendChild(body);
    table.dataset.rows = String(rows.length);
    $('figures-status').textContent = rows.length + ' 条 figures · 第 ' + view.page + '/' + pages + ' 页 page';
    $('figures-prev').disabled = view.page <= 1;
    $('figures-next').disabled = view.page >= pages;
  }

  function render() {
    renderFilters();
    var rows = filtered();
    renderTiles(rows);
    renderCharts(rows);
    renderCounties(rows);
    renderTable(rows);
    return renderMap().catch(function (e) { console.error('map: ' + e.message); });
  }

  function init() {
    if (typeof echarts === 'undefined') return;
    readUrl();
    FILTERS.forEach(function (f) {
      $('filter-' + f).addEventListener('change', function (e) { setFilter(f, e.target.value); });
    });
    $('filters-clear').addEventListener('click', function () { FILTERS.forEach(function (f) { view.filters[f] = ''; }); view.page = 1; writeUrl(); render(); });
    $('map-up').addEventListener('click', function () { setFilter('province', ''); });
    $('figures-prev').addEventListener('click', function () { view.page--; writeUrl(); renderTable(filtered()); });
    $('figures-next').addEventListener('click', function () { view.page++; writeUrl(); renderTable(filtered()); });
    window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
    Promise.all([select(FIGURES), select(UNITS), select(LABELS)]).then(function (r) {
      data.figures = r[0];
      r[1].forEach(function (u) { if (!data.units[u.code]) data.units[u.code] = u.name; });
      r[2].forEach(function (l) { data.labels[l.notation] = { zh: l.zh, en: l.en }; });
      return render();
    }).then(function () {
      document.body.dataset.overview = 'ready';
    }).catch(function (e) { console.error('overview: ' + e.message); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
