// The NOC fleet page for thousands of sites: open incidents pinned on top, a map (noc-map.js),
// counts by state, region and tenant, and a virtualised, searchable site list. The state comes
// from GET /api/v1/fleet; changes arrive once a second as one batched 'fleet' message from
// /api/v1/stream?view=fleet (changed sites, changed incidents, counts), never every reading.
(function () {
  'use strict';
  const NOC = window.NOC;
  const { h, $, api } = NOC;
  const STATES = NOC.fleetMap.STATES;
  const COLOUR = NOC.fleetMap.COLOUR;
  const LABEL = { unreachable: 'Unreachable', tenant_outage: 'Tenant outage',
    on_battery: 'On battery', on_generator: 'On generator', ok: 'OK', unknown: 'No data' };
  const SEV = { critical: 0, major: 1, minor: 2, warning: 3 };
  const RANK = Object.fromEntries(STATES.map((s, i) => [s, i]));
  const ROW = 24;

  const store = { sites: new Map(), incidents: new Map(), summary: null, asOf: null };
  const filter = { state: '', region: '', tenant: '', text: '' };
  const stats = window.NOC.fleetStats = { firstRenderMs: null,
    batches: 0, batchMs: [], lastBatchAt: null };
  let rows = [];
  let listDirty = true;

  const matches = (s) => (!filter.state || s.state === filter.state)
    && (!filter.region || s.region === filter.region)
    && (!filter.tenant || (s.tenants || []).includes(filter.tenant))
    && (!filter.text || s._text.includes(filter.text));

  const map = NOC.fleetMap($('map'), store.sites, {
    filter: (s) => (!filter.state && !filter.region && !filter.tenant && !filter.text) || matches(s),
    links: () => $('show-links').checked,
    open: (s) => { location.href = '/#/site/' + encodeURIComponent(s.site_id); },
    drawn: (visible, marks) => { $('map-info').textContent = visible + ' sites in view, ' + marks + ' marks'; }
  });
  NOC.fleetStats.map = map.stats;
  NOC.fleetStats.drawnState = map.drawnState;

  function put(site) {
    site._text = [site.site_id, site.name, site.region, ...(site.tenants || [])].join(' ').toLowerCase();
    store.sites.set(site.site_id, site);
  }

  async function load() {
    const fleet = await api('/fleet');
    store.sites.clear();
    fleet.sites.forEach(put);
    store.incidents = new Map(fleet.incidents.map(i => [i.incident_id, i]));
    store.summary = fleet.summary;
    store.asOf = fleet.as_of;
    listDirty = true;
    map.fit();
    renderAll();
    if (stats.firstRenderMs == null) {
      requestAnimationFrame(() => {
        stats.firstRenderMs = performance.now(); // since navigation began
        document.body.dataset.rendered = 'true';
      });
    }
  }

  function applyBatch(batch) {
    const t0 = performance.now();
    batch.sites.forEach(put);
    for (const i of batch.incidents) {
      if (i.state === 'open') store.incidents.set(i.incident_id, i);
      else store.incidents.delete(i.incident_id);
    }
    store.summary = batch.summary;
    if (batch.sites.length) listDirty = true;
    renderAll();
    stats.batches++;
    stats.lastBatchAt = Date.now();
    stats.batchMs.push(performance.now() - t0);
    if (stats.batchMs.length > 500) stats.batchMs.shift();
  }

  function renderAll() {
    map.request();
    renderChips();
    renderSummary();
    renderPinned();
    renderList();
  }

  function renderChips() {
    const by = (store.summary && store.summary.by_state) || {};
    $('fleet-count').textContent = store.summary ? store.summary.sites : '–';
    $('as-of').textContent = NOC.time(store.asOf);
    $('state-chips').replaceChildren(...STATES.filter(s => by[s]).map(s => h('span', {
      class: 'chip' + (filter.state === s ? ' sel' : ''), 'data-state': s,
      onclick: () => setFilter('state', filter.state === s ? '' : s)
    }, h('i', { class: 'dot', style: 'background:' + COLOUR[s] }), LABEL[s], h('b', {}, by[s]))));
  }

  function countTable(rowsByName, key) {
    const names = Object.keys(rowsByName || {});
    const used = STATES.filter(s => names.some(n => rowsByName[n][s]));
    return h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, key), h('th', {}, 'sites'),
      used.map(s => h('th', { title: LABEL[s] }, h('i', { class: 'dot', style: 'background:' + COLOUR[s] }))))),
    h('tbody', {}, names.map(n => {
      const counts = rowsByName[n];
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return h('tr', { class: 'click' + (filter[key] === n ? ' sel' : ''), ['data-' + key]: n,
        onclick: () => setFilter(key, filter[key] === n ? '' : n) },
      h('td', {}, n), h('td', {}, total), used.map(s => h('td', {}, counts[s] || '')));
    })));
  }

  function renderSummary() {
    if (!store.summary) return;
    $('by-region').replaceChildren(countTable(store.summary.by_region, 'region'));
    $('by-tenant').replaceChildren(countTable(store.summary.by_tenant, 'tenant'));
  }

  function renderPinned() {
    const open = [...store.incidents.values()].sort((a, b) => (SEV[a.severity] ?? 9) - (SEV[b.severity] ?? 9)
      || String(b.opened_at).localeCompare(String(a.opened_at)));
    $('pinned').replaceChildren(...open.map(i => h('a', {
      class: 'incident-pin sev-' + i.severity, href: '/#/incident/' + encodeURIComponent(i.incident_id),
      'data-incident': i.incident_id
    }, h('b', {}, i.severity), ' ', i.title,
    h('small', {}, (i.affected_sites || []).length + ' sites'))));
  }

  function renderList() {
    const list = $('site-list');
    if (listDirty) {
      rows = [...store.sites.values()].filter(matches)
        .sort((a, b) => (RANK[a.state] - RANK[b.state]) || (b.alerts - a.alerts)
          || a.site_id.localeCompare(b.site_id));
      list.firstChild.style.height = rows.length * ROW + 'px';
      $('list-count').textContent = rows.length + ' of ' + store.sites.size + ' sites';
      listDirty = false;
    }
    const first = Math.max(0, Math.floor(list.scrollTop / ROW) - 5);
    const last = Math.min(rows.length, first + Math.ceil(list.clientHeight / ROW) + 10);
    const drawn = [];
    for (let i = first; i < last; i++) {
      const s = rows[i];
      drawn.push(h('div', { class: 'vrow', style: 'top:' + i * ROW + 'px', 'data-site': s.site_id,
        'data-state': s.state, onclick: () => { location.href = '/#/site/' + encodeURIComponent(s.site_id); } },
      h('i', { class: 'dot', style: 'background:' + COLOUR[s.state] }),
      h('span', { class: 'name' }, s.hub ? '▣ ' : '', s.site_id, ' ', h('span', { class: 'muted' }, s.name)),
      h('span', { class: 'muted' }, s.region || ''),
      s.alerts ? h('span', { class: 'pill sev-' + (s.worst || 'warning') }, s.alerts) : null));
    }
    list.replaceChildren(list.firstChild, ...drawn);
  }

  function setFilter(key, value) {
    filter[key] = value;
    listDirty = true;
    if (key === 'region' || key === 'tenant') {
      const chosen = [...store.sites.values()].filter(matches).filter(s => s.lat != null);
      if (chosen.length) map.fit(chosen); else map.fit();
    }
    renderAll();
  }

  let searchTimer = null;
  $('search').addEventListener('input', (e) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => setFilter('text', e.target.value.trim().toLowerCase()), 150);
  });
  $('site-list').addEventListener('scroll', () => requestAnimationFrame(renderList));
  $('zoom-in').addEventListener('click', () => map.zoom(1.6));
  $('zoom-out').addEventListener('click', () => map.zoom(1 / 1.6));
  $('zoom-fit').addEventListener('click', () => map.fit());
  $('show-links').addEventListener('change', () => map.request());

  function showError(err) {
    $('pinned').replaceChildren(h('p', { class: 'error', id: 'page-error' }, 'Cannot load: ' + err.message));
  }

  function connect() {
    const source = new EventSource(NOC.API + '/stream?view=fleet');
    const live = $('live');
    source.onopen = () => { live.textContent = 'live'; live.classList.remove('off'); };
    source.onerror = () => {
      live.textContent = 'reconnecting'; live.classList.add('off');
      if (source.readyState === EventSource.CLOSED) {
        fetch(NOC.API + '/auth/me').then(r => { if (r.status === 401) NOC.toLogin(); else setTimeout(connect, 3000); });
      }
    };
    source.addEventListener('hello', () => load().catch(showError));
    source.addEventListener('reset', () => load().catch(showError));
    source.addEventListener('fleet', (e) => applyBatch(JSON.parse(e.data)));
  }
  connect();
})();
