/** Why a sync failed; the settings page and the popup turn each code into a sentence. */
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
  /** The database holds documents Margins did not write, or that were altered. */
  'foreign-data',
  /** Margins has no site access to the server (it was removed in the browser's settings). */
  'no-access',
  /** An article is larger than the server accepts. */
  'too-large',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    readonly code: SyncErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** Failures that may pass by themselves: the next scheduled sync tries again. */
export function isTransient(code: SyncErrorCode): boolean {
  return code === 'unreachable' || code === 'server-error';
}
