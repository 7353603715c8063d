/**
 * The article `npm run bench:scale` saves with its images: a story on 127.0.0.1 (a free port)
 * with IMAGE_COUNT pictures of its own site, each a real PNG of about 200 kB. The pictures are
 * noise, so deflate cannot shrink them, and every one differs from every other (a picture two
 * articles share is stored once), so each save stores all of its own. Each story has its own
 * address (`/story/N.html`, images `/img/N-I.png`): every save is a new article, not an update.
 * `/plain/N.html` is the same story without its figures, for the text-only save beside it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodePng } from '../tests/e2e/harness/png.ts';

export const IMAGE_COUNT = 10;
/** 256 × 260 RGB with one filter byte a row: 199,940 bytes of pixels, about 200 kB of PNG. */
const WIDTH = 256;
const HEIGHT = 260;

export interface ImagePageServer {
  origin: string;
  /** Story `n` with its IMAGE_COUNT figures. */
  storyUrl(n: number): string;
  /** Story `n` without its figures. */
  plainUrl(n: number): string;
  /** The addresses of story `n`'s images, in reading order. */
  imageUrls(n: number): string[];
  /** Bytes of the PNG each image address serves. */
  imageBytes(n: number): number;
  close(): Promise<void>;
}

/** A real `width`×`height` RGB PNG of noise: each seed gives different pixels. */
export function noisyPng(width: number, height: number, seed: number): Buffer {
  const stride = 1 + width * 3;
  const pixels = Buffer.alloc(stride * height);
  // xorshift32, never seeded with 0.
  let state = (Math.imul(seed + 1, 0x9e3779b1) | 1) >>> 0;
  for (let y = 0; y < height; y++) {
    // Filter byte 0 (none), then the row's noise.
    for (let x = 1; x < stride; x++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      pixels[y * stride + x] = state & 0xff;
    }
  }
  return encodePng(width, height, pixels);
}

const PARAGRAPH =
  'The harbour board met on Tuesday to decide the future of the old cranes, which have stood ' +
  'idle on the north quay since the container terminal moved down the estuary. Some members ' +
  'want them cut up and sold; others would keep two as a memorial to the dockers who ran them.';

function storyHtml(n: number, withImages: boolean): string {
  const title = `Harbour board weighs the future of the north quay cranes (${n})`;
  const para = (i: number) => `<p>${PARAGRAPH} (${n}.${i})</p>`;
  const figure = (i: number) =>
    withImages
      ? `<figure><img src="/img/${n}-${i}.png" alt="Crane ${i + 1} on the north quay" width="${WIDTH}" height="${HEIGHT}"><figcaption>Crane ${i + 1}.</figcaption></figure>`
      : '';
  const body = Array.from({ length: IMAGE_COUNT }, (_, i) => `${para(i)}\n${figure(i)}`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title}</title>
<meta name="author" content="Ines Marchetti">
<meta property="article:published_time" content="2026-12-01T07:30:00Z">
</head><body><header><nav><a href="/">Estuary Gazette</a></nav></header>
<article><h1>${title}</h1><p class="byline">By Ines Marchetti</p>
${body}
${para(IMAGE_COUNT)}
</article><footer>© Estuary Gazette</footer></body></html>`;
}

const STORY = /^\/(story|plain)\/(\d+)\.html$/;
const IMAGE = /^\/img\/(\d+)-(\d+)\.png$/;

/** Serves the stories and their images on 127.0.0.1 at a free port until `close`. */
export async function startImagePageServer(): Promise<ImagePageServer> {
  const pictures = new Map<string, Buffer>();
  const picture = (n: number, i: number): Buffer => {
    const key = `${n}-${i}`;
    let png = pictures.get(key);
    if (!png) {
      png = noisyPng(WIDTH, HEIGHT, n * IMAGE_COUNT + i);
      pictures.set(key, png);
    }
    return png;
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    const story = STORY.exec(path);
    const image = IMAGE.exec(path);
    if (req.method !== 'GET') res.writeHead(405).end();
    else if (story) {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(storyHtml(Number(story[2]), story[1] === 'story'));
    } else if (image && Number(image[2]) < IMAGE_COUNT) {
      // Not from a cache: the save's fetches go to the server, as a first visit's would.
      res
        .writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' })
        .end(picture(Number(image[1]), Number(image[2])));
    } else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    storyUrl: (n) => `${origin}/story/${n}.html`,
    plainUrl: (n) => `${origin}/plain/${n}.html`,
    imageUrls: (n) => Array.from({ length: IMAGE_COUNT }, (_, i) => `${origin}/img/${n}-${i}.png`),
    imageBytes: (n) =>
      Array.from({ length: IMAGE_COUNT }, (_, i) => picture(n, i).length).reduce((a, b) => a + b),
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
