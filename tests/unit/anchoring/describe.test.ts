// Why: selectors are what gets stored; they must describe exactly the selected text.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../src/shared/anchoring/describe.ts';
import {
  SelectorSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
} from '../../../src/shared/anchoring/types.ts';

const TEXT =
  'The harbour ferry returned to service on Tuesday morning after four months of repairs, ' +
  'and the first crossing was full.';

describe('describeRange', () => {
  it('records the quote, 32 characters of context each side and the position', () => {
    const start = TEXT.indexOf('Tuesday');
    const end = start + 'Tuesday morning'.length;
    const [quote, position] = describeRange(TEXT, start, end);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Tuesday morning',
      prefix: TEXT.slice(start - 32, start),
      suffix: TEXT.slice(end, end + 32),
    });
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it.each([
    ['at the start of the text', 0, 3, '', TEXT.slice(3, 35)],
    ['at the end of the text', TEXT.length - 5, TEXT.length, TEXT.slice(-37, -5), ''],
  ])('keeps shorter context %s', (_name, start, end, prefix, suffix) => {
    const [quote] = describeRange(TEXT, start, end);
    expect(quote.prefix).toBe(prefix);
    expect(quote.suffix).toBe(suffix);
  });

  it('never cuts a surrogate pair in the context', () => {
    const text = `${'😀'.repeat(20)}quote${'😀'.repeat(20)}`;
    const start = text.indexOf('quote');
    const [quote] = describeRange(text, start, start + 5);
    expect(quote.prefix).toBe('😀'.repeat(16));
    expect(quote.suffix).toBe('😀'.repeat(16));
    const odd = `x${'😀'.repeat(20)}quote${'😀'.repeat(20)}`;
    const [oddQuote] = describeRange(odd, start + 1, start + 6);
    expect(oddQuote.prefix).toBe('😀'.repeat(16));
    expect(oddQuote.suffix).toBe('😀'.repeat(16));
  });

  it.each([
    [5, 5],
    [6, 5],
    [-1, 4],
    [0, TEXT.length + 1],
    [0.5, 3],
  ])('refuses the range %d..%d', (start, end) => {
    expect(() => describeRange(TEXT, start, end)).toThrow(RangeError);
  });
});

describe('selector schemas', () => {
  it('accept what describeRange records', () => {
    const [quote, position] = describeRange(TEXT, 4, 11);
    expect(v.parse(TextQuoteSelectorSchema, quote)).toEqual(quote);
    expect(v.parse(TextPositionSelectorSchema, position)).toEqual(position);
    expect(v.parse(SelectorSchema, quote)).toEqual(quote);
  });

  it.each([
    ['an empty quote', { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }],
    ['a quote without context fields', { type: 'TextQuoteSelector', exact: 'a' }],
    ['a reversed position', { type: 'TextPositionSelector', start: 5, end: 4 }],
    ['a negative position', { type: 'TextPositionSelector', start: -1, end: 4 }],
    ['a fractional position', { type: 'TextPositionSelector', start: 1.5, end: 4 }],
    ['an unknown selector', { type: 'CssSelector', value: 'p' }],
  ])('reject %s', (_name, value) => {
    expect(v.safeParse(SelectorSchema, value).success).toBe(false);
  });
});
