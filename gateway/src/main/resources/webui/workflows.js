// Workflows page: every public workflow, a form from its schema, run synchronously or in the background.
import { api, streams, streamTask } from './api.js';
import { h, clear, statusBadge, formatDuration } from './dom.js';
import { buildForm } from './forms.js';
import { renderOutput, jsonTree } from './render.js';

let schemas = null;

export async function showWorkflows(main, selectedId) {
  if (!schemas) schemas = await api.workflows();
  clear(main);
  if (schemas.length === 0) {
    main.append(h('p', { class: 'muted' }, 'This project has no public workflow.'));
    return;
  }
  const chosen = schemas.find((s) => s.workflow_id === selectedId)
    || schemas.find((s) => s.default) || schemas[0];
  const list = h('ul', { class: 'wf-list', id: 'workflow-list' }, schemas.map((s) => h('li', null,
    h('a', { href: '#/workflows/' + encodeURIComponent(s.workflow_id),
      class: s === chosen ? 'wf-item selected' : 'wf-item', dataset: { workflow: s.workflow_id } },
    h('span', { class: 'wf-title' }, s.title || s.workflow_id),
    s.default ? h('span', { class: 'badge' }, 'default') : null,
    h('span', { class: 'wf-id' }, s.workflow_id)))));
  main.append(h('div', { class: 'split' }, h('aside', null, list), workflowPanel(chosen)));
}

function workflowPanel(schema) {
  const form = buildForm(schema.input);
  const result = h('div', { class: 'result', id: 'run-result', 'aria-live': 'polite' });
  const runButton = h('button', { type: 'submit', id: 'run-sync', class: 'primary' }, 'Run');
  const backgroundButton = h('button', { type: 'button', id: 'run-background' }, 'Run in background');
  async function start(wait) {
    let input;
    try {
      input = await form.collect();
    } catch (e) {
      showError(result, e.message);
      return;
    }
    runButton.disabled = backgroundButton.disabled = true;
    clear(result).append(h('p', { class: 'muted' }, wait ? 'Running…' : 'Starting…'));
    const began = performance.now();
    try {
      if (wait && streams(schema.workflow_id)) {
        const task = await api.run(schema.workflow_id, input, false);
        await followStream(result, task, schema, began);
        return;
      }
      const task = await api.run(schema.workflow_id, input, wait);
      showTask(result, task, schema, Math.round(performance.now() - began));
    } catch (e) {
      showError(result, e.message);
    } finally {
      runButton.disabled = backgroundButton.disabled = false;
    }
  }
  backgroundButton.addEventListener('click', () => start(false));
  const formNode = h('form', { id: 'run-form', onsubmit: (e) => { e.preventDefault(); start(true); } },
    form.node, h('div', { class: 'actions' }, runButton, backgroundButton));
  return h('section', { class: 'panel', id: 'workflow-panel', dataset: { workflow: schema.workflow_id } },
    h('h2', { id: 'workflow-title' }, schema.title || schema.workflow_id),
    schema.description ? h('p', { class: 'description' }, schema.description) : null,
    formNode, result);
}

function showTask(result, task, schema, tookMillis) {
  clear(result);
  result.append(h('div', { class: 'task-head' }, statusBadge(task.status),
    h('a', { href: '#/runs/' + encodeURIComponent(task.task_id), class: 'task-link' }, task.task_id),
    h('span', { class: 'muted' }, ' ' + formatDuration(tookMillis))));
  if (task.status === 'failed' || task.status === 'cancelled') {
    result.append(h('pre', { class: 'error' }, task.error || task.status));
  } else if (task.status === 'completed') {
    result.append(h('div', { class: 'output', id: 'run-output' }, renderOutput(task.output, schema.output)));
  } else if (task.status === 'interrupted' && task.interrupt) {
    result.append(resumeForm(task, () => followResumed(result, task, schema)));
  } else {
    result.append(h('p', { class: 'muted' }, 'Running in the background; follow it on the ',
      h('a', { href: '#/tasks' }, 'Tasks'), ' page.'));
  }
}

/** After an answer: the run is followed to its next stop (an end, or another pause) and shown again. */
async function followResumed(result, task, schema) {
  const began = performance.now();
  try {
    let state = await api.task(task.task_id);
    while (state.status === 'processing' || state.status === 'pending') {
      await new Promise((r) => setTimeout(r, 300));
      state = await api.task(task.task_id);
    }
    showTask(result, state, schema, Math.round(performance.now() - began));
  } catch (e) {
    showError(result, e.message);
  }
}

/** The interrupt's message and metadata, and a form whose answer (JSON, empty = continue) resumes the task. */
export function resumeForm(task, refresh) {
  const it = task.interrupt;
  const answer = h('textarea', { rows: 4, class: 'mono', id: 'resume-answer', placeholder: 'empty: continue unchanged' });
  const error = h('div', { class: 'field-error' });
  const form = h('form', { class: 'resume', id: 'resume-form' },
    h('h3', null, 'Waiting for you (', it.phase || '', ' ', it.job_id || '', ')'),
    it.message ? h('p', { class: 'interrupt-message' }, String(it.message)) : null,
    it.metadata ? jsonTree(it.metadata) : null,
    h('label', { for: 'resume-answer' }, 'Answer (JSON)'), answer, error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Resume')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let value = null;
    if (answer.value.trim() !== '') {
      try { value = JSON.parse(answer.value); } catch (x) { error.textContent = 'not valid JSON'; return; }
    }
    try {
      await api.resume(task.task_id, it.job_id, it.run_id, value);
      refresh();
    } catch (x) {
      error.textContent = x.message;
    }
  });
  return form;
}

/** Shows a streaming run's chunks as they arrive (as text), then its outcome as any run's. */
function followStream(result, task, schema, began) {
  const text = h('pre', { class: 'stream', id: 'run-stream' });
  const note = h('p', { class: 'muted', id: 'run-stream-note' });
  clear(result).append(h('div', { class: 'task-head' }, statusBadge('streaming'),
    h('a', { href: '#/runs/' + encodeURIComponent(task.task_id), class: 'task-link' }, task.task_id)), text, note);
  return new Promise((resolve) => {
    const finish = (state) => { showTask(result, state, schema, Math.round(performance.now() - began)); resolve(); };
    streamTask(task.task_id, {
      chunk: (value) => { text.append(document.createTextNode(typeof value === 'string' ? value : JSON.stringify(value))); },
      retry: (r) => { text.textContent = ''; note.textContent = 'Job ' + r.job_id + ' started again (attempt ' + r.attempt + ').'; },
      truncated: () => { note.textContent = 'Earlier chunks were not kept; the full output follows at the end.'; },
      done: (output) => finish({ task_id: task.task_id, status: 'completed', output }),
      error: (e) => finish({ task_id: task.task_id, status: e.status === 'cancelled' ? 'cancelled' : 'failed',
        error: e.detail }),
    });
  });
}

function showError(result, message) {
  clear(result).append(h('pre', { class: 'error' }, message));
}

export function outputVariables(workflowId) {
  const schema = schemas && schemas.find((s) => s.workflow_id === workflowId);
  return schema ? schema.output : [];
}

export async function loadSchemas() {
  if (!schemas) schemas = await api.workflows();
  return schemas;
}
