import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { drawHighlights } from '../../../src/content/draw-highlights.ts';
import type { Annotation } from '../../../src/shared/annotation.ts';

function annotationOf(
  exact: string,
  prefix: string,
  suffix: string,
  colour: Annotation['colour'] = 'yellow',
): Annotation {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    type: 'Annotation',
    motivation: 'highlighting',
    created: '2026-11-27T10:00:00.000Z',
    modified: '2026-11-27T10:00:00.000Z',
    body: [],
    target: {
      source: 'https://news.example/a',
      selector: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        // Measured on the saved article's text: meaningless on the live page.
        { type: 'TextPositionSelector', start: 0, end: exact.length },
      ],
    },
    articleId: 'a',
    colour,
  };
}

const PAGE = `<body><nav>Home · World</nav><article><p>La Russie et la <b>Corée du Nord</b> se
  rapprochent encore un peu plus.</p><p>Le président russe est attendu à Pyongyang.</p></article></body>`;

describe('drawHighlights on a live page (browsers without the CSS Highlight API)', () => {
  it('marks the quoted text across elements and leaves the page text unchanged', () => {
    const dom = new JSDOM(PAGE);
    const { document } = dom.window;
    const before = document.body.textContent;
    const result = drawHighlights(document, [
      annotationOf(
        'la Corée du Nord se\n  rapprochent',
        'La Russie et ',
        ' encore un peu plus.',
        'green',
      ),
    ]);
    expect(result).toEqual({ placed: 1, orphaned: 0 });
    const marks = [...document.querySelectorAll('mark[data-margins-colour="green"]')];
    expect(marks.map((mark) => mark.textContent).join('')).toBe(
      'la Corée du Nord se\n  rapprochent',
    );
    expect(document.body.textContent).toBe(before);
    expect(document.querySelector('b')?.textContent).toBe('Corée du Nord');
  });

  it('counts a highlight whose text is gone from the page as not placed', () => {
    const dom = new JSDOM(PAGE);
    const result = drawHighlights(dom.window.document, [
      annotationOf('a sentence the page no longer has at all', 'x', 'y'),
    ]);
    expect(result).toEqual({ placed: 0, orphaned: 1 });
    expect(dom.window.document.querySelector('mark')).toBeNull();
  });

  // Regression: Firefox ESR 140 hands a content script the page's adopted sheets through a
  // wrapper that cannot be iterated, and the revisit script stopped before drawing anything.
  it("still draws when the page's adopted style sheets cannot be iterated", () => {
    const dom = new JSDOM(PAGE);
    const { document, window } = dom.window;
    let adopted: unknown = { length: 0 };
    Object.defineProperty(document, 'adoptedStyleSheets', {
      get: () => adopted,
      set: (value: unknown) => {
        adopted = value;
      },
    });
    Object.defineProperty(window, 'CSSStyleSheet', {
      value: class {
        replaceSync(): void {}
      },
    });
    const result = drawHighlights(document, [
      annotationOf('Le président russe', '', ' est attendu', 'blue'),
    ]);
    expect(result).toEqual({ placed: 1, orphaned: 0 });
    expect(document.querySelector('mark[data-margins-colour="blue"]')?.textContent).toBe(
      'Le président russe',
    );
    expect(document.head.querySelector('style')?.textContent).toContain('margins-blue');
  });
});
