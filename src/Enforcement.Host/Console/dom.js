// Elements are built from data, never from HTML strings: whatever a signal, a policy file or a customer's statement
// holds lands in the page as text.

/** An element: h('a', { href: '#/queue', class: 'x', onclick: f }, 'text', child, [more]). */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** Appends children, skipping null and false, flattening arrays, turning anything else into text. */
export function append(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

/** A description list from [term, value] pairs; pairs whose value is null or undefined are left out. */
export function facts(pairs, className = 'facts') {
  const list = h('dl', { class: className });
  for (const [term, value] of pairs) {
    if (value === null || value === undefined) continue;
    list.append(h('dt', null, term), h('dd', null, value));
  }
  return list;
}

/** A region that announces errors; empty and hidden until show() is called. */
export function alertRegion() {
  const region = h('p', { class: 'error', role: 'alert', hidden: true });
  return {
    element: region,
    show(message) {
      region.textContent = message;
      region.hidden = !message;
    },
    clear() {
      region.textContent = '';
      region.hidden = true;
    },
  };
}

/** A placeholder while something loads. */
export function loading(what) {
  return h('p', { class: 'loading', 'aria-live': 'polite' }, `Loading ${what}…`);
}
