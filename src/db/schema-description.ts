/**
 * The Margins database, described once: every schema version that shipped, in order, with the
 * stores and indexes it adds or changes and the upgrade that turns the version before into it.
 * Dexie's `db.version(n).stores(...)` calls (schema.ts) are made from this list, and the popup's
 * Dexie-free reader (read/idb.ts) takes its version and its store and index names from it.
 *
 * Append-only: a version that shipped is never edited. A change of shape is one more entry at
 * the end, with an upgrade function in migrations.ts if records must change, tested on data
 * written by the version before it. This module is data only (upgrades are named, not imported),
 * so the popup's reader does not carry the migrations.
 */
import type * as Migrations from './migrations.ts';

/** An upgrade function of migrations.ts, by its name. */
export type UpgradeName = keyof typeof Migrations;

export interface SchemaVersion {
  readonly version: number;
  /** The release that shipped it, or 'unreleased'. */
  readonly release: string;
  /**
   * The stores this version adds or changes, each as Dexie's index string: the primary key, then
   * the indexes (`&` unique, `*` one entry per array item, `[a+b]` compound, `++` generated).
   * A store left out keeps the shape an earlier version gave it.
   */
  readonly stores: Readonly<Record<string, string>>;
  /** Turns records written by the version before into this version's shape; null if none. */
  readonly upgrade: UpgradeName | null;
}

export const SCHEMA_VERSIONS = [
  {
    version: 1,
    release: '0.1.0',
    // Articles keyed by id, found again by any url key, listed by savedAt.
    stores: { articles: 'id, *urlKeys, savedAt' },
    upgrade: null,
  },
  {
    version: 2,
    release: '0.2.0',
    // Same indexes; records gain authors, modifiedTime and fieldSources.
    stores: {},
    upgrade: 'upgradeToVersion2',
  },
  {
    version: 3,
    release: '0.2.0',
    // Highlights and notes, as W3C Web Annotations, found by their article.
    stores: { annotations: 'id, articleId' },
    upgrade: null,
  },
  {
    version: 4,
    release: '0.3.0',
    // Read and archived state on articles; list cards and search words derived from each
    // article (derived.ts) so the popup lists, filters and searches without reading bodies.
    stores: {
      cards: 'key, &id, *tags, site, highlightCount, read, archived, published',
      searchDocs: 'key, &articleId, *terms, *strongTerms',
    },
    upgrade: 'upgradeToVersion4',
  },
  {
    version: 5,
    release: '0.3.0',
    // Search words of the title, author, site and tags apart, for prefixes.
    stores: { searchDocs: 'key, &articleId, *terms, *strongTerms, *titleTerms' },
    upgrade: 'upgradeToVersion5',
  },
  {
    version: 6,
    release: '0.3.0',
    // Search reads one posting per word (postings.ts) instead of one index entry per article.
    // The search rows lose their word indexes: they only keep each article's words so its
    // postings can be updated.
    stores: {
      searchDocs: 'key, &articleId',
      postings: '[field+bucket+shard]',
    },
    // Its postings are built by version 8's upgrade, which follows it.
    upgrade: null,
  },
  {
    version: 7,
    release: '0.4.0',
    // Sync: articles changed since they were last sent, each article's synced state and server
    // document, and the sync's own values (device id, checkpoint, key).
    stores: {
      syncOutbox: 'articleId',
      syncDocs: 'articleId, &docId',
      syncMeta: 'key',
    },
    upgrade: null,
  },
  {
    version: 8,
    release: '0.4.0',
    // Postings in shards of a few hundred articles (posting-shards.ts): each search row says
    // which, and the index finds the newest shard and how full it is.
    stores: { searchDocs: 'key, &articleId, shard' },
    upgrade: 'upgradeToVersion8',
  },
  {
    version: 9,
    release: 'unreleased',
    // Imported links whose articles are to be fetched (fetch-queue.ts), counted by state.
    stores: { fetchQueue: 'articleId, state' },
    upgrade: null,
  },
  {
    version: 10,
    release: 'unreleased',
    // Articles no longer keep their body's plain text: it is derived from the HTML (htmlText).
    stores: {},
    upgrade: 'upgradeToVersion10',
  },
  {
    version: 11,
    release: 'unreleased',
    // Images kept with articles (images.ts): each picture once by its content hash, and each
    // article's list of its images, found by the pictures it uses and by whether it is done.
    stores: {
      imageBlobs: 'hash',
      articleImages: 'articleId, *hashes, state',
    },
    upgrade: null,
  },
] as const satisfies readonly SchemaVersion[];

/** The newest version: what Dexie upgrades to and the only one the Dexie-free reader opens. */
export const SCHEMA_VERSION = SCHEMA_VERSIONS.length;

/** Every store of the database. */
export type StoreName = KeysOf<(typeof SCHEMA_VERSIONS)[number]['stores']>;

/** The secondary indexes of a store as its newest version declares them. */
export type IndexName<S extends StoreName> = IndexNameOf<
  SecondaryEntries<NewestSpec<typeof SCHEMA_VERSIONS, S>>
>;

type KeysOf<T> = T extends unknown ? keyof T & string : never;

type NewestSpec<Versions extends readonly unknown[], S extends string> = Versions extends readonly [
  ...infer Earlier,
  infer Last,
]
  ? Last extends { stores: Record<S, infer Spec extends string> }
    ? Spec
    : NewestSpec<Earlier, S>
  : never;

type Trim<S extends string> = S extends ` ${infer Rest}`
  ? Trim<Rest>
  : S extends `${infer Rest} `
    ? Trim<Rest>
    : S;
type Entries<S extends string> = S extends `${infer Head},${infer Tail}`
  ? Trim<Head> | Entries<Tail>
  : Trim<S>;
type SecondaryEntries<Spec extends string> = Spec extends `${string},${infer Rest}`
  ? Entries<Rest>
  : never;
type IndexNameOf<Entry extends string> = Entry extends `&${infer Name}`
  ? Name
  : Entry extends `*${infer Name}`
    ? Name
    : Entry;

/** An index or primary key as IndexedDB holds it. */
export interface KeyDescription {
  /** The index name (a compound index is named by its `[a+b]` source, as Dexie does). */
  name: string;
  keyPath: string | string[] | null;
  unique: boolean;
  multiEntry: boolean;
  autoIncrement: boolean;
}

export interface StoreDescription {
  primaryKey: KeyDescription;
  indexes: KeyDescription[];
}

/** One entry of a Dexie index string. */
function parseKey(source: string): KeyDescription {
  const autoIncrement = source.startsWith('++');
  const unique = source.startsWith('&');
  const multiEntry = source.startsWith('*');
  const name = source.replace(/^(\+\+|&|\*)/, '');
  const compound = /^\[(.*)\]$/.exec(name);
  const keyPath = compound ? (compound[1] ?? '').split('+') : name === '' ? null : name;
  return { name, keyPath, unique, multiEntry, autoIncrement };
}

/** A Dexie index string as IndexedDB stores it: the primary key, then each index. */
export function parseStoreSpec(spec: string): StoreDescription {
  const [primary = '', ...indexes] = spec.split(',').map((entry) => entry.trim());
  return { primaryKey: parseKey(primary), indexes: indexes.map(parseKey) };
}

/** Every store's index string at a version: each store as the newest version up to it left it. */
export function storeSpecsAt(version: number): Record<string, string> {
  const specs: Record<string, string> = {};
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version <= version) Object.assign(specs, entry.stores);
  }
  return specs;
}
