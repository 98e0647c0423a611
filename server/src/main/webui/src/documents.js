// "Open page N" for a document the server holds on its own disk. Its download_url is the server's
// route /v1/downloads/<token>/, which, like every route, wants the API key in a header: a plain link
// opened in a new tab has none and answers 401. So the page fetches the file with the key, from its
// own origin only, and opens it from memory as a blob: URL at #page=N. A blob: URL belongs to this
// origin, travels in no Referer and dies with the tab; only a PDF is shown (by the browser's PDF
// viewer), anything else is saved under its file name, never rendered in this origin.
import { ApiError, download } from './api.js';

const LOCAL = /^\/v1\/downloads\/[A-Za-z0-9_-]+\/$/;
// Long enough for the viewer to load the bytes; the tab keeps showing them after the URL is revoked.
const KEEP_MS = 60_000;

/** The same-origin path of a local document's download link, or null for any other link (S3, elsewhere). */
export function localDownloadPath(url) {
  let parsed;
  try {
    parsed = new URL(url, window.location.href);
  } catch (ignored) {
    return null;
  }
  // The token is the capability, the host is not: behind a proxy the link may name another host
  // for the same server. The key is only ever sent to this page's own origin.
  return /^https?:$/.test(parsed.protocol) && LOCAL.test(parsed.pathname) ? parsed.pathname : null;
}

/**
 * Opens the document at `path` (from localDownloadPath) at `page` in a new tab, or saves it as
 * `filename` when it is not a PDF. Errors go to `fail` as readable messages.
 */
export async function openLocal(path, page, filename, fail) {
  // Opened now, while the click still counts as the person's gesture (a popup blocker stops a
  // window opened after an await); filled once the bytes are here.
  const tab = window.open('', '_blank');
  try {
    if (tab) {
      tab.opener = null;
      tab.document.title = 'Opening…';
      if (tab.document.body) {
        tab.document.body.textContent = `Opening ${filename || 'the document'}…`;
      }
    }
    const response = await download(path);
    const type = (response.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
    const bytes = await response.arrayBuffer();
    if (type === 'application/pdf' && tab) {
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      tab.location.replace(url + (page != null ? `#page=${page}` : ''));
      setTimeout(() => URL.revokeObjectURL(url), KEEP_MS);
      return;
    }
    if (tab) {
      tab.close();
    }
    save(new Blob([bytes], { type: 'application/octet-stream' }), filename);
  } catch (e) {
    if (tab) {
      tab.close();
    }
    fail(e instanceof ApiError && e.status === 404
      ? new ApiError('This document link has expired, the document is gone, or it belongs to another '
          + 'organisation than the current key. Reopen the session from the sidebar for a fresh link.', 404)
      : e);
  }
}

function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename || 'document';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_MS);
}
