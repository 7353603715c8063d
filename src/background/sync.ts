/**
 * Wires sync into the background: the requests pages send, the schedule, and a send a couple of
 * seconds after any change to the library, whichever context wrote it (the database announces
 * every committed write on CHANGES_CHANNEL). No long poll: pulls happen when a page opens, on
 * the alarm and on "Sync now", so the worker can sleep between them.
 */
import { CHANGES_CHANNEL } from '../db/names.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import { PULL_ON_OPEN_GAP_MS } from '../shared/sync-status.ts';
import { SYNC_ALARM, SyncService } from '../sync/service.ts';

const services = new WeakMap<MarginsDatabase, SyncService>();

export function syncServiceFor(db: MarginsDatabase): SyncService {
  let service = services.get(db);
  if (!service) {
    service = new SyncService(db);
    services.set(db, service);
  }
  return service;
}

export function pullOnOpen(db: MarginsDatabase) {
  return syncServiceFor(db).syncIfStale(PULL_ON_OPEN_GAP_MS);
}

const LIBRARY_STORES = new Set(['articles', 'annotations']);

function touchesLibrary(data: unknown): boolean {
  const stores = (data as { stores?: unknown } | null)?.stores;
  return Array.isArray(stores) && stores.some((store) => LIBRARY_STORES.has(String(store)));
}

export function wireSync(db: MarginsDatabase): void {
  const service = syncServiceFor(db);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void service.syncNow();
  });
  browser.runtime.onStartup.addListener(() => void service.syncIfStale(0));
  service.resumeInterrupted().catch((error: unknown) => console.error('Margins: sync', error));
  if (typeof BroadcastChannel !== 'undefined') {
    const changes = new BroadcastChannel(CHANGES_CHANNEL);
    changes.onmessage = (event: MessageEvent) => {
      if (touchesLibrary(event.data)) service.pushSoon();
    };
  }
}
