/**
 * Draws highlights by wrapping text in <mark> elements inside the article container. Wrapping only
 * moves existing text nodes into new elements, so the container's text (what selectors measure)
 * stays exactly the same, and later offsets stay valid.
 */
import { rangeFromTextOffsets, textNodesOf } from '../shared/anchoring/index.ts';
import type { Placed } from './placement.ts';

export const MARK_CLASS = 'margins-hl';
const MARK_SELECTOR = `mark.${MARK_CLASS}`;

/** Text nodes that sit where a phrasing element may not (between table rows, list items). */
const STRUCTURAL = new Set([
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'UL',
  'OL',
  'DL',
  'COLGROUP',
]);

/** The text nodes a range covers, each split so that it lies wholly inside the range. */
function coveredTextNodes(root: Node, range: Range): Text[] {
  const covered: Text[] = [];
  for (const node of textNodesOf(root)) {
    if (!range.intersectsNode(node)) continue;
    let piece = node;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to <= from) continue;
    // splitText keeps the characters and their order; only the node boundaries change.
    if (to < piece.data.length) piece.splitText(to);
    if (from > 0) piece = piece.splitText(from);
    covered.push(piece);
  }
  return covered;
}

export interface MarkAttributes {
  annotationId: string;
  colour: string;
  label: string;
}

/**
 * Wraps `textOf(root).slice(start, end)` in marks, one per text node, and returns them. Only the
 * first mark of a highlight is a tab stop, so each highlight is one stop for keyboard users.
 */
export function wrapTextRange(
  root: Element,
  start: number,
  end: number,
  attributes: MarkAttributes,
): HTMLElement[] {
  const range = rangeFromTextOffsets(root, start, end);
  if (!range) return [];
  const document = root.ownerDocument;
  const marks: HTMLElement[] = [];
  for (const node of coveredTextNodes(root, range)) {
    const parent = node.parentNode;
    if (!parent || (STRUCTURAL.has(parent.nodeName) && node.data.trim() === '')) continue;
    const mark = document.createElement('mark');
    mark.className = MARK_CLASS;
    mark.dataset.annotationId = attributes.annotationId;
    mark.dataset.colour = attributes.colour;
    if (marks.length === 0) {
      mark.tabIndex = 0;
      mark.setAttribute('aria-label', attributes.label);
    }
    parent.replaceChild(mark, node);
    mark.append(node);
    marks.push(mark);
  }
  return marks;
}

/** Removes every mark, putting its text back where it was and merging split text nodes. */
export function clearMarks(root: Element): void {
  const marks = [...root.querySelectorAll(MARK_SELECTOR)];
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}

/** Re-draws all highlights; `label` gives each highlight its accessible name. */
export function drawHighlights(
  root: Element,
  placed: readonly Placed[],
  label: (item: Placed) => string,
): void {
  clearMarks(root);
  for (const item of placed) {
    wrapTextRange(root, item.start, item.end, {
      annotationId: item.annotation.id,
      colour: item.annotation.colour,
      label: label(item),
    });
  }
}

/** The annotation id of the highlight an event happened in, if any. */
export function annotationIdAt(target: EventTarget | null): string | null {
  const element = target instanceof Element ? target.closest(MARK_SELECTOR) : null;
  return element instanceof HTMLElement ? (element.dataset.annotationId ?? null) : null;
}

/** The first mark of a highlight: where focus goes back to after editing it. */
export function firstMarkOf(root: Element, annotationId: string): HTMLElement | null {
  for (const mark of root.querySelectorAll<HTMLElement>(MARK_SELECTOR)) {
    if (mark.dataset.annotationId === annotationId) return mark;
  }
  return null;
}
