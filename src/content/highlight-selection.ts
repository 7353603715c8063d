/**
 * "Highlight selection" on a live page: the selection is described by its quote and context in
 * the page's text, then placed in the article text (the saved body's text, where every
 * annotation is measured) so the highlight shows in the reader and on the page alike.
 */
import { anchor } from '../shared/anchoring/anchor.ts';
import { describeRange } from '../shared/anchoring/describe.ts';
import { textOf, textOffsetsOfRange } from '../shared/anchoring/dom.ts';
import { articleTextOf } from '../shared/article-body.ts';
import type { SelectionCapture } from '../shared/in-tab.ts';
import { extractArticle } from './extract/index.ts';

export function captureSelection(doc: Document): SelectionCapture {
  const snapshot = extractArticle(doc);
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return { kind: 'no-selection', snapshot };
  }
  const root = doc.body;
  const { start, end } = textOffsetsOfRange(root, selection.getRangeAt(0));
  const pageText = textOf(root);
  if (pageText.slice(start, end).trim() === '') return { kind: 'no-selection', snapshot };
  const [quote] = describeRange(pageText, start, end);
  const articleText = articleTextOf(snapshot.contentHtml, doc);
  const placed = anchor(articleText, [quote]);
  if (!placed) return { kind: 'outside-article', snapshot };
  return {
    kind: 'highlight',
    snapshot,
    selector: describeRange(articleText, placed.start, placed.end),
  };
}
