// A run's page: its state (output, error, interrupt with a resume form, cancel) and the timeline of its jobs:
// one bar per job attempt, queued then running, with the worker that ran it.
import { api, ApiError } from './api.js';
import { h, clear, statusBadge, formatDuration, formatTime } from './dom.js';
import { renderOutput } from './render.js';
import { outputVariables, loadSchemas, resumeForm } from './workflows.js';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

export function showRun(main, taskId) {
  clear(main);
  const head = h('div', { class: 'run-head', id: 'run-head' });
  const chart = h('div', { class: 'gantt', id: 'gantt' }, h('p', { class: 'muted' }, 'Loading the timeline…'));
  const detail = h('div', { class: 'run-detail', id: 'run-detail' });
  main.append(h('section', { class: 'panel wide' }, h('h2', null, 'Task ', h('span', { class: 'mono' }, taskId)),
    head, h('h3', null, 'Timeline'), chart, detail));
  let timer = 0;
  let stopped = false;
  let shownStatus = null;
  async function refresh() {
    let task = null;
    try {
      task = await api.task(taskId);
    } catch (e) {
      clear(head).append(h('pre', { class: 'error' }, e.message));
    }
    let timeline = null;
    try {
      timeline = await api.timeline(taskId);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
    if (stopped) return;
    if (task && task.status !== shownStatus) {
      shownStatus = task.status;
      await loadSchemas().catch(() => null);
      showHead(head, task);
      showDetail(detail, task, refresh);
    }
    drawGantt(chart, timeline);
    const settled = task && TERMINAL.has(task.status)
      && (!timeline || timeline.attempts.every((a) => a.finished_at));
    if (!settled) timer = setTimeout(refresh, 1000);
  }
  refresh();
  return () => { stopped = true; clearTimeout(timer); };
}

function showHead(head, task) {
  clear(head).append(statusBadge(task.status), h('span', { class: 'muted' }, ' workflow '), task.workflow_id);
  if (!TERMINAL.has(task.status)) {
    const button = h('button', { class: 'small cancel', id: 'cancel-task' }, 'Cancel');
    button.addEventListener('click', async () => {
      button.disabled = true;
      try { await api.cancel(task.task_id); } catch (e) { button.textContent = e.message; }
    });
    head.append(' ', button);
  }
}

function showDetail(detail, task, refresh) {
  clear(detail);
  if (task.status === 'completed') {
    detail.append(h('h3', null, 'Output'),
      h('div', { class: 'output', id: 'task-output' }, renderOutput(task.output, outputVariables(task.workflow_id))));
  }
  if (task.error) detail.append(h('h3', null, 'Error'), h('pre', { class: 'error' }, task.error));
  if (task.status === 'interrupted' && task.interrupt) detail.append(resumeForm(task, refresh));
}

/**
 * The run's critical path, read from the attempts alone: from the attempt that ended last, back through the attempt
 * that ended last before it was queued (the one whose end let it start), to one queued with nothing ended before it.
 */
export function criticalPath(attempts, now) {
  const endOf = (a) => a.finished_at || now;
  let current = attempts.reduce((last, a) => (endOf(a) > endOf(last) ? a : last), attempts[0]);
  const path = new Set([current]);
  for (;;) {
    const queuedAt = current.queued_at;
    const before = attempts.filter((a) => !path.has(a) && a.finished_at && a.finished_at <= queuedAt + 1);
    if (before.length === 0) return path;
    current = before.reduce((last, a) => (a.finished_at > last.finished_at ? a : last), before[0]);
    path.add(current);
  }
}

/** Rows in dispatch order; time runs left to right from the first dispatch to the last end (or now). */
export function drawGantt(chart, timeline) {
  clear(chart);
  if (!timeline || timeline.attempts.length === 0) {
    chart.append(h('p', { class: 'muted' }, 'No job of this task was seen by this gateway (the timeline shows the '
      + 'jobs dispatched while the web UI runs).'));
    return;
  }
  const attempts = timeline.attempts;
  const now = timeline.now;
  const start = Math.min(...attempts.map((a) => a.queued_at));
  const end = Math.max(...attempts.map((a) => a.finished_at || now), start + 1);
  const span = end - start;
  const pct = (t) => ((t - start) / span * 100).toFixed(3) + '%';
  const width = (from, to) => (Math.max(to - from, 0) / span * 100).toFixed(3) + '%';
  const critical = criticalPath(attempts, now);
  const rows = attempts.map((a) => {
    const runFrom = a.started_at || null;
    const runTo = a.finished_at || now;
    const queueTo = runFrom || a.finished_at || now;
    const marks = [];
    if (a.attempt > 1) marks.push(h('span', { class: 'mark retry' }, 'retry ' + a.attempt));
    if (a.outcome === 'lease-expired') marks.push(h('span', { class: 'mark lease' }, 'lease expired'));
    const title = a.job_id + ' #' + a.attempt + ': queued ' + formatTime(a.queued_at)
      + (runFrom ? ', started ' + formatTime(runFrom) : '') + (a.finished_at ? ', ended ' + formatTime(a.finished_at) : '')
      + (a.worker_id ? ' on ' + a.worker_id : '') + (a.error ? ' — ' + a.error : '');
    return h('div', { class: critical.has(a) ? 'g-row critical' : 'g-row', dataset: { job: a.job_id,
      attempt: a.attempt, outcome: a.outcome, worker: a.worker_id || '', critical: String(critical.has(a)) }, title },
    h('div', { class: 'g-label' }, h('span', { class: 'g-job' }, a.job_id, a.attempt > 1 ? ' #' + a.attempt : '',
      h('span', { class: 'g-time' }, ' ' + formatDuration((a.finished_at || now) - a.queued_at)), ...marks),
    h('span', { class: 'g-worker' }, a.worker_id || 'not picked up')),
    h('div', { class: 'g-track' },
      h('div', { class: 'g-bar queued', style: null, dataset: { left: pct(a.queued_at), width: width(a.queued_at, queueTo) } }),
      runFrom ? h('div', { class: 'g-bar running outcome-' + a.outcome, dataset: { left: pct(runFrom),
        width: width(runFrom, runTo) } }) : null));
  });
  chart.append(h('div', { class: 'g-axis' }, h('span', null, formatTime(start)), h('span', null, formatDuration(span)),
    h('span', null, formatTime(end))), ...rows,
  h('div', { class: 'g-legend' }, h('span', { class: 'g-swatch queued' }), 'queued ',
    h('span', { class: 'g-swatch running outcome-completed' }), 'running / done ',
    h('span', { class: 'g-swatch running outcome-failed' }), 'failed ',
    h('span', { class: 'g-swatch running critical' }), 'critical path'));
  // Positions are set through the CSSOM (the page's policy allows no inline style attributes).
  for (const bar of chart.querySelectorAll('.g-bar')) {
    bar.style.left = bar.dataset.left;
    bar.style.width = bar.dataset.width;
  }
}
