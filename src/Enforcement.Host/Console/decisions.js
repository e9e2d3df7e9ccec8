// A decision as a reviewer reads it: what was done, under which policy revision, why (the condition with the values
// that made it true), on what evidence, by whom, and which entity's decision it carries. Timelines, subjects and
// cases all show decisions this way.
import { h, facts } from './dom.js';
import { badge, caseHref, hashPrefix, number, subjectHref, time } from './format.js';

/** The id an element of a decision takes, so that a reason can point at its decision. */
export function decisionAnchor(decision) {
  return `decision-${decision}`;
}

/**
 * One audit record (or a case's decision, which has the same fields bar the chain's).
 * `subjectOf(decisionId)` names the subject that holds an inherited decision, when the caller knows it.
 */
export function decisionArticle(record, { subjectOf = () => null } = {}) {
  const kind = record.kind ?? 'decision';
  const policy = record.policy;
  const headingId = `${decisionAnchor(record.decision)}-heading`;
  const article = h('article', {
    class: `decision kind-${kind}`,
    id: decisionAnchor(record.decision),
    tabindex: -1,
    'aria-labelledby': headingId,
    'data-inherited': record.inherited ?? null,
  });

  const title = [
    record.kind ? badge(kind, 'kind') : null,
    h('strong', { class: 'action' }, record.action),
    record.from && record.to ? h('span', { class: 'rungs' }, `${record.from} → ${record.to}`) : null,
    record.shadow ? badge('shadow', 'kind') : null,
  ];
  article.append(
    h('header', null,
      h('h3', { id: headingId }, title),
      time(record.at)));

  article.append(facts([
    ['Policy', policy ? policyRef(policy) : null],
    ['Actor', record.actor ? h('span', { class: 'actor' }, record.actor) : null],
    ['Subject', record.subject && !record.subject.startsWith('account:') ? subjectLinkOrText(record.subject) : null],
    ['In force', record.effectiveAt && record.effectiveAt !== record.at ? time(record.effectiveAt) : null],
    ['Until', record.until ? time(record.until) : null],
    ['Inherited from', record.inherited ? inheritedFrom(record, subjectOf(record.inherited)) : null],
    ['Decision', h('code', null, record.decision)],
  ]));

  if (record.explanation) article.append(explanation(record.explanation));
  if (record.evidence) article.append(...evidence(record.evidence));
  if (record.seq !== undefined && record.hash) {
    article.append(h('p', { class: 'chain' }, `record ${record.seq} of the chain `, hashPrefix(record.hash)));
  }
  return article;
}

function policyRef(policy) {
  return h('span', { class: 'policy' },
    h('code', null, policy.id), ` version ${policy.version} `, hashPrefix(policy.hash));
}

function subjectLinkOrText(subject) {
  const href = subjectHref(subject);
  return href ? h('a', { href, class: 'mono' }, subject) : h('span', { class: 'mono' }, subject);
}

/** The subject holding an inherited decision: as the caller knows it, else as the record's explanation names it. */
function inheritedFrom(record, known) {
  const named = /^(\S+:\S+) holds /.exec(record.explanation ?? '')?.[1];
  const subject = known ?? named;
  const decision = h('code', null, record.inherited);
  if (!subject) return h('span', null, 'decision ', decision);
  return h('span', null, 'decision ', decision, ' of ', subjectLinkOrText(subject));
}

/**
 * "cond => true with term = v, …" reads as the condition, then the values that made it so. Text the pattern does not
 * match (an overturn's note, an inheritance) is shown as it is.
 */
export function explanation(text) {
  const match = /^([\s\S]*?) => (true|false) with ([\s\S]*)$/.exec(text);
  const block = h('div', { class: 'explanation' }, h('p', { class: 'label' }, 'Why'));
  if (!match) {
    block.append(h('p', { class: 'text' }, linkCases(text)));
    return block;
  }
  block.append(
    h('p', null, h('span', { class: 'sub' }, 'Condition '), h('code', null, match[1]), ' is ', h('strong', null, match[2])),
    h('p', null, h('span', { class: 'sub' }, 'Values '), h('code', { class: 'values' }, match[3])));
  return block;
}

/** A reviewer's decision names its case ("…; case c-5ad7…: note"): the case opens from here. */
function linkCases(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(/\bcase (c-[0-9a-f]{8,})\b/g)) {
    const at = match.index + 'case '.length;
    parts.push(text.slice(last, at), h('a', { href: caseHref(match[1]), class: 'mono' }, match[1]));
    last = at + match[1].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function evidence(evidence) {
  const parts = [];
  const aggregates = Object.entries(evidence.aggregates ?? {});
  if (aggregates.length) {
    parts.push(h('table', { class: 'evidence' },
      h('caption', null, 'Evidence'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Aggregate'), h('th', { scope: 'col' }, 'Value'))),
      h('tbody', null, aggregates.map(([name, value]) =>
        h('tr', null, h('th', { scope: 'row' }, h('code', null, name)), h('td', null, number(value)))))));
  }
  const signals = evidence.signals ?? [];
  if (signals.length) {
    parts.push(h('p', { class: 'signals' }, 'Sample signals: ',
      signals.map((id, i) => [i ? ', ' : '', h('code', null, id)])));
  }
  return parts;
}
