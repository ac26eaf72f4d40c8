// The gateway's public HTTP API, called on this page's own origin (the web UI server serves the API too).
let base = '';
let token = sessionStorage.getItem('compose.token') || '';

export async function init() {
  const config = await getJson('/ui/config');
  base = config.api_base || '';
  return config;
}

export function setToken(value) {
  token = value || '';
  if (token) sessionStorage.setItem('compose.token', token); else sessionStorage.removeItem('compose.token');
}

export function hasToken() {
  return token !== '';
}

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || ('HTTP ' + status));
    this.status = status;
  }
}

function headers(extra) {
  const all = Object.assign({ Accept: 'application/json' }, extra || {});
  if (token) all.Authorization = 'Bearer ' + token;
  return all;
}

async function answer(response) {
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = text; }
  if (!response.ok && response.status !== 202) {
    const detail = body && typeof body === 'object' && body.detail ? body.detail : String(text).slice(0, 300);
    if (response.status === 401) window.dispatchEvent(new CustomEvent('compose-unauthorized', { detail }));
    throw new ApiError(response.status, detail);
  }
  return body;
}

export async function getJson(path) {
  return answer(await fetch(path, { headers: headers() }));
}

export async function postJson(path, body) {
  return answer(await fetch(path, {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body === undefined ? {} : body),
  }));
}

export const api = {
  workflows: () => getJson(base + '/workflows?include_schema=true'),
  run: (workflowId, input, wait) => postJson(base + '/workflows/runs',
    { workflow_id: workflowId, input, wait_for_completion: wait }),
  task: (id) => getJson(base + '/tasks/' + encodeURIComponent(id)),
  cancel: (id) => postJson(base + '/tasks/' + encodeURIComponent(id) + '/cancel'),
  resume: (id, jobId, runId, answer) => postJson(base + '/tasks/' + encodeURIComponent(id) + '/resume',
    { job_id: jobId, run_id: runId, answer }),
  timeline: (id) => getJson('/ui/runs/' + encodeURIComponent(id) + '/timeline'),
  cluster: () => getJson('/ui/cluster'),
};

/** The live task stream; the token, if any, goes in the query (EventSource cannot send headers). */
export function taskEvents() {
  return new EventSource('/ui/events' + (token ? '?access_token=' + encodeURIComponent(token) : ''));
}
