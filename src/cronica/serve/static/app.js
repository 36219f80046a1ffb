/* cronica explorer: map, timeline, filters, evidence, territorial control.
   Every text from the store is put in the page with textContent (never as HTML). */
(function () {
  "use strict";

  var TYPE_COLORS = {
    "Battles": "#d62728", "Violence against civilians": "#9467bd",
    "Explosions/Remote violence": "#ff7f0e", "Riots": "#8c564b",
    "Protests": "#1f77b4", "Strategic developments": "#2ca02c"
  };
  var OTHER = "#7f7f7f";
  var FILTERS = ["date_from", "date_to", "event_type", "sub_event_type", "actor", "country", "admin1", "text"];
  var KIND_LABEL = { trigger: "trigger", actor: "actor", place: "place", timex: "date" };
  var HOLDER_COLORS = ["#3b6fd6", "#d6453b", "#2f9e5b", "#a05ad6", "#d69a2f", "#2fa3b5", "#777"];

  var state = { meta: null, map: null, base: null, layer: null, renderer: null, fitted: false,
                seq: 0, timelineKey: null, timeline: null, tlGeom: null };
  var stats = window.__cronica = { renders: 0, lastRenderMs: null, lastPoints: 0, lastCells: 0,
                                   timelineRenders: 0, map: null, ready: false };

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "cls") node.className = attrs[k];
      else if (k === "on") Object.keys(attrs.on).forEach(function (e) { node.addEventListener(e, attrs.on[e]); });
      else if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]);
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  function color(type) { return TYPE_COLORS[type] || OTHER; }
  function fmt(n) { return (n || 0).toLocaleString("en"); }

  function getJSON(url) {
    return fetch(url, { headers: { "Accept": "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error((body && body.detail) || ("HTTP " + r.status));
        return body;
      });
    });
  }

  // ---- filters <-> URL --------------------------------------------------------------
  function readFilters() {
    var f = {};
    FILTERS.forEach(function (name) {
      var input = document.querySelector("#filters [name=" + name + "]");
      var v = input && input.value.trim();
      if (v) f[name] = v;
    });
    return f;
  }
  function query(f, extra) {
    var p = new URLSearchParams();
    Object.keys(f).forEach(function (k) { if (f[k]) p.set(k, f[k]); });
    if (extra) Object.keys(extra).forEach(function (k) { if (extra[k] !== null && extra[k] !== undefined) p.set(k, extra[k]); });
    return p.toString();
  }
  function setSelect(select, values, keep) {
    var current = keep ? select.value : "";
    while (select.options.length > 1) select.remove(1);
    values.forEach(function (v) { select.appendChild(el("option", { value: v[0] }, v[1])); });
    select.value = values.some(function (v) { return v[0] === current; }) ? current : "";
  }
  function fillSubtypes() {
    var t = $("f-type").value, subs = {};
    state.meta.event_types.forEach(function (et) {
      if (!t || et.event_type === t) Object.keys(et.sub_event_types).forEach(function (s) { subs[s] = 1; });
    });
    setSelect($("f-subtype"), Object.keys(subs).sort().map(function (s) { return [s, s]; }), true);
  }
  function fillAdmin1() {
    var c = $("f-country").value, a = {};
    state.meta.countries.forEach(function (co) {
      if (!c || co.code === c) Object.keys(co.admin1).forEach(function (n) { a[n] = 1; });
    });
    setSelect($("f-admin1"), Object.keys(a).sort().map(function (s) { return [s, s]; }), true);
  }
  function writeFilters(params) {
    FILTERS.forEach(function (name) {
      var input = document.querySelector("#filters [name=" + name + "]");
      if (!input) return;
      if (input.tagName === "SELECT" && params.get(name) &&
          !Array.prototype.some.call(input.options, function (o) { return o.value === params.get(name); }))
        input.appendChild(el("option", { value: params.get(name) }, params.get(name)));
      input.value = params.get(name) || "";
      if (name === "event_type") fillSubtypes();
      if (name === "country") fillAdmin1();
    });
  }

  // ---- the map ------------------------------------------------------------------------
  // All points and grid cells on one canvas, redrawn whole after each move (thousands of
  // Leaflet vector layers cost more to build than to draw). Hit-testing is done here too.
  var EventsLayer = L.Layer.extend({
    initialize: function () { this._points = []; this._cells = []; },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "events-canvas");
      map.getPanes().overlayPane.appendChild(this._canvas);
      this._tip = L.tooltip({ direction: "top", offset: [0, -6] });
      map.on("moveend resize zoomend", this._redraw, this);
      map.on("zoomstart", this._hide, this);
      map.on("click", this._click, this);
      map.on("mousemove", this._hover, this);
      this._redraw();
    },
    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off("moveend resize zoomend", this._redraw, this);
      map.off("zoomstart", this._hide, this);
      map.off("click", this._click, this);
      map.off("mousemove", this._hover, this);
    },
    setData: function (points, cells) { this._points = points; this._cells = cells; this._redraw(); },
    _hide: function () { this._canvas.style.visibility = "hidden"; },
    _redraw: function () {
      var map = this._map;
      if (!map) return;
      var size = map.getSize(), dpr = window.devicePixelRatio || 1, c = this._canvas;
      L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
      c.width = size.x * dpr; c.height = size.y * dpr;
      c.style.width = size.x + "px"; c.style.height = size.y + "px";
      c.style.visibility = "visible";
      var ctx = c.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      var draw = function (items, stroke, alpha, fillAlpha) {
        items.forEach(function (it) {
          var pt = map.latLngToContainerPoint([it.lat, it.lon]);
          it._x = pt.x; it._y = pt.y;
          if (pt.x < -30 || pt.y < -30 || pt.x > size.x + 30 || pt.y > size.y + 30) return;
          ctx.beginPath();
          ctx.arc(pt.x, pt.y, it._r, 0, 2 * Math.PI);
          ctx.globalAlpha = fillAlpha; ctx.fillStyle = it._color; ctx.fill();
          ctx.globalAlpha = alpha; ctx.strokeStyle = stroke || it._color; ctx.lineWidth = 1; ctx.stroke();
        });
      };
      draw(this._cells, null, 0.5, 0.15);
      draw(this._points, "#222", 0.7, 0.75);
      ctx.globalAlpha = 1;
    },
    _hit: function (ev) {   // the topmost point (drawn last) under the pointer, else a cell
      var x = ev.containerPoint.x, y = ev.containerPoint.y, i, it;
      for (i = this._points.length - 1; i >= 0; i--) {
        it = this._points[i];
        if ((it._x - x) * (it._x - x) + (it._y - y) * (it._y - y) <= (it._r + 2) * (it._r + 2)) return it;
      }
      for (i = this._cells.length - 1; i >= 0; i--) {
        it = this._cells[i];
        if ((it._x - x) * (it._x - x) + (it._y - y) * (it._y - y) <= it._r * it._r) return it;
      }
      return null;
    },
    _click: function (ev) { var it = this._hit(ev); if (it && it.event_id) openEvent(it.event_id, true); },
    _hover: function (ev) {
      var it = this._hit(ev), map = this._map;
      map.getContainer().style.cursor = it && it.event_id ? "pointer" : "";
      if (it) { this._tip.setLatLng([it.lat, it.lon]).setContent(it._tip); if (!map.hasLayer(this._tip)) this._tip.addTo(map); }
      else if (map.hasLayer(this._tip)) map.removeLayer(this._tip);
    }
  });

  function initMap() {
    var map = L.map("map", { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 14 });
    stats.map = map;
    state.map = map;
    map.createPane("boundaries").style.zIndex = 250;
    if (state.meta.tiles) {
      L.tileLayer(state.meta.tiles, { maxZoom: 18, attribution: "tiles: " + state.meta.tiles.split("/")[2] }).addTo(map);
    }
    map.attributionControl.addAttribution("boundaries: Natural Earth");
    map.setView([20, 10], 2);
    fetch("/static/vendor/ne-admin1-boundaries.json").then(function (r) { return r.json(); }).then(function (topo) {
      var land = topojson.feature(topo, topo.objects.countries);
      land.features = land.features.filter(function (f) { return f.properties.iso_a2 !== "AQ"; });
      land.features.forEach(unwrapAntimeridian);
      var lines = topojson.mesh(topo, topo.objects.provinces);
      unwrapAntimeridian({ geometry: lines });
      state.base = L.geoJSON(land, {
        pane: "boundaries", interactive: false,
        style: state.meta.tiles ? { color: "#445", weight: 0.9, fill: false }
                                : { color: "#7d8290", weight: 0.9, fillColor: "#f4f1ea", fillOpacity: 1 }
      }).addTo(map);
      var provinces = L.geoJSON(lines, { pane: "boundaries", interactive: false,
                                         style: { color: "#a9adb8", weight: 0.5, dashArray: "2 2" } });
      var toggle = function () {   // first-level divisions from zoom 4 on
        if (map.getZoom() >= 4) { if (!map.hasLayer(provinces)) provinces.addTo(map); }
        else if (map.hasLayer(provinces)) map.removeLayer(provinces);
      };
      map.on("zoomend", toggle);
      toggle();
      stats.baseMap = land.features.length;
    });
    state.layer = new EventsLayer().addTo(map);
    var timer = null;
    map.on("moveend", function () {
      if (!state.fitted) return;
      clearTimeout(timer);
      timer = setTimeout(function () { renderMap(readFilters()); }, 120);
    });
    var legend = $("legend");
    Object.keys(TYPE_COLORS).concat(["other"]).forEach(function (t) {
      legend.appendChild(el("div", null, el("i", { style: "background:" + color(t) }), t));
    });
  }

  // rings that cross 180° (Fiji, Chukotka) are made continuous, not drawn across the world
  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      var d = ring[i][0] - ring[i - 1][0];
      if (d > 180) ring[i][0] -= 360; else if (d < -180) ring[i][0] += 360;
    }
  }
  function unwrapAntimeridian(f) {
    var g = f.geometry;
    if (!g) return;
    if (g.type === "Polygon") g.coordinates.forEach(unwrapRing);
    else if (g.type === "MultiPolygon") g.coordinates.forEach(function (p) { p.forEach(unwrapRing); });
    else if (g.type === "MultiLineString") g.coordinates.forEach(unwrapRing);
  }

  function radius(p, by) {
    var v = by === "fatalities" ? (p.fatalities || 0) : (p.mentions || 1);
    return Math.min(3 + 2.5 * Math.sqrt(v), 22);
  }

  function bboxParam() {
    var b = state.map.getBounds();
    var w = b.getWest(), e = b.getEast();
    if (e - w >= 360) { w = -180; e = 180; }
    return [w, Math.max(b.getSouth(), -90), e, Math.min(b.getNorth(), 90)].map(function (x) { return x.toFixed(4); }).join(",");
  }

  function renderMap(f) {
    var t0 = performance.now(), seq = ++state.seq, by = $("f-size").value;
    var extra = { limit: 2000, order: by };
    if (state.fitted) {
      extra.bbox = bboxParam();
      var b = state.map.getBounds();
      extra.cell = Math.max((b.getEast() - b.getWest()) / 40, 0.01).toFixed(4);
    }
    return getJSON("/api/events?" + query(f, extra)).then(function (data) {
      if (seq !== state.seq) return;
      stats.lastFetchMs = performance.now() - t0;
      if (!state.fitted && data.points.length) {
        var lats = data.points.map(function (p) { return p.lat; }), lons = data.points.map(function (p) { return p.lon; });
        var sw = [Math.min.apply(null, lats), Math.min.apply(null, lons)], ne = [Math.max.apply(null, lats), Math.max.apply(null, lons)];
        state.map.fitBounds([sw, ne], { padding: [40, 40], maxZoom: 7, animate: false });
        state.fitted = true;
        return renderMap(f);
      }
      state.fitted = true;
      if (data.in_view === 0 && data.located > 0 && extra.bbox && !state.refitted) {   // all off screen: go to them
        state.fitted = false;
        state.refitted = true;
        return renderMap(f);
      }
      var cells = data.grid ? data.grid.cells : [];
      var maxc = Math.max.apply(null, cells.map(function (c) { return c.count; }).concat([1]));
      cells.forEach(function (c) {
        c._r = 4 + 18 * Math.sqrt(c.count / maxc); c._color = color(c.event_type);
        c._tip = fmt(c.count) + " events here (" + fmt(c.fatalities) + " fatalities)";
      });
      data.points.forEach(function (p) {
        p._r = radius(p, by); p._color = color(p.event_type);
        p._tip = (p.date_start || "") + " · " + (p.sub_event_type || "") + " · " + (p.location || "");
      });
      // largest first, so that small points stay visible (and clickable) on top
      var drawn = data.points.slice().sort(function (a, b) { return b._r - a._r; });
      state.layer.setData(drawn, cells);
      renderList(data.points);
      $("status").textContent = fmt(data.total) + " events match · " + fmt(data.in_view) + " in view · " +
        (data.truncated ? "largest " + fmt(data.returned) + " drawn, all binned" : fmt(data.returned) + " drawn");
      stats.lastPoints = data.points.length;
      stats.lastCells = data.grid ? data.grid.cells.length : 0;
      stats.lastRenderMs = performance.now() - t0;
      stats.renders += 1;
      document.body.setAttribute("data-renders", String(stats.renders));
    }).catch(showError);
  }

  function renderList(points) {
    var ol = $("event-list");
    ol.textContent = "";
    points.slice(0, 100).forEach(function (p) {
      ol.appendChild(el("li", { "data-event": p.event_id, tabindex: "0", on: {
          click: function () { openEvent(p.event_id, true); },
          keydown: function (ev) { if (ev.key === "Enter") openEvent(p.event_id, true); } } },
        el("span", { cls: "dot", style: "background:" + color(p.event_type) }),
        (p.date_start || "undated") + " · " + (p.sub_event_type || p.event_type || "") + " · " +
        (p.location || "?") + (p.fatalities ? " · " + p.fatalities + " dead" : "")));
    });
    if (!points.length) ol.appendChild(el("li", { cls: "hint" }, "No event matches."));
  }

  function showError(err) {
    $("status").textContent = "";
    $("status").appendChild(el("span", { cls: "error" }, String(err.message || err)));
  }

  // ---- the timeline --------------------------------------------------------------------
  function renderTimeline(f) {
    var nf = Object.assign({}, f);
    delete nf.date_from; delete nf.date_to;
    var key = query(nf);
    if (key === state.timelineKey && state.timeline) { drawTimeline(); return Promise.resolve(); }
    state.timelineKey = key;
    return getJSON("/api/timeline?" + key).then(function (data) {
      state.timeline = data;
      drawTimeline();
      stats.timelineRenders += 1;
    }).catch(showError);
  }

  function dayNum(iso) { return Date.parse(iso + "T00:00:00Z") / 86400000; }
  function isoDay(n) { return new Date(Math.round(n) * 86400000).toISOString().slice(0, 10); }
  var STEP = { day: 1, week: 7, month: 30.44, year: 365.25 };

  function drawTimeline() {
    var data = state.timeline, canvas = $("timeline-canvas");
    var w = canvas.clientWidth, h = canvas.clientHeight, dpr = window.devicePixelRatio || 1;
    canvas.width = w * dpr; canvas.height = h * dpr;
    var ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    $("timeline-title").textContent = "Events per " + data.interval + " (" + fmt(data.total) + ")" +
      (data.undated ? ", " + fmt(data.undated) + " undated" : "");
    if (!data.bins.length) { state.tlGeom = null; updateBrush(); return; }
    var step = STEP[data.interval];
    var t0 = dayNum(data.bins[0].start), t1 = dayNum(data.bins[data.bins.length - 1].start) + step;
    var axis = 16, top = 4, ph = h - axis - top;
    var maxc = Math.max.apply(null, data.bins.map(function (b) { return b.count; }));
    var x = function (t) { return (t - t0) / (t1 - t0) * w; };
    state.tlGeom = { t0: t0, t1: t1, w: w };
    var order = Object.keys(TYPE_COLORS);
    data.bins.forEach(function (b) {
      var bx = x(dayNum(b.start)), bw = Math.max(x(dayNum(b.start) + step) - bx - 1, 1), y = top + ph;
      var types = Object.keys(b.by_type).sort(function (a, c) {
        return (order.indexOf(a) + 99) % 99 - (order.indexOf(c) + 99) % 99;
      });
      types.forEach(function (t) {
        var bh = b.by_type[t] / maxc * ph;
        ctx.fillStyle = color(t);
        ctx.fillRect(bx, y - bh, bw, bh);
        y -= bh;
      });
    });
    ctx.fillStyle = "#445"; ctx.font = "11px system-ui, sans-serif";
    ctx.fillText(String(maxc), 2, top + 10);
    var ticks = Math.max(2, Math.floor(w / 110));
    for (var i = 0; i <= ticks; i++) {
      var t = t0 + (t1 - t0) * i / ticks, label = isoDay(t);
      if (data.interval === "month" || data.interval === "year") label = label.slice(0, 7);
      var tx = Math.min(Math.max(x(t) - 30, 0), w - 64);
      ctx.fillText(label, tx, h - 3);
    }
    updateBrush();
  }

  function updateBrush() {
    var g = state.tlGeom, brush = $("brush"), from = $("f-from").value, to = $("f-to").value;
    if (!g || (!from && !to)) { brush.hidden = true; return; }
    var a = from ? dayNum(from) : g.t0, b = to ? dayNum(to) + 1 : g.t1;
    var xa = Math.max((a - g.t0) / (g.t1 - g.t0) * g.w, 0), xb = Math.min((b - g.t0) / (g.t1 - g.t0) * g.w, g.w);
    brush.hidden = xb <= xa;
    brush.style.left = xa + "px"; brush.style.width = Math.max(xb - xa, 1) + "px";
  }

  function initBrush() {
    var box = $("timeline"), start = null;
    function day(ev) {
      var g = state.tlGeom, r = box.getBoundingClientRect();
      var px = Math.min(Math.max(ev.clientX - r.left, 0), r.width);
      return g.t0 + px / r.width * (g.t1 - g.t0);
    }
    box.addEventListener("mousedown", function (ev) {
      if (!state.tlGeom) return;
      start = day(ev); ev.preventDefault();
    });
    box.addEventListener("mousemove", function (ev) {   // the bin under the pointer, as a tooltip
      var g = state.tlGeom, data = state.timeline;
      if (!g || start !== null) return;
      var t = day(ev), step = STEP[data.interval], hit = null;
      data.bins.forEach(function (b) { var d = dayNum(b.start); if (t >= d && t < d + step) hit = b; });
      box.title = hit ? hit.start + " (" + data.interval + "): " + fmt(hit.count) + " events" : "";
    });
    window.addEventListener("mousemove", function (ev) {
      if (start === null) return;
      var cur = day(ev), a = Math.min(start, cur), b = Math.max(start, cur), g = state.tlGeom, brush = $("brush");
      brush.hidden = false;
      brush.style.left = ((a - g.t0) / (g.t1 - g.t0) * g.w) + "px";
      brush.style.width = Math.max((b - a) / (g.t1 - g.t0) * g.w, 1) + "px";
    });
    window.addEventListener("mouseup", function (ev) {
      if (start === null) return;
      var cur = day(ev), a = Math.min(start, cur), b = Math.max(start, cur);
      start = null;
      var g = state.tlGeom;
      if ((b - a) / (g.t1 - g.t0) * g.w < 3) { updateBrush(); return; }
      $("f-from").value = isoDay(Math.floor(a));
      $("f-to").value = isoDay(Math.floor(b));
      apply();
    });
    box.addEventListener("dblclick", function () {
      $("f-from").value = ""; $("f-to").value = "";
      apply();
    });
    window.addEventListener("resize", function () { if (state.timeline) drawTimeline(); });
  }

  // ---- apply ---------------------------------------------------------------------------
  function exportLinks(f) {
    ["csv", "acled", "geojson"].forEach(function (fmt_) {
      $("export-" + fmt_).href = "/api/export?" + query(f, { format: fmt_ });
    });
  }

  // a filter change redraws map, list and timeline; __cronica.lastApplyMs times it to the painted frame
  function apply() {
    var f = readFilters(), t0 = performance.now();
    state.refitted = false;
    exportLinks(f);
    if (location.pathname === "/") history.replaceState(null, "", "/" + (query(f) ? "?" + query(f) : ""));
    return Promise.all([renderMap(f), renderTimeline(f)]).then(function () {
      return new Promise(function (done) {
        requestAnimationFrame(function () { requestAnimationFrame(function () {
          stats.lastApplyMs = performance.now() - t0;
          stats.lastQuery = query(f);
          stats.applies = (stats.applies || 0) + 1;
          done();
        }); });
      });
    });
  }

  // ---- one event -----------------------------------------------------------------------
  function show(view) {
    ["view-list", "view-event", "view-control"].forEach(function (v) { $(v).hidden = v !== view; });
  }

  function row(label, value) {
    if (value === null || value === undefined || value === "") return null;
    return el("tr", null, el("th", null, label), el("td", null, String(value)));
  }

  function openEvent(id, push) {
    if (push) history.pushState({ event: id }, "", "/events/" + encodeURIComponent(id));
    var view = $("view-event");
    view.textContent = "";
    view.appendChild(el("p", { cls: "hint" }, "Loading " + id + "…"));
    show("view-event");
    return getJSON("/api/events/" + encodeURIComponent(id)).then(function (d) {
      renderEvent(d);
    }).catch(function (err) {
      view.textContent = "";
      view.appendChild(el("p", { cls: "error" }, String(err.message || err)));
    });
  }

  function renderEvent(d) {
    var e = d.event, view = $("view-event");
    view.textContent = "";
    view.appendChild(el("a", { cls: "back", on: { click: backToList } }, "← events in view"));
    view.appendChild(el("h2", null, el("span", { cls: "dot", style: "background:" + color(e.event_type) }),
      (e.sub_event_type || e.event_type || "Event") + (e.location ? " in " + e.location : "")));
    var table = el("table", { cls: "row", id: "event-row" });
    [["event id", e.event_id], ["event type", e.event_type], ["sub-event type", e.sub_event_type],
     ["date", e.date_start === e.date_end ? e.date_start : (e.date_start || "?") + " – " + (e.date_end || "?")],
     ["time precision", e.time_precision], ["actor 1", e.actor1], ["assoc. actor 1", e.assoc_actor1],
     ["actor 2", e.actor2], ["assoc. actor 2", e.assoc_actor2], ["location", e.location],
     ["admin1", e.admin1], ["country", e.country_name ? e.country_name + " (" + e.country + ")" : e.country],
     ["lat, lon", e.lat !== null && e.lat !== undefined ? e.lat + ", " + e.lon : null],
     ["geo precision", e.geo_precision], ["fatalities", e.fatalities], ["confidence", e.confidence],
     ["mentions", e.mentions]].forEach(function (r) { var tr = row(r[0], r[1]); if (tr) table.appendChild(tr); });
    view.appendChild(table);
    if (e.lat !== null && e.lat !== undefined) {
      view.appendChild(el("a", { cls: "back", on: { click: function () { state.map.setView([e.lat, e.lon], Math.max(state.map.getZoom(), 8)); } } }, "show on map"));
    }
    view.appendChild(el("h3", null, "Evidence (" + d.evidence.length + (d.evidence.length === 1 ? " mention)" : " merged mentions)")));
    view.appendChild(el("div", { cls: "keys" }, el("span", { cls: "hl-trigger" }, "trigger"), el("span", { cls: "hl-actor" }, "actor"),
      el("span", { cls: "hl-place" }, "place"), el("span", { cls: "hl-timex" }, "date")));
    d.evidence.forEach(function (s, i) {
      var box = el("div", { cls: "evidence", "data-doc": s.doc_id });
      var title = s.title || s.doc_id;
      box.appendChild(el("div", null, el("b", null, (i + 1) + ". "),
        s.url ? el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer nofollow", cls: "doc-link" }, title)
              : el("span", { cls: "doc-title" }, title)));
      box.appendChild(el("div", { cls: "hint" }, [s.source, s.dct, "document " + s.doc_id, "chars " + s.start + "–" + s.end]
        .filter(Boolean).join(" · ")));
      var sent = el("p", { cls: "sentence" });
      s.segments.forEach(function (seg) {
        sent.appendChild(seg.kind ? el("mark", { cls: "hl-" + seg.kind, title: KIND_LABEL[seg.kind] || seg.kind }, seg.text)
                                  : document.createTextNode(seg.text));
      });
      box.appendChild(sent);
      if (s.attribution) box.appendChild(el("div", { cls: "hint" }, "attribution: " + s.attribution +
        (s.confidence !== null ? " · confidence " + s.confidence : "")));
      if (s.mentions.length) {
        var ul = el("ul", { cls: "mentions" });
        s.mentions.forEach(function (m) {
          var v = m.value || {}, note = v.canonical || v.name || v.value || "";
          ul.appendChild(el("li", null, (KIND_LABEL[m.kind] || m.kind) + ": “" + m.text + "”" + (note && note !== m.text ? " → " + note : "") +
            (v.rule ? " (" + v.rule + ")" : "")));
        });
        box.appendChild(el("div", { cls: "hint" }, "recognised in this sentence:"));
        box.appendChild(ul);
      }
      var rules = el("ul", { cls: "rules" });
      (s.rule_trail || []).forEach(function (r) { rules.appendChild(el("li", null, el("code", null, typeof r === "string" ? r : JSON.stringify(r)))); });
      box.appendChild(el("div", { cls: "hint" }, "why (rules that fired):"));
      box.appendChild(rules);
      view.appendChild(box);
    });
    var ex = d.explanation || {};
    if (ex.place_rule) view.appendChild(el("p", { cls: "hint" }, "place chosen by: " + ex.place_rule));
    view.appendChild(el("p", { cls: "hint" }, el("a", { href: "/api/events/" + encodeURIComponent(e.event_id), target: "_blank" }, "this event as JSON")));
  }

  function backToList() {
    history.pushState(null, "", "/?" + query(readFilters()));
    show("view-list");
  }

  // ---- territorial control ------------------------------------------------------------
  function openControl(place, push) {
    if (push) history.pushState({ control: place }, "", "/control" + (place ? "?place=" + encodeURIComponent(place) : ""));
    show("view-control");
    $("control-place").value = place || "";
    var out = $("control-result");
    out.textContent = "";
    getJSON("/api/control").then(function (d) {
      var dl = $("control-places");
      dl.textContent = "";
      d.places.forEach(function (p) { dl.appendChild(el("option", { value: p.place_name })); });
      if (!place) {
        out.appendChild(el("p", { cls: "hint" }, d.places.length + " places changed hands in this store."));
        var ul = el("ul");
        d.places.forEach(function (p) {
          ul.appendChild(el("li", null, el("a", { href: "#", cls: "control-place", on: { click: function (ev) { ev.preventDefault(); openControl(p.place_name, true); } } },
            p.place_name), " (" + [p.admin1, p.country].filter(Boolean).join(", ") + ") · " + p.changes + " change" + (p.changes === 1 ? "" : "s")));
        });
        out.appendChild(ul);
      }
    }).catch(function (err) { out.appendChild(el("p", { cls: "error" }, String(err.message || err))); });
    if (!place) return Promise.resolve();
    return getJSON("/api/control?place=" + encodeURIComponent(place)).then(function (d) {
      if (!d.places.length) out.appendChild(el("p", null, "No change of hands recorded for “" + place + "”."));
      d.places.forEach(function (p) { out.appendChild(renderPlace(p)); });
    }).catch(function (err) { out.appendChild(el("p", { cls: "error" }, String(err.message || err))); });
  }

  function renderPlace(p) {
    var box = el("div", { cls: "control-place-box" });
    box.appendChild(el("h3", null, p.place_name + " (" + [p.admin1, p.country].filter(Boolean).join(", ") + ")"));
    var holders = [];
    p.periods.forEach(function (q) { if (holders.indexOf(q.holder) < 0) holders.push(q.holder); });
    var band = el("div", { cls: "band" }), last = (state.meta && state.meta.last) || null;
    p.periods.forEach(function (q) {
      var c = HOLDER_COLORS[holders.indexOf(q.holder) % HOLDER_COLORS.length];
      // widths follow the time held (an open start or end counts as a year, at least)
      var days = q.from && (q.to || last) ? Math.max(dayNum(q.to || last) - dayNum(q.from), 30) : 365;
      band.appendChild(el("div", { style: "flex:" + days + ";background:" + c, title: q.holder + ": " + (q.from || "…") + " – " + (q.to || "…") }, q.holder));
    });
    box.appendChild(band);
    var periods = el("ul", { cls: "periods" });
    p.periods.forEach(function (q) {
      periods.appendChild(el("li", null, (q.from || "before") + " → " + (q.to || "last report") + ": held by ", el("b", null, q.holder || "?")));
    });
    box.appendChild(periods);
    var t = el("table", { cls: "changes" }, el("tr", null, el("th", null, "date"), el("th", null, "change"), el("th", null, "evidence")));
    p.changes.forEach(function (c) {
      t.appendChild(el("tr", null,
        el("td", null, el("a", { href: "/events/" + encodeURIComponent(c.event_id), cls: "control-event",
          on: { click: function (ev) { ev.preventDefault(); openEvent(c.event_id, true); } } }, c.date_start || "?")),
        el("td", null, (c.previous_holder ? c.previous_holder + " → " : "to ") + (c.holder || "?") + " (" + (c.sub_event_type || "") + ")"),
        el("td", null, c.evidence || "")));
    });
    box.appendChild(t);
    if (p.lat !== null && p.lat !== undefined)
      box.appendChild(el("a", { cls: "back", on: { click: function () { state.map.setView([p.lat, p.lon], 8); } } }, "show on map"));
    return box;
  }

  // ---- routing -------------------------------------------------------------------------
  function route() {
    var path = location.pathname;
    if (path.indexOf("/events/") === 0) return openEvent(decodeURIComponent(path.slice(8)), false);
    if (path === "/control") return openControl(new URLSearchParams(location.search).get("place") || "", false);
    show("view-list");
    return Promise.resolve();
  }

  function init() {
    getJSON("/api/meta").then(function (meta) {
      state.meta = meta;
      setSelect($("f-type"), meta.event_types.map(function (t) { return [t.event_type, t.event_type + " (" + fmt(t.events) + ")"]; }));
      setSelect($("f-country"), meta.countries.map(function (c) { return [c.code, c.name + " (" + fmt(c.events) + ")"]; }));
      fillSubtypes(); fillAdmin1();
      if (location.pathname === "/") writeFilters(new URLSearchParams(location.search));
      $("f-type").addEventListener("change", function () { fillSubtypes(); apply(); });
      $("f-country").addEventListener("change", function () { fillAdmin1(); apply(); });
      ["f-subtype", "f-admin1", "f-from", "f-to", "f-size"].forEach(function (id) { $(id).addEventListener("change", function () { apply(); }); });
      $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
      $("reset").addEventListener("click", function () {
        FILTERS.forEach(function (n) { var i = document.querySelector("#filters [name=" + n + "]"); if (i) i.value = ""; });
        fillSubtypes(); fillAdmin1(); apply();
      });
      $("nav-control").addEventListener("click", function (ev) { ev.preventDefault(); openControl("", true); });
      $("home").addEventListener("click", function (ev) { ev.preventDefault(); backToList(); });
      $("control-form").addEventListener("submit", function (ev) { ev.preventDefault(); openControl($("control-place").value.trim(), true); });
      window.addEventListener("popstate", route);
      initMap();
      initBrush();
      return Promise.all([apply(), route()]);
    }).then(function () { stats.ready = true; document.body.setAttribute("data-ready", "1"); })
      .catch(showError);
  }

  init();
})();
