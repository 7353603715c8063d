// What failed while a page was read travels with the article like any other field, and a later
// save that read the page cleanly clears it on every device.
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src/shared/article.ts';
import { emptyArticleState, type Stamp } from '../../../src/sync/crdt.ts';
import { recordLocalChanges, renderState, sameRecords } from '../../../src/sync/mapping.ts';
import { makeRecord } from '../helpers/snapshot.ts';

const saved = makeRecord({}, { id: 'a1', savedAt: '2024-06-18T10:00:00.000Z' });
const stamp = (t: number): Stamp => ({ t, d: 'device-a' });
const local = (article: ArticleRecord) => ({ article, annotations: [] });

describe('extractionFailures in a synced state', () => {
  it.each([
    ['failures recorded', [{ step: 'json-ld' as const, error: 'SyntaxError: bad' }]],
    ['no failures', []],
    ['a record saved before failures were recorded', undefined],
  ])('renders back as stored: %s', (_shape, extractionFailures) => {
    const article: ArticleRecord = { ...saved, extractionFailures };
    if (extractionFailures === undefined) delete article.extractionFailures;
    const state = recordLocalChanges(emptyArticleState(article.id), local(article), stamp(1));
    const rendered = renderState(state);
    expect(rendered.article).toEqual(article);
    expect(sameRecords(rendered, local(article))).toBe(true);
  });

  it('is cleared by a later save that read the page cleanly', () => {
    const failed = { ...saved, extractionFailures: [{ step: 'title' as const, error: 'x' }] };
    const first = recordLocalChanges(emptyArticleState(saved.id), local(failed), stamp(1));
    const clean = { ...saved, extractionFailures: [] };
    const second = recordLocalChanges(first, local(clean), stamp(2));
    expect(renderState(second).article?.extractionFailures).toEqual([]);
  });
});
