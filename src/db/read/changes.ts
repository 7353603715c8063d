/**
 * What pages know of writes to the Margins database made in any context (see ../changes.ts).
 *
 * One channel per page, opened on first use — the popup opens it before its first read — so a
 * write that commits between a read and the moment a component subscribes is never missed:
 * `libraryGeneration()` has moved on, and whoever read before can read again.
 */
import { CHANGES_CHANNEL } from '../names.ts';

let generation = 0;
const listeners = new Set<() => void>();
let watching = false;
let scheduled = false;

/** The next animation frame in a page; a short timer where there are no frames (workers, tests). */
const nextFrame = (callback: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
  else setTimeout(callback, 16);
};

function watch(): void {
  if (watching || typeof BroadcastChannel === 'undefined') return;
  watching = true;
  new BroadcastChannel(CHANGES_CHANNEL).onmessage = () => {
    generation += 1;
    // However many writes land together, listeners run once per animation frame.
    if (scheduled) return;
    scheduled = true;
    nextFrame(() => {
      scheduled = false;
      for (const listener of [...listeners]) listener();
    });
  };
}

/** A number that grows with every committed write: equal before and after a read, it was current. */
export function libraryGeneration(): number {
  watch();
  return generation;
}

/** Calls back after writes commit; returns the way to stop. */
export function onLibraryChange(listener: () => void): () => void {
  watch();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
