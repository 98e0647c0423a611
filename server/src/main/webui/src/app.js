// The page: key entry, pickers, the conversation and the sessions sidebar, over the public Egret API only.
import { ApiError, apiKey, getJson, postJson, remove, setApiKey, streamQuery } from './api.js';
import { Turn } from './turn.js';
import { renderSessions } from './sessions.js';

const $ = (id) => document.getElementById(id);
const state = { sessionId: null, controller: null, turns: 0 };

function say(message) {
  $('status').textContent = message;
}

function fail(error) {
  if (error && error.name === 'AbortError') {
    return;
  }
  const box = $('error');
  box.textContent = error instanceof ApiError ? error.message : 'Something went wrong: ' + (error && error.message);
  box.hidden = false;
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

function option(value, label, selected) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  o.selected = Boolean(selected);
  return o;
}

async function loadPickers() {
  const [domains, models] = await Promise.all([getJson('/v1/domains/'), getJson('/v1/models/')]);
  $('domain').replaceChildren(...domains.map((d) => option(d.slug, d.name || d.slug)));
  $('model').replaceChildren(...models.map((m) => option(m.model_id, m.name || m.model_id, m.is_default)));
  await loadCategories();
}

async function loadCategories(selected) {
  const domain = $('domain').value;
  if (!domain) {
    $('category').replaceChildren();
    return;
  }
  const categories = await getJson(`/v1/domains/${encodeURIComponent(domain)}/categories/`);
  $('category').replaceChildren(...categories.map((c) => option(c.code, c.name || c.code, c.code === selected)));
}

async function loadSessions() {
  const sessions = await getJson('/v1/sessions/recent/?limit=30');
  renderSessions($('session-list'), sessions, state.sessionId, { open: openSession, rename: renameSession, remove: deleteSession });
}

async function start() {
  clearError();
  if (!apiKey()) {
    say('Enter an API key to start.');
    $('api-key').focus();
    return;
  }
  say('Loading…');
  try {
    await loadPickers();
    await loadSessions();
    say('Ready.');
  } catch (e) {
    say('');
    fail(e);
  }
}

function newSession() {
  if (state.controller) {
    state.controller.abort(); // the server stops generating when the stream closes
  }
  state.sessionId = null;
  $('conversation').replaceChildren();
  for (const el of document.querySelectorAll('#session-list [aria-current]')) {
    el.removeAttribute('aria-current');
  }
  say('New session.');
  $('question').focus();
}

async function openSession(session) {
  clearError();
  try {
    const messages = await getJson(`/v1/sessions/${encodeURIComponent(session.session_id)}/messages/`);
    state.sessionId = session.session_id;
    if ([...$('domain').options].some((o) => o.value === session.domain_slug)) {
      $('domain').value = session.domain_slug;
      await loadCategories(session.category_code);
    }
    const conversation = $('conversation');
    conversation.replaceChildren();
    let question = null;
    for (const m of messages) {
      if (m.sender === 'user') {
        question = m.content;
      } else {
        const turn = new Turn(++state.turns, question || '');
        turn.finish({
          response: m.content, sources: m.sources || [], suggestions: [], context_quality: m.context_quality,
          usage: { model: m.bedrock_model_id, input_tokens: m.input_tokens, output_tokens: m.output_tokens },
        }, { followUp, fail });
        conversation.append(turn.element);
        question = null;
      }
    }
    await loadSessions();
    say(`Opened session "${session.title}".`);
  } catch (e) {
    fail(e);
  }
}

async function renameSession(session, title) {
  clearError();
  try {
    await postJson(`/v1/sessions/${encodeURIComponent(session.session_id)}/rename/`, { title });
    await loadSessions();
    say(`Session renamed to "${title}".`);
  } catch (e) {
    fail(e);
  }
}

async function deleteSession(session) {
  clearError();
  try {
    await remove(`/v1/sessions/${encodeURIComponent(session.session_id)}/delete/`);
    if (state.sessionId === session.session_id) {
      newSession();
    }
    await loadSessions();
    say(`Session "${session.title}" deleted.`);
  } catch (e) {
    fail(e);
  }
}

function followUp(question) {
  $('question').value = question;
  ask();
}

async function ask() {
  const question = $('question').value.trim();
  if (!question || state.controller) {
    return;
  }
  clearError();
  if (!apiKey()) {
    fail(new ApiError('Enter an API key first.', 401));
    return;
  }
  const body = {
    query: question, domain: $('domain').value, category: $('category').value, mode: $('mode').value,
    knowledge_scope: $('scope').value,
  };
  if ($('model').value) {
    body.model_id = $('model').value;
  }
  if (state.sessionId) {
    body.session_id = state.sessionId;
  }
  const turn = new Turn(++state.turns, question);
  $('conversation').append(turn.element);
  turn.element.scrollIntoView({ block: 'nearest' });
  const controller = new AbortController();
  state.controller = controller;
  $('ask').disabled = true;
  say('Answering…');
  try {
    let done = null;
    await streamQuery(body, (type, data) => {
      if (type === 'sources') {
        turn.sources(data.sources || []);
      } else if (type === 'delta') {
        turn.append(data.text || '');
      } else if (type === 'done') {
        done = data;
      } else if (type === 'error') {
        throw new ApiError(data.detail || 'The answer failed.', 500);
      }
    }, controller.signal);
    if (!done) {
      throw new ApiError('The answer stopped before it was complete. Ask again.', 0);
    }
    turn.finish(done, { followUp, fail });
    state.sessionId = done.session_id;
    $('question').value = '';
    say(done.context_quality && done.context_quality.insufficient_context
      ? 'The documents do not hold enough to answer that.' : 'Answer complete.');
    await loadSessions();
  } catch (e) {
    turn.abandon();
    fail(e);
    say('');
  } finally {
    state.controller = null;
    $('ask').disabled = false;
  }
}

function wire() {
  $('api-key').value = apiKey();
  $('key-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setApiKey($('api-key').value.trim());
    start();
  });
  $('forget-key').addEventListener('click', () => {
    setApiKey('');
    $('api-key').value = '';
    $('session-list').replaceChildren();
    say('Key forgotten.');
  });
  $('domain').addEventListener('change', () => loadCategories().catch(fail));
  $('new-session').addEventListener('click', newSession);
  $('ask-form').addEventListener('submit', (e) => {
    e.preventDefault();
    ask();
  });
  $('question').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      ask();
    }
  });
  start();
}

document.addEventListener('DOMContentLoaded', wire);
