import { DateReader } from './dates.ts';
import { ItemCollector } from './items.ts';
import { ProblemLog } from './problems.ts';
import type { ProgressRange } from './progress.ts';

/** What every format parser is given: where problems go, how dates are read, progress. */
export class FormatContext {
  readonly problems = new ProblemLog();
  readonly dates = new DateReader(this.problems);
  readonly items = new ItemCollector(this.problems);

  constructor(
    readonly progress: ProgressRange,
    /** The most an archive may unpack to (MAX_IMPORT_BYTES unless a test lowers it). */
    readonly maxBytes: number,
  ) {}
}

/** Rows between two checks of whether the page should be given a frame. */
export const BREATHE_EVERY = 200;
