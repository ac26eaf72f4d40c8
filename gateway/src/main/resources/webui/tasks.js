// Tasks page: the live list pushed by the gateway (Server-Sent Events), newest first, with cancel.
import { api, taskEvents } from './api.js';
import { h, clear, statusBadge, formatTime, formatDuration } from './dom.js';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const SHOWN = 200;
const tasks = new Map();
let source = false;
let view = null;
let frame = 0;
let received = 0;

/** Opens the stream once; the list keeps filling while other pages are shown. */
export function connectTasks(indicator) {
  if (source) return;
  source = true;
  const merge = (list, reset) => {
    if (reset) tasks.clear();
    for (const task of list) {
      const known = tasks.get(task.task_id);
      if (!known || !TERMINAL.has(known.status) || TERMINAL.has(task.status)) tasks.set(task.task_id, task);
    }
    received += list.length;
    trim();
    schedule();
  };
  taskEvents({
    tasks: (list) => merge(list, false),
    resync: (list) => merge(list, true),
    open: () => { indicator.className = 'conn live'; indicator.textContent = 'live'; },
    error: () => { indicator.className = 'conn down'; indicator.textContent = 'reconnecting'; },
  });
}

/** Keeps memory bounded at 5x what is shown: the oldest runs go. */
function trim() {
  if (tasks.size <= SHOWN * 5) return;
  const ordered = [...tasks.values()].sort((a, b) => a.created_at - b.created_at);
  for (const task of ordered.slice(0, tasks.size - SHOWN * 5)) tasks.delete(task.task_id);
}

function schedule() {
  if (view && !frame) frame = requestAnimationFrame(() => { frame = 0; render(); });
}

export function showTasks(main) {
  clear(main);
  const body = h('tbody', { id: 'task-rows' });
  const summary = h('p', { class: 'muted', id: 'task-summary' });
  main.append(h('section', { class: 'panel wide' }, h('h2', null, 'Tasks'), summary,
    h('table', { class: 'tasks' }, h('thead', null, h('tr', null, h('th', null, 'Task'), h('th', null, 'Workflow'),
      h('th', null, 'Status'), h('th', null, 'Created'), h('th', null, 'Elapsed'), h('th', null, ''))), body)));
  view = { body, summary };
  render();
  return () => { view = null; };
}

function render() {
  if (!view) return;
  const ordered = [...tasks.values()].sort((a, b) => b.created_at - a.created_at).slice(0, SHOWN);
  const counts = {};
  for (const t of tasks.values()) counts[t.status] = (counts[t.status] || 0) + 1;
  view.summary.textContent = tasks.size === 0 ? 'No task yet.'
    : Object.entries(counts).map(([s, n]) => n + ' ' + s).join(', ') + ' (latest ' + ordered.length + ' shown)';
  const rows = ordered.map((t) => h('tr', { dataset: { task: t.task_id, status: t.status } },
    h('td', null, h('a', { href: '#/runs/' + encodeURIComponent(t.task_id), class: 'mono' }, t.task_id)),
    h('td', null, t.workflow_id),
    h('td', null, statusBadge(t.status), t.error ? h('div', { class: 'error small' }, t.error) : null),
    h('td', null, formatTime(t.created_at)),
    h('td', null, formatDuration(t.elapsed)),
    h('td', null, TERMINAL.has(t.status) ? null
      : h('button', { class: 'small cancel', onclick: (e) => cancel(e.target, t.task_id) }, 'Cancel'))));
  view.body.replaceChildren(...rows);
}

async function cancel(button, taskId) {
  button.disabled = true;
  try {
    const state = await api.cancel(taskId);
    tasks.set(taskId, Object.assign({}, tasks.get(taskId), { status: state.status }));
    schedule();
  } catch (e) {
    button.disabled = false;
    button.title = e.message;
    button.textContent = 'Cancel failed';
  }
}

export function eventsReceived() {
  return received;
}
