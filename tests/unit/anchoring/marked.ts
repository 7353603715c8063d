// Why: test cases mark where a quote is with ⟦ ⟧, so tables read as text rather than offsets.
import { describeRange } from '../../../src/shared/anchoring/describe.ts';
import type { RangeSelectors } from '../../../src/shared/anchoring/types.ts';

/** Strips the ⟦ ⟧ marks from `marked`, returning the text and the marked range if any. */
export function unmark(marked: string): { text: string; start: number; end: number } | null {
  const start = marked.indexOf('⟦');
  const end = marked.indexOf('⟧');
  const text = marked.replace(/[⟦⟧]/g, '');
  if (start === -1 || end === -1) return null;
  return { text, start, end: end - 1 };
}

export function textOf(marked: string): string {
  return marked.replace(/[⟦⟧]/g, '');
}

/** The selectors a user's highlight of the marked range would have stored. */
export function selectorsOf(marked: string): RangeSelectors {
  const range = unmark(marked);
  if (!range) throw new Error('no ⟦ ⟧ range in the test text');
  return describeRange(range.text, range.start, range.end);
}
