/**
 * Two libraries joined by sync: the same page saved on both devices before they synced (two
 * ids) ends as one article on both, with the highlights, notes and tags of both.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAnnotation } from '../../../src/db/annotations.ts';
import { setArticleNote, setArticleTags } from '../../../src/db/article-notes.ts';
import { saveSnapshot } from '../../../src/db/articles.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import type { RangeSelectors } from '../../../src/shared/anchoring/types.ts';
import type { ArticleSnapshot } from '../../../src/shared/article.ts';
import { CouchClient } from '../../../src/sync/couch.ts';
import { aesGcmCipher, type Cipher } from '../../../src/sync/crypto.ts';
import { syncOnce, type Replica } from '../../../src/sync/engine.ts';
import { createVault } from '../../../src/sync/vault.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';
import { startCouchServer, type CouchServer } from '../../e2e/harness/couch-server.ts';

const TEXT = 'The council voted on Tuesday after a long debate about housing.';

function snapshot(url: string, title: string): ArticleSnapshot {
  return makeSnapshot({
    url,
    canonicalUrl: null,
    title,
    excerpt: TEXT,
    contentHtml: `<p>${TEXT}</p>`,
    textContent: TEXT,
    wordCount: 11,
  });
}

function highlight(start: number, end: number): RangeSelectors {
  return [
    { type: 'TextQuoteSelector', exact: TEXT.slice(start, end), prefix: '', suffix: '' },
    { type: 'TextPositionSelector', start, end },
  ];
}

let server: CouchServer;
let cipher: Cipher;

beforeAll(async () => {
  server = await startCouchServer();
  const couch = new CouchClient({
    serverUrl: server.origin,
    database: 'dupes',
    username: '',
    password: '',
  });
  await couch.ensureDatabase();
  const { vault, master } = await createVault('a long enough passphrase');
  await couch.put(vault);
  cipher = await aesGcmCipher(master);
}, 60_000);

afterAll(() => server.close());

function replica(db: MarginsDatabase, deviceId: string): Replica {
  const couch = new CouchClient({
    serverUrl: server.origin,
    database: 'dupes',
    username: '',
    password: '',
  });
  return { db, couch, cipher, deviceId, now: () => Date.now() };
}

test('one page saved on two devices before they synced becomes one article on both', async () => {
  const laptop = openDatabase('dupes-laptop');
  const desktop = openDatabase('dupes-desktop');
  const onLaptop = await saveSnapshot(
    laptop,
    snapshot('https://example.org/story?utm_source=x', 'Story'),
    new Date(),
  );
  const onDesktop = await saveSnapshot(
    desktop,
    snapshot('https://www.example.org/story', 'Story'),
    new Date(),
  );
  expect(onLaptop.article.id).not.toBe(onDesktop.article.id);
  await createAnnotation(
    laptop,
    {
      articleId: onLaptop.article.id,
      selector: highlight(4, 11),
      colour: 'yellow',
      note: 'laptop note',
    },
    new Date(),
  );
  await createAnnotation(
    desktop,
    {
      articleId: onDesktop.article.id,
      selector: highlight(12, 17),
      colour: 'green',
      note: '',
    },
    new Date(),
  );
  await setArticleTags(laptop, onLaptop.article.id, ['housing'], new Date());
  await setArticleTags(desktop, onDesktop.article.id, ['politics'], new Date());
  await setArticleNote(desktop, onDesktop.article.id, 'read again', new Date());

  const a = replica(laptop, 'laptop');
  const b = replica(desktop, 'desktop');
  await syncOnce(a);
  await syncOnce(b);
  await syncOnce(a);
  await syncOnce(b);

  const survivor = [onLaptop.article.id, onDesktop.article.id].sort()[0] as string;
  for (const db of [laptop, desktop]) {
    const articles = await db.articles.toArray();
    expect(articles.map((article) => article.id)).toEqual([survivor]);
    expect([...(articles[0]?.tags ?? [])].sort()).toEqual(['housing', 'politics']);
    expect(articles[0]?.note).toBe('read again');
    const annotations = await db.annotations.toArray();
    expect(annotations).toHaveLength(2);
    expect(annotations.every((annotation) => annotation.articleId === survivor)).toBe(true);
    expect(await db.cards.count()).toBe(1);
  }
});
