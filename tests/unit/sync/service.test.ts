/**
 * Turning sync on, on the one fake browser and a real PouchDB Server: a passphrase that does not
 * open the library on the server writes nothing on a new device, and leaves a device already
 * syncing as it was.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { outboxSize, readSyncMeta } from '../../../src/db/replica.ts';
import { openDatabase } from '../../../src/db/schema.ts';
import type { SyncAccount } from '../../../src/shared/protocol.ts';
import { browser } from '../../../src/platform/browser.ts';
import {
  SYNC_STATUS_KEY,
  syncOriginPattern,
  type SyncStatus,
} from '../../../src/shared/sync-status.ts';
import { readAccount, readStatus } from '../../../src/sync/account.ts';
import { SyncService } from '../../../src/sync/service.ts';
import { startCouchServer, type CouchServer } from '../../e2e/harness/couch-server.ts';
import { installFakePlatform, type FakePlatform } from '../helpers/fake-platform.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const PASSPHRASE = 'lanterns over the quiet harbour';
let server: CouchServer;
let platform: FakePlatform;
let account: SyncAccount;
let databases = 0;

beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(() => server.close());

beforeEach(() => {
  platform = installFakePlatform();
  account = { serverUrl: server.origin, database: 'service', username: '', password: '' };
  platform.permissions.grant({ origins: [syncOriginPattern(server.origin) as string] });
});

function device() {
  databases += 1;
  const db = openDatabase(`service-${databases}`);
  return { db, service: new SyncService(db) };
}

it('sets the library up on the server, then refuses another passphrase on a new device', async () => {
  const first = device();
  expect((await first.service.enable(account, PASSPHRASE)).enabled).toBe(true);

  installFakePlatform().permissions.grant({
    origins: [syncOriginPattern(server.origin) as string],
  });
  const second = device();
  await saveSnapshot(second.db, makeSnapshot(), new Date());
  const outboxBefore = await outboxSize(second.db);
  const status = await second.service.enable(account, 'not the passphrase at all');
  expect(status.enabled).toBe(false);
  expect(status.error?.code).toBe('wrong-passphrase');
  expect(await readAccount()).toBeNull();
  expect(await readSyncMeta(second.db, 'masterKey')).toBeUndefined();
  expect(await outboxSize(second.db)).toBe(outboxBefore);
  expect(await second.db.articles.count()).toBe(1);
}, 60_000);

it('answers a wrong passphrase on a device already syncing without turning its sync off', async () => {
  const syncing = device();
  const on = await syncing.service.enable(account, PASSPHRASE);
  expect(on.enabled).toBe(true);
  const refused = await syncing.service.enable(account, 'not the passphrase at all');
  expect(refused.error?.code).toBe('wrong-passphrase');
  expect(refused.enabled).toBe(true);
  expect((await readStatus()).enabled).toBe(true);
  expect(await readAccount()).toEqual(account);
}, 60_000);

it('syncs once more after the running sync when a page opens meanwhile', async () => {
  const { service } = device();
  await service.enable(account, PASSPHRASE);
  const ended: string[] = [];
  browser.storage.onChanged.addListener((changes) => {
    const status = changes[SYNC_STATUS_KEY]?.newValue as SyncStatus | undefined;
    if (status?.state === 'idle') ended.push(status.lastSuccessAt ?? '');
  });
  const running = service.syncNow();
  // The running sync may have read the server before the change the page was opened to see.
  expect(await service.syncIfStale(0)).toBe(true);
  await running;
  expect(ended).toHaveLength(2);
}, 60_000);
