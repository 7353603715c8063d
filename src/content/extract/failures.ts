/**
 * A page is saved with whatever the working parts of extraction found: each metadata source and
 * each cleanup step runs on its own, and one that throws is recorded in the snapshot instead of
 * failing the save.
 */
import type { ExtractionStep, StepFailure } from '../../shared/article.ts';

/** Enough of a message to tell one failure from another; the schema allows 512 characters. */
const MAX_MESSAGE = 300;

/**
 * What was thrown, as text. Not `instanceof Error`: what a page's own DOM throws into a Firefox
 * content script belongs to the page's compartment, and even turning a thrown value into text can
 * throw (a getter, a `Symbol.toPrimitive` that throws).
 */
export function messageOf(thrown: unknown): string {
  try {
    return String(thrown).slice(0, MAX_MESSAGE);
  } catch {
    return 'unreadable error';
  }
}

/** The failures of one extraction, at most one per step (the first). */
export class StepFailures {
  private readonly byStep = new Map<ExtractionStep, string>();

  /** `work()`, or `fallback` when it throws, the failure recorded under `step`. */
  run<T>(step: ExtractionStep, work: () => T, fallback: T): T {
    try {
      return work();
    } catch (thrown) {
      this.record(step, thrown);
      return fallback;
    }
  }

  record(step: ExtractionStep, thrown: unknown): void {
    if (!this.byStep.has(step)) this.byStep.set(step, messageOf(thrown));
  }

  list(): StepFailure[] {
    return [...this.byStep].map(([step, error]) => ({ step, error }));
  }
}
