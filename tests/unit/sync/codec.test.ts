/**
 * An article's state as the server stores it: sealed and compressed under an opaque id, opened
 * only with the key and only under the id it was written for.
 */
import { randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/shared/annotation.ts';
import type { ArticleRecord } from '../../../src/shared/article.ts';
import { toBase64 } from '../../../src/sync/base64.ts';
import {
  DOCUMENT_FORMAT,
  MalformedDocumentError,
  decodeState,
  encodeState,
  packState,
  unpackState,
  type ServerDocument,
} from '../../../src/sync/codec.ts';
import { emptyArticleState, type ArticleState } from '../../../src/sync/crdt.ts';
import { DecryptionError, aesGcmCipher, type Cipher } from '../../../src/sync/crypto.ts';
import { canonical, recordLocalChanges, renderState } from '../../../src/sync/mapping.ts';
import { makeRecord } from '../helpers/snapshot.ts';

const ARTICLE_ID = '8d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f';
const URL = 'https://obscure-gazette.example/2024/zeppelin-referendum';
const TITLE = 'Quixotic Zeppelin Referendum';
const BODY = 'Marmalade archipelago filibuster overshadowed the harbour commission.';
const NOTE = 'Xylophonic reminder about the harbour';
const TAG = 'ornithology';
const HIGHLIGHT_NOTE = 'Pelican musings on the filibuster';
/** Everything the server must not be able to read. */
const SECRETS = [
  ARTICLE_ID,
  URL,
  'obscure-gazette',
  'zeppelin',
  'quixotic',
  'marmalade',
  'archipelago',
  'filibuster',
  'xylophonic',
  TAG,
  'pelican',
];

const when = '2026-03-01T10:00:00.000Z';

function record(): ArticleRecord {
  return makeRecord(
    {
      url: URL,
      canonicalUrl: URL,
      title: TITLE,
      siteName: 'Obscure Gazette',
      publishedTime: '2024-06-18',
      excerpt: BODY,
      contentHtml: `<p>${BODY}</p>`,
      textContent: BODY,
      wordCount: 8,
      fieldSources: { title: 'readability' },
    },
    { id: ARTICLE_ID, savedAt: when, tags: [TAG], note: NOTE, readAt: when },
  );
}

function highlight(): Annotation {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'urn:uuid:11111111-2222-4333-8444-555555555555',
    type: 'Annotation',
    motivation: 'commenting',
    created: when,
    modified: when,
    body: [
      { type: 'TextualBody', value: HIGHLIGHT_NOTE, format: 'text/plain', purpose: 'commenting' },
    ],
    target: {
      source: URL,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: 'archipelago filibuster',
          prefix: 'Marmalade ',
          suffix: '',
        },
        { type: 'TextPositionSelector', start: 10, end: 32 },
      ],
    },
    articleId: ARTICLE_ID,
    colour: 'green',
  };
}

let cipher: Cipher;
let state: ArticleState;

beforeAll(async () => {
  cipher = await aesGcmCipher(new Uint8Array(randomBytes(32)));
  state = recordLocalChanges(
    emptyArticleState(ARTICLE_ID),
    { article: record(), annotations: [highlight()] },
    { t: Date.parse(when), d: 'laptop' },
  );
});

async function refusal(doc: ServerDocument): Promise<unknown> {
  try {
    await decodeState(cipher, doc);
  } catch (error) {
    return error;
  }
  throw new Error('the document was accepted');
}

describe('encodeState and decodeState', () => {
  it('round-trip a state, which renders to the same records', async () => {
    const doc = await encodeState(cipher, state);
    expect(Object.keys(doc).sort()).toEqual(['_id', 'c', 'v']);
    expect(doc.v).toBe(DOCUMENT_FORMAT);
    expect(doc._id).toBe(await cipher.documentId(ARTICLE_ID));
    const decoded = await decodeState(cipher, doc);
    expect(canonical(decoded)).toBe(canonical(state));
    expect(renderState(decoded)).toEqual({ article: record(), annotations: [highlight()] });
  });

  it('pack the state as raw DEFLATE of its JSON, as another implementation reads and writes it', async () => {
    const doc = await encodeState(cipher, state);
    const packed = await cipher.open(Buffer.from(doc.c ?? '', 'base64'), doc._id);
    expect(canonical(JSON.parse(inflateRawSync(packed).toString('utf8')))).toBe(canonical(state));
    const written = deflateRawSync(new TextEncoder().encode(JSON.stringify(state)));
    const sealed = await cipher.seal(new Uint8Array(written), doc._id);
    const decoded = await decodeState(cipher, { ...doc, c: toBase64(sealed) });
    expect(canonical(decoded)).toBe(canonical(state));
  });

  it('store the packed bytes a device keeps: the ones it sealed, or the ones a document opened to', async () => {
    const packed = await packState(state);
    expect(canonical(JSON.parse(inflateRawSync(packed).toString('utf8')))).toBe(canonical(state));
    const doc = await encodeState(cipher, state);
    expect(await cipher.open(Buffer.from(doc.c ?? '', 'base64'), doc._id)).toEqual(packed);
    const decoded = await decodeState(cipher, doc);
    const opened = await packState(decoded);
    expect(opened).toEqual(packed);
    // A state unpacked from the device's own bytes packs back to the same bytes, without work.
    expect(await packState(await unpackState(opened))).toBe(opened);
    expect(canonical(await unpackState(opened))).toBe(canonical(state));
  });

  it('leave no address, title, body word, note or tag readable in the document', async () => {
    const doc = await encodeState(cipher, state);
    const stored = JSON.stringify(doc).toLowerCase();
    for (const secret of SECRETS) expect(stored).not.toContain(secret.toLowerCase());
  });

  it('refuse a document moved to another id', async () => {
    const doc = await encodeState(cipher, state);
    const otherId = await cipher.documentId('another-article');
    expect(await refusal({ ...doc, _id: otherId })).toBeInstanceOf(DecryptionError);
  });

  it('refuse a document sealed for its id that holds another article’s state', async () => {
    const otherId = await cipher.documentId('another-article');
    const packed = deflateRawSync(new TextEncoder().encode(JSON.stringify(state)));
    const sealed = await cipher.seal(new Uint8Array(packed), otherId);
    const doc = { _id: otherId, v: DOCUMENT_FORMAT, c: toBase64(sealed) };
    expect(await refusal(doc)).toBeInstanceOf(DecryptionError);
  });

  it('refuse a document another key sealed', async () => {
    const other = await aesGcmCipher(new Uint8Array(randomBytes(32)));
    const doc = await encodeState(other, state);
    expect(await refusal({ ...doc, _id: await cipher.documentId(ARTICLE_ID) })).toBeInstanceOf(
      DecryptionError,
    );
  });

  it('refuse another format, a missing or garbled body as malformed', async () => {
    const doc = await encodeState(cipher, state);
    for (const malformed of [
      { ...doc, v: DOCUMENT_FORMAT + 1 },
      { ...doc, v: undefined },
      { _id: doc._id, v: DOCUMENT_FORMAT },
      { ...doc, c: 'this is not base64 ***' },
    ]) {
      expect(await refusal(malformed)).toBeInstanceOf(MalformedDocumentError);
    }
    // Random bytes are not sealed with the key.
    expect(await refusal({ ...doc, c: toBase64(randomBytes(200)) })).toBeInstanceOf(
      DecryptionError,
    );
  });

  it('refuse sealed content that does not unpack, or is not an article state', async () => {
    const id = await cipher.documentId(ARTICLE_ID);
    const seal = async (plain: Uint8Array) => ({
      _id: id,
      v: DOCUMENT_FORMAT,
      c: toBase64(await cipher.seal(new Uint8Array(plain), id)),
    });
    const json = (value: unknown) =>
      deflateRawSync(new TextEncoder().encode(JSON.stringify(value)));
    for (const plain of [
      new TextEncoder().encode('not deflated'),
      deflateRawSync(new TextEncoder().encode('{"id": unfinished')),
      // A packed state cut short: the inflater stops without an error and without a result.
      deflateRawSync(new TextEncoder().encode(JSON.stringify(state))).subarray(0, 40),
      json({ id: ARTICLE_ID, title: TITLE }),
      json({ ...state, alive: { v: 'yes', s: { t: 1, d: 'laptop' } } }),
      json({ ...state, id: '' }),
    ]) {
      expect(await refusal(await seal(plain))).toBeInstanceOf(MalformedDocumentError);
    }
  });
});
