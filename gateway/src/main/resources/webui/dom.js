// Builds DOM nodes. Text always goes in as text nodes: nothing a user or a workflow wrote is ever parsed as HTML.
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

export function formatTime(millis) {
  if (!millis) return '';
  const d = new Date(millis);
  return d.toLocaleTimeString([], { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
}

export function formatDuration(millis) {
  if (millis === null || millis === undefined) return '';
  if (millis < 1000) return millis + ' ms';
  if (millis < 60000) return (millis / 1000).toFixed(millis < 10000 ? 2 : 1) + ' s';
  return Math.floor(millis / 60000) + ' min ' + Math.round((millis % 60000) / 1000) + ' s';
}

export function statusBadge(status) {
  return h('span', { class: 'badge status-' + String(status).replace(/[^a-z-]/g, '') }, status);
}
