/**
 * The Margins database, opened with Dexie: its versions, stores and indexes are those of
 * schema-description.ts, each version with its upgrade from migrations.ts.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Annotation } from '../shared/annotation.ts';
import type { ArticleRecord } from '../shared/article.ts';
import type { ArticleCard, SearchDoc } from './derived.ts';
import * as migrations from './migrations.ts';
import type { Posting, PostingId } from './postings.ts';
import { SCHEMA_VERSIONS, type StoreName } from './schema-description.ts';

import { announceCommittedWrites } from './changes.ts';
import { DATABASE_NAME } from './names.ts';
import type { FetchQueueRow } from './fetch-queue.ts';
import type { ArticleImagesRow, ImageBlobRow } from './images.ts';
import type { OutboxEntry, SyncDocRow, SyncMetaRow } from './replica.ts';

export { DATABASE_NAME };

/** A stored article plus the lookup keys that are derived from it and never exported. */
export interface StoredArticle extends ArticleRecord {
  /** Normalised address and canonical address: a save with either key updates this record. */
  urlKeys: string[];
}

/** The row type of each store; a store of the description without one here does not compile. */
interface Tables {
  articles: EntityTable<StoredArticle, 'id'>;
  annotations: EntityTable<Annotation, 'id'>;
  cards: EntityTable<ArticleCard, 'key'>;
  searchDocs: EntityTable<SearchDoc, 'key'>;
  postings: Table<Posting, PostingId>;
  syncOutbox: EntityTable<OutboxEntry, 'articleId'>;
  syncDocs: EntityTable<SyncDocRow, 'articleId'>;
  syncMeta: EntityTable<SyncMetaRow, 'key'>;
  fetchQueue: EntityTable<FetchQueueRow, 'articleId'>;
  imageBlobs: EntityTable<ImageBlobRow, 'hash'>;
  articleImages: EntityTable<ArticleImagesRow, 'articleId'>;
}

export type MarginsDatabase = Dexie & { [Store in StoreName]: Tables[Store] };

export function openDatabase(name: string = DATABASE_NAME): MarginsDatabase {
  const db = new Dexie(name) as MarginsDatabase;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(migrations[upgrade]);
  }
  announceCommittedWrites(db);
  return db;
}
