// An entity or a cluster (payment:9f3a, ip_prefix:203.0.113.0/24, cluster:…): its members, each of its policies'
// conditions with the value of every term now, the actions its members inherit, and its latest decisions.
import { get, segments } from './api.js';
import { alertRegion, facts, h, loading, replace } from './dom.js';
import { accountHref, time } from './format.js';
import { decisionArticle } from './decisions.js';
import { rungsCard } from './account.js';

export async function renderSubject(view, scope, key) {
  const errors = alertRegion();
  const name = `${scope}:${key}`;
  replace(view, errors.element, loading(name));
  let answer;
  try {
    answer = await get(`/v1/subjects/${segments(scope)}/${segments(key)}`);
  } catch (e) {
    replace(view, h('h1', null, h('span', { class: 'mono' }, name)), errors.element);
    errors.show(e.message);
    return;
  }
  const s = answer.subject;
  replace(view,
    h('h1', null, scope === 'cluster' ? 'Cluster ' : 'Entity ', h('span', { class: 'mono' }, s.subject)),
    errors.element,
    h('div', { class: 'account-grid' },
      h('section', { class: 'card', 'aria-labelledby': 'members-heading' },
        h('h2', { id: 'members-heading' }, 'Members'),
        facts([
          ['Scope', s.scope],
          ['Accounts', s.members.toLocaleString('en')],
          ['Signals', s.signals.toLocaleString('en')],
          ['Policy set', `version ${s.policySetVersion}`],
        ]),
        s.recentMembers.length
          ? [h('h3', null, 'Most recently seen'),
            h('ul', { class: 'plain members' }, s.recentMembers.map((m) =>
              h('li', null, h('a', { href: accountHref(m), class: 'mono' }, m))))]
          : null),
      inheritedCard(s.actions),
      conditionsCard(s.conditions),
      rungsCard(s.rungs, 'subject-rungs-heading')),
    h('section', { class: 'card timeline-card', 'aria-labelledby': 'subject-decisions-heading' },
      h('h2', { id: 'subject-decisions-heading' }, 'Decisions'),
      h('p', { class: 'hint' }, `The latest of ${s.auditRecords} in its audit chain, oldest first.`),
      answer.decisions.length
        ? h('ol', { class: 'timeline' }, answer.decisions.map((d) => h('li', null, decisionArticle(d))))
        : h('p', { class: 'hint' }, 'No decisions yet.')));
}

function conditionsCard(conditions) {
  return h('section', { class: 'card wide', 'aria-labelledby': 'conditions-heading' },
    h('h2', { id: 'conditions-heading' }, 'Conditions now'),
    conditions.length
      ? h('ul', { class: 'plain conditions' }, conditions.map((c) => h('li', null,
        h('code', { class: 'policy-id' }, c.policy), h('p', null, h('code', { class: 'values' }, c.explanation)))))
      : h('p', { class: 'hint' }, 'No policy judges this scope.'));
}

function inheritedCard(actions) {
  const list = actions?.actions ?? [];
  return h('section', { class: 'card', 'aria-labelledby': 'inherited-heading' },
    h('h2', { id: 'inherited-heading' }, 'Members inherit'),
    list.length
      ? h('ul', { class: 'plain' }, list.map((a) => h('li', null,
        h('strong', { class: 'action' }, a.kind),
        a.rpm != null ? ` at ${a.rpm} rpm` : null,
        a.challenge ? ` (${a.challenge})` : null,
        ' under ', h('code', null, a.policy),
        ' from ', time(a.effectiveAt),
        a.until ? [' until ', time(a.until)] : null,
        ' — decision ', h('code', null, a.decision))))
      : h('p', { class: 'hint' }, 'Nothing: no action of this subject is in force.'));
}
