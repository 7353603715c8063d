// The cheap element walks match what the plain DOM calls they replace would answer.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  closestWhere,
  elementsWhere,
  hasMoreChildrenThan,
  isLink,
  named,
} from '../../../src/shared/article-html/elements.ts';

const doc = new JSDOM(
  '<body><ul id="list"><li>a</li><li>b <b>c</b></li><li>d</li></ul><p id="empty"></p></body>',
).window.document;
const byId = (id: string): Element => doc.getElementById(id) as Element;

describe('hasMoreChildrenThan', () => {
  it.each([
    ['list', 2, true],
    ['list', 3, false],
    ['empty', 0, false],
  ])('%s has more than %i children: %s', (id, limit, expected) => {
    expect(hasMoreChildrenThan(byId(id), limit)).toBe(expected);
    expect(byId(id).childElementCount > limit).toBe(expected);
  });
});

describe('elementsWhere', () => {
  it('walks in document order, the root included', () => {
    const names = elementsWhere(doc.body, () => true).map((el) => el.localName);
    expect(names).toEqual(['body', 'ul', 'li', 'li', 'b', 'li', 'p']);
  });
  it('stops after the limit', () => {
    expect(elementsWhere(doc.body, (el) => el.localName === 'li', 2)).toHaveLength(2);
  });
});

describe('closestWhere', () => {
  it.each([
    ['b', 'li, ul'],
    ['b', 'b'],
    ['b', 'table, pre'],
    ['list', 'body'],
  ])('from #%s finds what closest(%j) finds', (from, selector) => {
    const el = from === 'b' ? (doc.querySelector('b') as Element) : byId(from);
    const tags = selector.split(',').map((tag) => tag.trim());
    expect(closestWhere(el, named(...tags))).toBe(el.closest(selector));
  });
});

describe('isLink', () => {
  it('accepts an <a> with an address, as a[href] does', () => {
    const links = new JSDOM('<a href="/x">x</a><a name="top">top</a><area href="/y">').window
      .document.body;
    const found = elementsWhere(links, isLink).map((el) => el.outerHTML);
    expect(found).toEqual(Array.from(links.querySelectorAll('a[href]'), (el) => el.outerHTML));
    expect(found).toHaveLength(1);
  });
});
