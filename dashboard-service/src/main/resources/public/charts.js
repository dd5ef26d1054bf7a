// Charts of the site page with uPlot (served from its WebJar): live telemetry series and KPI
// windows, with the site's alerts marked on every chart: anomalies (rule "anomaly...") as red
// bands labelled "anomaly", other alerts as dashed orange lines from their start.
(function () {
  'use strict';
  const NOC = window.NOC;
  const h = NOC.h;
  const TELEMETRY = [
    { title: 'Battery state of charge (%)', site: ['battery_soc_pct'], range: [0, 100] },
    { title: 'DC voltage (V)', site: ['dc_bus_voltage_v'], tenant: 'dc_voltage_v' },
    { title: 'Mains voltage (V) and generator output (kW)', site: ['mains_voltage_v', 'generator_output_kw'] },
    { title: 'Temperatures (°C)', site: ['cabinet_temp_c', 'ambient_temp_c', 'battery_temperature_c'] },
    { title: 'Load', site: ['rectifier_load_a'], tenant: 'load_kw' },
    { title: 'Fuel level (L)', site: ['fuel_level_l'] },
  ];
  const KPIS = [
    { title: 'KPI: power availability (%) per window', kpi: 'power_availability_pct', range: [0, 100] },
    { title: 'KPI: grid availability (%) per window', kpi: 'grid_availability_pct', range: [0, 100], siteOnly: true },
    { title: 'KPI: battery minimum SoC (%) per window', kpi: 'battery_min_soc_pct', range: [0, 100], siteOnly: true },
  ];
  const COLOURS = ['#4fa3ff', '#2ea043', '#e8710a', '#d4a017', '#b884f5', '#e5484d', '#3fc1c9', '#aaa'];

  function markers(alerts) {
    return {
      hooks: {
        draw: [(u) => {
          const ctx = u.ctx, { left, top, width, height } = u.bbox, dpr = devicePixelRatio || 1;
          for (const a of alerts()) {
            const x0 = u.valToPos(Date.parse(a.starts_at) / 1000, 'x', true);
            const x1 = a.ends_at ? u.valToPos(Date.parse(a.ends_at) / 1000, 'x', true) : left + width;
            if (x1 < left || x0 > left + width) continue;
            const anomaly = NOC.isAnomaly(a), from = Math.max(x0, left), to = Math.min(x1, left + width);
            ctx.save();
            ctx.fillStyle = anomaly ? 'rgba(229,72,77,0.20)' : 'rgba(232,113,10,0.07)';
            ctx.fillRect(from, top, Math.max(2 * dpr, to - from), height);
            ctx.strokeStyle = anomaly ? '#e5484d' : '#e8710a';
            ctx.lineWidth = 1.5 * dpr;
            if (!anomaly) ctx.setLineDash([4 * dpr, 4 * dpr]);
            if (x0 >= left) { ctx.beginPath(); ctx.moveTo(x0, top); ctx.lineTo(x0, top + height); ctx.stroke(); }
            if (anomaly) {
              ctx.fillStyle = '#ff9b9b';
              ctx.font = (10 * dpr) + 'px sans-serif';
              ctx.fillText('anomaly', from + 3 * dpr, top + 11 * dpr);
            }
            ctx.restore();
          }
        }]
      }
    };
  }

  function telemetryTables(series, spec) {
    const tables = [], labels = [];
    for (const m of spec.site) {
      const col = series.site[m];
      if (col && col.t.length) { tables.push([col.t.map(x => x / 1000), col.v]); labels.push(m.replace(/_/g, ' ')); }
    }
    if (spec.tenant) {
      for (const [tenant, metrics] of Object.entries(series.tenants || {})) {
        const col = metrics[spec.tenant];
        if (col && col.t.length) { tables.push([col.t.map(x => x / 1000), col.v]); labels.push(tenant + ' ' + spec.tenant.replace(/_/g, ' ')); }
      }
    }
    return { tables, labels };
  }

  function kpiTables(kpis, spec) {
    const bySeries = new Map();
    for (const k of kpis) {
      if (spec.siteOnly && k.scope !== 'site') continue;
      const v = k.values[spec.kpi];
      if (v == null) continue;
      const label = k.scope === 'site' ? 'site' : k.tenant_id;
      if (!bySeries.has(label)) bySeries.set(label, new Map());
      bySeries.get(label).set(Date.parse(k.window_end) / 1000, v);
    }
    const tables = [], labels = [];
    for (const [label, points] of bySeries) {
      const t = [...points.keys()].sort((a, b) => a - b);
      tables.push([t, t.map(x => points.get(x))]);
      labels.push(label);
    }
    return { tables, labels };
  }

  function chart(box, spec, data, alerts, kind) {
    const { tables, labels } = data;
    if (!tables.length) return null;
    const el = h('div', { class: 'chart', 'data-chart': kind });
    box.append(el);
    const opts = {
      title: spec.title, width: Math.max(300, el.clientWidth - 12), height: 190,
      scales: { x: { time: true }, y: spec.range ? { range: spec.range } : {} },
      axes: [{ stroke: '#8893a0', grid: { stroke: '#232b34' } },
        { stroke: '#8893a0', grid: { stroke: '#232b34' }, size: 50 }],
      series: [{}, ...labels.map((l, i) => ({
        label: l, stroke: COLOURS[i % COLOURS.length], width: 1.5, spanGaps: true,
        points: { show: kind === 'kpi' }
      }))],
      plugins: [markers(alerts)],
    };
    return { chart: new uPlot(opts, uPlot.join(tables), el), spec, el, kind };
  }

  NOC.charts = {
    /** Draws the telemetry and KPI charts into their boxes; returns what redraw needs. */
    draw(telemetryBox, kpiBox, state) {
      if (typeof uPlot === 'undefined') return [];
      const alerts = () => state.alerts || [];
      const drawn = [];
      for (const spec of TELEMETRY) drawn.push(chart(telemetryBox, spec, telemetryTables(state.series, spec), alerts, 'telemetry'));
      for (const spec of KPIS) drawn.push(chart(kpiBox, spec, kpiTables(state.kpis || [], spec), alerts, 'kpi'));
      if (!kpiBox.children.length) kpiBox.append(h('div', { class: 'empty' }, 'No KPI window yet.'));
      const charts = drawn.filter(Boolean);
      // each chart was sized as it was added, when the grid had fewer cells: size them again
      this.resize(charts);
      return charts;
    },

    /** Adds a live reading to the series and redraws the telemetry charts. */
    append(charts, series, point) {
      const t = new Date(point.at).getTime();
      const res = (series.window_seconds * 1000) / 180;
      const push = (col, v) => {
        const n = col.t.length;
        if (n && Math.floor(col.t[n - 1] / res) === Math.floor(t / res)) {
          if (t >= col.t[n - 1]) { col.t[n - 1] = t; col.v[n - 1] = v; }
        } else if (!n || t > col.t[n - 1]) { col.t.push(t); col.v.push(v); }
        while (col.t.length && col.t[0] < t - series.window_seconds * 1000) { col.t.shift(); col.v.shift(); }
      };
      for (const [m, v] of Object.entries(point.site)) push(series.site[m] || (series.site[m] = { t: [], v: [] }), v);
      for (const [tenant, values] of Object.entries(point.tenants || {})) {
        const ts = (series.tenants[tenant] = series.tenants[tenant] || {});
        for (const [m, v] of Object.entries(values)) push(ts[m] || (ts[m] = { t: [], v: [] }), v);
      }
      for (const c of charts) {
        if (c.kind !== 'telemetry') continue;
        const { tables } = telemetryTables(series, c.spec);
        if (tables.length === c.chart.series.length - 1) c.chart.setData(uPlot.join(tables));
      }
    },

    /** New KPI windows or alerts: redraw the KPI charts and every chart's markers. */
    refresh(charts, state) {
      for (const c of charts) {
        if (c.kind === 'kpi') {
          const { tables } = kpiTables(state.kpis || [], c.spec);
          if (tables.length === c.chart.series.length - 1) { c.chart.setData(uPlot.join(tables)); continue; }
        }
        c.chart.redraw(false);
      }
    },

    resize(charts) {
      for (const c of charts) c.chart.setSize({ width: Math.max(300, c.el.clientWidth - 12), height: 190 });
    },

    destroy(charts) {
      for (const c of charts) c.chart.destroy();
    }
  };
})();
