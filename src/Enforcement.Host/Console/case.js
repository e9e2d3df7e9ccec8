// One case: what it concerns (each decision with its explanation and evidence), the customer's statement, its history,
// and the work: claim it, then uphold or overturn with a note. In a four-eyes queue an overturn of a suspension waits
// for a second reviewer, who confirms or rejects it here. After a decision the account's enforcement is shown again.
import { get, post, segments } from './api.js';
import { alertRegion, facts, h, loading, replace } from './dom.js';
import { accountHref, badge, stateBadge, subjectLink, time } from './format.js';
import { decisionArticle } from './decisions.js';
import { deadline } from './queue.js';

const decided = new Set(['upheld', 'overturned']);

export async function renderCase(view, id, me) {
  const errors = alertRegion();
  replace(view, errors.element, loading(`case ${id}`));
  let current;
  try {
    current = await get(`/v1/cases/${segments(id)}`);
  } catch (e) {
    replace(view, h('p', null, h('a', { href: '#/queue' }, '← Queue')), errors.element);
    errors.show(e.message);
    return;
  }
  show(view, current, me, errors);
}

function show(view, c, me, errors) {
  const accountState = h('div', { class: 'account-state' });
  const act = async (request) => {
    errors.clear();
    try {
      const next = await request();
      show(view, next, me, errors);
    } catch (e) {
      errors.show(e.message);
    }
  };
  replace(view,
    h('p', { class: 'crumbs' }, h('a', { href: '#/queue' }, '← Queue')),
    h('h1', null, c.kind === 'appeal' ? 'Appeal ' : 'Escalation ', h('span', { class: 'mono' }, c.id)),
    errors.element,
    h('div', { class: 'account-grid two' },
      h('section', { class: 'card', 'aria-labelledby': 'case-heading' },
        h('h2', { id: 'case-heading' }, 'Case'),
        facts([
          ['Status', badge(c.status, 'status')],
          ['Queue', c.queue],
          ['Priority', badge(c.priority, 'priority')],
          ['Subject', subjectLink(c.subject)],
          ['Opened', time(c.opened)],
          ['Deadline', deadline(c)],
          ['Claimed by', c.claimedBy ?? 'nobody'],
        ])),
      h('section', { class: 'card work', 'aria-labelledby': 'work-heading' },
        h('h2', { id: 'work-heading' }, 'Decision'),
        work(c, me, act),
        accountState)),
    c.statement
      ? h('section', { class: 'card', 'aria-labelledby': 'statement-heading' },
        h('h2', { id: 'statement-heading' }, 'Customer statement'),
        h('blockquote', { class: 'statement' }, c.statement))
      : null,
    h('section', { class: 'card timeline-card', 'aria-labelledby': 'under-review-heading' },
      h('h2', { id: 'under-review-heading' }, 'Decisions under review'),
      h('ol', { class: 'timeline' }, c.decisions.map((d) => h('li', null, decisionArticle(d))))),
    h('section', { class: 'card', 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading' }, 'History'),
      h('ol', { class: 'history' }, c.history.map((event) => h('li', null,
        time(event.at), ' ', h('strong', null, event.actor), ' ', event.event,
        event.note ? [': ', h('q', null, event.note)] : null)))));
  if (c.account) showAccountState(accountState, c);
}

/** What the signed-in reviewer can do with the case now. */
function work(c, me, act) {
  if (decided.has(c.status)) {
    const o = c.outcome;
    return h('div', { class: `outcome outcome-${c.status}` },
      h('p', null, h('strong', null, c.status === 'overturned' ? 'Overturned' : 'Upheld'),
        o ? [' by ', o.by.join(' and '), ' at ', time(o.at)] : null),
      o?.note ? h('p', null, 'Note: ', h('q', null, o.note)) : null);
  }

  if (c.status === 'awaiting-confirmation') {
    const proposers = c.proposed?.by ?? proposersFromHistory(c);
    const notice = h('p', { class: 'notice', role: 'note' },
      `Four-eyes rule: the overturn proposed by ${proposers.join(' and ') || 'a reviewer'} awaits confirmation by a second reviewer.`);
    if (c.proposed?.note) notice.append(' Their note: ', h('q', null, c.proposed.note));
    if (proposers.includes(me.name)) {
      return h('div', null, notice, h('p', { class: 'hint' }, 'You proposed it: another reviewer must confirm or reject it.'));
    }
    return h('div', null, notice, decisionForm(c, act, [
      ['overturn', 'Confirm overturn', ''],
      ['uphold', 'Reject overturn', 'secondary'],
    ]));
  }

  if (c.claimedBy && c.claimedBy !== me.name) {
    return h('p', { class: 'notice' }, `Claimed by ${c.claimedBy}: they decide it.`);
  }
  if (!c.claimedBy) {
    return h('div', null,
      h('p', { class: 'hint' }, 'Claim the case so that no other reviewer works it at the same time.'),
      h('button', { type: 'button', onclick: () => act(() => post(`/v1/cases/${segments(c.id)}/claim`, {})) }, 'Claim'));
  }
  return decisionForm(c, act, [
    ['uphold', 'Uphold', 'secondary'],
    ['overturn', 'Overturn', ''],
  ]);
}

function proposersFromHistory(c) {
  const proposed = [...c.history].reverse().find((e) => e.event === 'proposed' || e.event === 'decided');
  return proposed ? [proposed.actor] : [];
}

/** A required note and one button per outcome. */
function decisionForm(c, act, outcomes) {
  const note = h('textarea', { id: 'decision-note', name: 'note', required: true, rows: 3 });
  const form = h('form', {
    class: 'decide',
    onsubmit: (event) => {
      event.preventDefault();
      const outcome = event.submitter?.value;
      if (!note.value.trim()) {
        note.setCustomValidity('A note is required: say why.');
        note.reportValidity();
        return;
      }
      for (const button of form.querySelectorAll('button')) button.disabled = true;
      act(() => post(`/v1/cases/${segments(c.id)}/decision`, { outcome, note: note.value.trim() }))
        .finally(() => { for (const button of form.querySelectorAll('button')) button.disabled = false; });
    },
  },
  h('label', { for: 'decision-note' }, 'Note (required)'),
  note,
  h('div', { class: 'buttons' }, outcomes.map(([value, label, className]) =>
    h('button', { type: 'submit', name: 'outcome', value, class: className || null }, label))));
  note.addEventListener('input', () => note.setCustomValidity(''));
  return form;
}

/**
 * The account's enforcement as it stands now. A decided case's outcome reaches the account at once, or shortly after
 * when the service applies it in the background: until the case says so, look again a few times.
 */
async function showAccountState(container, c, attempt = 0) {
  try {
    const account = await get(`/v1/accounts/${segments(c.account)}`);
    replace(container,
      h('p', { class: 'state-line' },
        'Account ', h('a', { href: accountHref(c.account), class: 'mono' }, c.account), ' is now ',
        stateBadge(account.enforcement.state, { role: 'status', 'aria-label': 'Enforcement state', class: 'state-big' })));
    const settling = decided.has(c.status) && c.applied === false && attempt < 10;
    if (settling && container.isConnected) {
      setTimeout(async () => {
        const fresh = await get(`/v1/cases/${segments(c.id)}`).catch(() => c);
        showAccountState(container, fresh, attempt + 1);
      }, 500);
    }
  } catch (e) {
    replace(container, h('p', { class: 'error' }, `The account's state could not be read: ${e.message}`));
  }
}
