// How each policy's decisions fared with reviewers: how many were appealed, how many overturned. A policy whose
// decisions are often overturned is one its authors should look at first.
import { get } from './api.js';
import { alertRegion, h, loading, replace } from './dom.js';
import { number, share } from './format.js';

export async function renderQuality(view) {
  const errors = alertRegion();
  const results = h('div', null, loading('policy quality'));
  replace(view,
    h('h1', null, 'Policy quality'),
    h('p', { class: 'hint' }, 'Per policy: the decisions it took, how many of them customers appealed, and how reviewers decided the cases about them (appeals and escalations). Worst overturn rate first.'),
    errors.element,
    results);
  try {
    const answer = await get('/v1/policies/quality');
    replace(results, table(answer.policies));
  } catch (e) {
    replace(results);
    errors.show(e.message);
  }
}

const rate = (p) => (p.decisions ? p.overturned / p.decisions : 0);

function table(policies) {
  if (!policies.length) return h('p', { class: 'hint' }, 'No policy has decided anything yet.');
  const sorted = [...policies].sort((a, b) => rate(b) - rate(a) || b.overturned - a.overturned || a.policy.localeCompare(b.policy));
  return h('table', { class: 'quality' },
    h('caption', null, 'Overturn rate: overturned decisions over all of the policy\'s decisions'),
    h('thead', null, h('tr', null, ['Policy', 'Decisions', 'Appealed', 'Upheld', 'Overturned', 'Overturn rate']
      .map((name) => h('th', { scope: 'col' }, name)))),
    h('tbody', null, sorted.map((p) => h('tr', { class: p.overturned ? 'has-overturns' : null },
      h('th', { scope: 'row' }, h('code', null, p.policy)),
      h('td', { class: 'num' }, number(p.decisions)),
      h('td', { class: 'num' }, number(p.appealed)),
      h('td', { class: 'num' }, number(p.upheld ?? 0)),
      h('td', { class: 'num' }, number(p.overturned)),
      h('td', { class: 'num' }, share(p.overturned, p.decisions))))));
}
