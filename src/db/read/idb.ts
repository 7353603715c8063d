/**
 * Read-only access to the Margins database with the browser's own IndexedDB API. The popup
 * lists and searches through this instead of Dexie so it opens fast and stays small; every
 * write still goes through Dexie (src/db) in the background, which owns the schema. The version
 * it opens and the store and index names it reads come from the schema description.
 */
import { DATABASE_NAME } from '../names.ts';
import { SCHEMA_VERSION, type IndexName, type StoreName } from '../schema-description.ts';

/** Dexie stores version n of a schema as IndexedDB version n × 10. */
const IDB_VERSION = SCHEMA_VERSION * 10;

/** The database does not exist yet or was written by another version than this one. */
export class LibraryNotReady extends Error {
  constructor(readonly reason: 'missing' | 'outdated' | 'newer') {
    super(`The Margins database is ${reason}`);
    this.name = 'LibraryNotReady';
  }
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Opens the database at exactly the version this code reads. It never creates or upgrades it
 * (that is Dexie's job in the background): a missing or older database is a `LibraryNotReady`.
 */
export function openForReading(name: string = DATABASE_NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, IDB_VERSION);
    let notReady: LibraryNotReady | null = null;
    request.onupgradeneeded = (event) => {
      notReady = new LibraryNotReady(event.oldVersion === 0 ? 'missing' : 'outdated');
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      // Let a newer Margins upgrade the database instead of waiting for this page to close.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => {
      if (request.error?.name === 'VersionError') reject(new LibraryNotReady('newer'));
      else reject(notReady ?? request.error ?? new Error('Cannot open the Margins database'));
    };
    request.onblocked = () => undefined;
  });
}

/** One read-only transaction over the named stores. */
export class LibraryReader {
  constructor(private readonly db: IDBDatabase) {}

  private store(name: StoreName): IDBObjectStore {
    return this.db.transaction(name, 'readonly').objectStore(name);
  }

  /** Primary keys of the records whose index value is in the range, in index order. */
  keysByIndex<S extends StoreName>(
    storeName: S,
    index: IndexName<S>,
    range?: IDBKeyRange | IDBValidKey,
  ): Promise<IDBValidKey[]> {
    return requestResult(this.store(storeName).index(index).getAllKeys(range));
  }

  /** The records whose primary key is in the range, in key order. */
  valuesInRange<T>(storeName: StoreName, range: IDBKeyRange): Promise<T[]> {
    return requestResult(this.store(storeName).getAll(range) as IDBRequest<T[]>);
  }

  /** Primary keys of a whole store, in key order. */
  allKeys(storeName: StoreName): Promise<IDBValidKey[]> {
    return requestResult(this.store(storeName).getAllKeys());
  }

  get<T>(storeName: StoreName, key: IDBValidKey): Promise<T | undefined> {
    return requestResult(this.store(storeName).get(key) as IDBRequest<T | undefined>);
  }

  /** Records by primary key, in the same order; a missing key gives undefined. */
  getMany<T>(storeName: StoreName, keys: readonly IDBValidKey[]): Promise<(T | undefined)[]> {
    const store = this.store(storeName);
    return Promise.all(
      keys.map((key) => requestResult(store.get(key) as IDBRequest<T | undefined>)),
    );
  }

  count<S extends StoreName>(
    storeName: S,
    index?: IndexName<S>,
    range?: IDBKeyRange | IDBValidKey,
  ): Promise<number> {
    const store = this.store(storeName);
    return requestResult(index ? store.index(index).count(range) : store.count(range));
  }

  /**
   * Each distinct value of an index, in order. A string value's cursor jumps straight past all
   * its entries (to the value followed by U+0000, the next possible string): Chromium's
   * 'nextunique' steps over every entry instead, which made the tag and site lists of 10,000
   * articles cost 135 ms of the database's time at every popup opening.
   */
  uniqueIndexValues<S extends StoreName>(
    storeName: S,
    index: IndexName<S>,
  ): Promise<IDBValidKey[]> {
    return new Promise((resolve, reject) => {
      const values: IDBValidKey[] = [];
      const request = this.store(storeName).index(index).openKeyCursor(null, 'nextunique');
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve(values);
        values.push(cursor.key);
        if (typeof cursor.key === 'string') cursor.continue(`${cursor.key}\u0000`);
        else cursor.continue();
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
    });
  }

  close(): void {
    this.db.close();
  }
}
