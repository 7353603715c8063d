// Why: the reader and live pages turn selections into offsets and back; both ways must agree.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { anchor } from '../../../src/shared/anchoring/anchor.ts';
import { describeRange } from '../../../src/shared/anchoring/describe.ts';
import {
  rangeFromTextOffsets,
  textOf,
  textOffsetsOfRange,
} from '../../../src/shared/anchoring/dom.ts';

const HTML = `<!doctype html><html><body><header>Site menu</header>
<article id="root"><h1>Ferries <em>return</em></h1>
  <p>The two <b>small</b> ferries<!-- note --> cross the <a href="#">inner <i>harbour</i></a>.</p>
  <p></p>
  <p dir="rtl" lang="ar">افتتحت البلدية <span>مكتبة</span> جديدة</p>
  <p>L’été a été <strong>très</strong> chaud à Besançon.</p>
</article><footer>Footer</footer></body></html>`;

function setUp(html = HTML) {
  const { window } = new JSDOM(html);
  const root = window.document.getElementById('root');
  if (!root) throw new Error('no root');
  // An empty text node must count for nothing.
  root.querySelector('p')?.append(window.document.createTextNode(''));
  return { document: window.document, root, text: textOf(root) };
}

describe('textOf', () => {
  it('is the text nodes of the root in document order, comments left out', () => {
    const { root, text } = setUp();
    expect(text).toBe(root.textContent);
    expect(text).toContain('The two small ferries cross the inner harbour.');
    expect(text).not.toContain('Site menu');
  });
});

describe('offsets ↔ DOM range', () => {
  it('round-trips every range between word boundaries', () => {
    const { root, text } = setUp();
    const bounds = [0, ...[...text.matchAll(/\s+/g)].map((m) => m.index), text.length];
    for (const start of bounds) {
      for (const end of bounds.filter((b) => b >= start)) {
        const range = rangeFromTextOffsets(root, start, end);
        expect(range?.toString()).toBe(text.slice(start, end));
        expect(range && textOffsetsOfRange(root, range)).toEqual({ start, end });
      }
    }
  });

  it.each([
    ['inside nested inline markup', 'small ferries cross the inner har'],
    ['across paragraphs', /harbour\.\s+افتتحت/],
    ['Arabic text', 'البلدية مكتبة جديدة'],
    ['French text with accents', 'L’été a été très chaud à Besançon'],
  ])('maps %s', (_name, pattern) => {
    const { root, text } = setUp();
    const quote = typeof pattern === 'string' ? pattern : (pattern.exec(text)?.[0] ?? '?');
    const start = text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    const range = rangeFromTextOffsets(root, start, start + quote.length);
    expect(range?.toString()).toBe(quote);
  });

  it('measures ranges whose boundaries are elements, not text', () => {
    const { document, root, text } = setUp();
    const strong = document.querySelector('strong');
    const link = document.querySelector('a');
    if (!strong || !link) throw new Error('fixture changed');
    const range = document.createRange();
    range.selectNodeContents(strong);
    expect(textOffsetsOfRange(root, range)).toEqual({
      start: text.indexOf('très'),
      end: text.indexOf('très') + 4,
    });
    range.setStartBefore(link);
    range.setEndAfter(link);
    const inner = text.indexOf('inner harbour');
    expect(textOffsetsOfRange(root, range)).toEqual({ start: inner, end: inner + 13 });
  });

  it('clamps the parts of a range outside the root', () => {
    const { document, root, text } = setUp();
    const range = document.createRange();
    range.setStart(document.querySelector('header') ?? document.body, 0);
    range.setEnd(document.querySelector('footer') ?? document.body, 1);
    expect(textOffsetsOfRange(root, range)).toEqual({ start: 0, end: text.length });
  });

  it.each([
    [-1, 2],
    [3, 2],
    [0, 10_000],
    [1.5, 2],
  ])('gives no range for offsets %d..%d', (start, end) => {
    const { root } = setUp();
    expect(rangeFromTextOffsets(root, start, end)).toBeNull();
  });

  it('places collapsed ranges at the text ends', () => {
    const { root, text } = setUp();
    expect(rangeFromTextOffsets(root, 0, 0)?.collapsed).toBe(true);
    const end = rangeFromTextOffsets(root, text.length, text.length);
    expect(end && textOffsetsOfRange(root, end)).toEqual({ start: text.length, end: text.length });
  });
});

describe('a highlight from one rendering placed on another', () => {
  it('finds a selection from the reader on a live page with other markup', () => {
    const reader = setUp();
    const quote = 'ferries cross the inner harbour';
    const start = reader.text.indexOf(quote);
    const range = rangeFromTextOffsets(reader.root, start, start + quote.length);
    if (!range) throw new Error('no range');
    const offsets = textOffsetsOfRange(reader.root, range);
    const selectors = describeRange(reader.text, offsets.start, offsets.end);

    const live = setUp(
      `<body><nav>Home News</nav><div id="root"><h2>Ferries return</h2><div><p>
      The two <span class="x">small ferries</span>
      cross the <a href="/h">inner harbour</a>.</p></div></div></body>`,
    );
    const placed = anchor(live.text, selectors);
    expect(placed).not.toBeNull();
    const liveRange = placed && rangeFromTextOffsets(live.root, placed.start, placed.end);
    expect(liveRange?.toString().replace(/\s+/g, ' ')).toBe(quote);
  });
});
