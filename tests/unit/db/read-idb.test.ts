import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { LibraryNotReady, openForReading } from '../../../src/db/read/idb.ts';

describe('openForReading', () => {
  it('never creates a missing database (that is the schema owner’s job)', async () => {
    const name = `missing-${Math.random()}`;
    await expect(openForReading(name)).rejects.toEqual(new LibraryNotReady('missing'));
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('refuses a database an older Margins wrote, leaving it to be upgraded', async () => {
    const name = `old-${Math.random()}`;
    const old = new Dexie(name);
    old.version(3).stores({ articles: 'id, *urlKeys, savedAt', annotations: 'id, articleId' });
    await old.open();
    old.close();
    await expect(openForReading(name)).rejects.toEqual(new LibraryNotReady('outdated'));
    const reopened = new Dexie(name);
    await reopened.open();
    expect(reopened.verno).toBe(3);
    await reopened.delete();
  });
});
