// Why: highlights are drawn by wrapping text; the text (what offsets measure) must never change.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../../src/shared/anchoring/index.ts';
import { clearMarks, drawHighlights, wrapTextRange } from '../../../src/reader/marks.ts';
import type { Placed } from '../../../src/reader/placement.ts';
import type { Annotation } from '../../../src/shared/annotation.ts';

const BODY =
  '<p>La Russie et la <em>Corée du <strong>Nord</strong></em> se rapprochent.</p>\n' +
  '<ul>\n  <li>Moscou</li>\n  <li>Pyongyang</li>\n</ul>\n' +
  '<table><tbody><tr><td>un</td><td>deux</td></tr></tbody></table>';

function container(html = BODY): HTMLElement {
  const { document } = new JSDOM(`<div id="root">${html}</div>`).window;
  const root = document.getElementById('root');
  if (!root) throw new Error('no root');
  return root;
}

const attributes = { annotationId: 'urn:uuid:a', colour: 'yellow', label: 'Highlight' };

function annotation(id: string, colour: Annotation['colour']): Annotation {
  return { id, colour } as Annotation;
}

describe('wrapTextRange', () => {
  it('wraps a range across several elements without changing the text', () => {
    const root = container();
    const before = textOf(root);
    const start = before.indexOf('et la Corée');
    const end = before.indexOf('Pyongyang') + 'Pyong'.length;
    const marks = wrapTextRange(root, start, end, attributes);

    expect(textOf(root)).toBe(before);
    // Everything is marked but the layout whitespace between list items.
    expect(marks.map((mark) => mark.textContent).join('')).toBe(
      'et la Corée du Nord se rapprochent.\nMoscouPyong',
    );
    expect(marks.length).toBeGreaterThan(3);
    for (const mark of marks) {
      expect(mark.tagName).toBe('MARK');
      expect(mark.className).toBe('margins-hl');
      expect(mark.dataset.annotationId).toBe('urn:uuid:a');
      expect(mark.dataset.colour).toBe('yellow');
    }
    // One tab stop per highlight, named for assistive technology.
    expect(marks.filter((mark) => mark.tabIndex === 0)).toHaveLength(1);
    expect(marks[0]?.getAttribute('aria-label')).toBe('Highlight');
  });

  it('leaves the whitespace between list items and table cells unwrapped', () => {
    const root = container();
    const text = textOf(root);
    wrapTextRange(root, text.indexOf('Moscou'), text.indexOf('deux') + 4, attributes);
    expect(textOf(root)).toBe(text);
    for (const list of root.querySelectorAll('ul, tr, tbody')) {
      for (const child of list.childNodes) expect(child.nodeName).not.toBe('MARK');
    }
    expect(root.querySelector('td mark')?.textContent).toBe('un');
  });

  it('wraps part of one text node, splitting it at the offsets', () => {
    const root = container('<p>abcdef</p>');
    const marks = wrapTextRange(root, 2, 4, attributes);
    expect(marks.map((mark) => mark.textContent)).toEqual(['cd']);
    expect(root.innerHTML).toBe(
      '<p>ab<mark class="margins-hl" data-annotation-id="urn:uuid:a" data-colour="yellow" tabindex="0" aria-label="Highlight">cd</mark>ef</p>',
    );
  });

  it('returns nothing for offsets outside the text', () => {
    const root = container('<p>abc</p>');
    expect(wrapTextRange(root, 2, 10, attributes)).toEqual([]);
    expect(root.innerHTML).toBe('<p>abc</p>');
  });
});

describe('drawHighlights and clearMarks', () => {
  it('draws overlapping highlights nested, then restores the original DOM', () => {
    const root = container();
    const original = root.innerHTML;
    const text = textOf(root);
    const at = text.indexOf('Corée');
    const placed: Placed[] = [
      {
        annotation: annotation('urn:uuid:1', 'green'),
        start: at - 6,
        end: at + 12,
        method: 'position',
      },
      { annotation: annotation('urn:uuid:2', 'pink'), start: at, end: at + 5, method: 'quote' },
    ];
    drawHighlights(root, placed, (item) => item.annotation.id);
    expect(textOf(root)).toBe(text);
    expect(root.querySelectorAll('mark[data-annotation-id="urn:uuid:2"]')).toHaveLength(1);
    expect(root.querySelector('mark[data-colour=pink]')?.parentElement?.dataset.colour).toBe(
      'green',
    );

    // Re-drawing replaces the marks rather than adding more.
    drawHighlights(root, placed.slice(1), (item) => item.annotation.id);
    expect(root.querySelectorAll('mark')).toHaveLength(1);
    expect(textOf(root)).toBe(text);

    clearMarks(root);
    expect(root.innerHTML).toBe(original);
  });
});
