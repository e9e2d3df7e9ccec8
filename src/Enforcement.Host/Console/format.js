// How values read in the console: times in UTC as the audit log writes them, states as coloured words.
import { h } from './dom.js';

/** 2026-03-02 14:05:09 UTC, with the exact instant in the element's datetime. */
export function time(iso) {
  if (!iso) return null;
  const text = String(iso).replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
  return h('time', { datetime: iso }, text);
}

/** How far an instant lies from now: "in 3h 10m", "2d 4h ago". */
export function fromNow(iso) {
  const ms = Date.parse(iso) - Date.now();
  if (Number.isNaN(ms)) return '';
  const span = duration(Math.abs(ms));
  return ms >= 0 ? `in ${span}` : `${span} ago`;
}

function duration(ms) {
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
}

const states = new Set(['allow', 'throttle', 'challenge', 'suspended']);

/** The enforcement state as a coloured word. */
export function stateBadge(state, props = {}) {
  const known = states.has(state) ? state : 'unknown';
  return h('span', { ...props, class: `state state-${known} ${props.class ?? ''}`.trim() }, state);
}

/** A small coloured label: a case's status or priority, a record's kind. */
export function badge(text, family) {
  const slug = String(text).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return h('span', { class: `badge badge-${family} badge-${family}-${slug}` }, text);
}

/** A number as a reviewer reads it: at most four decimals, no exponent. */
export function number(value) {
  if (typeof value !== 'number') return String(value);
  return value.toLocaleString('en', { maximumFractionDigits: 4 });
}

export function share(part, whole) {
  if (!whole) return '—';
  return (part / whole).toLocaleString('en', { style: 'percent', maximumFractionDigits: 1 });
}

/** The first characters of a content hash, the whole of it on hover. */
export function hashPrefix(hash) {
  if (!hash) return null;
  return h('abbr', { class: 'hash', title: hash }, `#${hash.slice(0, 12)}`);
}

/** Where a subject key (payment:9f3a, account:a-42, ip_prefix:203.0.113.0/24) opens in the console. */
export function subjectHref(subject) {
  const colon = subject.indexOf(':');
  if (colon < 0) return null;
  const scope = subject.slice(0, colon);
  const key = subject.slice(colon + 1);
  return scope === 'account' ? accountHref(key) : `#/subject/${encodeURIComponent(scope)}/${encodeURIComponent(key)}`;
}

export function accountHref(account) {
  return `#/account/${encodeURIComponent(account)}`;
}

export function caseHref(id) {
  return `#/case/${encodeURIComponent(id)}`;
}

/** A link to a subject's view. */
export function subjectLink(subject) {
  const href = subjectHref(subject);
  return href ? h('a', { href, class: 'mono' }, subject) : h('span', { class: 'mono' }, subject);
}
