// A run form built from a workflow's input variables (GET /workflows?include_schema=true).
import { h } from './dom.js';

const FILE_TYPES = { image: 'image/*', audio: 'audio/*', video: 'video/*', file: '' };
const JSON_TYPES = ['json', 'object', 'list', 'any'];
let fieldCount = 0;

/** {node, collect}: collect() answers the run input (a promise) or rejects naming the field in error. */
export function buildForm(variables) {
  const vars = Array.isArray(variables) ? variables : [];
  const fields = vars.length > 0 ? vars.map(field)
    : [field({ name: null, type: 'json', is_list: false, label: 'input (JSON, optional)' })];
  const node = h('div', { class: 'form-fields' }, fields.map((f) => f.node));
  async function collect() {
    const unnamed = fields.find((f) => !f.variable.name);
    if (unnamed && fields.length === 1) return unnamed.read();
    const input = {};
    for (const f of fields) {
      const value = await f.read();
      if (value !== undefined) setPath(input, f.variable.name || 'input', value);
    }
    return input;
  }
  return { node, collect };
}

/** Sets a.b.c in a nested object (variables named by a path). */
function setPath(target, path, value) {
  const parts = String(path).split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof at[part] !== 'object' || at[part] === null) at[part] = {};
    at = at[part];
  }
  at[parts[parts.length - 1]] = value;
}

function field(variable) {
  const id = 'f' + (++fieldCount);
  const label = variable.label || variable.name || 'input';
  const description = (variable.annotations || []).filter((a) => a.name === 'description').map((a) => a.value)[0];
  const control = controlFor(variable, id);
  const error = h('div', { class: 'field-error', role: 'alert' });
  const node = h('div', { class: 'field', dataset: { name: variable.name || '' } },
    h('label', { for: id }, label, h('span', { class: 'type' }, ' ' + typeLabel(variable))),
    description ? h('div', { class: 'hint' }, description) : null,
    control.node, error);
  async function read() {
    error.textContent = '';
    try {
      return await control.read();
    } catch (e) {
      error.textContent = e.message;
      throw new Error(label + ': ' + e.message);
    }
  }
  return { variable, node, read };
}

function typeLabel(v) {
  return v.type + (v.subtype && v.type !== 'select' ? '/' + v.subtype : '') + (v.is_list ? '[]' : '');
}

function controlFor(v, id) {
  const def = v.default;
  if (v.is_list && !(v.type in FILE_TYPES)) return jsonControl(v, id, def === undefined ? '' : JSON.stringify(def));
  if (v.type === 'select' && Array.isArray(v.options)) {
    const select = h('select', { id, name: v.name || 'input' },
      v.options.map((o) => h('option', { value: o, selected: o === def }, o)));
    return { node: select, read: () => select.value };
  }
  if (v.type === 'boolean') {
    const box = h('input', { id, type: 'checkbox', name: v.name || 'input', checked: def === true });
    return { node: box, read: () => box.checked };
  }
  if (v.type === 'number' || v.type === 'integer') {
    const input = h('input', { id, type: 'number', step: v.type === 'integer' ? '1' : 'any',
      name: v.name || 'input', value: def === undefined ? null : def });
    return { node: input, read: () => {
      if (input.value === '') return undefined;
      const n = Number(input.value);
      if (!Number.isFinite(n) || (v.type === 'integer' && !Number.isInteger(n))) {
        throw new Error('not ' + (v.type === 'integer' ? 'an integer' : 'a number'));
      }
      return n;
    } };
  }
  if (v.type in FILE_TYPES) return fileControl(v, id);
  if (JSON_TYPES.includes(v.type)) return jsonControl(v, id, def === undefined ? '' : JSON.stringify(def, null, 2));
  const long = v.type === 'text' || v.type === 'markdown';
  const input = long ? h('textarea', { id, rows: 5, name: v.name || 'input' })
    : h('input', { id, type: 'text', name: v.name || 'input' });
  if (def !== undefined && def !== null) input.value = String(def);
  return { node: input, read: () => input.value };
}

function jsonControl(v, id, initial) {
  const area = h('textarea', { id, rows: 5, class: 'mono', name: v.name || 'input', placeholder: '{"key": "value"}' });
  area.value = initial;
  return { node: area, read: () => {
    if (area.value.trim() === '') return undefined;
    try {
      return JSON.parse(area.value);
    } catch (e) {
      throw new Error('not valid JSON (' + e.message + ')');
    }
  } };
}

/** A file read in the browser: a data: URL, or bare base64 when the cast says ;base64. */
function fileControl(v, id) {
  const input = h('input', { id, type: 'file', name: v.name || 'input', accept: FILE_TYPES[v.type] || null,
    multiple: v.is_list });
  const readOne = (file) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(v.format === 'base64' ? String(reader.result).replace(/^data:[^,]*,/, '')
      : reader.result);
    reader.onerror = () => reject(new Error('cannot read ' + file.name));
    reader.readAsDataURL(file);
  });
  return { node: input, read: async () => {
    const files = Array.from(input.files || []);
    if (files.length === 0) return undefined;
    const values = await Promise.all(files.map(readOne));
    return v.is_list ? values : values[0];
  } };
}
