// The HTTP API with the signed-in reviewer's key. Answers are JSON; errors are problem+json, turned into ApiError.

const keyName = 'enforcement.console.key';

/** A problem the API answered: status, title, detail and, for a 400, the fields at fault. */
export class ApiError extends Error {
  constructor(status, title, detail, errors) {
    super(describe(status, title, detail, errors));
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }

  get isAuthorization() {
    return this.status === 401 || this.status === 403;
  }
}

function describe(status, title, detail, errors) {
  const parts = [title || `The service answered ${status}`];
  if (detail) parts.push(detail);
  if (errors && typeof errors === 'object') {
    for (const [field, messages] of Object.entries(errors)) {
      parts.push(`${field}: ${[messages].flat().join(' ')}`);
    }
  }
  return parts.join(' — ');
}

/** The key lives in this tab's session storage only: closing the tab signs out. */
export const session = {
  get key() {
    return sessionStorage.getItem(keyName);
  },
  set key(value) {
    sessionStorage.setItem(keyName, value);
  },
  clear() {
    sessionStorage.removeItem(keyName);
  },
};

let whenRefused = () => {};

/** Called with the ApiError whenever the API refuses the key (401) or its role (403). */
export function onRefused(handler) {
  whenRefused = handler;
}

/**
 * Calls the API. `key` replaces the session's key (signing in checks a key before keeping it); such a call does not
 * sign out on a refusal, its caller reports it.
 */
export async function call(method, path, body, { key } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${key ?? session.key ?? ''}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'The service did not answer', e.message);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data?.title, data?.detail, data?.errors);
    if (error.isAuthorization && key === undefined) whenRefused(error);
    throw error;
  }
  return data;
}

export const get = (path, options) => call('GET', path, undefined, options);
export const post = (path, body, options) => call('POST', path, body ?? {}, options);

/** Encodes each segment of a path (an ip_prefix key keeps its slash: the route takes the rest of the path). */
export function segments(...parts) {
  return parts.map((part) => String(part).split('/').map(encodeURIComponent).join('/')).join('/');
}
