// Dead letters on the NOC's platform-health page: what is in towerco.dlq by reason, with the
// latest letter of each reason, from GET /api/v1/dlq/summary. Looking further and re-driving is
// the command line's job (bin/towerco dlq list|show|replay).
(function () {
  'use strict';
  const NOC = window.NOC;
  const h = NOC.h;

  NOC.dlq = {};
  NOC.dlq.render = async function (box) {
    let s;
    try {
      s = await NOC.api('/dlq/summary');
    } catch (err) {
      box.replaceChildren(h('span', { class: 'muted' }, 'dead letters unavailable: ' + err.message));
      return;
    }
    const rows = Object.entries(s.by_reason).map(([reason, count]) => {
      const sample = s.samples[reason] || {};
      return [h('b', {}, reason), count, sample.service || '–', sample.topic || '–',
        h('span', { title: sample.value || '' }, sample.detail || ''), sample.id || '–',
        NOC.time(sample.dead_lettered_at)];
    });
    box.replaceChildren(
      h('div', { class: 'toolbar' }, h('b', {}, 'Dead letters'),
        h('span', { class: 'muted' }, s.total + ' in towerco.dlq · ' + s.redriven
          + ' re-driven · bin/towerco dlq list | show ID | replay ID')),
      s.total === 0 ? h('p', { class: 'muted' }, 'none') : NOC.table(
        ['Reason', 'Count', 'Latest from', 'Topic', 'Detail', 'Id', 'At'], rows));
  };
})();
