// The gateway's public HTTP API, called on this page's own origin (the web UI server serves the API too).
let base = '';
let token = sessionStorage.getItem('compose.token') || '';
let streaming = new Set();

export async function init() {
  const config = await getJson('/ui/config');
  base = config.api_base || '';
  streaming = new Set(config.streaming_workflows || []);
  return config;
}

/** Whether the workflow's output streams (its runs are shown chunk by chunk). */
export function streams(workflowId) {
  return streaming.has(workflowId);
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

/**
 * One task's streamed output (GET /tasks/{id}/stream through fetch, token in the header): handlers.chunk with each
 * chunk's value as it arrives, handlers.retry({job_id, attempt}) when a job starts again, then handlers.done(output)
 * or handlers.error({status, detail}). Answers a function that stops reading.
 */
export function streamTask(id, handlers) {
  const controller = new AbortController();
  (async () => {
    try {
      const response = await fetch(base + '/tasks/' + encodeURIComponent(id) + '/stream',
        { headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal });
      if (!response.ok || !response.body) {
        await answer(response);
        throw new Error('HTTP ' + response.status);
      }
      const ended = await readEvents(response, { message: handlers.chunk, retry: handlers.retry,
        truncated: handlers.truncated, done: handlers.done, error: handlers.error });
      if (!ended) handlers.error({ status: 'unknown', detail: 'The stream ended before the task did.' });
    } catch (e) {
      if (e.name !== 'AbortError') handlers.error({ status: 'unknown', detail: e.message });
    }
  })();
  return () => controller.abort();
}

/** Reads Server-Sent Events into handlers; answers whether a done or error event came. */
async function readEvents(response, handlers) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let ended = false;
  const track = Object.assign({}, handlers, {
    done: (v) => { ended = true; if (handlers.done) handlers.done(v); },
    error: (v) => { ended = true; if (handlers.error) handlers.error(v); },
  });
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, cut), track);
      buffer = buffer.slice(cut + 2);
    }
  }
  return ended;
}

/**
 * The live task stream (Server-Sent Events read through fetch, so that the token goes in the Authorization header
 * and never in a URL). Calls handlers.tasks / handlers.resync with each event's list, handlers.open and
 * handlers.error as the connection comes and goes; reconnects after 2 s.
 */
export function taskEvents(handlers) {
  async function connect() {
    try {
      const response = await fetch('/ui/events', { headers: headers({ Accept: 'text/event-stream' }) });
      if (response.status === 401) {
        window.dispatchEvent(new CustomEvent('compose-unauthorized', { detail: 'The gateway needs its API token.' }));
        handlers.error();
        return;
      }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      handlers.open();
      await readEvents(response, handlers);
    } catch (e) {
      // the connection failed or dropped: say so and try again
    }
    handlers.error();
    setTimeout(connect, 2000);
  }
  connect();
}

function dispatch(block, handlers) {
  let event = 'message';
  let data = '';
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data += line.slice(6);
  }
  if (data && typeof handlers[event] === 'function') handlers[event](JSON.parse(data));
}
