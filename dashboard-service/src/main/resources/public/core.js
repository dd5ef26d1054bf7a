// Shared helpers of the NOC web UI: DOM building (text only, never HTML strings), formatting,
// and calls to the HTTP API. A call answered 401 sends the browser to the login page.
(function () {
  'use strict';
  const NOC = window.NOC = {};
  NOC.API = '/api/v1';

  NOC.h = function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c == null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  };
  const h = NOC.h;
  NOC.$ = (id) => document.getElementById(id);
  NOC.fmt = (v, digits = 1, unit = '') => v == null || Number.isNaN(v) ? '–'
    : Number(v).toFixed(digits) + unit;
  NOC.time = (iso) => iso ? new Date(iso).toLocaleString(undefined,
    { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '–';

  NOC.toLogin = function () {
    location.replace('/login?next=' + encodeURIComponent(location.pathname + location.search + location.hash));
  };

  /** GET a JSON resource of the API; throws an Error carrying the server's message and status. */
  NOC.api = async function (path) {
    const res = await fetch(NOC.API + path, { headers: { Accept: 'application/json' } });
    return answer(res);
  };

  /** POST a JSON body; resolves to {status, body} for every answer but 401 (sent to login). */
  NOC.post = async function (path, body) {
    const res = await fetch(NOC.API + path, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    });
    if (res.status === 401) { NOC.toLogin(); throw new Error('session expired'); }
    return { status: res.status, body: await res.json().catch(() => ({})) };
  };

  async function answer(res) {
    if (res.status === 401) { NOC.toLogin(); throw new Error('session expired'); }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      const err = new Error(body.error || ('HTTP ' + res.status));
      err.status = res.status;
      throw err;
    }
    return body;
  }

  NOC.kv = (k, v) => [h('dt', {}, k), h('dd', {}, v)];
  NOC.pill = (sev) => h('span', { class: 'pill sev-' + sev }, sev);
  NOC.table = function (headers, rows, onRow, rowAttrs) {
    if (!rows.length) return h('div', { class: 'empty' }, 'None.');
    return h('table', {}, h('thead', {}, h('tr', {}, headers.map(x => h('th', {}, x)))),
      h('tbody', {}, rows.map((r, i) => h('tr', Object.assign(
        onRow ? { class: 'click', onclick: () => onRow(i) } : {}, rowAttrs ? rowAttrs(i) : {}),
      r.map(cell => h('td', {}, cell))))));
  };
  NOC.showError = function (err) {
    NOC.$('view').replaceChildren(h('p', { class: 'error', id: 'page-error' }, 'Cannot load: ' + err.message));
  };
  NOC.isAnomaly = (alert) => typeof alert.rule === 'string' && alert.rule.startsWith('anomaly');
})();
