// A small Markdown reader that builds DOM nodes (headings, paragraphs, lists, quotes, code, emphasis, links).
// It never produces HTML from the text: raw HTML in the source shows as text.
import { h } from './dom.js';

export function markdown(source) {
  const root = h('div', { class: 'markdown' });
  const lines = String(source).replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const fence = line.match(/^```\s*([\w-]*)\s*$/);
    if (fence) {
      const code = [];
      i++;
      while (i < lines.length && !/^```\s*$/.test(lines[i])) code.push(lines[i++]);
      i++;
      root.append(h('pre', null, h('code', null, code.join('\n'))));
      continue;
    }
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    if (heading) {
      root.append(h('h' + heading[1].length, null, inline(heading[2])));
      i++;
      continue;
    }
    if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d+[.)]\s+/.test(line);
      const list = h(ordered ? 'ol' : 'ul');
      while (i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i])) {
        list.append(h('li', null, inline(lines[i].replace(/^\s*([-*+]|\d+[.)])\s+/, ''))));
        i++;
      }
      root.append(list);
      continue;
    }
    if (/^>\s?/.test(line)) {
      const quote = [];
      while (i < lines.length && /^>\s?/.test(lines[i])) quote.push(lines[i++].replace(/^>\s?/, ''));
      root.append(h('blockquote', null, inline(quote.join(' '))));
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      root.append(h('hr'));
      i++;
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,6}\s|```|>|\s*([-*+]|\d+[.)])\s)/.test(lines[i])) {
      paragraph.push(lines[i++]);
    }
    root.append(h('p', null, inline(paragraph.join(' '))));
  }
  return root;
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*|__[^_]+__)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/;

/** Inline spans: code, strong, emphasis and links (http, https and mailto only). */
export function inline(text) {
  const out = [];
  let rest = String(text);
  while (rest.length > 0) {
    const m = rest.match(INLINE);
    if (!m) {
      out.push(rest);
      break;
    }
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const token = m[0];
    if (m[1]) out.push(h('code', null, token.slice(1, -1)));
    else if (m[2]) out.push(h('strong', null, inline(token.slice(2, -2))));
    else if (m[3]) out.push(h('em', null, inline(token.slice(1, -1))));
    else {
      const link = token.match(/^\[([^\]]+)\]\(([^)\s]+)\)$/);
      const href = link[2];
      out.push(/^(https?:|mailto:)/i.test(href)
        ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, link[1])
        : token);
    }
    rest = rest.slice(m.index + token.length);
  }
  return out;
}
