/**
 * What pages know of writes to the Margins database made in any context (see ../changes.ts).
 *
 * One channel per page, opened on first use — the popup opens it before its first read — so a
 * write that commits between a read and the moment a component subscribes is never missed:
 * `libraryGeneration()` has moved on, and whoever read before can read again.
 */
import { CHANGES_CHANNEL } from '../names.ts';
import type { StoreName } from '../schema-description.ts';

/** The stores a page reads by name (the schema description's). */
export type { StoreName };

interface Listener {
  call: () => void;
  /** Called only after writes to one of these; null: after any write. */
  stores: ReadonlySet<string> | null;
}

let generation = 0;
const listeners = new Set<Listener>();
let watching = false;
let scheduled = false;
/** Stores written since listeners last ran; null when an announcement did not say. */
let written: Set<string> | null = new Set();

/** The next animation frame in a page; a short timer where there are no frames (workers, tests). */
const nextFrame = (callback: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
  else setTimeout(callback, 16);
};

/** The stores an announcement names, or null if it names none the way ../changes.ts does. */
function storesAnnounced(data: unknown): string[] | null {
  if (typeof data !== 'object' || data === null || !('stores' in data)) return null;
  const { stores } = data;
  return Array.isArray(stores) && stores.every((store) => typeof store === 'string')
    ? stores
    : null;
}

function watch(): void {
  if (watching || typeof BroadcastChannel === 'undefined') return;
  watching = true;
  new BroadcastChannel(CHANGES_CHANNEL).onmessage = (event: MessageEvent<unknown>) => {
    generation += 1;
    const stores = storesAnnounced(event.data);
    if (stores === null) written = null;
    else for (const store of stores) written?.add(store);
    // However many writes land together, listeners run once per animation frame.
    if (scheduled) return;
    scheduled = true;
    nextFrame(() => {
      scheduled = false;
      const touched = written;
      written = new Set();
      for (const listener of [...listeners]) {
        const concerned =
          !touched || !listener.stores || [...listener.stores].some((store) => touched.has(store));
        if (concerned) listener.call();
      }
    });
  };
}

/** A number that grows with every committed write: equal before and after a read, it was current. */
export function libraryGeneration(): number {
  watch();
  return generation;
}

/**
 * Calls back after writes commit — with `stores`, only after writes to one of them (a sync that
 * only records its own progress leaves the list and the reader alone); returns the way to stop.
 */
export function onLibraryChange(call: () => void, stores?: readonly StoreName[]): () => void {
  watch();
  const listener: Listener = { call, stores: stores ? new Set(stores) : null };
  listeners.add(listener);
  return () => listeners.delete(listener);
}
