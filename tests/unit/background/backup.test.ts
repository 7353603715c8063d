import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

interface FakeDownload {
  id: number;
  filename: string;
  startTime: string;
  url: string;
  removed?: boolean;
}

/** The downloads, permissions and storage a backup touches, kept in memory. */
function createBackupWorld(granted: boolean) {
  const downloads: FakeDownload[] = [];
  let nextId = 1;
  const browser = {
    permissions: { contains: async () => granted },
    storage: { local: { get: async () => ({ settings: { backupEveryDays: 1, backupKeep: 2 } }) } },
    downloads: {
      download: async ({ url, filename }: { url: string; filename: string }) => {
        const id = nextId++;
        downloads.push({
          id,
          url,
          filename: `/home/user/Downloads/${filename}`,
          startTime: new Date(id * 1000).toISOString(),
        });
        return id;
      },
      search: async () =>
        downloads
          .filter((item) => !item.removed)
          .sort((a, b) => b.startTime.localeCompare(a.startTime)),
      removeFile: async (id: number) => {
        const item = downloads.find((download) => download.id === id);
        if (item) item.removed = true;
      },
      erase: async () => [],
    },
  };
  return { browser, downloads };
}

const fake = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('../../../src/platform/browser.ts', () => ({
  get browser() {
    return fake.current;
  },
}));
const { backupFileName, runBackup } = await import('../../../src/background/backup.ts');

let db: MarginsDatabase;
beforeEach(async () => {
  db = openDatabase(`backup-${Math.random()}`);
  await saveSnapshot(db, makeSnapshot(), new Date());
});
const createObjectURL = URL.createObjectURL;
afterEach(async () => {
  Reflect.set(URL, 'createObjectURL', createObjectURL);
  vi.restoreAllMocks();
  await db.delete();
});

describe('automatic backup', () => {
  it('names files so they sort by time, in their own folder', () => {
    expect(backupFileName(new Date('2026-11-27T10:05:09.123Z'))).toBe(
      'Margins backups/margins-backup-2026-11-27T10-05-09.json',
    );
  });

  it('writes the whole library as Margins JSON and keeps only the newest files', async () => {
    const world = createBackupWorld(true);
    fake.current = world.browser;
    // As in Chrome's service worker, which has no Blob URLs: the file goes in a data: URL.
    Reflect.set(URL, 'createObjectURL', undefined);
    world.downloads.push({
      id: 99,
      url: 'x',
      filename: '/home/user/Downloads/holiday.json',
      startTime: '2000-01-01T00:00:00.000Z',
    });
    for (let minute = 0; minute < 3; minute++) {
      await runBackup(db, new Date(Date.UTC(2026, 10, 27, 10, minute)));
    }
    const kept = world.downloads.filter((item) => !item.removed).map((item) => item.filename);
    expect(kept).toEqual([
      '/home/user/Downloads/holiday.json',
      '/home/user/Downloads/Margins backups/margins-backup-2026-11-27T10-01-00.json',
      '/home/user/Downloads/Margins backups/margins-backup-2026-11-27T10-02-00.json',
    ]);
    const last = world.downloads.at(-1);
    const text = last?.url.startsWith('data:')
      ? Buffer.from(last.url.split(',')[1] ?? '', 'base64').toString('utf8')
      : '';
    expect(JSON.parse(text)).toMatchObject({
      format: 'margins-export',
      articles: [{ title: 'A story' }],
    });
  });

  it('refuses without permission to save files, and writes nothing', async () => {
    const world = createBackupWorld(false);
    fake.current = world.browser;
    await expect(runBackup(db, new Date())).rejects.toMatchObject({ code: 'backup-not-allowed' });
    expect(world.downloads).toEqual([]);
  });
});
