/**
 * Calls back after any write to the Margins database commits, in any context (see
 * ../changes.ts), at most once per animation frame however many writes land together.
 */
import { CHANGES_CHANNEL } from '../names.ts';

export function onLibraryChange(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  let scheduled = false;
  channel.onmessage = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      listener();
    });
  };
  return () => channel.close();
}
