import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy…/waitFor wait up to 5 s, not 1 s: on CI's two cores, with every test file running at
// once, a lazily loaded part (the conflict dialog, the editor) can take longer than a second to
// appear. A test that waits for something that never comes still fails, only later.
configure({ asyncUtilTimeout: 5_000 });

/*
 * jsdom does no layout. ProseMirror (under Tiptap) measures the selection to scroll it into
 * view and to map coordinates to positions; Fluent's positioning and motion look for observers
 * and media queries. These stand-ins answer "nothing is laid out" instead of throwing.
 */

function emptyRect(): DOMRect {
  return new DOMRect(0, 0, 0, 0);
}

function emptyRectList(): DOMRectList {
  const list = {
    length: 0,
    item: () => null,
    [Symbol.iterator]: function* (): IterableIterator<DOMRect> {},
  };
  return list as unknown as DOMRectList;
}

// ProseMirror: coordsAtPos → Range/Text getClientRects and getBoundingClientRect.
if (typeof Range !== 'undefined') {
  Range.prototype.getClientRects ??= emptyRectList;
  Range.prototype.getBoundingClientRect ??= emptyRect;
}
// Text nodes are measured through ranges; some code paths call these on the node itself.
for (const proto of [Text.prototype, Element.prototype] as Array<{
  getClientRects?: () => DOMRectList;
  getBoundingClientRect?: () => DOMRect;
}>) {
  proto.getClientRects ??= emptyRectList;
  proto.getBoundingClientRect ??= emptyRect;
}

// ProseMirror: posAtCoords / drop handling.
document.elementFromPoint ??= () => null;

// Fluent (positioning, overflow, motion) observe sizes and read media queries.
globalThis.ResizeObserver ??= class ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

window.matchMedia ??= (query: string): MediaQueryList =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }) as MediaQueryList;

// Tabster (Fluent's focus manager) takes an element with no offsetParent for display:none and
// skips it when it moves focus on Tab; jsdom has no layout and answers null for every element.
// Answer as a browser would for visible elements: null only when the element or an ancestor is
// display:none, or it is <body> or not in the document.
function displayed(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  for (let el: Element | null = element; el; el = el.parentElement) {
    if (view?.getComputedStyle(el).display === 'none') return false;
  }
  return true;
}

Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement): Element | null {
    if (!this.isConnected || this === this.ownerDocument.body) return null;
    return displayed(this) ? this.parentElement : null;
  },
});

// Tabster also takes a <body> of size 0×0 for a page in a hidden frame and then finds nothing
// focusable. Give the body the window's size, as a browser would.
HTMLBodyElement.prototype.getBoundingClientRect = function getBoundingClientRect(): DOMRect {
  return new DOMRect(0, 0, window.innerWidth, window.innerHeight);
};

// Fluent scrolls an active option into view in listboxes.
Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};

afterEach(() => {
  cleanup();
  // The owner screen keeps the period and plan in the query string.
  window.history.replaceState(null, '', '/');
});
