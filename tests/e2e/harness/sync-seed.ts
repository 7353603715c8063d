/**
 * A third device for sync tests, in Node: it opens the library's vault on the server with the
 * passphrase and writes articles there through Margins' own sync code (the same state, sealing
 * and document ids a browser writes), so a browser can then pull hundreds of them.
 */
import type { ArticleRecord } from '../../../src/shared/article.ts';
import { CouchClient, type ServerAccount } from '../../../src/sync/couch.ts';
import { emptyArticleState } from '../../../src/sync/crdt.ts';
import { encodeState } from '../../../src/sync/codec.ts';
import { aesGcmCipher } from '../../../src/sync/crypto.ts';
import { recordLocalChanges } from '../../../src/sync/mapping.ts';
import { openVault, VAULT_ID, VaultSchema } from '../../../src/sync/vault.ts';
import { generateArticle } from '../seed/generate.ts';
import * as v from 'valibot';

const BATCH = 100;

/** The id a seeded article has: fixed, so a test knows which articles must arrive. */
export function seededArticleId(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

/** The generated article number `index` as the record a device stores. */
export function seededRecord(index: number, savedAt: string): ArticleRecord {
  const { snapshot, tags } = generateArticle(index, 7);
  return {
    ...snapshot,
    id: seededArticleId(index),
    savedAt,
    updatedAt: savedAt,
    tags,
    note: '',
    readAt: null,
    archivedAt: null,
  };
}

/**
 * Writes `count` generated articles to the library on the server, as a device that synced them
 * would; the passphrase must open the library's vault. Returns their ids.
 */
export async function seedServerLibrary(
  account: ServerAccount,
  passphrase: string,
  count: number,
): Promise<string[]> {
  const couch = new CouchClient(account);
  const vault = v.parse(VaultSchema, await couch.get(VAULT_ID));
  const cipher = await aesGcmCipher(await openVault(vault, passphrase));
  const savedAt = new Date().toISOString();
  const stamp = { t: Date.now(), d: 'seed' };
  const ids: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const docs = [];
    for (let index = start; index < Math.min(count, start + BATCH); index += 1) {
      const article = seededRecord(index, savedAt);
      const state = recordLocalChanges(
        emptyArticleState(article.id),
        { article, annotations: [] },
        stamp,
      );
      docs.push(await encodeState(cipher, state));
      ids.push(article.id);
    }
    const results = await couch.bulkDocs(docs);
    const refused = results.filter((result) => result.error);
    if (refused.length > 0) throw new Error(`the server refused ${refused.length} seeded articles`);
  }
  return ids;
}
