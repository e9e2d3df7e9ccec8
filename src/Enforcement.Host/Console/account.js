// The account screen: search, then the account's enforcement (big, with its reasons), profile, rungs, linked entities
// and its timeline of decisions, paged. A restricted account can have an appeal opened for it from here.
import { get, post, segments } from './api.js';
import { alertRegion, facts, h, loading, replace } from './dom.js';
import { accountHref, caseHref, stateBadge, subjectLink, time } from './format.js';
import { decisionAnchor, decisionArticle } from './decisions.js';

const pageSize = 50;

export function searchForm(current = '') {
  const input = h('input', {
    id: 'account-search', name: 'account', type: 'search', required: true, value: current,
    autocomplete: 'off', spellcheck: 'false', placeholder: 'a-42',
  });
  return h('form', {
    role: 'search', class: 'search',
    onsubmit: (event) => {
      event.preventDefault();
      const id = input.value.trim();
      if (id) location.hash = accountHref(id);
    },
  }, h('label', { for: 'account-search' }, 'Account id'), input, h('button', { type: 'submit' }, 'Search'));
}

export function renderAccountSearch(view) {
  replace(view,
    h('h1', null, 'Accounts'),
    searchForm(),
    h('p', { class: 'hint' }, 'Enter an account id to read its enforcement, its linked entities and the timeline of its decisions.'));
  view.querySelector('input')?.focus();
}

export async function renderAccount(view, id, { focus } = {}) {
  const errors = alertRegion();
  replace(view, searchForm(id), errors.element, loading(`account ${id}`));
  let account;
  try {
    account = await get(`/v1/accounts/${segments(id)}`);
  } catch (e) {
    replace(view, searchForm(id), errors.element);
    errors.show(e.message);
    return;
  }
  const timeline = h('ol', { class: 'timeline' });
  const subjects = new Map(account.enforcement.reasons.filter((r) => r.decision).map((r) => [r.decision, r.subject]));
  replace(view,
    searchForm(id),
    errors.element,
    h('h1', null, 'Account ', h('span', { class: 'mono' }, account.account)),
    h('div', { class: 'account-grid' },
      enforcementCard(account, errors),
      profileCard(account),
      linkedCard(account.linkedEntities),
      rungsCard(account.rungs)),
    h('section', { class: 'card timeline-card', 'aria-labelledby': 'timeline-heading' },
      h('h2', { id: 'timeline-heading' }, 'Timeline'),
      h('p', { class: 'hint' }, `${account.auditRecords} decision${account.auditRecords === 1 ? '' : 's'} in the account's audit chain, oldest first.`),
      timeline));

  const pager = new TimelinePager(id, timeline, subjects, errors);
  await pager.more();
  if (focus) await pager.reveal(focus);
}

/** Reads the timeline a page at a time; "Load more" asks for the next page. */
class TimelinePager {
  constructor(account, list, subjects, errors) {
    this.account = account;
    this.list = list;
    this.subjects = subjects;
    this.errors = errors;
    this.after = null;
    this.done = false;
    this.button = h('button', { type: 'button', class: 'secondary', onclick: () => this.more() }, 'Load more');
    this.button.hidden = true;
    list.after(this.button);
  }

  async more() {
    const query = new URLSearchParams({ limit: String(pageSize) });
    if (this.after) query.set('after', this.after);
    this.button.disabled = true;
    try {
      const page = await get(`/v1/accounts/${segments(this.account)}/audit?${query}`);
      for (const record of page.records) {
        this.list.append(h('li', null, decisionArticle(record, { subjectOf: (d) => this.subjects.get(d) })));
      }
      if (!page.records.length && !this.list.children.length) {
        this.list.append(h('li', { class: 'empty' }, 'No decisions yet.'));
      }
      this.after = page.next;
      this.done = page.records.length < pageSize;
    } catch (e) {
      this.errors.show(e.message);
      this.done = true;
    } finally {
      this.button.disabled = false;
      this.button.hidden = this.done;
    }
  }

  /** Scrolls to a decision, reading further pages until it appears (a reason's decision, or the entity's it carries). */
  async reveal(decision) {
    const find = () => this.list.querySelector(`[id="${CSS.escape(decisionAnchor(decision))}"]`)
      ?? [...this.list.querySelectorAll('article')].find((a) => a.dataset.inherited === decision);
    let target = find();
    while (!target && !this.done) {
      await this.more();
      target = find();
    }
    if (!target) return;
    for (const old of this.list.querySelectorAll('.highlight')) old.classList.remove('highlight');
    target.classList.add('highlight');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }
}

function enforcementCard(account, errors) {
  const e = account.enforcement;
  const card = h('section', { class: `card enforcement enforcement-${e.state}`, 'aria-labelledby': 'enforcement-heading' },
    h('h2', { id: 'enforcement-heading' }, 'Enforcement'),
    h('p', { class: 'state-line' }, stateBadge(e.state, { role: 'status', 'aria-label': 'Enforcement state', class: 'state-big' })),
    facts([
      ['Rate limit', e.rpm != null ? `${e.rpm} requests a minute` : null],
      ['Challenge', e.challenge],
      ['Until', e.until ? time(e.until) : null],
      ['State version', String(e.version)],
    ]));
  if (e.reasons.length) {
    card.append(h('h3', null, 'Reasons'), h('ul', { class: 'reasons' }, e.reasons.map((reason) => reasonItem(account.account, reason))));
  } else {
    card.append(h('p', { class: 'hint' }, 'No action holds this account.'));
  }
  if (e.state !== 'allow') card.append(appealForm(account.account, errors));
  return card;
}

function reasonItem(account, reason) {
  const item = h('li', null,
    h('strong', { class: 'action' }, reason.action), ' under ', h('code', null, reason.policy),
    reason.subject !== `account:${account}` ? [' held by ', subjectLink(reason.subject)] : null);
  if (reason.decision) {
    item.append(' ', h('a', {
      href: `${accountHref(account)}/decision/${encodeURIComponent(reason.decision)}`,
      'aria-label': `Decision ${reason.decision} of ${reason.action} under ${reason.policy}`,
    }, 'see decision'));
  }
  return item;
}

/** Opens an appeal for the customer (the support desk's request, entered by a reviewer). */
function appealForm(account, errors) {
  const statement = h('textarea', { id: 'appeal-statement', name: 'statement', required: true, rows: 3 });
  const form = h('form', {
    class: 'appeal', hidden: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const submit = form.querySelector('button[type=submit]');
      submit.disabled = true;
      try {
        const opened = await post('/v1/appeals', { account, statement: statement.value.trim() });
        location.hash = caseHref(opened.id);
      } catch (e) {
        errors.show(e.message);
        submit.disabled = false;
      }
    },
  },
  h('label', { for: 'appeal-statement' }, 'Customer statement'),
  statement,
  h('div', { class: 'buttons' },
    h('button', { type: 'submit' }, 'Submit appeal'),
    h('button', { type: 'button', class: 'secondary', onclick: () => { form.hidden = true; open.hidden = false; } }, 'Cancel')));
  const open = h('button', {
    type: 'button',
    onclick: () => { form.hidden = false; open.hidden = true; statement.focus(); },
  }, 'Open appeal');
  return h('div', { class: 'appeal-box' }, open, form);
}

function profileCard(account) {
  const p = account.profile;
  return h('section', { class: 'card', 'aria-labelledby': 'profile-heading' },
    h('h2', { id: 'profile-heading' }, 'Profile'),
    facts([
      ['Created', p.created ? time(p.created) : 'unknown'],
      ['First seen', p.firstSeen ? time(p.firstSeen) : 'never'],
      ['Tier', p.tier || '—'],
      ['Region', p.region || '—'],
      ['Verified', p.verified ? 'yes' : 'no'],
      ['Signals', account.signals.toLocaleString('en')],
      ['Policy set', `version ${account.policySetVersion}`],
    ]));
}

export function rungsCard(rungs, headingId = 'rungs-heading') {
  const card = h('section', { class: 'card wide', 'aria-labelledby': headingId }, h('h2', { id: headingId }, 'Rungs'));
  if (!rungs.length) {
    card.append(h('p', { class: 'hint' }, 'On no policy\'s ladder.'));
    return card;
  }
  card.append(h('table', null,
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'Policy'), h('th', { scope: 'col' }, 'Rung'), h('th', { scope: 'col' }, 'Actions'))),
    h('tbody', null, rungs.map((rung) => h('tr', null,
      h('th', { scope: 'row' }, h('code', null, rung.policy)),
      h('td', null, `${rung.rung} of ${rung.of}`),
      h('td', null, rung.actions.length
        ? h('ul', { class: 'plain' }, rung.actions.map((a) => h('li', null,
          h('strong', null, a.action), a.inForce ? ' in force' : ' from ', a.inForce ? null : time(a.effectiveAt),
          a.until ? [' until ', time(a.until)] : null)))
        : '—'))))));
  return card;
}

function linkedCard(entities) {
  return h('section', { class: 'card', 'aria-labelledby': 'linked-heading' },
    h('h2', { id: 'linked-heading' }, 'Linked entities'),
    entities.length
      ? h('ul', { class: 'plain linked' }, entities.map((entity) => h('li', null, subjectLink(entity))))
      : h('p', { class: 'hint' }, 'None seen.'));
}
