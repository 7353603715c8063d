import * as v from 'valibot';
/**
 * Sync as the background runs it: turning it on (checking the server, the database and the
 * passphrase before anything is written), one sync at a time, the status pages show, and turning
 * it off (the library stays; only the link to the server is forgotten).
 */
import {
  forgetReplica,
  markAllForSync,
  outboxSize,
  readSyncMeta,
  writeSyncMeta,
  resetReplicaRevisions,
} from '../db/replica.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import type { SyncAccount } from '../shared/protocol.ts';
import { SYNC_OFF, syncOriginPattern, type SyncStatus } from '../shared/sync-status.ts';
import { readAccount, readStatus, statusForAccount, writeAccount, writeStatus } from './account.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { CouchClient } from './couch.ts';
import { aesGcmCipher, DecryptionError } from './crypto.ts';
import { CHECKPOINT_KEY, syncOnce, type SyncProgress } from './engine.ts';
import { SyncError } from './errors.ts';
import { keepingWorkerAlive } from './keep-alive.ts';
import {
  createVault,
  newEpoch,
  openVault,
  VAULT_ID,
  VaultSchema,
  vaultOpensWith,
  type Vault,
} from './vault.ts';

const KEY_META = 'masterKey';
const DEVICE_META = 'deviceId';
const VAULT_META = 'vault';

async function hasAccess(serverUrl: string): Promise<boolean> {
  const pattern = syncOriginPattern(serverUrl);
  return pattern !== null && (await browser.permissions.contains({ origins: [pattern] }));
}

function errorAt(error: SyncError, at: string) {
  return { code: error.code, detail: error.detail, at };
}

function asSyncError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  return new SyncError('failed', error instanceof Error ? error.message : String(error));
}

function parseVault(doc: unknown): Vault {
  const parsed = v.safeParse(VaultSchema, doc);
  if (!parsed.success) throw new SyncError('foreign-data', 'the database holds no Margins library');
  return parsed.output;
}

/** The library's vault on the server, made with this passphrase when the database has none. */
async function openOrCreateVault(couch: CouchClient, passphrase: string) {
  const existing = await couch.get(VAULT_ID);
  if (existing === null) {
    const created = await createVault(passphrase);
    if (await couch.put(created.vault)) return created;
  }
  // Another device set the library up first (or just now): the passphrase must open it.
  const vault = parseVault(existing ?? (await couch.get(VAULT_ID)));
  try {
    return { vault, master: await openVault(vault, passphrase) };
  } catch (error) {
    if (error instanceof DecryptionError) throw new SyncError('wrong-passphrase', error.message);
    throw error;
  }
}

function stripRevision(vault: Vault): Vault {
  const { _rev, ...rest } = vault;
  void _rev;
  return rest as Vault;
}

/** Sync was turned off while it ran: it stops at the next batch and reports nothing. */
class SyncTurnedOff extends Error {
  override name = 'SyncTurnedOff';
}

export class SyncService {
  private running: Promise<SyncStatus> | null = null;
  private rerun = false;
  private pushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: MarginsDatabase,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }

  private async failed(base: SyncStatus, error: SyncError): Promise<SyncStatus> {
    return writeStatus({
      ...base,
      state: 'error',
      heartbeatAt: null,
      pending: await outboxSize(this.db),
      error: errorAt(error, this.stamp()),
    });
  }

  /**
   * Checks the server, the database and the passphrase; only then keeps the account and starts
   * the first sync (which sends the whole library). A failure writes nothing but the status.
   */
  async enable(account: SyncAccount, passphrase: string): Promise<SyncStatus> {
    const off = { ...statusForAccount(account), enabled: false };
    try {
      if (!(await hasAccess(account.serverUrl))) {
        throw new SyncError('no-access', account.serverUrl);
      }
      const couch = new CouchClient(account);
      await couch.checkServer();
      await couch.ensureDatabase();
      const { vault, master } = await openOrCreateVault(couch, passphrase);
      const previous = await readAccount();
      const sameLibrary =
        previous?.serverUrl === account.serverUrl && previous.database === account.database;
      if (!sameLibrary) await forgetReplica(this.db);
      await writeSyncMeta(this.db, KEY_META, toBase64(master));
      await writeSyncMeta(this.db, VAULT_META, stripRevision(vault));
      if (!(await readSyncMeta(this.db, DEVICE_META))) {
        await writeSyncMeta(this.db, DEVICE_META, crypto.randomUUID().slice(0, 8));
      }
      await markAllForSync(this.db);
      await writeAccount(account);
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_EVERY_MINUTES });
      await writeStatus({ ...statusForAccount(account), pending: await outboxSize(this.db) });
    } catch (error) {
      const refused = asSyncError(error);
      // Sync that is already on keeps running with its own account: the refusal is only answered.
      if (await readAccount()) {
        return { ...(await readStatus()), error: errorAt(refused, this.stamp()) };
      }
      return this.failed(off, refused);
    }
    void this.syncNow();
    return readStatus();
  }

  /** Forgets the server and the key; every article, note and highlight stays on this device. */
  async disable(): Promise<SyncStatus> {
    const account = await readAccount();
    await writeAccount(null);
    await browser.alarms.clear(SYNC_ALARM);
    // A running sync sees the account gone at its next batch and stops without a status of its own.
    await this.running?.catch(() => undefined);
    await forgetReplica(this.db);
    const pattern = account ? syncOriginPattern(account.serverUrl) : null;
    if (pattern) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    return writeStatus(SYNC_OFF);
  }

  /** Runs a sync now, or waits for the one running (and runs once more after it). */
  syncNow(): Promise<SyncStatus> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = keepingWorkerAlive(() => this.runUntilQuiet()).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runUntilQuiet(): Promise<SyncStatus> {
    let status: SyncStatus;
    do {
      this.rerun = false;
      status = await this.runOnce();
    } while (this.rerun && status.state !== 'error');
    return status;
  }

  /**
   * A sync if none ended in the last `gapMs` (pages ask for one each time they open). While one
   * runs, another follows it: the running one may have read the server before the change the
   * page is opened to see.
   */
  async syncIfStale(gapMs: number): Promise<boolean> {
    const status = await readStatus();
    if (!status.enabled) return false;
    const last = status.lastSuccessAt ? Date.parse(status.lastSuccessAt) : 0;
    if (this.now() - last < gapMs && status.state !== 'error') return false;
    void this.syncNow();
    return true;
  }

  /**
   * A worker stopped in the middle of a sync left the status at 'syncing': the woken worker
   * finishes the job from the last checkpoint instead of waiting for the next alarm.
   */
  async resumeInterrupted(): Promise<boolean> {
    const status = await readStatus();
    if (!status.enabled || status.state !== 'syncing' || this.running) return false;
    void this.syncNow();
    return true;
  }

  /** Sends local changes a couple of seconds after they happen (several changes, one send). */
  pushSoon(delayMs = PUSH_DELAY_MS): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      void this.pushIfPending();
    }, delayMs);
  }

  private async pushIfPending(): Promise<void> {
    const status = await readStatus();
    if (status.enabled && (await outboxSize(this.db)) > 0) await this.syncNow();
  }

  private async runOnce(): Promise<SyncStatus> {
    const account = await readAccount();
    if (!account) return readStatus();
    const last = await readStatus();
    const base = {
      ...statusForAccount(account),
      lastSuccessAt: last.lastSuccessAt,
      unreadable: last.unreadable,
    };
    try {
      if (!(await hasAccess(account.serverUrl)))
        throw new SyncError('no-access', account.serverUrl);
      const key = await readSyncMeta(this.db, KEY_META);
      const deviceId = await readSyncMeta(this.db, DEVICE_META);
      if (typeof key !== 'string' || typeof deviceId !== 'string') {
        throw new SyncError('wrong-passphrase', 'no key on this device');
      }
      const master = fromBase64(key);
      let progress = { received: 0, sent: 0 };
      const beat = async () => {
        if (!(await readAccount())) throw new SyncTurnedOff();
        await writeStatus({
          ...base,
          state: 'syncing',
          heartbeatAt: this.stamp(),
          ...progress,
          pending: await outboxSize(this.db),
        });
      };
      await beat();
      const couch = new CouchClient(account);
      await this.checkVault(couch, master);
      const replica = {
        db: this.db,
        couch,
        cipher: await aesGcmCipher(master),
        deviceId,
        now: this.now,
        // Each batch reports: the status moves, and the worker is kept alive while it works.
        onProgress: async ({ direction, done }: SyncProgress) => {
          progress =
            direction === 'pull' ? { ...progress, received: done } : { ...progress, sent: done };
          await beat();
        },
      };
      const report = await syncOnce(replica);
      if (!(await readAccount())) throw new SyncTurnedOff();
      return writeStatus({
        ...base,
        state: 'idle',
        lastSuccessAt: this.stamp(),
        pending: await outboxSize(this.db),
        ...report,
      });
    } catch (error) {
      if (error instanceof SyncTurnedOff || !(await readAccount())) return readStatus();
      return this.failed(base, asSyncError(error));
    }
  }

  /**
   * The server must still hold this library: a vault this key does not open means the library
   * there was set up again with another passphrase; no vault means the server was wiped, and it
   * is set up again from this device (same salt and key, new epoch) and sent whole.
   */
  private async checkVault(couch: CouchClient, master: Uint8Array<ArrayBuffer>): Promise<void> {
    const remembered = (await readSyncMeta(this.db, VAULT_META)) as Vault | undefined;
    let found = await couch.get(VAULT_ID);
    if (found === null && remembered) {
      await couch.ensureDatabase();
      await couch.put({ ...stripRevision(remembered), epoch: newEpoch() });
      found = await couch.get(VAULT_ID);
    }
    const vault = parseVault(found);
    if (!(await vaultOpensWith(vault, master))) {
      throw new SyncError('wrong-passphrase', 'the library on the server has another passphrase');
    }
    if (remembered && remembered.epoch !== vault.epoch) {
      await resetReplicaRevisions(this.db, CHECKPOINT_KEY);
    }
    await writeSyncMeta(this.db, VAULT_META, stripRevision(vault));
  }
}

export const SYNC_ALARM = 'margins-sync';
/** Pull on this schedule when nothing else asks (Chrome's shortest period is half a minute). */
export const SYNC_EVERY_MINUTES = 5;
export const PUSH_DELAY_MS = 2_000;
