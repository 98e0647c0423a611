// The public Egret API, as any client would call it: every request carries the key as a Bearer token.
// Failures become an ApiError whose message a person can read.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

const KEY = 'egretta.apiKey';

export function apiKey() {
  return sessionStorage.getItem(KEY) || '';
}

export function setApiKey(key) {
  if (key) {
    sessionStorage.setItem(KEY, key);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

async function send(method, path, body, signal, accept = 'application/json, text/event-stream') {
  const headers = { Authorization: 'Bearer ' + apiKey(), Accept: accept };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit',
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError('Cannot reach the Egretta server. Check that it is running and the network is up.', 0);
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return response;
}

async function failure(response) {
  let detail = '';
  try {
    const body = await response.json();
    detail = typeof body.detail === 'string' ? body.detail : '';
    if (Array.isArray(body.errors) && body.errors.length) {
      detail += ' ' + body.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    }
  } catch (ignored) {
    // not JSON: the status says enough
  }
  return new ApiError(explain(response.status, response.headers.get('Retry-After'), detail.trim()), response.status);
}

function explain(status, retryAfter, detail) {
  switch (status) {
    case 401:
      return 'The API key was not accepted. Enter a valid key above.';
    case 413:
      return 'The question is too long for the server. Shorten it and ask again.';
    case 429:
      return 'Too many requests right now.' + (retryAfter ? ` Try again in ${wait(Number(retryAfter))}.` : ' Try again shortly.')
          + (detail ? ` (${detail})` : '');
    default:
      return detail || `The server answered ${status}.`;
  }
}

function wait(seconds) {
  return seconds >= 120 ? `${Math.ceil(seconds / 60)} min` : `${seconds} s`;
}

export async function getJson(path) {
  return (await send('GET', path)).json();
}

export async function postJson(path, body) {
  return (await send('POST', path, body)).json();
}

export async function remove(path) {
  await send('DELETE', path);
}

/** A document from the server's download route (its body not yet read). */
export async function download(path) {
  return send('GET', path, undefined, undefined, '*/*');
}

/**
 * Posts a streamed query and calls onEvent(type, data) for each Server-Sent Event. EventSource cannot
 * send an Authorization header, hence fetch and a reader over the body.
 */
export async function streamQuery(body, onEvent, signal) {
  const response = await send('POST', '/v1/query/', { ...body, stream: true }, signal);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch (e) {
      if (e.name === 'AbortError') {
        throw e;
      }
      throw new ApiError('The connection to the server was lost while the answer was arriving.', 0);
    }
    if (chunk.done) {
      return;
    }
    buffer += chunk.value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      dispatch(block, onEvent);
    }
  }
}

function dispatch(block, onEvent) {
  let type = 'message';
  const data = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      continue; // heartbeat comment
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      type = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length) {
    onEvent(type, JSON.parse(data.join('\n')));
  }
}
