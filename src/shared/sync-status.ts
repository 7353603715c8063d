/**
 * What pages know of sync: the account shown in Settings and the state of the last sync, kept
 * by the background in `storage.local` (pages watch it there; they never talk to the server).
 */
import * as v from 'valibot';

/** Why a sync failed; pages turn each code into a sentence (sync_error_* messages). */
export const SYNC_ERROR_CODES = [
  /** No answer from the server (offline, wrong address, server down): retried later. */
  'unreachable',
  /** The server refused the user name and password (401). */
  'unauthorized',
  /** The account may not read or write this database (403). */
  'forbidden',
  /** The server failed (5xx): retried later. */
  'server-error',
  /** The server answered with something that is not CouchDB's JSON. */
  'bad-response',
  /** The address answers, but not as a CouchDB server. */
  'not-couchdb',
  /** The database does not exist and this account may not create it. */
  'no-database',
  /** The passphrase does not open the library already on the server. */
  'wrong-passphrase',
  /** The database holds documents Margins did not write with this key, or that were altered. */
  'foreign-data',
  /** Margins has no site access to the server (refused, or removed in the browser's settings). */
  'no-access',
  /** An article is larger than the server accepts. */
  'too-large',
  /** Anything else (a full disk, a bug): the detail says what. */
  'failed',
] as const;
export const SyncErrorCodeSchema = v.picklist(SYNC_ERROR_CODES);
export type SyncErrorCode = v.InferOutput<typeof SyncErrorCodeSchema>;

/** Failures that may pass by themselves: the next scheduled sync tries again. */
export function isTransient(code: SyncErrorCode): boolean {
  return code === 'unreachable' || code === 'server-error';
}

export const SYNC_STATUS_KEY = 'syncStatus';

export const SyncStatusSchema = v.object({
  enabled: v.boolean(),
  serverUrl: v.nullable(v.string()),
  database: v.nullable(v.string()),
  username: v.nullable(v.string()),
  /** `syncing` is only believed while `heartbeatAt` is recent: a stopped worker cannot clear it. */
  state: v.picklist(['idle', 'syncing', 'error']),
  heartbeatAt: v.nullable(v.string()),
  lastSuccessAt: v.nullable(v.string()),
  /** Articles changed here that the server does not have yet. */
  pending: v.number(),
  /** Articles received and sent so far in the running sync. */
  received: v.number(),
  sent: v.number(),
  /**
   * Articles from other devices that this version of Margins cannot show: their synced state is
   * kept and tried again at every sync (an update of Margins shows them).
   */
  unreadable: v.optional(v.number(), 0),
  error: v.nullable(v.object({ code: SyncErrorCodeSchema, detail: v.string(), at: v.string() })),
});
export type SyncStatus = v.InferOutput<typeof SyncStatusSchema>;

export const SYNC_OFF: SyncStatus = Object.freeze({
  enabled: false,
  serverUrl: null,
  database: null,
  username: null,
  state: 'idle',
  heartbeatAt: null,
  lastSuccessAt: null,
  pending: 0,
  received: 0,
  sent: 0,
  unreadable: 0,
  error: null,
});

export function parseSyncStatus(stored: unknown): SyncStatus {
  const parsed = v.safeParse(SyncStatusSchema, stored);
  return parsed.success ? parsed.output : SYNC_OFF;
}

/** A sync whose worker has not reported for this long was stopped; it is not shown as running. */
export const SYNC_HEARTBEAT_MS = 60_000;

export function isSyncRunning(status: SyncStatus, now: number): boolean {
  if (status.state !== 'syncing' || !status.heartbeatAt) return false;
  return now - Date.parse(status.heartbeatAt) < SYNC_HEARTBEAT_MS;
}

/** The server address without a trailing slash, or null when it is not http(s). */
export function serverOrigin(serverUrl: string): string | null {
  try {
    const url = new URL(serverUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The site access sync asks for: that one server's host, nothing else. Without its port:
 * Firefox grants a pattern with a port (`http://nas.local:5984/*`) yet lets it match no address,
 * so a CouchDB on its usual port 5984 could not be reached; a pattern without a port matches
 * every port of the host in both Firefox and Chromium.
 */
export function syncOriginPattern(serverUrl: string): string | null {
  const origin = serverOrigin(serverUrl);
  if (!origin) return null;
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}

export const DATABASE_NAME_PATTERN = /^[a-z][a-z0-9_$()+/-]*$/;

/** A page opening asks for a pull, which runs unless a sync finished this recently. */
export const PULL_ON_OPEN_GAP_MS = 10_000;
