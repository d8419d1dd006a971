/* chronotope views: map, timeline, network and reading view over the embedded data.
 *
 * The data comes from the JSON script element with id "chronotope-data",
 * written by chronotope/report/viewdata.py.  Source text only ever reaches
 * the page through textContent / setAttribute, never as markup, so a text
 * that contains markup shows as those characters.
 * Written for chronotope; no library: the report must work with no network
 * and the drawing needed (SVG paths, circles, rectangles) is small.
 */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('chronotope-data').textContent);
  var APP = document.body.getAttribute('data-app') === '1';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var ents = D.ents || {};

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function sv(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function name(id) { return (ents[id] && ents[id].name) || id || ''; }
  function byId(list) { var m = {}; list.forEach(function (x) { m[x.id] = x; }); return m; }
  var docsById = byId(D.docs || []);
  var eventsById = byId(D.events || []);
  var legsById = byId(D.legs || []);
  var mentionsById = byId(D.mentions || []);

  /* ---------------- reading view ---------------- */
  // annotation id -> [span elements]
  var spansOf = {};
  // span element -> list of annotation records covering it
  var coverOf = new WeakMap();

  function annotationsFor(docId) {
    var out = [];
    (D.mentions || []).forEach(function (m) {
      if (m.doc === docId && m.e > m.s) out.push({ id: m.id, s: m.s, e: m.e, kind: 'mention', cls: 'm m-' + m.k, len: m.e - m.s });
    });
    (D.events || []).forEach(function (ev) {
      if (ev.doc === docId && ev.e > ev.s) out.push({ id: ev.id, s: ev.s, e: ev.e, kind: 'event', cls: 'ev', len: ev.e - ev.s });
    });
    (D.legs || []).forEach(function (lg) {
      lg.ev.forEach(function (x) {
        if (x.doc === docId && x.e > x.s) out.push({ id: lg.id, s: x.s, e: x.e, kind: 'leg', cls: 'lg', len: x.e - x.s });
      });
    });
    (D.issues || []).forEach(function (iss, i) {
      if (iss.doc === docId && iss.e > iss.s) out.push({ id: 'issue:' + docId + ':' + i, s: iss.s, e: iss.e, kind: 'issue', cls: 'iss', len: iss.e - iss.s, issue: iss });
    });
    return out;
  }

  function renderText(doc, container) {
    var text = doc.text || '';
    var anns = annotationsFor(doc.id);
    var starts = {}, ends = {}, cuts = { 0: true };
    cuts[text.length] = true;
    anns.forEach(function (a) {
      a.s = Math.max(0, Math.min(a.s, text.length));
      a.e = Math.max(a.s, Math.min(a.e, text.length));
      (starts[a.s] = starts[a.s] || []).push(a);
      (ends[a.e] = ends[a.e] || []).push(a);
      cuts[a.s] = true; cuts[a.e] = true;
    });
    var points = Object.keys(cuts).map(Number).sort(function (x, y) { return x - y; });
    var active = [];
    var frag = document.createDocumentFragment();
    for (var i = 0; i < points.length - 1; i++) {
      var p = points[i], q = points[i + 1];
      if (ends[p]) active = active.filter(function (a) { return ends[p].indexOf(a) < 0; });
      if (starts[p]) active = active.concat(starts[p]);
      var piece = text.slice(p, q);
      if (!active.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var cls = ['a'];
      var ms = active.filter(function (a) { return a.kind === 'mention'; });
      if (ms.length) {
        ms.sort(function (x, y) { return x.len - y.len; });
        cls.push(ms[0].cls);
      }
      if (active.some(function (a) { return a.kind === 'event'; })) cls.push('ev');
      if (active.some(function (a) { return a.kind === 'leg'; })) cls.push('lg');
      if (active.some(function (a) { return a.kind === 'issue'; })) cls.push('iss');
      var span = el('span', { 'class': cls.join(' ') }, piece);
      var cover = active.slice();
      coverOf.set(span, cover);
      cover.forEach(function (a) { (spansOf[a.id] = spansOf[a.id] || []).push(span); });
      var jm = ms.length && mentionsById[ms[0].id];
      if (jm && jm.jul !== undefined) span.setAttribute('title', 'Old Style ' + (jm.v || '') + (jm.jul ? ' = ' + jm.jul + ' New Style' : ''));
      frag.appendChild(span);
    }
    container.appendChild(frag);
  }

  function buildReading() {
    var box = document.getElementById('texts');
    (D.docs || []).forEach(function (doc) {
      var art = el('article', { 'class': 'doc', 'data-doc': doc.id });
      art.appendChild(el('h2', null, doc.title));
      art.appendChild(el('p', { 'class': 'src' }, doc.source || ''));
      var pre = el('div', { 'class': 'text' });
      renderText(doc, pre);
      art.appendChild(pre);
      box.appendChild(art);
    });
    box.addEventListener('click', function (e) {
      var t = e.target;
      if (!t.classList || !t.classList.contains('a')) return;
      var cover = coverOf.get(t) || [];
      var pick = null;
      ['mention', 'leg', 'event', 'issue'].some(function (k) {
        var c = cover.filter(function (a) { return a.kind === k; }).sort(function (x, y) { return x.len - y.len; });
        if (c.length) { pick = c[0]; return true; }
        return false;
      });
      if (!pick) return;
      if (pick.kind === 'issue') { showIssue(pick); return; }
      select(pick.id, { from: 'text', also: cover });
    });
  }

  /* ---------------- map ---------------- */
  var MODE_COLORS = {
    rail: '#8b1a1a', ship: '#1f5fa8', boat: '#3f88c5', sleigh: '#6a3d9a', reindeer: '#8e44ad',
    car: '#d2691e', bus: '#e07b00', tractor: '#a0522d', foot: '#2e7d32', horse: '#558b2f',
    carriage: '#7cb342', elephant: '#795548', aircraft: '#546e7a', other: '#333333'
  };
  var map = { svg: null, vb: null, scale: 1, kx: 1 };

  function legColor(lg) {
    for (var i = 0; i < lg.modes.length; i++) if (MODE_COLORS[lg.modes[i]]) return MODE_COLORS[lg.modes[i]];
    return MODE_COLORS.other;
  }

  function buildMap() {
    var svg = document.getElementById('map');
    map.svg = svg;
    var pts = [];
    (D.legs || []).forEach(function (lg) { if (lg.line) lg.line.forEach(function (p) { pts.push(p); }); });
    Object.keys(D.stops || {}).forEach(function (pid) { if (ents[pid] && ents[pid].ll) pts.push(ents[pid].ll); });
    if (!pts.length) Object.keys(ents).forEach(function (k) { if (ents[k].ll) pts.push(ents[k].ll); });
    var minx = -170, maxx = 190, miny = -60, maxy = 80;
    if (pts.length) {
      minx = Math.min.apply(null, pts.map(function (p) { return p[0]; }));
      maxx = Math.max.apply(null, pts.map(function (p) { return p[0]; }));
      miny = Math.min.apply(null, pts.map(function (p) { return p[1]; }));
      maxy = Math.max.apply(null, pts.map(function (p) { return p[1]; }));
      var padx = Math.max(2, (maxx - minx) * 0.15), pady = Math.max(2, (maxy - miny) * 0.15);
      minx -= padx; maxx += padx; miny -= pady; maxy += pady;
    }
    var kx = Math.cos(((miny + maxy) / 2) * Math.PI / 180);
    kx = Math.max(0.2, kx);
    map.kx = kx;
    map.home = [minx * kx, -maxy, (maxx - minx) * kx, maxy - miny];
    var world = sv('g', { 'class': 'world', transform: 'scale(' + kx + ',1)' });
    var sea = sv('rect', { x: -540, y: -90, width: 1080, height: 180, 'class': 'sea' });
    world.appendChild(sea);
    var land = sv('g', { 'class': 'land' });
    (D.basemap || []).forEach(function (d) { land.appendChild(sv('path', { d: d, 'class': 'land' })); });
    world.appendChild(land);
    var grat = sv('g', { 'class': 'graticule' });
    for (var lon = -180; lon <= 180; lon += 10) grat.appendChild(sv('path', { d: 'M' + lon + ' -85L' + lon + ' 85' }));
    for (var lat = -80; lat <= 80; lat += 10) grat.appendChild(sv('path', { d: 'M-180 ' + (-lat) + 'L180 ' + (-lat) }));
    world.appendChild(grat);
    var legsG = sv('g', { 'class': 'legs' });
    var drawn = 0, missing = 0;
    (D.legs || []).forEach(function (lg) {
      if (!lg.line) { missing++; return; }
      var d = lg.line.map(function (p, i) { return (i ? 'L' : 'M') + p[0] + ' ' + (-p[1]); }).join('');
      var title = name(lg.from) + ' → ' + name(lg.to) + (lg.modes.length ? ' (' + lg.modes.join(', ') + ')' : '') + (lg.planned ? ' — planned' : '');
      var hit = sv('path', { d: d, 'class': 'leg-hit', 'data-id': lg.id });
      hit.appendChild(sv('title', null, title));
      var path = sv('path', { d: d, 'class': 'leg' + (lg.planned ? ' planned' : '') + ' mode-' + (lg.modes[0] || 'other'),
        'data-id': lg.id, stroke: legColor(lg) });
      path.appendChild(sv('title', null, title));
      legsG.appendChild(path);
      legsG.appendChild(hit);
      drawn++;
    });
    world.appendChild(legsG);
    svg.appendChild(world);
    var marks = sv('g', { 'class': 'marks' });
    // with no journey to show, name every place instead
    var labelAll = !Object.keys(D.stops || {}).length;
    Object.keys(ents).forEach(function (pid) {
      var e = ents[pid];
      if (e.kind !== 'place' || !e.ll) return;
      var stop = D.stops && Object.prototype.hasOwnProperty.call(D.stops, pid);
      var g = sv('g', { 'class': 'place' + (stop ? ' stop' : ''), 'data-id': pid });
      g.appendChild(sv('circle', { cx: e.ll[0] * kx, cy: -e.ll[1], r: 1 }));
      var label = e.name + (e.modern ? ' (' + e.modern + ')' : '');
      g.appendChild(sv('title', null, label));
      if (stop || labelAll) {
        var t = sv('text', { x: e.ll[0] * kx, y: -e.ll[1] });
        t.appendChild(sv('tspan', { 'class': 'pname' }, e.name));
        var dates = (D.stops[pid] || []).join(', ');
        if (dates) t.appendChild(sv('tspan', { 'class': 'pdate', dx: '0.4em' }, dates));
        g.appendChild(t);
      }
      marks.appendChild(g);
    });
    svg.appendChild(marks);
    var note = document.getElementById('map-note');
    note.textContent = drawn + ' leg' + (drawn === 1 ? '' : 's') + ' drawn' +
      (missing ? '; ' + missing + ' not drawn (a place has no coordinates)' : '') + '. Dashed: planned, not travelled.';
    buildMapLegend();
    setViewBox(map.home.slice());
    svg.addEventListener('click', function (e) {
      var t = e.target.closest('[data-id]');
      if (t) select(t.getAttribute('data-id'), { from: 'map' });
    });
    svg.addEventListener('wheel', function (e) {
      e.preventDefault();
      var r = svg.getBoundingClientRect();
      var f = e.deltaY < 0 ? 0.8 : 1.25;
      var vb = map.vb;
      var px = vb[0] + (e.clientX - r.left) / r.width * vb[2];
      var py = vb[1] + (e.clientY - r.top) / r.height * vb[3];
      setViewBox([px - (px - vb[0]) * f, py - (py - vb[1]) * f, vb[2] * f, vb[3] * f]);
    }, { passive: false });
    var drag = null;
    svg.addEventListener('mousedown', function (e) { drag = { x: e.clientX, y: e.clientY, vb: map.vb.slice(), moved: false }; });
    window.addEventListener('mousemove', function (e) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      var dx = (e.clientX - drag.x) / r.width * drag.vb[2], dy = (e.clientY - drag.y) / r.height * drag.vb[3];
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3) drag.moved = true;
      if (drag.moved) setViewBox([drag.vb[0] - dx, drag.vb[1] - dy, drag.vb[2], drag.vb[3]]);
    });
    window.addEventListener('mouseup', function () { drag = null; });
    document.getElementById('map-reset').addEventListener('click', function () { setViewBox(map.home.slice()); });
    window.addEventListener('resize', function () { setViewBox(map.vb); });
  }

  function setViewBox(vb) {
    var svg = map.svg;
    var r = svg.getBoundingClientRect();
    var w = r.width || 800, h = r.height || 500;
    // keep the aspect ratio of the element so that the pixel scale is the same on both axes
    var want = w / h;
    if (vb[2] / vb[3] > want) { var nh = vb[2] / want; vb[1] -= (nh - vb[3]) / 2; vb[3] = nh; }
    else { var nw = vb[3] * want; vb[0] -= (nw - vb[2]) / 2; vb[2] = nw; }
    // keep the poles at the edges: nothing to see beyond them
    if (vb[3] < 180) {
      if (vb[1] < -90) vb[1] = -90;
      if (vb[1] + vb[3] > 90) vb[1] = 90 - vb[3];
    }
    map.vb = vb;
    svg.setAttribute('viewBox', vb.join(' '));
    var u = vb[2] / w;   // viewBox units per pixel
    svg.querySelectorAll('.place circle').forEach(function (c) {
      c.setAttribute('r', (c.parentNode.classList.contains('stop') ? 4 : 2.5) * u);
    });
    svg.querySelectorAll('.place text').forEach(function (t) {
      t.setAttribute('font-size', 11 * u);
      t.setAttribute('dx', 6 * u);
      t.setAttribute('dy', -5 * u);
      t.setAttribute('stroke-width', 3 * u);
    });
  }

  function buildMapLegend() {
    var box = document.getElementById('map-legend');
    var used = {};
    (D.legs || []).forEach(function (lg) { (lg.modes.length ? lg.modes : ['other']).forEach(function (m) { used[m] = true; }); });
    Object.keys(used).sort().forEach(function (m) {
      var item = el('span', { 'class': 'key' });
      var sw = el('span', { 'class': 'swatch' });
      sw.style.background = MODE_COLORS[m] || MODE_COLORS.other;
      item.appendChild(sw);
      item.appendChild(document.createTextNode(m));
      box.appendChild(item);
    });
    if ((D.legs || []).some(function (lg) { return lg.planned; })) {
      var p = el('span', { 'class': 'key' });
      p.appendChild(el('span', { 'class': 'swatch dashed' }));
      p.appendChild(document.createTextNode('planned'));
      box.appendChild(p);
    }
  }

  /* ---------------- timeline ---------------- */
  function dayMs(iso) {
    var m = /^(-?\d+)-(\d\d)-(\d\d)/.exec(iso || '');
    if (!m) return null;
    var d = new Date(Date.UTC(2000, +m[2] - 1, +m[3]));
    d.setUTCFullYear(+m[1]);
    return d.getTime();
  }
  var DAY = 86400000;
  var tl = { zoom: 1, group: 'person' };

  function buildTimeline() {
    var box = document.getElementById('timeline');
    var sel = document.getElementById('tl-group');
    sel.addEventListener('change', function () { tl.group = sel.value; drawTimeline(); });
    document.getElementById('tl-in').addEventListener('click', function () { tl.zoom *= 1.6; drawTimeline(); });
    document.getElementById('tl-out').addEventListener('click', function () { tl.zoom = Math.max(1, tl.zoom / 1.6); drawTimeline(); });
    box.addEventListener('click', function (e) {
      var t = e.target.closest('[data-id]');
      if (t) select(t.getAttribute('data-id'), { from: 'timeline' });
    });
    drawTimeline();
  }

  function drawTimeline() {
    var box = document.getElementById('timeline');
    box.textContent = '';
    var items = (D.timeline || []).map(function (it) {
      return { it: it, a: dayMs(it.t0), b: dayMs(it.t1) + DAY };
    }).filter(function (x) { return x.a !== null && !isNaN(x.a); });
    var undated = (D.events || []).length - (D.timeline || []).filter(function (i) { return i.kind === 'event'; }).length;
    document.getElementById('tl-note').textContent = items.length + ' dated item' + (items.length === 1 ? '' : 's') +
      (undated > 0 ? '; ' + undated + ' event' + (undated === 1 ? '' : 's') + ' without a date (see the reading view)' : '') +
      '. Bars are uncertain or multi-day dates (earliest to latest); ringed marks are Old Style dates placed at their New Style equivalent.';
    if (!items.length) return;
    var rows = {}, order = [];
    items.forEach(function (x) {
      var keys;
      if (tl.group === 'type') keys = [x.it.type || 'event'];
      else keys = x.it.who.length ? x.it.who : ['—'];
      keys.forEach(function (k) {
        if (!rows[k]) { rows[k] = []; order.push(k); }
        rows[k].push(x);
      });
    });
    order.sort(function (p, q) {
      var ap = Math.min.apply(null, rows[p].map(function (x) { return x.a; }));
      var aq = Math.min.apply(null, rows[q].map(function (x) { return x.a; }));
      return ap - aq;
    });
    var lo = Math.min.apply(null, items.map(function (x) { return x.a; }));
    var hi = Math.max.apply(null, items.map(function (x) { return x.b; }));
    var pad = Math.max(20 * DAY, (hi - lo) * 0.03);
    lo -= pad; hi += pad;
    var labelW = 170, rowH = 26, top = 28;
    var width = Math.max(400, (box.clientWidth || 800) - labelW - 20) * tl.zoom;
    var x = function (t) { return labelW + (t - lo) / (hi - lo) * width; };
    var H = top + order.length * rowH + 10;
    var svg = sv('svg', { width: labelW + width + 10, height: H, 'class': 'tl' });
    // axis: years, or months when the span is short
    var years = (hi - lo) / (365.25 * DAY);
    // year ticks at least ~48 px apart; month ticks when a year is wide enough for them
    var pxYear = width / years, step = 0;
    if (pxYear < 200 || years > 6) {
      step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].filter(function (s) { return s * pxYear >= 48; })[0] || 1000;
    }
    var start = new Date(lo), end = new Date(hi);
    var axis = sv('g', { 'class': 'axis' });
    if (step) {
      for (var y = Math.ceil(start.getUTCFullYear() / step) * step; y <= end.getUTCFullYear(); y += step) {
        var t = dayMs(String(y).padStart(4, '0') + '-01-01');
        axis.appendChild(sv('line', { x1: x(t), x2: x(t), y1: top - 6, y2: H }));
        axis.appendChild(sv('text', { x: x(t) + 3, y: top - 10 }, y));
      }
    } else {
      var mstep = years > 2 ? 3 : 1;
      var d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
      d.setUTCFullYear(start.getUTCFullYear());
      var names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
      while (d.getTime() <= hi) {
        if (d.getTime() >= lo && d.getUTCMonth() % mstep === 0) {
          var xt = x(d.getTime());
          axis.appendChild(sv('line', { x1: xt, x2: xt, y1: top - 6, y2: H, 'class': d.getUTCMonth() === 0 ? 'year' : '' }));
          axis.appendChild(sv('text', { x: xt + 3, y: top - 10 }, names[d.getUTCMonth()] + (d.getUTCMonth() === 0 || d.getTime() - lo < 40 * DAY ? ' ' + d.getUTCFullYear() : '')));
        }
        d.setUTCMonth(d.getUTCMonth() + 1);
      }
    }
    svg.appendChild(axis);
    order.forEach(function (k, i) {
      var yy = top + i * rowH;
      var g = sv('g', { 'class': 'row' + (i % 2 ? ' odd' : '') });
      g.appendChild(sv('rect', { x: 0, y: yy, width: labelW + width + 10, height: rowH, 'class': 'rowbg' }));
      var lab = sv('text', { x: 6, y: yy + rowH / 2 + 4, 'class': 'rowlabel' }, k === '—' ? '(no one named)' : (tl.group === 'type' ? k.replace(/_/g, ' ') : name(k)));
      if (tl.group !== 'type' && ents[k]) { lab.setAttribute('data-id', k); lab.classList.add('link'); }
      g.appendChild(lab);
      rows[k].forEach(function (xx) {
        var it = xx.it;
        var x0 = x(xx.a), x1 = x(xx.b);
        var cls = 'item t-' + (it.type || 'event') + (it.julian ? ' julian' : '') + (it.kind === 'leg' ? ' legitem' : '');
        var tip = (it.kind === 'leg' ? 'journey leg ' + legLabel(legsById[it.ref]) : (it.type || 'event').replace(/_/g, ' ')) + ': ' + it.label;
        var shape;
        if (it.exact && x1 - x0 < 6) {
          shape = sv('circle', { cx: (x0 + x1) / 2, cy: yy + rowH / 2, r: 5, 'class': cls, 'data-id': it.ref });
        } else {
          shape = sv('rect', { x: x0, y: yy + 6, width: Math.max(4, x1 - x0), height: rowH - 12, rx: 3,
            'class': cls + (it.exact ? '' : ' range'), 'data-id': it.ref });
        }
        shape.appendChild(sv('title', null, tip));
        g.appendChild(shape);
        if (it.julian) {
          g.appendChild(sv('text', { x: x1 + 8, y: yy + rowH / 2 + 4, 'class': 'oslabel', 'data-id': it.ref }, it.label));
        }
      });
      svg.appendChild(g);
    });
    box.appendChild(svg);
    markSelection();
  }

  /* ---------------- network ---------------- */
  var REL = { wrote_to: 'wrote to', acted_against: 'acted against', travelled_with: 'travelled with' };
  function buildNetwork() {
    var svg = document.getElementById('network');
    var W = 1000, H = 640;
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var defs = sv('defs');
    Object.keys(REL).forEach(function (r) {
      var m = sv('marker', { id: 'arrow-' + r, viewBox: '0 0 10 10', refX: 18, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
      m.appendChild(sv('path', { d: 'M0 0L10 5L0 10z', 'class': 'arrow rel-' + r }));
      defs.appendChild(m);
    });
    svg.appendChild(defs);
    var net = D.network || { nodes: [], edges: [] };
    var pos = {};
    net.nodes.forEach(function (n) { pos[n.id] = [n.x * W, n.y * H]; });
    var pairCount = {};
    var edgesG = sv('g', { 'class': 'edges' });
    net.edges.forEach(function (e) {
      var a = pos[e.source], b = pos[e.target];
      if (!a || !b) return;
      var key = [e.source, e.target].sort().join('|');
      var k = pairCount[key] = (pairCount[key] || 0) + 1;
      var mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2;
      var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy) || 1;
      var bend = (k - 1) * 28 * (k % 2 ? 1 : -1);
      var cx = mx - dy / len * bend, cy = my + dx / len * bend;
      var p = sv('path', { d: 'M' + a[0] + ' ' + a[1] + 'Q' + cx + ' ' + cy + ' ' + b[0] + ' ' + b[1],
        'class': 'edge rel-' + e.relation, 'stroke-width': Math.min(8, 1.5 + e.weight),
        'data-id': e.events[0] || '', 'data-events': e.events.join(' ') });
      if (e.relation !== 'travelled_with') p.setAttribute('marker-end', 'url(#arrow-' + e.relation + ')');
      p.appendChild(sv('title', null, name(e.source) + ' ' + (REL[e.relation] || e.relation) + ' ' + name(e.target) + ' (' + e.weight + ')'));
      edgesG.appendChild(p);
    });
    svg.appendChild(edgesG);
    var nodesG = sv('g', { 'class': 'nodes' });
    net.nodes.forEach(function (n) {
      var g = sv('g', { 'class': 'node k-' + n.kind, 'data-id': n.id });
      g.appendChild(sv('circle', { cx: pos[n.id][0], cy: pos[n.id][1], r: 9 }));
      g.appendChild(sv('text', { x: pos[n.id][0] + 12, y: pos[n.id][1] + 4 }, n.name));
      nodesG.appendChild(g);
    });
    svg.appendChild(nodesG);
    document.getElementById('net-note').textContent = net.nodes.length + ' people and organizations, ' + net.edges.length +
      ' relations. Arrows: who wrote to whom, who acted against whom; plain lines: who travelled together.';
    svg.addEventListener('click', function (e) {
      var t = e.target.closest('[data-id]');
      if (t && t.getAttribute('data-id')) select(t.getAttribute('data-id'), { from: 'network', events: (t.getAttribute('data-events') || '').split(' ').filter(Boolean) });
    });
  }

  /* ---------------- selection and details ---------------- */
  var selected = { ids: [], primary: null };

  function legLabel(lg) {
    if (!lg) return '';
    return name(lg.from) + ' → ' + name(lg.to);
  }

  function relatedIds(id, opts) {
    var ids = [id];
    if (legsById[id]) return ids;
    if (eventsById[id]) return ids.concat(opts && opts.events ? opts.events : []);
    if (mentionsById[id]) {
      var m = mentionsById[id];
      if (m.ent) ids.push(m.ent);
      return ids;
    }
    return ids;
  }

  function markSelection() {
    var ids = selected.ids;
    document.querySelectorAll('.sel').forEach(function (n) { n.classList.remove('sel'); });
    if (!ids.length) return;
    var want = {};
    ids.forEach(function (i) { want[i] = true; });
    document.querySelectorAll('[data-id]').forEach(function (n) {
      if (want[n.getAttribute('data-id')]) n.classList.add('sel');
    });
    // entity: everything about it
    ids.forEach(function (i) {
      if (!ents[i]) return;
      document.querySelectorAll('.edge').forEach(function (e) {
        var t = e.querySelector('title');
        if (t && (t.textContent.indexOf(name(i)) === 0 || t.textContent.indexOf(' ' + name(i) + ' (') >= 0)) e.classList.add('sel');
      });
    });
  }

  function highlightText(ids, scroll) {
    document.querySelectorAll('#texts .hl').forEach(function (n) { n.classList.remove('hl'); });
    var first = null;
    ids.forEach(function (i) {
      var spans = spansOf[i] || [];
      spans.forEach(function (s) { s.classList.add('hl'); if (!first) first = s; });
      if (ents[i]) {
        (D.mentions || []).forEach(function (m) {
          if (m.ent === i) (spansOf[m.id] || []).forEach(function (s) { s.classList.add('hl'); if (!first) first = s; });
        });
      }
    });
    if (first && scroll) first.scrollIntoView({ block: 'center' });
    return first;
  }

  function select(id, opts) {
    opts = opts || {};
    var ids = relatedIds(id, opts);
    var ent = ents[id] ? id : (mentionsById[id] && mentionsById[id].ent);
    if (ent && ents[ent]) {
      (D.events || []).forEach(function (ev) {
        if (ev.place === ent || ev.parts.some(function (p) { return p[0] === ent; })) ids.push(ev.id);
      });
      (D.legs || []).forEach(function (lg) { if (lg.from === ent || lg.to === ent) ids.push(lg.id); });
    }
    selected = { ids: ids, primary: id };
    markSelection();
    highlightText(ents[id] ? [id] : ids.filter(function (i) { return !ents[i]; }), opts.from !== 'text');
    showDetails(id, opts);
    document.body.setAttribute('data-selected', id);
  }

  function quote(doc, s, e) {
    var d = docsById[doc];
    return d ? d.text.slice(s, e) : '';
  }

  function row(dl, k, v) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) return;
    dl.appendChild(el('dt', null, k));
    var dd = el('dd');
    if (v instanceof Node) dd.appendChild(v); else dd.textContent = String(v);
    dl.appendChild(dd);
  }

  function entLink(id, role) {
    var b = el('button', { 'class': 'entlink', type: 'button', 'data-ent': id }, name(id) + (role ? ' (' + role + ')' : ''));
    return b;
  }

  function showDetails(id, opts) {
    var box = document.getElementById('details');
    box.textContent = '';
    var dl = el('dl');
    var h, ev, quoteRanges = [];
    if (legsById[id]) {
      var lg = legsById[id];
      h = 'Journey leg ' + lg.n + ': ' + legLabel(lg);
      row(dl, 'modes', lg.modes.join(', ') || 'unknown');
      row(dl, 'departed', lg.depart);
      row(dl, 'arrived', lg.arrive);
      row(dl, 'distance', lg.km ? lg.km + ' km' : null);
      row(dl, 'duration', lg.duration);
      row(dl, 'status', lg.planned ? 'planned, not travelled' : null);
      var j = (D.journeys || []).filter(function (x) { return x.id === lg.journey; })[0];
      if (j) {
        var who = el('span');
        j.travellers.forEach(function (t) { who.appendChild(entLink(t)); });
        row(dl, 'travellers', who);
      }
      quoteRanges = lg.ev;
    } else if ((ev = eventsById[id])) {
      h = (ev.type || 'event').replace(/_/g, ' ');
      row(dl, 'date', ev.date || 'not dated');
      if (ev.place) { row(dl, 'place', entLink(ev.place)); }
      if (ev.parts.length) {
        var ps = el('span');
        ev.parts.forEach(function (p) { ps.appendChild(entLink(p[0], p[1])); });
        row(dl, 'participants', ps);
      }
      Object.keys(ev.attrs || {}).forEach(function (k) { row(dl, k, ev.attrs[k]); });
      if (opts && opts.events && opts.events.length > 1) {
        var more = el('span');
        opts.events.forEach(function (x) {
          var e2 = eventsById[x];
          more.appendChild(el('button', { 'class': 'evlink', type: 'button', 'data-ev': x }, e2 ? (e2.type + (e2.date ? ' ' + e2.date : '')) : x));
        });
        row(dl, 'all events', more);
      }
      quoteRanges = [{ doc: ev.doc, s: ev.s, e: ev.e }];
    } else if (mentionsById[id]) {
      var m = mentionsById[id];
      h = m.k + ' mention';
      if (m.ent) row(dl, 'refers to', entLink(m.ent));
      row(dl, 'value', m.v);
      if (m.jul !== undefined) row(dl, 'calendar', 'Old Style (Julian)' + (m.jul ? '; New Style (Gregorian) ' + m.jul : ''));
      quoteRanges = [{ doc: m.doc, s: m.s, e: m.e }];
    } else if (ents[id]) {
      var en = ents[id];
      h = en.name;
      row(dl, 'kind', en.kind);
      row(dl, 'modern name', en.modern);
      row(dl, 'coordinates', en.ll ? en.ll[1].toFixed(3) + ', ' + en.ll[0].toFixed(3) : null);
      var n = (D.mentions || []).filter(function (x) { return x.ent === id; }).length;
      row(dl, 'mentions', n);
    } else {
      h = id;
    }
    box.appendChild(el('h3', null, h));
    box.appendChild(dl);
    quoteRanges.forEach(function (q) {
      var bq = el('blockquote', { 'class': 'evidence' }, quote(q.doc, q.s, q.e));
      box.appendChild(bq);
      var d = docsById[q.doc];
      box.appendChild(el('p', { 'class': 'cite' }, (d ? d.title : q.doc) + ', characters ' + q.s + '–' + q.e));
    });
    if (APP) {
      var target = ents[id] ? '/entity?id=' : '/fact?id=';
      box.appendChild(el('a', { href: target + encodeURIComponent(id), 'class': 'curate' }, ents[id] ? 'Entity page' : 'Check or correct this fact'));
    }
  }

  function showIssue(a) {
    var box = document.getElementById('details');
    box.textContent = '';
    box.appendChild(el('h3', null, 'Problem in the source: ' + (a.issue.kind || '')));
    box.appendChild(el('p', null, a.issue.msg || ''));
    box.appendChild(el('blockquote', { 'class': 'evidence' }, quote(a.issue.doc, a.issue.s, a.issue.e)));
    highlightText([a.id], false);
  }

  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t.getAttribute && t.getAttribute('data-ent')) select(t.getAttribute('data-ent'), { from: 'details' });
    else if (t.getAttribute && t.getAttribute('data-ev')) select(t.getAttribute('data-ev'), { from: 'details' });
  });

  /* ---------------- tabs ---------------- */
  function showView(name) {
    document.querySelectorAll('.view').forEach(function (v) { v.hidden = v.id !== 'view-' + name; });
    document.querySelectorAll('.tab').forEach(function (b) { b.classList.toggle('on', b.getAttribute('data-view') === name); });
    if (name === 'map' && map.vb) setViewBox(map.vb);
    if (name === 'timeline') drawTimeline();
  }
  document.querySelectorAll('.tab').forEach(function (b) {
    b.addEventListener('click', function () { showView(b.getAttribute('data-view')); });
  });

  buildReading();
  buildMap();
  buildTimeline();
  buildNetwork();
  var summary = document.getElementById('summary');
  if (summary) {
    summary.textContent = (D.docs || []).length + ' document(s) · ' + (D.mentions || []).length + ' mentions · ' +
      Object.keys(ents).length + ' entities · ' + (D.events || []).length + ' events · ' + (D.legs || []).length + ' journey legs';
  }
  window.chronotope = { select: select, showView: showView, data: D };
  document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  document.body.setAttribute('data-ready', '1');
})();
