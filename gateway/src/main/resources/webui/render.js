// Shows a workflow output as its type says: JSON as a collapsible tree, text, Markdown, images, audio and video.
import { h } from './dom.js';
import { markdown } from './markdown.js';

const MEDIA = ['image', 'audio', 'video'];

/** The output of a task, using the output variables of the workflow's schema when they name its parts. */
export function renderOutput(output, variables) {
  const vars = Array.isArray(variables) ? variables : [];
  const named = vars.filter((v) => v.name);
  if (named.length > 0 && output && typeof output === 'object' && !Array.isArray(output)) {
    const byName = new Map(named.map((v) => [v.name, v]));
    return h('div', { class: 'outputs' }, Object.entries(output).map(([key, value]) =>
      h('section', { class: 'output-part' }, h('h4', null, key), renderValue(value, byName.get(key)))));
  }
  const single = vars.length === 1 && !vars[0].name ? vars[0] : null;
  return renderValue(output, single);
}

export function renderValue(value, variable) {
  const type = variable ? variable.type : null;
  if (value === null || value === undefined) return h('p', { class: 'muted' }, 'no output');
  const media = mediaOf(value, variable);
  if (media) return media;
  if (typeof value === 'string') {
    if (type === 'markdown') return markdown(value);
    return h('pre', { class: 'text-output' }, value);
  }
  if (typeof value === 'object') return jsonTree(value);
  return h('pre', { class: 'text-output' }, String(value));
}

/** A media element when the value is one: a data: URL of an image/audio/video, or a value cast to one. */
function mediaOf(value, variable) {
  if (typeof value !== 'string') return null;
  let kind = variable && MEDIA.includes(variable.type) ? variable.type : null;
  let src = null;
  const dataUrl = value.match(/^data:(image|audio|video)\/[\w.+-]+(;[\w=.-]+)*;base64,/i);
  if (dataUrl) {
    kind = kind || dataUrl[1].toLowerCase();
    src = value;
  } else if (kind && /^https?:\/\//i.test(value)) {
    src = value;
  } else if (kind && /^[A-Za-z0-9+/=\s]+$/.test(value)) {
    const subtype = (variable.subtype || { image: 'png', audio: 'wav', video: 'mp4' }[kind]).replace(/[^\w.+-]/g, '');
    src = 'data:' + kind + '/' + subtype + ';base64,' + value.replace(/\s+/g, '');
  }
  if (!kind || !src) return null;
  if (kind === 'image') return h('img', { class: 'media', src, alt: 'image output' });
  return h(kind, { class: 'media', src, controls: true });
}

/** A collapsible tree: objects and arrays fold; every key and value is text. */
export function jsonTree(value, depth = 0) {
  if (value === null) return h('span', { class: 'j-null' }, 'null');
  if (Array.isArray(value) || typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const open = Array.isArray(value) ? '[' : '{';
    const close = Array.isArray(value) ? ']' : '}';
    if (entries.length === 0) return h('span', { class: 'j-punct' }, open + close);
    const details = h('details', { class: 'j-node', open: depth < 2 });
    details.append(h('summary', null, open, h('span', { class: 'j-count' },
      ' ' + entries.length + (Array.isArray(value) ? ' items ' : ' keys ')), close));
    const list = h('ul', { class: 'j-list' });
    for (const [key, child] of entries) {
      list.append(h('li', null, h('span', { class: 'j-key' }, Array.isArray(value) ? key : JSON.stringify(key)),
        h('span', { class: 'j-punct' }, ': '), jsonTree(child, depth + 1)));
    }
    details.append(list);
    return details;
  }
  if (typeof value === 'string') return h('span', { class: 'j-string' }, JSON.stringify(value));
  if (typeof value === 'number') return h('span', { class: 'j-number' }, String(value));
  if (typeof value === 'boolean') return h('span', { class: 'j-bool' }, String(value));
  return h('span', null, String(value));
}
