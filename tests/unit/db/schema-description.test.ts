import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { LibraryReader, openForReading } from '../../../src/db/read/idb.ts';
import {
  SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  parseStoreSpec,
  storeSpecsAt,
  type KeyDescription,
  type StoreDescription,
} from '../../../src/db/schema-description.ts';
import { openDatabase } from '../../../src/db/schema.ts';

/** What IndexedDB itself says of every store and index of an open database. */
function storesOf(db: IDBDatabase): Record<string, StoreDescription> {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readonly');
  return Object.fromEntries(
    names.map((name) => {
      const store = tx.objectStore(name);
      const primaryKey: KeyDescription = {
        name: Array.isArray(store.keyPath) ? `[${store.keyPath.join('+')}]` : (store.keyPath ?? ''),
        keyPath: store.keyPath,
        unique: false,
        multiEntry: false,
        autoIncrement: store.autoIncrement,
      };
      const indexes = [...store.indexNames].map((indexName): KeyDescription => {
        const index = store.index(indexName);
        const { keyPath, unique, multiEntry } = index;
        return { name: indexName, keyPath, unique, multiEntry, autoIncrement: false };
      });
      return [name, { primaryKey, indexes }];
    }),
  );
}

/** The description's stores at a version, indexes in IndexedDB's (sorted) order. */
function describedAt(version: number): Record<string, StoreDescription> {
  return Object.fromEntries(
    Object.entries(storeSpecsAt(version))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, spec]) => {
        const { primaryKey, indexes } = parseStoreSpec(spec);
        const sorted = [...indexes].sort((a, b) => (a.name < b.name ? -1 : 1));
        return [name, { primaryKey, indexes: sorted }];
      }),
  );
}

describe('the schema description', () => {
  it('numbers its versions 1, 2, 3… with the newest as the schema version', () => {
    expect(SCHEMA_VERSIONS.map((entry) => entry.version)).toEqual(
      Array.from({ length: SCHEMA_VERSIONS.length }, (_, at) => at + 1),
    );
    expect(SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.at(-1)?.version);
  });

  it('reads Dexie index strings as IndexedDB keys', () => {
    expect(parseStoreSpec('++id, &slug, *tags, [a+b], author.name')).toEqual({
      primaryKey: {
        name: 'id',
        keyPath: 'id',
        unique: false,
        multiEntry: false,
        autoIncrement: true,
      },
      indexes: [
        { name: 'slug', keyPath: 'slug', unique: true, multiEntry: false, autoIncrement: false },
        { name: 'tags', keyPath: 'tags', unique: false, multiEntry: true, autoIncrement: false },
        {
          name: '[a+b]',
          keyPath: ['a', 'b'],
          unique: false,
          multiEntry: false,
          autoIncrement: false,
        },
        {
          name: 'author.name',
          keyPath: 'author.name',
          unique: false,
          multiEntry: false,
          autoIncrement: false,
        },
      ],
    });
  });

  it('keeps a store as the newest version up to the one asked for left it', () => {
    expect(storeSpecsAt(3)).toEqual({
      articles: 'id, *urlKeys, savedAt',
      annotations: 'id, articleId',
    });
    expect(storeSpecsAt(5).searchDocs).toBe('key, &articleId, *terms, *strongTerms, *titleTerms');
    expect(storeSpecsAt(7).searchDocs).toBe('key, &articleId');
    expect(storeSpecsAt(SCHEMA_VERSION).searchDocs).toBe('key, &articleId, shard');
  });

  it('is the database Dexie opens: every store, key path and index, and no other', async () => {
    const name = `schema-${Math.random()}`;
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(storesOf(db.backendDB())).toEqual(describedAt(SCHEMA_VERSION));
    await db.delete();
  });

  it('is, version by version, the database a Margins of that version created', async () => {
    for (const { version } of SCHEMA_VERSIONS) {
      const name = `schema-v${version}-${Math.random()}`;
      const old = new Dexie(name);
      for (const entry of SCHEMA_VERSIONS) {
        if (entry.version <= version) old.version(entry.version).stores(entry.stores);
      }
      await old.open();
      expect(storesOf(old.backendDB()), `version ${version}`).toEqual(describedAt(version));
      await old.delete();
    }
  });

  it('gives the Dexie-free reader the version and the names it opens and reads', async () => {
    const name = `schema-reader-${Math.random()}`;
    const db = openDatabase(name);
    await db.open();
    const reader = new LibraryReader(await openForReading(name));
    expect(await reader.count('cards', 'published')).toBe(0);
    // @ts-expect-error -- cards have no title index: the compiler says so before IndexedDB does.
    expect(() => reader.keysByIndex('cards', 'title')).toThrow();
    reader.close();
    await db.delete();
  });
});
