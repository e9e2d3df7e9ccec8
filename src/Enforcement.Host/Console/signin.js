// Signing in: a reviewer's API key, checked against GET /v1/me, kept in this tab's session storage only.
import { ApiError, get } from './api.js';
import { alertRegion, h, replace } from './dom.js';

const reviewing = new Set(['reviewer', 'admin']);

/** Checks a key; answers who holds it, or throws an Error whose message says what is wrong in a reviewer's words. */
export async function checkKey(key) {
  let me;
  try {
    me = await get('/v1/me', { key });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw new Error('That API key is not known to this service. Check it and try again.');
    throw e;
  }
  if (!reviewing.has(me.role)) {
    throw new Error(`That key belongs to ${me.name}, whose role is ${me.role}: the console needs a reviewer's key.`);
  }
  return me;
}

export function renderSignIn(view, { message, onSignedIn }) {
  const errors = alertRegion();
  const key = h('input', {
    id: 'api-key', name: 'key', type: 'password', required: true, autocomplete: 'off', spellcheck: 'false',
  });
  const submit = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', {
    class: 'sign-in-form',
    onsubmit: async (event) => {
      event.preventDefault();
      errors.clear();
      submit.disabled = true;
      try {
        const value = key.value.trim();
        const me = await checkKey(value);
        onSignedIn(value, me);
      } catch (e) {
        errors.show(e.message);
        key.select();
      } finally {
        submit.disabled = false;
      }
    },
  },
  h('label', { for: 'api-key' }, 'API key'),
  key,
  submit);
  replace(view,
    h('section', { class: 'card sign-in', 'aria-labelledby': 'sign-in-heading' },
      h('h1', { id: 'sign-in-heading' }, 'Sign in'),
      h('p', null, 'Paste a reviewer\'s API key. It stays in this browser tab (session storage) and goes only to this service, as a bearer token.'),
      errors.element,
      form));
  if (message) errors.show(message);
  key.focus();
}
