/**
 * Announces every committed write so open pages (the popup, the library tab) refresh what they
 * show, whichever context wrote: the background, the import page or another window.
 */
import type { Dexie } from 'dexie';
import { CHANGES_CHANNEL } from './names.ts';

export function announceCommittedWrites(db: Dexie): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  db.use({
    stack: 'dbcore',
    name: 'announce-committed-writes',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const transaction = down.transaction(stores, mode, options);
        if (mode === 'readwrite') {
          // Dexie's core transaction is the IndexedDB transaction itself.
          (transaction as unknown as EventTarget).addEventListener('complete', () =>
            channel.postMessage({ stores }),
          );
        }
        return transaction;
      },
    }),
  });
}
