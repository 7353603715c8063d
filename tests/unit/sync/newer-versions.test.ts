// A newer version of Margins may record provenance this one does not know: a field source or an
// extraction step added later. The article must still sync here, and what this device does not
// understand must reach the other devices unchanged when the user edits something else.
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src/shared/article.ts';
import { emptyArticleState, type ArticleState, type Stamp } from '../../../src/sync/crdt.ts';
import { recordLocalChanges, renderState } from '../../../src/sync/mapping.ts';
import { makeRecord } from '../helpers/snapshot.ts';

const stamp = (t: number): Stamp => ({ t, d: 'device-a' });
const saved = makeRecord(
  { fieldSources: { title: 'json-ld', byline: 'json-ld' } },
  { id: 'a1', savedAt: '2024-06-18T10:00:00.000Z', extractionFailures: [] },
);

/** The state a newer version writes: the byline from a source added after this version. */
function writtenByNewerVersion(): ArticleState {
  const state = recordLocalChanges(
    emptyArticleState(saved.id),
    { article: saved, annotations: [] },
    stamp(1),
  );
  return {
    ...state,
    fields: {
      ...state.fields,
      'source:byline': { v: 'bluesky-handle', s: stamp(2) },
      extractionFailures: {
        v: [
          { step: 'bluesky-handle', error: 'TypeError: x is undefined' },
          { step: 'json-ld', error: 'SyntaxError: bad' },
        ],
        s: stamp(2),
      },
    },
  };
}

describe('an article synced from a newer version', () => {
  it('renders, with the sources and failures this version knows', () => {
    const { article } = renderState(writtenByNewerVersion());
    expect(article?.byline).toBe('Jane Doe');
    expect(article?.fieldSources).toEqual({ title: 'json-ld' });
    expect(article?.extractionFailures).toEqual([{ step: 'json-ld', error: 'SyntaxError: bad' }]);
  });

  it('keeps what this version cannot read when the user changes something else', () => {
    const state = writtenByNewerVersion();
    const rendered = renderState(state).article as ArticleRecord;
    const edited = { ...rendered, tags: ['later'], note: 'Read again' };
    const next = recordLocalChanges(state, { article: edited, annotations: [] }, stamp(3));
    expect(next.fields['source:byline']).toEqual(state.fields['source:byline']);
    expect(next.fields.extractionFailures).toEqual(state.fields.extractionFailures);
    expect(renderState(next).article).toMatchObject({ tags: ['later'], note: 'Read again' });
  });

  it('writes a value the user did change, over one this version could not read', () => {
    const state = writtenByNewerVersion();
    const rendered = renderState(state).article as ArticleRecord;
    const corrected: ArticleRecord = {
      ...rendered,
      byline: 'Jane Q. Doe',
      fieldSources: { ...rendered.fieldSources, byline: 'user' },
    };
    const next = recordLocalChanges(state, { article: corrected, annotations: [] }, stamp(3));
    expect(next.fields['source:byline']).toEqual({ v: 'user', s: stamp(3) });
    expect(renderState(next).article?.fieldSources.byline).toBe('user');
  });
});
