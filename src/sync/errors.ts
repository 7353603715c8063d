/** A sync failure with a code the user can be told about (see shared/sync-status.ts). */
import type { SyncErrorCode } from '../shared/sync-status.ts';

export type { SyncErrorCode };

export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    readonly code: SyncErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}
