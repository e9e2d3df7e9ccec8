// The reviewer console: a hash router over a few screens, and the session (the reviewer's key and who holds it).
// Plain ES modules served by the host; nothing to build.
import { onRefused, session } from './api.js';
import { h, replace } from './dom.js';
import { renderAccount, renderAccountSearch } from './account.js';
import { renderCase } from './case.js';
import { renderQuality } from './quality.js';
import { renderQueue } from './queue.js';
import { checkKey, renderSignIn } from './signin.js';
import { renderSubject } from './subject.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');

let me = null;
let pendingMessage = null;

/** Each screen draws into a view of its own: one a later navigation replaced is detached, so late answers land nowhere. */
function freshView() {
  const view = h('div', { class: 'view' });
  replace(main, view);
  return view;
}

/** The hash is the route: #/account/a-42, #/account/a-42/decision/d-…, #/subject/payment/9f3a, #/queue?…, #/case/c-…, #/quality. */
function parseRoute() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query) };
}

async function route() {
  if (!session.key || !me) {
    showSignIn(pendingMessage);
    pendingMessage = null;
    return;
  }
  const { parts, params } = parseRoute();
  const [screen = 'account', ...rest] = parts;
  markNav(screen === 'subject' ? 'account' : screen === 'case' ? 'queue' : screen);
  const view = freshView();
  switch (screen) {
    case 'account':
      if (rest.length) await renderAccount(view, rest[0], { focus: rest[1] === 'decision' ? rest[2] : null });
      else renderAccountSearch(view);
      break;
    case 'subject':
      await renderSubject(view, rest[0], rest.slice(1).join('/'));
      break;
    case 'queue':
      await renderQueue(view, params);
      break;
    case 'case':
      await renderCase(view, rest[0], me);
      break;
    case 'quality':
      await renderQuality(view);
      break;
    default:
      replace(view, h('h1', null, 'Not found'), h('p', null, 'No such screen. ', h('a', { href: '#/account' }, 'Accounts')));
  }
}

function markNav(screen) {
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.screen === screen) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function showSignIn(message) {
  nav.hidden = true;
  who.hidden = true;
  renderSignIn(freshView(), {
    message,
    onSignedIn: (key, caller) => {
      session.key = key;
      signedIn(caller);
      route();
    },
  });
}

function signedIn(caller) {
  me = caller;
  nav.hidden = false;
  replace(who,
    h('span', null, 'Signed in as ', h('strong', { 'data-testid': 'signed-in-name' }, caller.name), ` (${caller.role})`),
    h('button', { type: 'button', class: 'secondary small', onclick: signOut }, 'Sign out'));
  who.hidden = false;
}

function signOut(message) {
  session.clear();
  me = null;
  showSignIn(typeof message === 'string' ? message : null);
}

// A key the service stops accepting, or a role it refuses, ends the session with the reason.
onRefused((error) => {
  const reason = error.status === 401
    ? `The service no longer accepts this key (${error.detail ?? error.title}). Sign in again.`
    : `This key's role may not do that (${error.detail ?? error.title}). Sign in with a reviewer's key.`;
  signOut(reason);
});

window.addEventListener('hashchange', route);

async function start() {
  if (session.key) {
    try {
      signedIn(await checkKey(session.key));
    } catch (e) {
      session.clear();
      pendingMessage = e.message;
    }
  }
  route();
}

start();
