import { afterEach, describe, expect, it } from 'vitest';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { CHANGES_CHANNEL } from '../../../src/db/names.ts';
import { libraryGeneration, onLibraryChange } from '../../../src/db/read/changes.ts';
import { openDatabase } from '../../../src/db/schema.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const listeners: BroadcastChannel[] = [];
afterEach(() => listeners.splice(0).forEach((channel) => channel.close()));

function nextAnnouncement(): Promise<unknown> {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  listeners.push(channel);
  return new Promise((resolve) => (channel.onmessage = (event) => resolve(event.data)));
}

describe('announceCommittedWrites', () => {
  it('tells other pages once a write has committed, naming the stores it wrote', async () => {
    const db = openDatabase(`changes-${Math.random()}`);
    const announced = nextAnnouncement();
    await saveSnapshot(db, makeSnapshot(), new Date());
    expect(await announced).toEqual({
      stores: expect.arrayContaining(['articles', 'cards', 'searchDocs']) as unknown,
    });
    await db.delete();
  });
});

describe('what a page knows of writes', () => {
  it('counts each committed write and tells listeners', async () => {
    const db = openDatabase(`generation-${Math.random()}`);
    const before = libraryGeneration();
    const told = new Promise<void>((resolve) => {
      const stop = onLibraryChange(() => {
        stop();
        resolve();
      });
    });
    await saveSnapshot(db, makeSnapshot(), new Date());
    await told;
    // A read that started at `before` knows it may be stale and reads again.
    expect(libraryGeneration()).toBeGreaterThan(before);
    await db.delete();
  });
});
