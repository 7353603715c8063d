/**
 * The Margins database. Versions are append-only: a version that shipped is never edited; a
 * change of shape is a new `db.version(n)` with an upgrade function, tested on data written by
 * the version before it.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Annotation } from '../shared/annotation.ts';
import type { ArticleRecord } from '../shared/article.ts';
import { CARD_INDEXES, SEARCH_DOC_INDEXES, type ArticleCard, type SearchDoc } from './derived.ts';
import {
  upgradeToVersion2,
  upgradeToVersion4,
  upgradeToVersion5,
  upgradeToVersion6,
} from './migrations.ts';
import { POSTING_INDEXES, type Posting, type PostingId } from './postings.ts';

import { announceCommittedWrites } from './changes.ts';
import type { OutboxEntry, SyncDocRow, SyncMetaRow } from './replica.ts';
import { DATABASE_NAME } from './names.ts';

export { DATABASE_NAME };

/** A stored article plus the lookup keys that are derived from it and never exported. */
export interface StoredArticle extends ArticleRecord {
  /** Normalised address and canonical address: a save with either key updates this record. */
  urlKeys: string[];
}

export type MarginsDatabase = Dexie & {
  articles: EntityTable<StoredArticle, 'id'>;
  syncOutbox: EntityTable<OutboxEntry, 'articleId'>;
  syncDocs: EntityTable<SyncDocRow, 'articleId'>;
  syncMeta: EntityTable<SyncMetaRow, 'key'>;
  annotations: EntityTable<Annotation, 'id'>;
  cards: EntityTable<ArticleCard, 'key'>;
  searchDocs: EntityTable<SearchDoc, 'key'>;
  postings: Table<Posting, PostingId>;
};

export function openDatabase(name: string = DATABASE_NAME): MarginsDatabase {
  const db = new Dexie(name) as MarginsDatabase;
  // Version 1 (0.1.0): articles keyed by id, found again by any url key, listed by savedAt.
  db.version(1).stores({ articles: 'id, *urlKeys, savedAt' });
  // Version 2 (0.2.0): same indexes; records gain authors, modifiedTime and fieldSources.
  db.version(2).stores({ articles: 'id, *urlKeys, savedAt' }).upgrade(upgradeToVersion2);
  // Version 3 (0.2.0): highlights and notes, as W3C Web Annotations, found by their article.
  db.version(3).stores({ articles: 'id, *urlKeys, savedAt', annotations: 'id, articleId' });
  // Version 4 (0.3.0): read and archived state on articles; list cards and search words derived
  // from each article so the popup lists, filters and searches without reading bodies.
  db.version(4)
    .stores({
      articles: 'id, *urlKeys, savedAt',
      annotations: 'id, articleId',
      cards: 'key, &id, *tags, site, highlightCount, read, archived, published',
      searchDocs: 'key, &articleId, *terms, *strongTerms',
    })
    .upgrade(upgradeToVersion4);
  // Version 5 (0.3.0): search words of the title, author, site and tags apart, for prefixes.
  db.version(5)
    .stores({
      articles: 'id, *urlKeys, savedAt',
      annotations: 'id, articleId',
      cards: CARD_INDEXES,
      searchDocs: 'key, &articleId, *terms, *strongTerms, *titleTerms',
    })
    .upgrade(upgradeToVersion5);
  // Version 6 (0.3.0): search reads one posting per word (postings.ts) instead of one index
  // entry per article, and the search rows lose their word indexes.
  db.version(6)
    .stores({
      articles: 'id, *urlKeys, savedAt',
      annotations: 'id, articleId',
      cards: CARD_INDEXES,
      searchDocs: SEARCH_DOC_INDEXES,
      postings: POSTING_INDEXES,
    })
    .upgrade(upgradeToVersion6);
  // Version 7 (0.4.0): sync. Articles changed since they were last sent, each article's synced
  // state and server document, and the sync's own values (device id, checkpoint, key).
  db.version(7).stores({
    articles: 'id, *urlKeys, savedAt',
    annotations: 'id, articleId',
    cards: CARD_INDEXES,
    searchDocs: SEARCH_DOC_INDEXES,
    postings: POSTING_INDEXES,
    syncOutbox: 'articleId',
    syncDocs: 'articleId, &docId',
    syncMeta: 'key',
  });
  announceCommittedWrites(db);
  return db;
}
