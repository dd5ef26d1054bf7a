// Towerco NOC dashboard: fleet overview, site detail with live charts, alerts, incidents (with
// actions), tenant SLA and platform health. State comes from the JSON API; changes arrive as
// server-sent events from /api/v1/stream (the session cookie authenticates it). No build step:
// plain browser JavaScript; helpers in core.js, charts in charts.js, working pages in ops.js.
(function () {
  'use strict';
  const NOC = window.NOC;
  const { h, $, fmt, time, api, table, kv, pill, showError } = NOC;
  const STATES = ['unreachable', 'tenant_outage', 'on_battery', 'on_generator', 'ok', 'unknown'];
  const STATE_LABEL = {
    unreachable: 'Unreachable', tenant_outage: 'Tenant outage', on_battery: 'On battery',
    on_generator: 'On generator', ok: 'OK', unknown: 'No data'
  };
  const SEVERITY_RANK = { critical: 0, major: 1, minor: 2, warning: 3 };

  const store = {
    sites: new Map(), alerts: new Map(), incidents: new Map(),
    facets: { regions: [], tenants: [] }, asOf: null, me: null
  };
  const page = { route: null, site: null, charts: [], chartState: null, incident: null, sla: [] };
  let renderQueued = false;
  let detailTimer = null;

  const ago = (iso) => {
    if (!iso || !store.asOf) return '';
    const s = Math.max(0, (new Date(store.asOf) - new Date(iso)) / 1000);
    return s < 90 ? Math.round(s) + ' s ago' : s < 5400 ? Math.round(s / 60) + ' min ago'
      : Math.round(s / 3600) + ' h ago';
  };
  const isOperator = () => store.me && store.me.role === 'operator';

  // ---- loading and live updates ----
  async function loadAll() {
    const [fleet, alerts, incidents, facets] = await Promise.all([
      api('/sites'), api('/alerts?limit=1000'), api('/dashboard/incidents?limit=1000'), api('/facets')]);
    store.sites = new Map(fleet.sites.map(s => [s.site_id, s]));
    store.alerts = new Map(alerts.alerts.map(a => [a.alert_id, a]));
    store.incidents = new Map(incidents.incidents.map(i => [i.incident_id, i]));
    store.facets = facets;
    store.asOf = fleet.as_of;
    route();
  }

  function connect() {
    const source = new EventSource(NOC.API + '/stream');
    const live = $('live');
    source.onopen = () => { live.textContent = 'live'; live.classList.remove('off'); };
    source.onerror = () => {
      live.textContent = 'reconnecting'; live.classList.add('off');
      // EventSource gives up on a 401 without saying so: ask whether the session is still valid
      if (source.readyState === EventSource.CLOSED) {
        fetch(NOC.API + '/auth/me').then(r => { if (r.status === 401) NOC.toLogin(); else setTimeout(connect, 3000); });
      }
    };
    // hello: a fresh stream; reset: the server could not replay what we missed. Either way the
    // state is (re)loaded after the stream position is known, so nothing falls in between.
    source.addEventListener('hello', () => loadAll().catch(showError));
    source.addEventListener('reset', () => loadAll().catch(showError));
    source.addEventListener('site', (e) => {
      const msg = JSON.parse(e.data);
      store.sites.set(msg.site.site_id, msg.site);
      if (msg.point) advanceClock(msg.point.at);
      if (page.route === 'site' && page.site === msg.site.site_id) {
        if (msg.point && page.chartState) NOC.charts.append(page.charts, page.chartState.series, msg.point);
        refreshDetailSoon(10000);
      }
      queueRender();
    });
    source.addEventListener('alert', (e) => {
      const alert = JSON.parse(e.data);
      store.alerts.set(alert.alert_id, alert);
      if (page.route === 'site' && page.site === alert.site_id) refreshDetailSoon(500);
      queueRender();
    });
    source.addEventListener('incident', (e) => {
      const msg = JSON.parse(e.data);
      store.incidents.set(msg.incident.incident_id, msg.incident);
      if (page.route === 'incident' && page.incident === msg.incident.incident_id) {
        renderIncident(page.incident);
      }
      queueRender();
    });
    source.addEventListener('kpi', (e) => {
      const kpi = JSON.parse(e.data);
      if (page.route === 'site' && page.site === kpi.site_id) refreshDetailSoon(2000);
    });
  }

  function advanceClock(iso) {
    if (!store.asOf || iso > store.asOf) store.asOf = iso;
  }

  function queueRender() {
    if (renderQueued) return;
    renderQueued = true;
    setTimeout(() => {
      renderQueued = false;
      renderHeader();
      // the fleet toolbar is kept (focus stays in the search box); only the tiles are redrawn
      if (page.route === 'fleet') $('fleet-grid') ? drawGrid() : renderFleet();
      else if (page.route === 'alerts') renderAlerts();
      else if (page.route === 'incidents') renderIncidents();
    }, 250);
  }

  function refreshDetailSoon(delay) {
    if (detailTimer) return;
    detailTimer = setTimeout(() => {
      detailTimer = null;
      if (page.route === 'site') loadSite(page.site, false);
    }, delay);
  }

  // ---- routing ----
  function route() {
    const [, name, id, extra] = (location.hash || '#/fleet').split('/');
    destroyCharts();
    page.route = name || 'fleet';
    for (const a of document.querySelectorAll('nav a')) {
      a.classList.toggle('active', a.dataset.nav === page.route
        || (page.route === 'incident' && a.dataset.nav === 'incidents'));
    }
    renderHeader();
    if (page.route === 'site' && id) { page.site = decodeURIComponent(id); loadSite(page.site, true); }
    else if (page.route === 'incident' && id) {
      page.incident = decodeURIComponent(id); renderIncident(page.incident);
    }
    else if (page.route === 'alerts') renderAlerts();
    else if (page.route === 'incidents') renderIncidents();
    else if (page.route === 'sla') NOC.ops.renderSla(store.facets.tenants || [], id && decodeURIComponent(id), extra);
    else if (page.route === 'platform') NOC.ops.renderPlatform(() => page.route === 'platform');
    else { page.route = 'fleet'; renderFleet(); }
  }

  // ---- header: who, counts by state, open alerts and incidents ----
  const filters = { region: '', tenant: '', state: '', text: '' };

  function renderUser() {
    const me = store.me;
    $('platform-nav').hidden = !isOperator();
    $('user').replaceChildren(h('span', { id: 'user-name', title: me.role }, me.username
      + (me.tenant_id ? ' · ' + me.tenant_id : ' · NOC')),
    h('button', { id: 'logout', class: 'link', onclick: async () => {
      await fetch(NOC.API + '/auth/logout', { method: 'POST' });
      location.replace('/login');
    } }, 'Log out'));
  }

  function renderHeader() {
    const counts = {};
    for (const s of store.sites.values()) counts[s.status] = (counts[s.status] || 0) + 1;
    $('status-chips').replaceChildren(...STATES.filter(s => counts[s]).map(s =>
      h('span', {
        class: 'chip' + (filters.state === s ? ' sel' : ''), title: 'show ' + STATE_LABEL[s],
        onclick: () => {
          filters.state = filters.state === s ? '' : s;
          if (page.route === 'fleet') { renderFleet(); renderHeader(); } else location.hash = '#/fleet';
        }
      }, h('i', { class: 'dot bg-' + s }), STATE_LABEL[s], h('b', {}, counts[s]))));
    const firing = [...store.alerts.values()].filter(a => a.state === 'firing').length;
    const open = [...store.incidents.values()].filter(i => i.state === 'open').length;
    $('nav-alerts').textContent = firing || '';
    $('nav-incidents').textContent = open || '';
    $('as-of').textContent = store.asOf ? time(store.asOf) : '–';
  }

  // ---- fleet overview ----
  function renderFleet() {
    const select = (key, options, label) => h('select', {
      'aria-label': label, id: 'filter-' + key, onchange: (e) => { filters[key] = e.target.value; renderFleet(); }
    }, h('option', { value: '' }, 'All ' + label), options.map(o =>
      h('option', { value: o, selected: filters[key] === o }, STATE_LABEL[o] || o)));
    const search = h('input', {
      type: 'search', placeholder: 'Site id or name', value: filters.text, maxlength: '64', id: 'filter-text',
      oninput: (e) => { filters.text = e.target.value.toLowerCase(); drawGrid(); }
    });
    const grid = h('div', { class: 'grid', id: 'fleet-grid' });
    $('view').replaceChildren(h('div', { class: 'toolbar' },
      select('region', store.facets.regions, 'regions'),
      select('tenant', store.facets.tenants, 'tenants'),
      select('state', STATES, 'states'), search,
      h('span', { class: 'muted', id: 'fleet-count' })), grid);
    drawGrid();
  }

  function drawGrid() {
    const grid = $('fleet-grid');
    if (!grid) return;
    const sites = [...store.sites.values()].filter(s =>
      (!filters.region || s.region === filters.region)
      && (!filters.tenant || (s.tenancies || []).includes(filters.tenant))
      && (!filters.state || s.status === filters.state)
      && (!filters.text || s.site_id.toLowerCase().includes(filters.text)
        || (s.name || '').toLowerCase().includes(filters.text)))
      .sort((a, b) => STATES.indexOf(a.status) - STATES.indexOf(b.status)
        || a.site_id.localeCompare(b.site_id));
    $('fleet-count').textContent = sites.length + ' of ' + store.sites.size + ' sites';
    grid.replaceChildren(...sites.map(tile));
  }

  function tile(s) {
    const soc = s.battery_soc_pct;
    return h('div', {
      class: 'tile st-' + s.status + (s.reachable === false ? ' stale' : ''), 'data-site': s.site_id,
      title: STATE_LABEL[s.status] + (s.last_seen ? ' · last reading ' + time(s.last_seen) : ''),
      onclick: () => { location.hash = '#/site/' + encodeURIComponent(s.site_id); }
    },
      h('div', { class: 'top' }, h('span', { class: 'id' }, s.site_id),
        s.open_alerts ? h('span', { class: 'badge sev-' + (s.worst_alert || 'warning') },
          s.open_alerts) : null),
      h('div', { class: 'meta' }, [s.region, s.hub ? 'hub' : (s.hub_site_id ? 'via ' + s.hub_site_id : null)]
        .filter(Boolean).join(' · ') || s.name),
      h('div', { class: 'power' },
        h('span', { class: 'tag t-grid' + (s.grid ? ' on' : '') }, 'GRID'),
        h('span', { class: 'tag t-gen' + (s.on_generator ? ' on' : '') }, 'GEN'),
        h('span', { class: 'tag t-bat' + (s.on_battery ? ' on' : '') }, 'BAT'),
        h('span', { class: 'soc', title: 'battery ' + fmt(soc, 0, '%') },
          h('i', { style: 'width:' + (soc || 0) + '%;background:' + socColour(soc) })),
        h('span', { class: 'small' }, fmt(soc, 0, '%'))),
      h('div', { class: 'meta' }, s.reachable === false ? 'unreachable'
        : (s.tenancies || []).join(' ') || 'no tenancy'));
  }

  function socColour(soc) {
    return soc == null ? 'var(--unknown)' : soc < 30 ? 'var(--outage)' : soc < 60 ? 'var(--bat)'
      : 'var(--ok)';
  }

  // ---- site detail ----
  async function loadSite(siteId, fresh) {
    let detail;
    try {
      detail = await api('/sites/' + encodeURIComponent(siteId));
    } catch (err) { showError(err); return; }
    if (page.route !== 'site' || page.site !== siteId) return;
    if (fresh || !page.chartState) {
      page.chartState = { series: detail.series, alerts: detail.alerts, kpis: detail.kpis };
      renderSite(detail);
    } else {
      page.chartState.alerts = detail.alerts;
      page.chartState.kpis = detail.kpis;
      if (detail.kpis.length && !page.charts.some(c => c.kind === 'kpi')) {
        renderSite(detail); // the first KPI windows: their charts do not exist yet
        return;
      }
      NOC.charts.refresh(page.charts, page.chartState);
      renderSitePanels(detail);
    }
  }

  function renderSite(d) {
    destroyCharts();
    const s = d.site;
    $('view').replaceChildren(
      h('div', {}, h('a', { href: '#/fleet' }, '← Fleet')),
      h('h1', { id: 'site-title' }, s.site_id + ' ', h('span', { class: 'pill bg-' + s.status }, STATE_LABEL[s.status]),
        ' ', h('span', { class: 'muted small' }, s.name)),
      h('div', { class: 'muted' }, [s.region && 'region ' + s.region,
        s.hub ? 'hub site' : s.hub_site_id && 'behind hub ' + s.hub_site_id,
        s.last_seen && 'last reading ' + time(s.last_seen) + ' (' + ago(s.last_seen) + ')'].filter(Boolean).join(' · ')),
      h('div', { id: 'site-panels' }),
      h('h2', { class: 'section' }, 'Telemetry (last ' + Math.round((d.series.window_seconds || 1800) / 60) + ' min)',
        h('span', { class: 'legend' }, h('i', { class: 'mark anomaly' }), 'anomaly', h('i', { class: 'mark alert' }), 'alert')),
      h('div', { class: 'charts', id: 'charts' }),
      h('h2', { class: 'section' }, 'KPIs per window'),
      h('div', { class: 'charts', id: 'kpi-charts' }));
    renderSitePanels(d);
    page.charts = NOC.charts.draw($('charts'), $('kpi-charts'), page.chartState);
  }

  function renderSitePanels(d) {
    const box = $('site-panels');
    if (!box) return;
    const c = d.power_chain, cond = d.conditions;
    const chain = c ? h('div', { class: 'chain' },
      stage('Grid', c.grid_available ? fmt(c.mains_voltage_v, 0, ' V') : 'down', c.source === 'grid', !c.grid_available),
      c.generator_installed ? stage('Generator', c.generator_fault ? 'FAULT' : c.generator_running ? 'running' : 'standby',
        c.source === 'generator', c.generator_fault) : null,
      h('span', { class: 'arrow' }, '→'),
      stage('Rectifiers', c.rectifier_modules_ok + '/' + c.rectifier_modules_total + ' · ' + fmt(c.dc_bus_voltage_v, 1, ' V'),
        c.source !== 'none', c.rectifier_modules_ok < c.rectifier_modules_total),
      stage('Battery', fmt(c.battery_soc_pct, 0, '%') + ' · ' + fmt(c.battery_current_a, 0, ' A'),
        c.source === 'battery', c.battery_soc_pct < 30),
      c.solar_output_kw != null ? stage('Solar', fmt(c.solar_output_kw, 1, ' kW'), c.solar_output_kw > 0, false) : null,
      h('span', { class: 'arrow' }, '→'),
      ...(c.feeds || []).map(f => stage(f.tenant_id, fmt(f.dc_voltage_v, 1, ' V') + ' · ' + fmt(f.load_kw, 1, ' kW'),
        f.within_window, !f.within_window))) : h('div', { class: 'empty' }, 'No reading yet.');
    const conditions = cond ? h('dl', { class: 'kv' },
      kv('HVAC', cond.hvac), kv('Door', cond.door_open ? 'OPEN' : 'closed'),
      kv('Cabinet', fmt(cond.cabinet_temp_c, 1, ' °C')), kv('Ambient', fmt(cond.ambient_temp_c, 1, ' °C')),
      kv('Battery temp', fmt(cond.battery_temperature_c, 1, ' °C')),
      cond.fuel_level_l != null ? kv('Fuel', fmt(cond.fuel_level_l, 0, ' L') + ' of ' + fmt(cond.fuel_capacity_l, 0, ' L')) : null,
      cond.generator_run_hours != null ? kv('Generator hours', fmt(cond.generator_run_hours, 1, ' h')) : null,
      kv('Reachable', d.site.reachable === false ? 'NO' + (d.connectivity_reason ? ' (' + d.connectivity_reason + ')' : '') : 'yes'))
      : h('div', { class: 'empty' }, 'No reading yet.');
    box.replaceChildren(h('div', { class: 'panels' },
      h('div', { class: 'panel wide' }, h('h2', {}, 'Power chain'), chain),
      h('div', { class: 'panel' }, h('h2', {}, 'Conditions'), conditions),
      h('div', { class: 'panel' }, h('h2', {}, 'Tenancies'), table(['Tenant', 'SLA', 'DC window', 'Backup'],
        d.tenancies.map(t => [t.tenant_id, fmt(t.sla_availability_pct, 2, '%'),
          fmt(t.dc_min_v, 1) + '–' + fmt(t.dc_max_v, 1, ' V'), fmt(t.backup_hours, 1, ' h')]))),
      h('div', { class: 'panel' }, h('h2', {}, 'Active alarms'), table(['Severity', 'Cause', 'Object', 'Raised'],
        d.alarms.map(a => [pill(a.perceived_severity), a.probable_cause + ' — ' + a.specific_problem,
          a.managed_object, time(a.raised_at)]))),
      h('div', { class: 'panel wide' }, h('h2', {}, 'Alerts'), alertTable(d.alerts, false)),
      h('div', { class: 'panel' }, h('h2', {}, 'Incidents'), incidentTable(d.incidents)),
      h('div', { class: 'panel' }, h('h2', {}, 'Latest KPIs'), kpiTable(d.kpis))));
  }

  function stage(name, value, active, fault) {
    return h('div', { class: 'stage' + (active ? ' active' : '') + (fault ? ' fault' : '') },
      h('b', {}, name), value);
  }

  function kpiTable(kpis) {
    const latest = new Map();
    for (const k of kpis) {
      const key = k.scope + '|' + (k.tenant_id || '');
      if (!latest.has(key) || latest.get(key).window_start < k.window_start) latest.set(key, k);
    }
    return table(['Scope', 'Window', 'Values'], [...latest.values()].map(k => [
      k.scope === 'site' ? 'site' : k.tenant_id, time(k.window_start),
      Object.entries(k.values).map(([n, v]) => n.replace(/_/g, ' ') + ' ' + fmt(v, 1)).join(' · ')]));
  }

  function destroyCharts() {
    NOC.charts.destroy(page.charts);
    page.charts = [];
    if (page.route !== 'site') page.chartState = null;
  }

  // ---- alerts ----
  const alertFilter = { state: 'firing', kind: '' };

  function alertTable(alerts, withSite) {
    const sorted = [...alerts].sort((a, b) => (a.state === b.state ? 0 : a.state === 'firing' ? -1 : 1)
      || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.starts_at.localeCompare(a.starts_at));
    return table(['Severity', 'State', withSite ? 'Site' : null, 'Alert', 'Tenants', 'Started', 'Ended'].filter(Boolean),
      sorted.map(a => [pill(a.severity), a.state,
        withSite ? h('a', { href: '#/site/' + encodeURIComponent(a.site_id) }, a.site_id) : null,
        h('span', { title: a.rule }, NOC.isAnomaly(a) ? h('span', { class: 'tag anomaly' }, 'ANOMALY') : null, ' ', a.summary),
        (a.affected_tenants || []).join(', '),
        time(a.starts_at), a.ends_at ? time(a.ends_at) : ''].filter(x => x !== null)),
      null, (i) => ({ 'data-alert': sorted[i].alert_id, 'data-site': sorted[i].site_id }));
  }

  function renderAlerts() {
    const alerts = [...store.alerts.values()].filter(a => (!alertFilter.state || a.state === alertFilter.state)
      && (!alertFilter.kind || (alertFilter.kind === 'anomaly') === NOC.isAnomaly(a)));
    const select = (key, options, label) => h('select', { 'aria-label': label, id: 'alert-' + key,
      onchange: (e) => { alertFilter[key] = e.target.value; renderAlerts(); } },
    options.map(([v, l]) => h('option', { value: v, selected: alertFilter[key] === v }, l)));
    $('view').replaceChildren(h('div', { class: 'toolbar' },
      select('state', [['firing', 'Firing'], ['resolved', 'Resolved'], ['', 'All states']], 'alert state'),
      select('kind', [['', 'All kinds'], ['anomaly', 'Anomalies'], ['rule', 'Rules and alarms']], 'alert kind'),
      h('span', { class: 'muted' }, alerts.length + ' alerts')),
      h('div', { class: 'panel', id: 'alerts' }, alertTable(alerts, true)));
  }

  // ---- incidents ----
  function incidentTable(incidents) {
    const sorted = [...incidents].sort((a, b) => (a.state === b.state ? 0 : a.state === 'open' ? -1 : 1)
      || (b.updated_at || '').localeCompare(a.updated_at || ''));
    return table(['Severity', 'State', 'Incident', 'Root cause', 'Tenants', 'Opened'],
      sorted.map(i => [i.severity ? pill(i.severity) : '', i.state + (i.phase && i.phase !== 'opened' ? ' · ' + i.phase : ''),
        i.title, i.root_cause ? i.root_cause.kind + ' @ ' + i.root_cause.site_id : '',
        (i.affected_tenants || []).join(', '), time(i.opened_at)]),
      (n) => { location.hash = '#/incident/' + encodeURIComponent(sorted[n].incident_id); },
      (n) => ({ 'data-incident': sorted[n].incident_id, 'data-sites': (sorted[n].affected_sites || []).join(' ') }));
  }

  function renderIncidents() {
    const incidents = [...store.incidents.values()];
    $('view').replaceChildren(h('div', { class: 'toolbar' }, h('span', { class: 'muted' },
      incidents.filter(i => i.state === 'open').length + ' open, ' + incidents.length + ' in all')),
      h('div', { class: 'panel', id: 'incidents' }, incidentTable(incidents)));
  }

  // The live list can show an incident a moment before its detail view has it (another reader):
  // a missing or failing detail is asked for again while the page stays open, not left as an error.
  async function renderIncident(id, attempt = 0) {
    let d;
    try { d = await api('/dashboard/incidents/' + encodeURIComponent(id)); } catch (err) {
      showError(err);
      const transient = !err.status || err.status === 404 || err.status >= 500;
      if (transient && attempt < 30) {
        setTimeout(() => {
          if (page.route === 'incident' && page.incident === id) renderIncident(id, attempt + 1);
        }, 1000);
      }
      return;
    }
    if (page.route !== 'incident' || page.incident !== id) return;
    const i = d.incident, rc = i.root_cause;
    const handling = $('incident-handling') || h('div', { class: 'panel', id: 'incident-handling' });
    $('view').replaceChildren(
      h('div', {}, h('a', { href: '#/incidents' }, '← Incidents')),
      h('h1', { id: 'incident-title' }, i.severity ? pill(i.severity) : '', ' ', i.title),
      h('div', { class: 'muted' }, [i.incident_id, i.state, i.phase, 'opened ' + time(i.opened_at),
        i.resolved_at && 'resolved ' + time(i.resolved_at)].filter(Boolean).join(' · ')),
      h('div', { class: 'panels' },
        handling,
        h('div', { class: 'panel' }, h('h2', {}, 'Root cause'), rc ? h('dl', { class: 'kv' },
          kv('Where', h('a', { href: '#/site/' + encodeURIComponent(rc.site_id) }, rc.site_id)),
          kv('What', rc.kind), kv('Why', rc.description), kv('Confidence', fmt(rc.confidence * 100, 0, '%')))
          : h('div', { class: 'empty' }, 'Not known yet.')),
        h('div', { class: 'panel' }, h('h2', {}, 'Affected'), h('dl', { class: 'kv' },
          kv('Tenants', (i.affected_tenants || []).join(', ') || '–'),
          kv('Sites', h('span', {}, (i.affected_sites || []).map((s, n) => [n ? ', ' : '',
            h('a', { href: '#/site/' + encodeURIComponent(s) }, s)]))),
          kv('Symptoms', (d.alerts || []).length + ' alert(s)'),
          i.resolution ? kv('Resolution', i.resolution) : null)),
        h('div', { class: 'panel' }, h('h2', {}, 'Timeline'), h('ol', { class: 'timeline', id: 'timeline' },
          d.timeline.map(e => h('li', {}, h('div', { class: 'when' }, time(e.at) + ' · ' + e.event_type),
            h('div', {}, e.summary),
            h('div', { class: 'details' }, timelineDetails(e)))))),
        h('div', { class: 'panel wide' }, h('h2', {}, 'Symptoms (alerts)'), alertTable(d.alerts, true))));
    if (!handling.dataset.loaded) {
      handling.dataset.loaded = '1';
      handling.append(h('div', { class: 'empty' }, 'Loading…'));
    }
    NOC.ops.incidentPanel(handling, id, isOperator(), null);
  }

  // Known steps are summarised by the server; only their list fields add something. Steps of
  // types this page does not know (acknowledged, assigned, ...) show every field.
  const SHOWN_DETAILS = {
    'incident.opened': ['affected_tenants', 'affected_sites'],
    'incident.alert-attached': [], 'incident.resolved': []
  };

  function timelineDetails(e) {
    const keys = SHOWN_DETAILS[e.event_type];
    return Object.entries(e.details || {})
      .filter(([k]) => k !== 'incident_id' && (!keys || keys.includes(k)))
      .map(([k, v]) => k.replace(/_/g, ' ') + ': '
        + (Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : v))
      .join(' · ');
  }

  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => NOC.charts.resize(page.charts));

  api('/auth/me').then(me => {
    store.me = me;
    renderUser();
    route();
    connect();
  }).catch(showError);
})();
