/**
 * The image pipeline against a real HTTP server on 127.0.0.1: a saved body's images listed,
 * fetched, checked and stored; what a site refuses or sends wrong is recorded as such. Node's
 * environment (WebCrypto refuses jsdom's ArrayBuffers), with jsdom's DOMParser standing in for
 * the DOM that Firefox's background page has.
 */
import { JSDOM } from 'jsdom';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  fetchImage,
  imageTypeOf,
  keepImages,
  resumeImageFetching,
} from '../../../src/background/article-images.ts';
import { saveSnapshot } from '../../../src/db/articles.ts';
import {
  articleImagesOf,
  MAX_IMAGE_BYTES_PER_ARTICLE,
  planImages,
  unfinishedImageArticles,
} from '../../../src/db/images.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6]);

let server: Server;
let origin = '';
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requested.push(path);
    if (path === '/a.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    // A server that does not say what it sends: the bytes tell.
    else if (path === '/b.jpg')
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(JPEG);
    else if (path === '/page.html')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    else if (path === '/huge.png') {
      res.writeHead(200, {
        'content-type': 'image/png',
        'content-length': String(MAX_IMAGE_BYTES_PER_ARTICLE + 1),
      });
      res.write(PNG);
      // Left open: the client must give up on the declared size alone.
    } else res.writeHead(404).end();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

let db: MarginsDatabase;
beforeEach(() => {
  db = openDatabase(`test-${Math.random()}`);
  requested.length = 0;
});
afterEach(async () => {
  await db.delete();
});

describe('fetching one image', () => {
  it('keeps an image with its declared type and hash', async () => {
    const result = await fetchImage(`${origin}/a.png`);
    expect(result).toMatchObject({ status: 'stored', type: 'image/png' });
    expect(result.status === 'stored' && result.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('knows an image by its bytes when the server does not say', async () => {
    expect(await fetchImage(`${origin}/b.jpg`)).toMatchObject({ type: 'image/jpeg' });
    expect(imageTypeOf('text/plain', Uint8Array.from([1, 2, 3]))).toBeNull();
    // An SVG is a document that can carry scripts: not kept, whatever its bytes.
    expect(imageTypeOf('image/svg+xml', Uint8Array.from([0x3c, 0x73]))).toBeNull();
  });

  it('refuses a page that is not an image, a missing one, and one declared too large', async () => {
    expect(await fetchImage(`${origin}/page.html`)).toEqual({ status: 'failed' });
    expect(await fetchImage(`${origin}/gone.png`)).toEqual({ status: 'failed' });
    expect(await fetchImage(`${origin}/huge.png`)).toEqual({ status: 'too-large' });
  });

  it('says a site it cannot reach without access refused it', async () => {
    // Nothing listens on port 9 (discard): the fetch fails as a CORS refusal would.
    expect(await fetchImage('http://127.0.0.1:9/a.png')).toEqual({ status: 'no-access' });
  });
});

describe('keeping the images of a saved body', () => {
  beforeAll(() => {
    Object.assign(globalThis, { DOMParser: new JSDOM('').window.DOMParser });
  });
  afterAll(() => {
    Reflect.deleteProperty(globalThis, 'DOMParser');
  });

  it('stores each image of the body once, in reading order, then the lead image, with what became of each', async () => {
    const saved = await saveSnapshot(db, makeSnapshot(), new Date());
    const html = `<p>One</p><img src="${origin}/a.png" alt="">
      <img srcset="${origin}/small.png 300w, ${origin}/b.jpg 1600w" src="${origin}/small.png">
      <img src="${origin}/gone.png"><img src="${origin}/a.png">`;
    await keepImages(db, {
      ...saved.article,
      contentHtml: html,
      leadImageUrl: `${origin}/lead.png`,
    });
    const row = await articleImagesOf(db, saved.article.id);
    expect(row?.state).toBe('done');
    expect(row?.images.map(({ url, status }) => [url.slice(origin.length), status])).toEqual([
      ['/a.png', 'stored'],
      ['/b.jpg', 'stored'],
      ['/gone.png', 'failed'],
      // The lead image, which the body does not show, comes last.
      ['/lead.png', 'failed'],
    ]);
    expect(requested.filter((path) => path === '/a.png')).toHaveLength(1);
    expect(requested).not.toContain('/small.png');
    expect(await db.imageBlobs.count()).toBe(2);
  });

  it('carries on, when the worker starts again, with images a stopped worker left waiting', async () => {
    const saved = await saveSnapshot(db, makeSnapshot(), new Date());
    // What a save leaves when the worker stops right after storing the text: every image waiting.
    await planImages(db, saved.article.id, [`${origin}/a.png`, `${origin}/b.jpg`], new Date());
    expect((await unfinishedImageArticles(db)).map((row) => row.articleId)).toEqual([
      saved.article.id,
    ]);
    await resumeImageFetching(db);
    const row = await articleImagesOf(db, saved.article.id);
    expect(row?.images.map((image) => image.status)).toEqual(['stored', 'stored']);
    expect(await unfinishedImageArticles(db)).toEqual([]);
  });
});
