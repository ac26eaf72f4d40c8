// The web UI's entry: reads /ui/config, opens the live task stream and shows the page the address names.
import { init, setToken, hasToken } from './api.js';
import { h, clear } from './dom.js';
import { showWorkflows } from './workflows.js';
import { connectTasks, showTasks } from './tasks.js';
import { showRun } from './timeline.js';
import { showCluster } from './cluster.js';

const main = document.getElementById('main');
let leave = null;

async function route() {
  if (leave) leave();
  leave = null;
  const [page, arg] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  for (const link of document.querySelectorAll('nav a')) {
    link.classList.toggle('active', link.dataset.page === (page === 'runs' ? 'tasks' : page || 'workflows'));
  }
  try {
    if (page === 'tasks') leave = showTasks(main);
    else if (page === 'runs' && arg) leave = showRun(main, arg);
    else if (page === 'cluster') leave = showCluster(main);
    else await showWorkflows(main, arg);
  } catch (e) {
    clear(main).append(h('pre', { class: 'error' }, e.message));
  }
}

/** Asks for the gateway's API token when it answers 401; the token stays in this tab's session storage. */
function askToken(detail) {
  if (document.getElementById('token-form')) return;
  const input = h('input', { type: 'password', id: 'token-input', autocomplete: 'off' });
  const form = h('form', { class: 'panel token', id: 'token-form' },
    h('h2', null, 'API token'), h('p', null, detail || 'The gateway needs its API token.'),
    h('label', { for: 'token-input' }, 'Token'), input,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Use token')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setToken(input.value.trim());
    location.hash = location.hash || '#/workflows';
    location.reload();
  });
  clear(main).append(form);
  document.body.dataset.ready = 'true';
  input.focus();
}

async function start() {
  window.addEventListener('compose-unauthorized', (e) => askToken(hasToken() ? 'The token was refused.' : e.detail));
  let config;
  try {
    config = await init();
    if (config.name) {
      document.getElementById('brand').textContent = config.name;
      document.title = config.name + ' — compose';
    }
  } catch (e) {
    clear(main).append(h('pre', { class: 'error' }, 'The web UI cannot reach its server: ' + e.message));
    return;
  }
  if (config.token_required && !hasToken()) {
    askToken('This gateway needs its API token.');
    return;
  }
  connectTasks(document.getElementById('conn'));
  window.addEventListener('hashchange', route);
  await route();
  document.body.dataset.ready = 'true';
}

start();
