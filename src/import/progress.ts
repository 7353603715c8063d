import type { ProgressCallback } from './types.ts';

/** How long parsing may hold the page's thread before it lets a frame be painted. */
const SLICE_MS = 40;

/**
 * Progress for a parse that runs on the page's thread: `report` passes the fraction on (never
 * going backwards), and `breathe` yields to the event loop once a slice of time has passed, so
 * the progress bar moves and the page stays responsive while a large file is read.
 */
export class Progress {
  private last = 0;
  private sliceStart = Date.now();

  constructor(private readonly callback: ProgressCallback | undefined) {}

  /** A bound function, so parsers can pass it on as a callback. */
  readonly report = (fraction: number): void => {
    const clamped = Math.min(1, Math.max(this.last, fraction));
    if (clamped === this.last && clamped !== 0) return;
    this.last = clamped;
    this.callback?.(clamped);
  };

  /** A sub-range of this progress: `part.report(0.5)` reports the middle of [from, to]. */
  range(from: number, to: number): Pick<Progress, 'report' | 'breathe'> {
    return {
      report: (fraction) => this.report(from + (to - from) * fraction),
      breathe: () => this.breathe(),
    };
  }

  async breathe(): Promise<void> {
    if (Date.now() - this.sliceStart < SLICE_MS) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.sliceStart = Date.now();
  }
}

export type ProgressRange = Pick<Progress, 'report' | 'breathe'>;
