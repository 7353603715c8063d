import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_ALARM,
  backupFileName,
  runBackup,
  scheduleBackup,
} from '../../../src/background/backup.ts';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { DEFAULT_SETTINGS, writeSettings } from '../../../src/shared/settings.ts';
import {
  DOWNLOADS_FOLDER,
  installFakePlatform,
  type FakePlatform,
} from '../helpers/fake-platform.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let browser: FakePlatform;
let db: MarginsDatabase;
beforeEach(async () => {
  browser = installFakePlatform();
  db = openDatabase(`backup-${Math.random()}`);
  await saveSnapshot(db, makeSnapshot(), new Date());
});
const createObjectURL = URL.createObjectURL;
afterEach(async () => {
  Reflect.set(URL, 'createObjectURL', createObjectURL);
  await db.delete();
});

const backupAt = (minute: number) => new Date(Date.UTC(2026, 10, 27, 10, minute));

describe('automatic backup', () => {
  it('names files so they sort by time, in their own folder', () => {
    expect(backupFileName(new Date('2026-11-27T10:05:09.123Z'))).toBe(
      'Margins backups/margins-backup-2026-11-27T10-05-09.json',
    );
  });

  it('writes the whole library as Margins JSON and keeps only the newest files', async () => {
    browser.permissions.grant({ permissions: ['downloads'] });
    await writeSettings({ backupEveryDays: 1, backupKeep: 2 });
    // As in Chrome's service worker, which has no Blob URLs: the file goes in a data: URL.
    Reflect.set(URL, 'createObjectURL', undefined);
    browser.downloads.record({
      filename: 'holiday.json',
      text: '{}',
      startTime: '2000-01-01T00:00:00.000Z',
    });
    for (let minute = 0; minute < 3; minute++) await runBackup(db, backupAt(minute));
    const kept = browser.downloads.files();
    expect(kept.map((file) => file.filename)).toEqual([
      `${DOWNLOADS_FOLDER}/holiday.json`,
      `${DOWNLOADS_FOLDER}/Margins backups/margins-backup-2026-11-27T10-01-00.json`,
      `${DOWNLOADS_FOLDER}/Margins backups/margins-backup-2026-11-27T10-02-00.json`,
    ]);
    expect(JSON.parse(kept.at(-1)?.text ?? '')).toMatchObject({
      format: 'margins-export',
      articles: [{ title: 'A story' }],
    });
  });

  it('writes the same file through a Blob URL where there is one (Firefox)', async () => {
    browser.permissions.grant({ permissions: ['downloads'] });
    const { fileName } = await runBackup(db, backupAt(0));
    const [file] = browser.downloads.files();
    expect(file?.filename).toBe(`${DOWNLOADS_FOLDER}/${fileName}`);
    expect(JSON.parse(file?.text ?? '')).toMatchObject({ articles: [{ title: 'A story' }] });
  });

  it('refuses without permission to save files, and writes nothing', async () => {
    await expect(runBackup(db, new Date())).rejects.toMatchObject({ code: 'backup-not-allowed' });
    expect(browser.downloads.files()).toEqual([]);
  });
});

describe('the backup schedule', () => {
  const daily = { ...DEFAULT_SETTINGS, backupEveryDays: 1 as const };

  it('sets a daily alarm once the user allows downloads, and clears it when turned off', async () => {
    await scheduleBackup(daily);
    expect(browser.alarms.scheduled()).toEqual([]);
    browser.permissions.grant({ permissions: ['downloads'] });
    await scheduleBackup(daily);
    expect(browser.alarms.scheduled()).toEqual([
      { name: BACKUP_ALARM, periodInMinutes: 24 * 60, scheduledTime: expect.any(Number) },
    ]);
    await scheduleBackup({ ...daily, backupEveryDays: 0 });
    expect(browser.alarms.scheduled()).toEqual([]);
  });

  it('keeps the next backup time when the schedule did not change', async () => {
    browser.permissions.grant({ permissions: ['downloads'] });
    await scheduleBackup(daily);
    const [before] = browser.alarms.scheduled();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await scheduleBackup(daily);
    expect(browser.alarms.scheduled()).toEqual([before]);
    await scheduleBackup({ ...daily, backupEveryDays: 7 });
    expect(browser.alarms.scheduled()[0]?.periodInMinutes).toBe(7 * 24 * 60);
  });

  it('clears the alarm when the downloads permission is taken back', async () => {
    browser.permissions.grant({ permissions: ['downloads'] });
    await scheduleBackup(daily);
    await browser.permissions.remove({ permissions: ['downloads'] });
    await scheduleBackup(daily);
    expect(browser.alarms.scheduled()).toEqual([]);
  });
});
