// Model output and document text are untrusted. Markdown is rendered by marked and the HTML it makes
// is sanitised by DOMPurify into an inert fragment before it reaches the page; only then are
// [Source N] markers turned into links, and only for sources that exist.
import { marked } from 'marked';
import DOMPurify from 'dompurify';

const purify = DOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    if (!isSafeUrl(node.getAttribute('href'))) {
      node.removeAttribute('href');
    }
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    node.setAttribute('target', '_blank');
  }
});

const SANITISE = {
  RETURN_DOM_FRAGMENT: true,
  // Pictures from an answer would be fetched from wherever the text points; forms and media have no place.
  FORBID_TAGS: ['img', 'picture', 'video', 'audio', 'source', 'svg', 'math', 'form', 'input', 'button', 'textarea',
    'select', 'style', 'iframe', 'object', 'embed'],
  FORBID_ATTR: ['style', 'id', 'name', 'class'],
};

/** Whether a link from untrusted text may be followed: http(s), mailto or a page-local anchor only. */
export function isSafeUrl(url) {
  if (url == null) {
    return false;
  }
  const u = url.trim();
  return /^(https?:|mailto:)/i.test(u) || (u.startsWith('#') && !u.includes(':'));
}

/**
 * The Markdown as a sanitised DocumentFragment, [Source N] linked to `anchor(N)` for 1 <= N <= sourceCount.
 */
export function renderMarkdown(text, sourceCount, anchor) {
  const html = marked.parse(text || '', { gfm: true, breaks: false, async: false });
  const fragment = purify.sanitize(html, SANITISE);
  linkCitations(fragment, sourceCount, anchor);
  return fragment;
}

const CITATION = /\[Source (\d+)\]/g;

function linkCitations(root, sourceCount, anchor) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || !node.parentElement.closest('a, code, pre')) {
      texts.push(node);
    }
  }
  for (const node of texts) {
    const value = node.nodeValue;
    if (!value.includes('[Source ')) {
      continue;
    }
    const parts = document.createDocumentFragment();
    let last = 0;
    for (const match of value.matchAll(CITATION)) {
      const n = Number(match[1]);
      if (n < 1 || n > sourceCount) {
        continue; // a citation of a source that was not given stays plain text
      }
      parts.append(value.slice(last, match.index));
      const link = document.createElement('a');
      link.className = 'cite';
      link.href = '#' + anchor(n);
      link.textContent = match[0];
      link.setAttribute('aria-label', `Source ${n}, see the sources below`);
      parts.append(link);
      last = match.index + match[0].length;
    }
    parts.append(value.slice(last));
    node.replaceWith(parts);
  }
}

/** A plain-text line of an excerpt or a title: never parsed as HTML. */
export function text(tag, value, className) {
  const el = document.createElement(tag);
  el.textContent = value == null ? '' : String(value);
  if (className) {
    el.className = className;
  }
  return el;
}
