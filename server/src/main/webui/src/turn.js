// One question and its answer: the Markdown streaming in, then the sources, suggestions and a discreet
// line of usage and latency. Every piece of server text goes in as text or through renderMarkdown.
import { isSafeUrl, renderMarkdown, text } from './markdown.js';
import { localDownloadPath, openLocal } from './documents.js';

export class Turn {
  constructor(index, question) {
    this.index = index;
    this.markdown = '';
    this.sourceList = [];
    this.pending = false;
    this.insufficient = false;
    this.element = document.createElement('article');
    this.element.className = 'turn';
    this.element.setAttribute('aria-label', 'Question and answer');
    this.element.append(text('h2', question, 'question'));
    this.answer = document.createElement('div');
    this.answer.className = 'answer';
    this.answer.dataset.testid = 'answer';
    this.answer.setAttribute('aria-busy', 'true');
    this.answer.append(text('p', 'Searching the documents…', 'waiting'));
    this.element.append(this.answer);
  }

  anchor(n) {
    return `t${this.index}-source-${n}`;
  }

  sources(list) {
    this.sourceList = list;
    this.render();
  }

  append(delta) {
    this.markdown += delta;
    if (!this.pending) {
      // Re-render at most once a frame however fast the deltas come.
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.render();
      });
    }
  }

  render() {
    if (!this.markdown) {
      return;
    }
    const parts = [renderMarkdown(this.markdown, this.sourceList.length, (n) => this.anchor(n))];
    if (this.insufficient) {
      parts.unshift(text('p', 'Not enough in the documents to answer this.', 'insufficient-title'));
    }
    this.answer.replaceChildren(...parts);
  }

  /** The complete answer; `actions.followUp(question)` asks a suggestion, `actions.fail(error)` shows an error. */
  finish(done, actions) {
    this.markdown = done.response || '';
    this.sourceList = done.sources || [];
    this.insufficient = Boolean(done.context_quality && done.context_quality.insufficient_context);
    if (this.insufficient) {
      // Shown as what it is, not as an answer.
      this.answer.dataset.testid = 'insufficient';
      this.answer.classList.add('insufficient');
    }
    this.render(); // a frame still pending from the last delta renders the same
    this.answer.removeAttribute('aria-busy');
    this.element.append(meta(done));
    if (this.sourceList.length) {
      this.element.append(this.sourcesPanel(actions.fail));
    }
    const suggestions = done.suggestions || [];
    if (suggestions.length) {
      this.element.append(suggestionsPanel(suggestions, actions.followUp));
    }
  }

  abandon() {
    this.answer.removeAttribute('aria-busy');
    if (!this.markdown) {
      this.answer.replaceChildren(text('p', 'No answer.', 'waiting'));
    }
  }

  sourcesPanel(fail) {
    const section = document.createElement('section');
    section.className = 'sources';
    // An answer that is not given lists the closest passages: say so, so that none reads as a citation.
    const heading = text('h3', this.insufficient ? 'Closest passages (none answers the question)' : 'Sources');
    heading.id = `t${this.index}-sources`;
    section.setAttribute('aria-labelledby', heading.id);
    const list = document.createElement('ol');
    this.sourceList.forEach((s, i) => list.append(sourceItem(s, i + 1, this.anchor(i + 1), fail)));
    section.append(heading, list);
    return section;
  }
}

function sourceItem(source, n, id, fail) {
  const item = document.createElement('li');
  item.id = id;
  item.dataset.testid = 'source';
  item.tabIndex = -1; // a citation link moves the focus here
  const head = document.createElement('p');
  head.className = 'source-head';
  head.append(text('span', `[${n}]`, 'source-n'), ' ', text('strong', source.filename || source.uri || 'document'));
  if (source.page_number != null) {
    head.append(' ', text('span', `page ${source.page_number}`, 'page'));
  }
  const facts = [source.relevance, source.score != null ? `score ${Number(source.score).toFixed(2)}` : null]
      .filter(Boolean).join(' · ');
  if (facts) {
    head.append(' ', text('span', facts, 'facts'));
  }
  item.append(head);
  if (source.excerpt) {
    item.append(text('blockquote', source.excerpt, 'excerpt'));
  }
  const url = source.download_url;
  const label = source.page_number != null ? `Open page ${source.page_number}` : 'Open document';
  const local = url ? localDownloadPath(url) : null;
  if (local) {
    // The server's own route wants the key: a button that fetches with it, not a link that cannot.
    const button = text('button', label, 'open-doc');
    button.type = 'button';
    button.setAttribute('aria-label', `${label} of ${source.filename || 'the document'} (opens a new tab)`);
    button.addEventListener('click', () => openLocal(local, source.page_number, source.filename, fail));
    item.append(button);
  } else if (url && isSafeUrl(url)) {
    const link = document.createElement('a');
    link.href = url.replace(/#.*$/, '') + (source.page_number != null ? `#page=${source.page_number}` : '');
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    link.textContent = label;
    item.append(link);
  }
  return item;
}

function suggestionsPanel(suggestions, followUp) {
  const section = document.createElement('section');
  section.className = 'suggestions';
  section.setAttribute('aria-label', 'Follow-up questions');
  for (const s of suggestions) {
    const button = text('button', s);
    button.type = 'button';
    button.dataset.testid = 'suggestion';
    button.addEventListener('click', () => followUp(s));
    section.append(button);
  }
  return section;
}

function meta(done) {
  const usage = done.usage || {};
  const performance = done.performance || {};
  const parts = [];
  if (usage.model) {
    parts.push(usage.model);
  }
  if (performance.total_latency_ms != null) {
    parts.push(`${(performance.total_latency_ms / 1000).toFixed(1)} s`);
  }
  if (usage.input_tokens || usage.output_tokens) {
    parts.push(`${usage.input_tokens || 0} tokens in, ${usage.output_tokens || 0} out`);
  }
  return text('p', parts.join(' · '), 'meta');
}
