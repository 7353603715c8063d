/**
 * Turns the user's text selection into offsets on the article text. Only selections that touch
 * the article container count; the parts outside it are clamped away by textOffsetsOfRange.
 */
import { textOffsetsOfRange } from '../shared/anchoring/index.ts';

export interface ArticleSelection {
  start: number;
  end: number;
  /** Where the selection is drawn, in page coordinates, for placing the toolbar. */
  top: number;
  left: number;
}

/** `text` is textOf(container), passed in because the reader already holds it. */
export function articleSelection(container: Element, text: string, selection: Selection | null) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const { start, end } = textOffsetsOfRange(container, range);
  // A selection of only spaces or line breaks makes no useful highlight.
  if (end <= start || text.slice(start, end).trim() === '') return null;
  const rect = range.getBoundingClientRect();
  const view = container.ownerDocument.defaultView;
  const found: ArticleSelection = {
    start,
    end,
    top: rect.bottom + (view?.scrollY ?? 0),
    left: rect.left + (view?.scrollX ?? 0),
  };
  return found;
}

/** Whether a key press was meant for a text field rather than for the reader's shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
