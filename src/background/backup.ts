/**
 * Automatic backup (opt-in): the whole library exported as Margins JSON into the downloads
 * folder on a schedule, keeping the newest few files, so a broken browser profile never costs a
 * library. Writing files needs the optional `downloads` permission, asked for when the user
 * turns backup on.
 */
import { exportCollection } from '../db/export.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import { MarginsError } from '../shared/protocol.ts';
import { readSettings, type Settings } from '../shared/settings.ts';

export const BACKUP_ALARM = 'margins-backup';
export const BACKUP_FOLDER = 'Margins backups';
const BACKUP_FILE = /margins-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?: ?\(\d+\))?\.json$/;
const MINUTES_PER_DAY = 24 * 60;

/** `Margins backups/margins-backup-2026-11-27T10-05-00.json`, in UTC so names sort by time. */
export function backupFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${BACKUP_FOLDER}/margins-backup-${stamp}.json`;
}

export async function canWriteBackups(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['downloads'] });
}

/** Sets the alarm to the user's schedule, or clears it when backup is off or not allowed. */
export async function scheduleBackup(settings: Settings): Promise<void> {
  if (settings.backupEveryDays === 0 || !(await canWriteBackups())) {
    await browser.alarms.clear(BACKUP_ALARM);
    return;
  }
  const periodInMinutes = settings.backupEveryDays * MINUTES_PER_DAY;
  const existing = await browser.alarms.get(BACKUP_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  browser.alarms.create(BACKUP_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/**
 * A URL the downloads API can fetch the export from. Firefox's event page can make a Blob URL;
 * Chrome's service worker cannot, so there the text goes into a data: URL.
 */
async function downloadUrlOf(chunks: string[]): Promise<{ url: string; release: () => void }> {
  const blob = new Blob(chunks, { type: 'application/json' });
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(blob);
    return { url, release: () => setTimeout(() => URL.revokeObjectURL(url), 60_000) };
  }
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode over a whole large library would overflow the call stack.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return { url: `data:application/json;base64,${btoa(binary)}`, release: () => undefined };
}

/** Deletes all but the newest `keep` backup files Margins wrote. */
export async function pruneBackups(keep: number): Promise<number> {
  const items = await browser.downloads.search({ orderBy: ['-startTime'], exists: true });
  const backups = items.filter((item) => BACKUP_FILE.test(item.filename));
  const old = backups.slice(keep);
  for (const item of old) {
    await browser.downloads.removeFile(item.id).catch(() => undefined);
    await browser.downloads.erase({ id: item.id });
  }
  return old.length;
}

/** Writes one backup now and prunes the old ones; returns the file's name. */
export async function runBackup(db: MarginsDatabase, now: Date): Promise<{ fileName: string }> {
  if (!(await canWriteBackups()))
    throw new MarginsError('backup-not-allowed', 'no downloads permission');
  const settings = await readSettings();
  const { url, release } = await downloadUrlOf(await exportCollection(db, now));
  const fileName = backupFileName(now);
  try {
    await browser.downloads.download({
      url,
      filename: fileName,
      saveAs: false,
      conflictAction: 'uniquify',
    });
  } finally {
    release();
  }
  await pruneBackups(settings.backupKeep);
  return { fileName };
}
