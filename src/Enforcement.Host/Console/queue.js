// The case queue: escalations and appeals to work, overdue first, then by priority and deadline (the API's order).
import { get } from './api.js';
import { alertRegion, h, loading, replace } from './dom.js';
import { badge, caseHref, fromNow, subjectLink, time } from './format.js';

const statuses = [
  ['open', 'To work (open, claimed, awaiting confirmation)'],
  ['decided', 'Decided'],
  ['all', 'All'],
];

export async function renderQueue(view, params) {
  const filters = {
    queue: params.get('queue') ?? '',
    status: params.get('status') ?? 'open',
    account: params.get('account') ?? '',
  };
  const errors = alertRegion();
  const results = h('div', null, loading('the queue'));
  replace(view, h('h1', null, 'Case queue'), filterForm(filters), errors.element, results);

  const query = new URLSearchParams({ status: filters.status, limit: params.get('limit') ?? '200' });
  if (filters.queue) query.set('queue', filters.queue);
  if (filters.account) query.set('account', filters.account);
  const shown = [];
  // A page at a time, in the API's order: each page continues where the last one ended ('next').
  const show = async (after) => {
    const page = new URLSearchParams(query);
    if (after) page.set('after', after);
    const answer = await get(`/v1/cases?${page}`);
    shown.push(...answer.cases);
    replace(results, casesTable(shown), answer.next ? moreButton(answer.next) : null);
  };
  const moreButton = (next) => h('button', {
    type: 'button', class: 'more',
    onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        await show(next);
      } catch (e) {
        button.disabled = false;
        errors.show(e.message);
      }
    },
  }, 'Show more cases');
  try {
    await show(null);
  } catch (e) {
    replace(results);
    errors.show(e.message);
  }
}

function filterForm(filters) {
  const queue = h('input', { id: 'filter-queue', name: 'queue', value: filters.queue, placeholder: 'every queue', autocomplete: 'off' });
  const status = h('select', { id: 'filter-status', name: 'status' },
    statuses.map(([value, label]) => h('option', { value, selected: value === filters.status }, label)));
  const account = h('input', { id: 'filter-account', name: 'account', value: filters.account, placeholder: 'any account', autocomplete: 'off' });
  return h('form', {
    class: 'filters', 'aria-label': 'Filter the queue',
    onsubmit: (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      if (queue.value.trim()) query.set('queue', queue.value.trim());
      if (status.value !== 'open') query.set('status', status.value);
      if (account.value.trim()) query.set('account', account.value.trim());
      const suffix = query.toString();
      location.hash = suffix ? `#/queue?${suffix}` : '#/queue';
    },
  },
  h('div', null, h('label', { for: 'filter-queue' }, 'Queue'), queue),
  h('div', null, h('label', { for: 'filter-status' }, 'Status'), status),
  h('div', null, h('label', { for: 'filter-account' }, 'Account'), account),
  h('button', { type: 'submit' }, 'Filter'));
}

function casesTable(cases) {
  if (!cases.length) return h('p', { class: 'hint' }, 'No cases match.');
  return h('table', { class: 'queue' },
    h('caption', null, `${cases.length} case${cases.length === 1 ? '' : 's'}`),
    h('thead', null, h('tr', null, ['Case', 'Kind', 'Queue', 'Priority', 'Status', 'Subject', 'Opened', 'Deadline', 'Claimed by']
      .map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', null, cases.map((c) => h('tr', { class: c.overdue ? 'overdue' : null },
      h('th', { scope: 'row' }, h('a', { href: caseHref(c.id), class: 'mono' }, c.id)),
      h('td', null, c.kind),
      h('td', null, c.queue),
      h('td', null, badge(c.priority, 'priority')),
      h('td', null, badge(c.status, 'status')),
      h('td', null, subjectLink(c.subject)),
      h('td', null, time(c.opened)),
      h('td', null, deadline(c)),
      h('td', null, c.claimedBy ?? '—')))));
}

export function deadline(c) {
  const decided = c.status === 'upheld' || c.status === 'overturned';
  return h('span', { class: 'deadline' },
    time(c.deadline),
    c.overdue && !decided ? [' ', badge('overdue', 'alert')] : null,
    !decided ? h('span', { class: 'sub' }, ` ${fromNow(c.deadline)}`) : null);
}
