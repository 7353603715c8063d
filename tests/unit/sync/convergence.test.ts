/**
 * Any interleaving of edits and one-way syncs between two or three replicas ends, after every
 * replica has heard from every other, in one state and one set of records on all of them, with
 * no typed text lost that the conflict rules promise to keep.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteOf } from '../../../src/shared/annotation.ts';
import { canonical, renderState } from '../../../src/sync/mapping.ts';
import {
  EVERY_OPERATION,
  NOTES_AND_DELETES,
  Simulation,
  comparable,
  operationArbitrary,
  textsOf,
  type Operation,
  type OperationWeights,
} from './simulation.ts';

function scenario(weights: OperationWeights) {
  return fc.integer({ min: 2, max: 3 }).chain((replicas) =>
    fc.record({
      replicas: fc.constant(replicas),
      operations: fc.array(operationArbitrary(replicas, weights), {
        minLength: 1,
        maxLength: 40,
        size: 'max',
      }),
    }),
  );
}

function run(replicas: number, operations: readonly Operation[]): Simulation {
  const simulation = new Simulation(replicas);
  // Every replica starts from the article replica 0 saved.
  for (let to = 1; to < replicas; to += 1) simulation.sync(0, to);
  for (const operation of operations) {
    simulation.apply(operation);
    const acted = simulation.replicas[operation.kind === 'sync' ? operation.to : operation.replica];
    if (acted) {
      // What a replica's state renders to is what its user sees: the next diff starts from it.
      expect(comparable(renderState(acted.state))).toBe(comparable(acted.local));
    }
  }
  simulation.syncAll();
  return simulation;
}

function expectConverged(simulation: Simulation) {
  const [first, ...others] = simulation.replicas;
  for (const replica of others) {
    expect(canonical(replica.state)).toBe(canonical(first?.state));
    expect(comparable(replica.local)).toBe(comparable(first?.local ?? replica.local));
  }
}

function expectNoTextLost(simulation: Simulation) {
  const { article, annotations } = simulation.replicas[0]?.local ?? {
    article: null,
    annotations: [],
  };
  for (const { target, text, write } of simulation.requiredTexts()) {
    const where = `"${text}" (written at ${write.t}) in ${target}`;
    expect(article, where).not.toBeNull();
    if (target === 'page') {
      expect(textsOf(article?.note ?? ''), where).toContain(text);
    } else {
      const annotation = annotations.find((candidate) => candidate.id === target);
      expect(annotation, where).toBeDefined();
      expect(textsOf(annotation ? noteOf(annotation) : ''), where).toContain(text);
    }
  }
}

describe.each([
  { name: 'every kind of edit', weights: EVERY_OPERATION },
  { name: 'notes against deletes and undos', weights: NOTES_AND_DELETES },
])('replicas of one article, $name', ({ weights }) => {
  it('converge to one state and one set of records, with no typed text lost', () => {
    fc.assert(
      fc.property(scenario(weights), ({ replicas, operations }) => {
        const simulation = run(replicas, operations);
        expectConverged(simulation);
        expectNoTextLost(simulation);
      }),
      { numRuns: 500 },
    );
    // 500 random histories take a few seconds; more on a loaded machine.
  }, 60_000);
});

describe('notes written on two devices', () => {
  it('are both kept when neither had seen the other, the newer first', () => {
    const simulation = new Simulation(2);
    simulation.sync(0, 1);
    simulation.apply({ kind: 'page-note', replica: 0, clear: false });
    simulation.apply({ kind: 'page-note', replica: 1, clear: false });
    simulation.syncAll();
    const note = simulation.replicas[0]?.local.article?.note ?? '';
    expect(textsOf(note)).toEqual(['page note 3', 'page note 2']);
    expect(simulation.replicas[1]?.local.article?.note).toBe(note);
  });

  it('keep what was typed after a delete and its undo, against a copy from before the delete', () => {
    const simulation = new Simulation(3);
    simulation.sync(0, 1);
    simulation.sync(0, 2);
    simulation.apply({ kind: 'page-note', replica: 0, clear: false }); // t=2
    simulation.sync(0, 2);
    simulation.apply({ kind: 'delete-article', replica: 1 }); // t=3
    simulation.sync(1, 0);
    simulation.apply({ kind: 'restore-article', replica: 1 }); // t=4
    simulation.sync(1, 0);
    simulation.apply({ kind: 'page-note', replica: 0, clear: false }); // t=5
    // Replica 2 still holds the note written at t=2, before the delete.
    simulation.sync(2, 0);
    expect(textsOf(simulation.replicas[0]?.local.article?.note ?? '')).toContain('page note 5');
    simulation.syncAll();
    expectConverged(simulation);
    expectNoTextLost(simulation);
  });

  it('keep a restored note against an older copy of the same device’s note', () => {
    const simulation = new Simulation(2);
    simulation.sync(0, 1);
    simulation.apply({ kind: 'page-note', replica: 0, clear: false }); // t=2
    simulation.sync(0, 1);
    simulation.apply({ kind: 'page-note', replica: 0, clear: false }); // t=3
    simulation.apply({ kind: 'delete-article', replica: 0 }); // t=4
    simulation.apply({ kind: 'restore-article', replica: 0 }); // t=5: writes "page note 3" back
    simulation.sync(1, 0, true);
    expect(textsOf(simulation.replicas[0]?.local.article?.note ?? '')).toContain('page note 3');
    simulation.syncAll();
    expectConverged(simulation);
    expectNoTextLost(simulation);
  });
});
