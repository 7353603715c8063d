/**
 * The sync account (server, database, user name and password), kept in `storage.local` on this
 * device only: settings do not sync. The passphrase itself is never stored; the key derived from
 * it is kept in the library's database (sync values), and dropped when sync is turned off.
 */
import * as v from 'valibot';
import { browser } from '../platform/browser.ts';
import { SyncAccountSchema, type SyncAccount } from '../shared/protocol.ts';
import {
  parseSyncStatus,
  SYNC_OFF,
  SYNC_STATUS_KEY,
  type SyncStatus,
} from '../shared/sync-status.ts';

const ACCOUNT_KEY = 'syncAccount';

export async function readAccount(): Promise<SyncAccount | null> {
  const stored = (await browser.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY];
  const parsed = v.safeParse(SyncAccountSchema, stored);
  return parsed.success ? parsed.output : null;
}

export async function writeAccount(account: SyncAccount | null): Promise<void> {
  if (account) await browser.storage.local.set({ [ACCOUNT_KEY]: account });
  else await browser.storage.local.remove(ACCOUNT_KEY);
}

export async function readStatus(): Promise<SyncStatus> {
  return parseSyncStatus((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]);
}

export async function writeStatus(status: SyncStatus): Promise<SyncStatus> {
  await browser.storage.local.set({ [SYNC_STATUS_KEY]: status });
  return status;
}

export function statusForAccount(account: SyncAccount): SyncStatus {
  return {
    ...SYNC_OFF,
    enabled: true,
    serverUrl: account.serverUrl,
    database: account.database,
    username: account.username || null,
  };
}
