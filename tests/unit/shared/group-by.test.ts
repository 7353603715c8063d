import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../src/shared/group-by.ts';

describe('groupBy', () => {
  it('sorts items into lists by key, keeping their order and the order keys first appear in', () => {
    const annotations = [
      { id: 'n1', articleId: 'b' },
      { id: 'n2', articleId: 'a' },
      { id: 'n3', articleId: 'b' },
    ];
    const byArticle = groupBy(annotations, (annotation) => annotation.articleId);
    expect([...byArticle.keys()]).toEqual(['b', 'a']);
    expect(byArticle.get('b')?.map((annotation) => annotation.id)).toEqual(['n1', 'n3']);
    expect(byArticle.get('a')?.map((annotation) => annotation.id)).toEqual(['n2']);
    expect(byArticle.get('c')).toBeUndefined();
  });

  it('gives an empty map for no items', () => {
    expect(groupBy([], () => 'key').size).toBe(0);
  });
});
