/**
 * The merge rules of one article's synced state: the join is commutative, associative and
 * idempotent on states reached by real edits, and each field follows its documented rule.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TEXT_VERSIONS_SEPARATOR,
  annotationExists,
  articleExists,
  compactArticle,
  emptyAnnotationState,
  emptyArticleState,
  joinArticle,
  joinText,
  renderText,
  tagPresent,
  writeText,
  type ArticleState,
  type Stamp,
  type TagState,
  type TextVersion,
} from '../../../src/sync/crdt.ts';
import { canonical } from '../../../src/sync/mapping.ts';
import {
  ARTICLE_ID,
  EVERY_OPERATION,
  NOTES_AND_DELETES,
  Simulation,
  operationArbitrary,
  type Operation,
  type OperationWeights,
} from './simulation.ts';

const same = (a: unknown, b: unknown) => expect(canonical(a)).toBe(canonical(b));

/** Random edits and syncs between replicas, and three picks among the states they held. */
function history(weights: readonly OperationWeights[], replicas = fc.integer({ min: 2, max: 3 })) {
  return fc
    .record({ replicas, weights: fc.constantFrom(...weights) })
    .chain(({ replicas: count, weights: drawn }) =>
      fc.record({
        replicas: fc.constant(count),
        operations: fc.array(operationArbitrary(count, drawn), {
          minLength: 1,
          maxLength: 40,
          size: 'max',
        }),
        picks: fc.tuple(fc.nat(), fc.nat(), fc.nat()),
      }),
    );
}

/**
 * Runs the edits, calling `check` with the states the replicas hold after each step (the ones
 * a sync merges), then with three of all the states any replica held.
 */
function eachStates(
  { replicas, operations, picks }: { replicas: number; operations: Operation[]; picks: number[] },
  check: (a: ArticleState, b: ArticleState, c: ArticleState) => void,
) {
  const simulation = new Simulation(replicas);
  for (let to = 1; to < replicas; to += 1) simulation.sync(0, to);
  for (const operation of operations) {
    simulation.apply(operation);
    const [a, b, c] = simulation.replicas.map((replica) => replica.state) as ArticleState[];
    check(a as ArticleState, b as ArticleState, c ?? (a as ArticleState));
  }
  const { states } = simulation;
  const [a, b, c] = picks.map((pick) => states[pick % states.length]) as ArticleState[];
  check(a as ArticleState, b as ArticleState, c as ArticleState);
}

/** Edits without deletes: nothing is compacted, so every grouping of merges keeps the same. */
const WITHOUT_DELETES: OperationWeights = {
  ...EVERY_OPERATION,
  'delete-annotation': 0,
  'delete-article': 0,
  'restore-article': 0,
};

describe('joinArticle', () => {
  it(
    'is commutative and idempotent, and a merge absorbs what it merged',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(history([EVERY_OPERATION, NOTES_AND_DELETES]), (run) =>
          eachStates(run, (a, b) => {
            const ab = joinArticle(a, b);
            same(ab, joinArticle(b, a));
            same(joinArticle(a, a), a);
            same(joinArticle(ab, a), ab);
            same(joinArticle(b, ab), ab);
          }),
        ),
        { numRuns: 150 },
      );
    },
  );

  it('is associative on states made by edits without deletes', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(history([WITHOUT_DELETES], fc.constant(3)), (run) =>
        eachStates(run, (a, b, c) => {
          same(joinArticle(joinArticle(a, b), c), joinArticle(a, joinArticle(b, c)));
        }),
      ),
      { numRuns: 200 },
    );
  });

  it('refuses to merge two different articles', () => {
    expect(() => joinArticle(emptyArticleState('a'), emptyArticleState('b'))).toThrow();
  });
});

const at = (t: number, d = 'laptop'): Stamp => ({ t, d });

/** A live article with a title written at `t`. */
function article(t: number, title = 'A story'): ArticleState {
  return {
    ...emptyArticleState(ARTICLE_ID),
    fields: { title: { v: title, s: at(t) } },
    alive: { v: true, s: at(t) },
  };
}

function withTag(state: ArticleState, tag: TagState): ArticleState {
  return { ...state, tags: { ...state.tags, [tag.name.toLowerCase()]: tag } };
}

function tagsOf(state: ArticleState): string[] {
  return Object.values(state.tags)
    .filter(tagPresent)
    .map((tag) => tag.name)
    .sort();
}

describe('tags', () => {
  const base = article(1);

  it('merge as sets: a tag added on either device is on both', () => {
    const laptop = withTag(base, { name: 'news', added: at(2), removed: null });
    const phone = withTag(base, { name: 'later', added: at(3, 'phone'), removed: null });
    expect(tagsOf(joinArticle(laptop, phone))).toEqual(['later', 'news']);
    expect(tagsOf(joinArticle(phone, laptop))).toEqual(['later', 'news']);
  });

  it('order an add and a remove of one tag by time', () => {
    const added = withTag(base, { name: 'news', added: at(2), removed: null });
    const removedLater = withTag(base, { name: 'news', added: at(2), removed: at(5, 'phone') });
    const addedAgainLater = withTag(base, { name: 'news', added: at(7), removed: at(4) });
    expect(tagsOf(joinArticle(added, removedLater))).toEqual([]);
    expect(tagsOf(joinArticle(removedLater, added))).toEqual([]);
    // Removed at 5 on the phone, added again at 7 on the laptop: the add is newer.
    expect(tagsOf(joinArticle(removedLater, addedAgainLater))).toEqual(['news']);
    expect(tagsOf(joinArticle(addedAgainLater, removedLater))).toEqual(['news']);
    // A remove older than the add it meets loses.
    const removedEarly = withTag(base, { name: 'news', added: at(1), removed: at(3, 'phone') });
    const addedAfter = withTag(base, { name: 'news', added: at(6), removed: null });
    expect(tagsOf(joinArticle(removedEarly, addedAfter))).toEqual(['news']);
  });

  it('are one tag whatever their case, named as last added', () => {
    const lower = withTag(base, { name: 'news', added: at(2), removed: null });
    const upper = withTag(base, { name: 'News', added: at(3, 'phone'), removed: null });
    expect(tagsOf(joinArticle(lower, upper))).toEqual(['News']);
    expect(tagsOf(joinArticle(upper, lower))).toEqual(['News']);
  });
});

describe('deletes', () => {
  const deletedAt = (state: ArticleState, t: number): ArticleState =>
    compactArticle({ ...state, alive: { v: false, s: at(t, 'phone') } });

  it('win over an older edit, and leave only the tombstone', () => {
    const edited = article(1, 'Edited at 2');
    edited.fields.title = { v: 'Edited at 2', s: at(2) };
    const deleted = deletedAt(article(1), 3);
    for (const merged of [joinArticle(edited, deleted), joinArticle(deleted, edited)]) {
      expect(articleExists(merged)).toBe(false);
      same(merged, { ...emptyArticleState(ARTICLE_ID), alive: { v: false, s: at(3, 'phone') } });
    }
  });

  it('lose to a newer edit, which keeps the article and its content', () => {
    const edited = article(1);
    edited.fields.title = { v: 'Edited at 4', s: at(4) };
    const deleted = deletedAt(article(1), 3);
    for (const merged of [joinArticle(edited, deleted), joinArticle(deleted, edited)]) {
      expect(articleExists(merged)).toBe(true);
      expect(merged.fields.title?.v).toBe('Edited at 4');
    }
  });

  it('of a highlight win over an older edit of it and lose to a newer one', () => {
    const highlight = (noteAt: number) => ({
      fields: { colour: { v: 'yellow', s: at(1) } },
      note: writeText([], `note at ${noteAt}`, at(noteAt)),
      alive: { v: true, s: at(1) },
    });
    const withHighlight = (
      state: ArticleState,
      annotation: ArticleState['annotations'][string],
    ) => ({
      ...state,
      annotations: { h: annotation },
    });
    const deleted = withHighlight(article(1), {
      ...emptyAnnotationState(),
      alive: { v: false, s: at(3, 'phone') },
    });
    const older = joinArticle(withHighlight(article(1), highlight(2)), deleted);
    expect(annotationExists(older.annotations.h ?? emptyAnnotationState())).toBe(false);
    const newer = joinArticle(deleted, withHighlight(article(1), highlight(4)));
    expect(annotationExists(newer.annotations.h ?? emptyAnnotationState())).toBe(true);
    expect(renderText(newer.annotations.h?.note ?? [])).toBe('note at 4');
  });
});

describe('notes', () => {
  const first = writeText([], 'first', at(1));
  const onLaptop = writeText(first, 'from the laptop', at(2));
  const onPhone = writeText(first, 'from the phone', at(3, 'phone'));

  it('keep both texts of edits made without seeing each other, the newest first', () => {
    const merged = joinText(onLaptop, onPhone);
    same(merged, joinText(onPhone, onLaptop));
    expect(merged).toHaveLength(2);
    expect(renderText(merged)).toBe(`from the phone${TEXT_VERSIONS_SEPARATOR}from the laptop`);
  });

  it('give way to a write that saw both', () => {
    const tidied = writeText(joinText(onLaptop, onPhone), 'tidied', at(4));
    for (const merged of [
      joinText(tidied, onLaptop),
      joinText(onPhone, tidied),
      joinText(joinText(onLaptop, onPhone), tidied),
    ]) {
      expect(renderText(merged)).toBe('tidied');
    }
    // And the text they replaced gives way to each of them.
    expect(renderText(joinText(first, onLaptop))).toBe('from the laptop');
  });

  it('show a text once, and no empty text', () => {
    const same1 = writeText(first, 'same words', at(2));
    const same2 = writeText(first, 'same words', at(3, 'phone'));
    const cleared = writeText(first, '', at(4, 'tablet'));
    expect(renderText(joinText(joinText(same1, same2), cleared))).toBe('same words');
  });

  it('written after a delete dropped a device’s older texts are not taken for one of them', () => {
    // The laptop wrote "old" at 2; a delete at 3 dropped it from the laptop's state, but the
    // phone still holds it. After an undo, the laptop writes "new" at 5 from nothing.
    const old = writeText([], 'old', at(2));
    const fresh = writeText([], 'new', at(5));
    expect(renderText(joinText(old, fresh))).toBe('new');
    expect(renderText(joinText(fresh, old))).toBe('new');
  });

  it('merge the same way in either order even when two versions claim to be one write', () => {
    const a: TextVersion[] = [{ v: 'a', s: at(2), vv: { laptop: 1 } }];
    const b: TextVersion[] = [{ v: 'b', s: at(5), vv: { laptop: 1 } }];
    same(joinText(a, b), joinText(b, a));
  });
});
