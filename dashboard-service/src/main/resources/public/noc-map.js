// The fleet map of the NOC page: one canvas, no basemap and nothing from the internet (a light
// graticule only). Sites are placed by their registered coordinates, coloured by state, and
// clustered into screen cells when zoomed out (a cluster takes its worst site's colour and shows
// its count). Hubs are squares drawn on top, with lines to the sites they serve when zoomed in.
// Drag to pan, wheel or +/- to zoom, click a cluster to zoom in, click a site to open it.
(function () {
  'use strict';
  const NOC = window.NOC;
  const STATES = ['unreachable', 'tenant_outage', 'on_battery', 'on_generator', 'ok', 'unknown'];
  const COLOUR = { unreachable: '#9b59b6', tenant_outage: '#e5484d', on_battery: '#e8710a',
    on_generator: '#d4a017', ok: '#2ea043', unknown: '#5c6670' };
  const RANK = Object.fromEntries(STATES.map((s, i) => [s, i]));
  const CELL = 26;

  NOC.fleetMap = function (canvas, sites, options) {
    const ctx = canvas.getContext('2d');
    const view = { scale: 1, x: 0, y: 0, fitted: false };
    const stats = { draws: 0, drawMs: [], lastDrawAt: 0 };
    let queued = false;
    let hits = [];
    let kx = 1;

    const px = (s) => (s.lon * kx - view.x) * view.scale;
    const py = (s) => (-s.lat - view.y) * view.scale;

    function located() {
      const out = [];
      for (const s of sites.values()) if (s.lat != null && s.lon != null) out.push(s);
      return out;
    }

    function fit(list) {
      list = list || located();
      if (!list.length) return;
      let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, lat = 0;
      for (const s of list) lat += s.lat;
      kx = Math.cos((lat / list.length) * Math.PI / 180);
      for (const s of list) {
        minX = Math.min(minX, s.lon * kx); maxX = Math.max(maxX, s.lon * kx);
        minY = Math.min(minY, -s.lat); maxY = Math.max(maxY, -s.lat);
      }
      const w = canvas.clientWidth, hgt = canvas.clientHeight, pad = 30;
      view.scale = Math.min((w - 2 * pad) / Math.max(maxX - minX, 0.01),
        (hgt - 2 * pad) / Math.max(maxY - minY, 0.01));
      view.x = (minX + maxX) / 2 - w / 2 / view.scale;
      view.y = (minY + maxY) / 2 - hgt / 2 / view.scale;
      view.fitted = true;
      draw();
    }

    function resize() {
      const r = window.devicePixelRatio || 1;
      canvas.width = Math.round(canvas.clientWidth * r);
      canvas.height = Math.round(canvas.clientHeight * r);
      ctx.setTransform(r, 0, 0, r, 0, 0);
      request();
    }

    function request() {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; draw(); });
    }

    function graticule(w, hgt) {
      const degrees = w / view.scale / kx;
      const step = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10].find(s => degrees / s < 12) || 20;
      ctx.strokeStyle = '#1a222b';
      ctx.lineWidth = 1;
      ctx.beginPath();
      const lon0 = Math.floor(view.x / kx / step) * step;
      for (let lon = lon0; (lon * kx - view.x) * view.scale < w; lon += step) {
        const x = (lon * kx - view.x) * view.scale; ctx.moveTo(x, 0); ctx.lineTo(x, hgt);
      }
      const lat0 = Math.floor(view.y / step) * step;
      for (let lat = lat0; (lat - view.y) * view.scale < hgt; lat += step) {
        const y = (lat - view.y) * view.scale; ctx.moveTo(0, y); ctx.lineTo(w, y);
      }
      ctx.stroke();
    }

    function draw() {
      const t0 = performance.now();
      const w = canvas.clientWidth, hgt = canvas.clientHeight;
      if (!view.fitted && sites.size) { fit(); return; }
      ctx.clearRect(0, 0, w, hgt);
      graticule(w, hgt);
      const shown = options.filter || (() => true);
      const cells = new Map();
      const hubs = [];
      let visible = 0;
      for (const s of sites.values()) {
        if (s.lat == null || s.lon == null) continue;
        s._drawn = s.state;
        const x = px(s), y = py(s);
        if (x < -CELL || y < -CELL || x > w + CELL || y > hgt + CELL) continue;
        if (s.hub) hubs.push(s);
        if (!shown(s)) continue;
        visible++;
        const key = Math.floor(x / CELL) * 100000 + Math.floor(y / CELL);
        let c = cells.get(key);
        if (!c) { c = { n: 0, x: 0, y: 0, rank: 99, site: s }; cells.set(key, c); }
        c.n++; c.x += x; c.y += y;
        const r = RANK[s.state] ?? 5;
        if (r < c.rank) { c.rank = r; c.site = s; }
      }
      const zoomedIn = cells.size > 0 && visible / cells.size < 1.6;
      if (options.links() && zoomedIn) {
        ctx.strokeStyle = 'rgba(79,163,255,0.25)';
        ctx.beginPath();
        for (const c of cells.values()) {
          if (c.n !== 1) continue;
          const hub = c.site.hub_site_id && sites.get(c.site.hub_site_id);
          if (!hub || hub === c.site || hub.lat == null) continue;
          ctx.moveTo(c.x, c.y); ctx.lineTo(px(hub), py(hub));
        }
        ctx.stroke();
      }
      hits = [];
      ctx.font = '10px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (const c of cells.values()) {
        const x = c.x / c.n, y = c.y / c.n;
        ctx.fillStyle = COLOUR[STATES[c.rank]] || COLOUR.unknown;
        ctx.beginPath();
        if (c.n === 1) {
          ctx.arc(x, y, 4, 0, 2 * Math.PI); ctx.fill();
          hits.push({ x, y, r: 6, site: c.site });
        } else {
          const r = 6 + Math.min(12, Math.log2(c.n) * 2);
          ctx.globalAlpha = 0.85; ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.fill(); ctx.globalAlpha = 1;
          ctx.fillStyle = '#fff'; ctx.fillText(String(c.n), x, y);
          hits.push({ x, y, r, cluster: c });
        }
      }
      for (const s of hubs) {
        const x = px(s), y = py(s), bad = s.state === 'unreachable' || s.state === 'tenant_outage';
        ctx.fillStyle = COLOUR[s.state] || COLOUR.unknown;
        ctx.strokeStyle = bad ? '#ff4d4f' : '#e6edf3';
        ctx.lineWidth = bad ? 3 : 1.2;
        ctx.fillRect(x - 5, y - 5, 10, 10); ctx.strokeRect(x - 5, y - 5, 10, 10);
        hits.push({ x, y, r: 7, site: s });
      }
      ctx.lineWidth = 1;
      stats.draws++;
      const ms = performance.now() - t0;
      stats.drawMs.push(ms);
      if (stats.drawMs.length > 500) stats.drawMs.shift();
      stats.lastDrawAt = performance.now();
      options.drawn && options.drawn(visible, cells.size);
    }

    function zoomAt(factor, x, y) {
      const wx = x / view.scale + view.x, wy = y / view.scale + view.y;
      view.scale *= factor;
      view.x = wx - x / view.scale; view.y = wy - y / view.scale;
      request();
    }

    let drag = null;
    canvas.addEventListener('mousedown', (e) => { drag = { x: e.offsetX, y: e.offsetY, moved: false }; });
    canvas.addEventListener('mousemove', (e) => {
      if (!drag) return;
      const dx = e.offsetX - drag.x, dy = e.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      view.x -= dx / view.scale; view.y -= dy / view.scale;
      drag.x = e.offsetX; drag.y = e.offsetY;
      request();
    });
    canvas.addEventListener('mouseup', (e) => {
      const click = drag && !drag.moved;
      drag = null;
      if (!click) return;
      const hit = hits.reverse().find(h => (h.x - e.offsetX) ** 2 + (h.y - e.offsetY) ** 2 <= h.r * h.r);
      if (hit && hit.site) options.open(hit.site);
      else if (hit) zoomAt(2.5, hit.x, hit.y);
    });
    canvas.addEventListener('mouseleave', () => { drag = null; });
    canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      zoomAt(e.deltaY < 0 ? 1.3 : 1 / 1.3, e.offsetX, e.offsetY);
    }, { passive: false });
    window.addEventListener('resize', resize);
    resize();

    return {
      request, fit, stats,
      zoom: (f) => zoomAt(f, canvas.clientWidth / 2, canvas.clientHeight / 2),
      /** The state a site had when the map was last drawn (for tests and the list). */
      drawnState: (id) => sites.get(id) && sites.get(id)._drawn
    };
  };
  NOC.fleetMap.STATES = STATES;
  NOC.fleetMap.COLOUR = COLOUR;
})();
