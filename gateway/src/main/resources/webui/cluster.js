// Cluster panel: live workers with the attempts they run, each component's in-flight jobs against its limit.
import { api } from './api.js';
import { h, clear } from './dom.js';

export function showCluster(main) {
  clear(main);
  const body = h('div', { id: 'cluster-body' }, h('p', { class: 'muted' }, 'Loading…'));
  main.append(h('section', { class: 'panel wide' }, h('h2', null, 'Cluster'), body));
  let timer = 0;
  let stopped = false;
  async function refresh() {
    try {
      const state = await api.cluster();
      if (!stopped) draw(body, state);
    } catch (e) {
      clear(body).append(h('pre', { class: 'error' }, e.message));
    }
    if (!stopped) timer = setTimeout(refresh, 2000);
  }
  refresh();
  return () => { stopped = true; clearTimeout(timer); };
}

function draw(body, state) {
  const now = Date.now();
  clear(body).append(
    h('h3', null, 'Workers (' + state.workers.length + ')'),
    state.workers.length === 0 ? h('p', { class: 'muted' }, 'No worker heartbeat in the last 10 s.')
      : h('table', { class: 'tasks', id: 'workers' }, h('thead', null, h('tr', null, h('th', null, 'Worker'),
        h('th', null, 'Jobs running'), h('th', null, 'Last heartbeat'))),
      h('tbody', null, state.workers.map((w) => h('tr', null, h('td', { class: 'mono' }, w.instance_id),
        h('td', null, String(w.running_jobs)), h('td', null, Math.max(0, Math.round((now - w.last_seen) / 1000)) + ' s ago'))))),
    h('h3', null, 'Components'),
    h('table', { class: 'tasks', id: 'components' }, h('thead', null, h('tr', null, h('th', null, 'Component'),
      h('th', null, 'Type'), h('th', null, 'In flight / limit'))),
    h('tbody', null, state.components.map((c) => h('tr', null, h('td', null, c.component), h('td', null, c.type || ''),
      h('td', null, meter(c.in_flight, c.limit)))))),
    h('h3', null, 'Recent runs'),
    h('p', null, Object.keys(state.runs).length === 0 ? 'none'
      : Object.entries(state.runs).map(([s, n]) => n + ' ' + s).join(', ')));
}

function meter(used, limit) {
  const label = used + ' / ' + (limit > 0 ? limit : '∞');
  if (!(limit > 0)) return label;
  const bar = h('progress', { max: limit, value: Math.min(used, limit) });
  return h('span', null, bar, ' ', label);
}
