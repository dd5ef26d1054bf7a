// The NOC's working pages: incident actions through the incident-management API (each command
// carries the version the operator saw; 409 and 422 refusals are shown with their reason), the
// tenant SLA view, and the platform's health (throughput, latency, lag, dead letters).
(function () {
  'use strict';
  const NOC = window.NOC;
  const { h, $, fmt, time, table, kv } = NOC;
  const OUTCOME = {
    400: 'Invalid', 403: 'Not allowed for your role', 404: 'Unknown incident',
    409: 'Refused: the incident changed since you loaded it (409)',
    422: 'Refused: not possible in its current state (422)'
  };
  NOC.ops = {};
  // the outcome of the last action on each incident, shown again when the panel is redrawn
  const lastResult = new Map();

  // ---- incident actions ----
  // Incident management records an incident a moment after the dashboard's live view shows it
  // (two readers of the same topic): a missing or failing record is asked for again every second
  // while the panel is on the page, not left as "not recorded".
  NOC.ops.incidentPanel = async function (box, incidentId, isOperator, onChange, attempt = 0) {
    let inc;
    try {
      inc = await NOC.api('/incidents/' + encodeURIComponent(incidentId));
    } catch (err) {
      box.replaceChildren(h('h2', {}, 'Handling'), h('div', { class: 'empty' }, err.status === 404
        ? 'Not recorded by incident management yet.' : 'Incident management: ' + err.message));
      const transient = !err.status || err.status === 404 || err.status >= 500;
      if (transient && attempt < 60) {
        setTimeout(() => {
          if (box.isConnected && !box.querySelector('#incident-status')) {
            NOC.ops.incidentPanel(box, incidentId, isOperator, onChange, attempt + 1);
          }
        }, 1000);
      }
      return;
    }
    const kept = lastResult.get(incidentId);
    const result = h('div', { id: 'action-result', role: 'status', class: kept ? kept.cls : 'result' },
      kept ? kept.text : '');
    // what the operator was typing survives a redraw caused by a live update
    const field = (id, label, max) => {
      const before = box.querySelector('#' + id);
      const input = h('input', { id, placeholder: label, maxlength: String(max), 'aria-label': label });
      if (before) input.value = before.value;
      return input;
    };
    const comment = field('ack-comment', 'comment (optional)', 500);
    const assignee = field('assignee', 'assignee', 64);
    const resolution = field('resolution', 'resolution', 500);
    const active = inc.status === 'open' || inc.status === 'acknowledged';

    async function command(path, body, button) {
      button.disabled = true;
      result.className = 'result';
      result.textContent = 'Sending…';
      try {
        const r = await NOC.post('/incidents/' + encodeURIComponent(incidentId) + path,
          Object.assign({ expected_version: inc.version }, body));
        if (r.status === 200) {
          result.className = 'result ok';
          result.textContent = 'Done: ' + r.body.status + ' (version ' + r.body.version + ')';
        } else if (r.status === 202) {
          result.textContent = 'Sent; its outcome is not recorded yet (command ' + r.body.command_id + ').';
        } else {
          result.className = 'result refused';
          result.textContent = (OUTCOME[r.status] || 'Failed (' + r.status + ')') + ': ' + (r.body.error || '');
        }
        lastResult.set(incidentId, { cls: result.className, text: result.textContent });
        NOC.ops.incidentPanel(box, incidentId, isOperator, onChange);
        if (onChange) onChange();
      } catch (err) {
        result.className = 'result refused';
        result.textContent = 'Failed: ' + err.message;
        button.disabled = false;
      }
    }
    function required(input, name) {
      const value = input.value.trim();
      if (!value) {
        result.className = 'result refused';
        result.textContent = name + ' is required';
        lastResult.delete(incidentId);
        input.focus();
      }
      return value;
    }
    const ack = h('button', { id: 'ack', disabled: inc.status !== 'open', onclick: (e) => command('/acknowledge',
      comment.value.trim() ? { comment: comment.value.trim() } : {}, e.target) }, 'Acknowledge');
    const assign = h('button', { id: 'assign', disabled: !active, onclick: (e) => {
      const who = required(assignee, 'Assignee'); if (who) command('/assign', { assignee: who }, e.target);
    } }, 'Assign');
    const resolve = h('button', { id: 'resolve', disabled: !active, onclick: (e) => {
      const why = required(resolution, 'Resolution'); if (why) command('/resolve', { resolution: why }, e.target);
    } }, 'Resolve');
    box.replaceChildren(h('h2', {}, 'Handling'),
      h('dl', { class: 'kv' },
        kv('Status', h('b', { id: 'incident-status' }, inc.status)), kv('Version', inc.version),
        kv('Acknowledged', inc.acknowledged_by ? inc.acknowledged_by + ' · ' + time(inc.acknowledged_at) : '–'),
        kv('Assignee', inc.assignee || '–'),
        inc.resolution ? kv('Resolution', inc.resolution + ' (' + (inc.resolved_by || '') + ')') : null,
        (inc.sla_breaches || []).length ? kv('SLA breaches', inc.sla_breaches.length) : null),
      isOperator ? h('div', { class: 'actions', id: 'incident-actions' },
        h('div', { class: 'row' }, comment, ack),
        h('div', { class: 'row' }, assignee, assign),
        h('div', { class: 'row' }, resolution, resolve), result)
        : h('div', { class: 'muted small' }, 'Actions are taken by the towerco NOC.'));
  };

  // ---- tenant SLA ----
  NOC.ops.renderSla = async function (tenants, wanted, month) {
    const tenant = wanted || tenants[0];
    month = month || new Date().toISOString().slice(0, 7);
    const go = (t, m) => { location.hash = '#/sla/' + encodeURIComponent(t) + '/' + m; };
    const pick = h('select', { id: 'sla-tenant', 'aria-label': 'tenant', onchange: (e) => go(e.target.value, month) },
      tenants.map(t => h('option', { value: t, selected: t === tenant }, t)));
    const monthInput = h('input', { type: 'month', id: 'sla-month', value: month, 'aria-label': 'month',
      onchange: (e) => { if (/^\d{4}-\d{2}$/.test(e.target.value)) go(tenant, e.target.value); } });
    const body = h('div', { id: 'sla-body' }, h('div', { class: 'empty' }, 'Loading…'));
    $('view').replaceChildren(h('div', { class: 'toolbar' }, h('b', {}, 'SLA'), pick, monthInput,
      tenant ? h('a', { href: NOC.API + '/sla/' + encodeURIComponent(tenant) + '.csv?month=' + month }, 'CSV') : null,
      tenant ? h('a', { href: NOC.API + '/analytics/sla-reports/' + encodeURIComponent(tenant) + '/' + month + '?format=csv' }, 'Analytics CSV') : null),
      body);
    if (!tenant) { body.replaceChildren(h('div', { class: 'empty' }, 'No tenant.')); return; }
    let r;
    try {
      r = await NOC.api('/sla/' + encodeURIComponent(tenant) + '?month=' + month);
    } catch (err) { body.replaceChildren(h('p', { class: 'error' }, 'Cannot load the SLA report: ' + err.message)); return; }
    body.replaceChildren(
      h('div', { class: 'panels' },
        h('div', { class: 'panel' }, h('h2', {}, tenant + ' · ' + r.month), h('dl', { class: 'kv' },
          kv('Sites', r.sites.length), kv('Sites breached', h('b', { class: r.sites_breached ? 'bad' : '' }, r.sites_breached)),
          kv('Minutes out of window', fmt(r.minutes_out_of_window, 1))))),
      h('div', { class: 'panel wide' }, h('h2', {}, 'Sites'), table(
        ['Site', 'Target', 'Availability', 'Measured (min)', 'Out of window (min)', 'Unreported (min)', 'Allowed (min)', 'Breached'],
        r.sites.map(s => [h('a', { href: '#/site/' + encodeURIComponent(s.site_id) }, s.site_id),
          fmt(s.target_pct, 2, '%'), fmt(s.availability_pct, 3, '%'), fmt(s.minutes_measured, 0),
          fmt(s.minutes_out_of_window, 1), fmt(s.minutes_unreported, 0), fmt(s.allowed_minutes, 1),
          s.breached ? h('b', { class: 'bad' }, 'BREACHED ' + time(s.breached_at)) : 'no']))),
      h('div', { class: 'panel wide' }, h('h2', {}, 'Incidents behind the outages'), table(
        ['Incident', 'Severity', 'Root cause', 'Sites', 'Opened', 'Resolved', 'Outage (min)'],
        r.incidents.map(i => [h('a', { href: '#/incident/' + encodeURIComponent(i.incident_id) }, i.title),
          i.severity, (i.root_cause_kind || '') + (i.root_site_id ? ' @ ' + i.root_site_id : ''),
          (i.sites || []).join(', '), time(i.opened_at), time(i.resolved_at), fmt(i.outage_minutes, 1)]))));
  };

  // ---- platform health ----
  let healthTimer = null;
  NOC.ops.renderPlatform = async function (stillHere) {
    clearTimeout(healthTimer);
    let health, processes, ready = '';
    try {
      health = await NOC.api('/dashboard/platform-health');
      processes = await NOC.api('/dashboard/platform-processes');
      ready = await fetch('/health/ready').then(r => r.text()).catch(() => 'unknown');
    } catch (err) { NOC.showError(err); return; }
    if (!stillHere()) return;
    const flag = (v, bad) => h('span', { class: v > bad ? 'bad' : '' }, v);
    // Every input's latency in the tooltip: KPIs arrive when their window closes, by design.
    const latencies = (s) => Object.entries(s.latency_by_input || {})
      .map(([input, l]) => input + ': p50 ' + l.p50_seconds + ' s, p99 ' + l.p99_seconds + ' s').join('\n');
    $('view').replaceChildren(
      h('div', { class: 'toolbar' }, h('b', {}, 'Platform health'),
        h('span', { class: 'muted' }, 'process ' + ready + ' · up since ' + time(health.up_since)
          + ' · as of ' + time(health.as_of) + ' · rates over the last minute')),
      h('div', { class: 'panel', id: 'platform-health' }, table(
        ['Service', 'In/s', 'Out/s', 'Events in', 'Events out', 'Latency of', 'Latency p50', 'Latency p99', 'Consumer lag', 'DLQ', 'Duplicates'],
        health.services.map(s => [h('b', {}, s.service), fmt(s.in_per_second, 1), fmt(s.out_per_second, 1),
          s.events_in, s.events_out, h('span', { class: 'muted', title: latencies(s) }, s.latency_input || '-'),
          fmt(s.latency_p50_seconds, 3, ' s'), fmt(s.latency_p99_seconds, 3, ' s'),
          flag(s.consumer_lag, 1000), flag(s.dead_lettered, 0), s.duplicates_skipped]),
        null, (i) => ({ 'data-service': health.services[i].service }))),
      // Every process of the platform, from the heartbeats on towerco.platform.health.
      h('div', { class: 'toolbar' }, h('b', {}, 'Processes'),
        h('span', { class: 'muted' }, processes.processes.length + ' reporting · missing after '
          + processes.missing_after_cadences + ' cadences without a heartbeat · '
          + Object.entries(processes.services).map(([s, c]) => s + ' ×' + c.instances
            + (c.missing ? ' (' + c.missing + ' missing)' : '')).join(', '))),
      h('div', { class: 'panel', id: 'platform-processes' }, table(
        ['Instance', 'Host', 'Services', 'Status', 'Last heartbeat', 'Up since', 'Events in', 'Events out', 'DLQ', 'Lag seen'],
        processes.processes.map(p => [h('b', {}, p.instance_id), p.host + ' (' + p.pid + ')',
          p.services.join(', '), h('span', { class: p.status === 'ready' ? '' : 'bad' }, p.status),
          time(p.last_heartbeat) + ' (' + fmt(p.heartbeat_age_seconds, 1, ' s') + ' ago)', time(p.started),
          p.events_in, p.events_out, flag(p.dead_lettered, 0), flag(p.consumer_lag, 1000)]),
        null, (i) => ({ 'data-instance': processes.processes[i].instance_id,
          class: processes.processes[i].missing ? 'missing' : '' }))),
      h('div', { class: 'toolbar' }, h('b', {}, 'Consumer groups'),
        h('span', { class: processes.consumer_groups_error ? 'bad' : 'muted' },
          processes.consumer_groups_error ? 'lookup failed: ' + processes.consumer_groups_error
            : 'lag from the broker\'s committed and end offsets, as of ' + time(processes.consumer_groups_as_of))),
      h('div', { class: 'panel', id: 'consumer-groups' }, table(
        ['Group', 'State', 'Partitions', 'Lag'],
        processes.consumer_groups.map(g => [h('b', {}, g.group_id), g.state, g.partitions, flag(g.lag, 1000)]),
        null, (i) => ({ 'data-group': processes.consumer_groups[i].group_id }))),
      h('div', { class: 'panel', id: 'dead-letters' }));
    NOC.dlq.render($('dead-letters'));
    healthTimer = setTimeout(() => { if (stillHere()) NOC.ops.renderPlatform(stillHere); }, 5000);
  };
})();
