/**
 * This device's copies of articles as the sync engine reads and writes them. Synced states are
 * stored packed (codec.ts `packState`, the bytes a server document seals): a state's JSON
 * repeats the whole article, and packed it is about a fifth of the size and one value to store
 * instead of hundreds; a first sync writes ten thousand. Rows written before states were packed
 * hold the state itself, and are read as they are.
 */
import {
  deletedArticleRows,
  readLocalCopies,
  writeReplicaBatch,
  type LocalCopy,
  type ReplicaWrite,
  type SyncDocRow,
  type SyncMetaRow,
} from '../db/replica.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import type { Bytes } from './base64.ts';
import { packState, unpackState } from './codec.ts';
import { emptyArticleState, type ArticleState } from './crdt.ts';

type StoredState = Bytes | ArticleState;
export type Copy = LocalCopy<ArticleState>;

/** Empty states that stand for a stored state this device could not read back. */
const unknownStates = new WeakSet<ArticleState>();

/** True for the state read in place of a damaged one (see unpackRow). */
export function isUnknownState(state: ArticleState): boolean {
  return unknownStates.has(state);
}

/**
 * A stored synced state, unpacked. One this device cannot read back (damaged on disk) is taken as
 * unknown rather than stopping every sync at that article: it reads as an empty state, which the
 * engine merges as older than anything the server has (engine.ts `withLocalChanges`).
 */
async function unpackRow(row: SyncDocRow<StoredState>): Promise<SyncDocRow<ArticleState>> {
  const { state } = row;
  if (!ArrayBuffer.isView(state)) return { ...row, state };
  try {
    return { ...row, state: await unpackState(state) };
  } catch (error) {
    console.warn('Margins: the synced state of an article is damaged; taken as unknown', error);
    const unknown = emptyArticleState(row.articleId);
    unknownStates.add(unknown);
    return { ...row, state: unknown };
  }
}

/** What this device holds of these articles, its synced states unpacked. */
export async function readCopies(db: MarginsDatabase, articleIds: readonly string[]) {
  const copies = await readLocalCopies<StoredState>(db, articleIds);
  return Promise.all(
    copies.map(async (copy): Promise<Copy> => ({
      ...copy,
      row: copy.row && (await unpackRow(copy.row)),
    })),
  );
}

/** writeReplicaBatch, with each synced state packed (states just received or sent are already). */
export async function writeStates(
  db: MarginsDatabase,
  writes: readonly ReplicaWrite<ArticleState>[],
  meta: readonly SyncMetaRow[] = [],
): Promise<void> {
  const packed = await Promise.all(
    writes.map(async (write): Promise<ReplicaWrite<StoredState>> => {
      if (!write.row) return { ...write, row: null };
      return { ...write, row: { ...write.row, state: await packState(write.row.state) } };
    }),
  );
  await writeReplicaBatch(db, packed, meta);
}

/** The synced states of articles this library no longer holds, unpacked (see deletedArticleRows). */
export async function deletedStates(db: MarginsDatabase): Promise<SyncDocRow<ArticleState>[]> {
  return Promise.all((await deletedArticleRows<StoredState>(db)).map(unpackRow));
}
