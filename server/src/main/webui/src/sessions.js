// The sessions sidebar: open, rename (inline, Enter saves, Escape cancels) and delete each recent session.
import { text } from './markdown.js';

export function renderSessions(list, sessions, currentId, actions) {
  if (!sessions.length) {
    list.replaceChildren(text('li', 'No sessions yet.', 'empty'));
    return;
  }
  list.replaceChildren(...sessions.map((s) => entry(s, s.session_id === currentId, actions)));
}

function entry(session, current, actions) {
  const item = document.createElement('li');
  item.dataset.testid = 'session';
  item.dataset.sessionId = session.session_id;
  const open = text('button', session.title || 'Untitled', 'open');
  open.type = 'button';
  if (current) {
    open.setAttribute('aria-current', 'true');
  }
  open.title = `${session.domain_name || session.domain_slug} · ${session.category_name || session.category_code}`;
  open.addEventListener('click', () => actions.open(session));
  const rename = small('Rename', `Rename session ${session.title}`, () => editTitle(item, session, actions));
  const del = small('Delete', `Delete session ${session.title}`, () => {
    if (window.confirm(`Delete the session "${session.title}"?`)) {
      actions.remove(session);
    }
  });
  item.append(open, rename, del);
  return item;
}

function small(label, accessibleName, onClick) {
  const button = text('button', label, 'small');
  button.type = 'button';
  button.setAttribute('aria-label', accessibleName);
  button.addEventListener('click', onClick);
  return button;
}

function editTitle(item, session, actions) {
  const form = document.createElement('form');
  form.className = 'rename';
  const input = document.createElement('input');
  input.value = session.title || '';
  input.setAttribute('aria-label', 'New title for the session');
  input.maxLength = 200;
  const save = text('button', 'Save', 'small');
  save.type = 'submit';
  const cancel = text('button', 'Cancel', 'small');
  cancel.type = 'button';
  const restore = () => form.replaceWith(...kept);
  const kept = [...item.children];
  cancel.addEventListener('click', restore);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      restore();
    }
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const title = input.value.trim();
    if (title) {
      actions.rename(session, title);
    }
  });
  form.append(input, save, cancel);
  item.replaceChildren(form);
  input.focus();
  input.select();
}
