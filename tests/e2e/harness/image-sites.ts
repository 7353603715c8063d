/**
 * Two local sites for the images of a saved article: the news site (127.0.0.1), whose story
 * shows two pictures of its own and two from an image host, and the image host itself
 * (127.0.0.2, another origin: the loopback network answers on every 127.x address), which like most image hosts sends no CORS headers. Both log
 * every request, so a test can tell that the reader fetched nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { encodePng } from './png.ts';

export const STORY_TITLE = 'Lighthouse keepers return to the northern cape';

export interface LoggedSite {
  origin: string;
  /** The paths requested so far, in order. */
  log: string[];
  close(): Promise<void>;
}

export interface ImageSites {
  news: LoggedSite;
  host: LoggedSite;
  storyUrl: string;
  /** Every image address the story's saved copy keeps, in reading order. */
  newsImages: string[];
  hostImages: string[];
  close(): Promise<void>;
}

/** A real PNG of one colour, `width`×`height`: each seed gives different bytes. */
export function solidPng(width: number, height: number, seed: number): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([(seed * 53) % 256, (seed * 97) % 256, 120], 1 + x * 3);
  return encodePng(width, height, Buffer.concat(Array.from({ length: height }, () => row)));
}

async function startSite(
  host: string,
  answer: (path: string) => { type: string; body: Buffer | string } | null,
): Promise<LoggedSite & { server: Server }> {
  const log: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    log.push(path);
    const found = req.method === 'GET' ? answer(path) : null;
    if (!found) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else res.writeHead(200, { 'content-type': found.type }).end(found.body);
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, host, ready);
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://${host}:${port}`,
    log,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

const PARAGRAPH =
  'The keepers arrived before dawn with the season’s supplies, and by noon the lamp room had ' +
  'been swept, the lens polished and the logbook opened on a fresh page. For forty years the ' +
  'station ran without them; the village asked for them back after two winters of wrecks.';

function story(newsOrigin: string, hostOrigin: string): string {
  const para = (n: number) => `<p>${PARAGRAPH} (${n})</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${STORY_TITLE}</title>
<meta name="author" content="Ada Lindqvist">
<meta property="article:published_time" content="2026-11-30T08:00:00Z">
</head><body><header><nav><a href="/">Coast News</a></nav></header>
<article><h1>${STORY_TITLE}</h1><p class="byline">By Ada Lindqvist</p>
${para(1)}
<figure><img src="/img/lamp-400.png" srcset="/img/lamp-400.png 400w, /img/lamp-1600.png 1600w" sizes="100vw" alt="The lamp room at dawn" width="400" height="300"><figcaption>The lamp room.</figcaption></figure>
${para(2)}${para(3)}
<figure><img src="${hostOrigin}/cdn/keepers.png" alt="The two keepers on the gallery" width="320" height="200"></figure>
${para(4)}
<figure><picture><source type="image/png" srcset="${hostOrigin}/cdn/cape-1500.png 1500w, ${hostOrigin}/cdn/cape-600.png 600w"><img src="${hostOrigin}/cdn/cape-600.png" alt="The cape from the sea"></picture></figure>
${para(5)}
<p><img src="${newsOrigin}/img/map.png" alt="Map of the northern cape" width="300" height="300"></p>
${para(6)}${para(7)}
</article><footer>© Coast News</footer></body></html>`;
}

const PNG = 'image/png';

export async function startImageSites(): Promise<ImageSites> {
  const pictures = new Map<string, Buffer>([
    ['/img/lamp-400.png', solidPng(40, 30, 1)],
    ['/img/lamp-1600.png', solidPng(160, 120, 2)],
    ['/img/map.png', solidPng(60, 60, 3)],
    ['/cdn/keepers.png', solidPng(64, 40, 4)],
    ['/cdn/cape-600.png', solidPng(60, 40, 5)],
    ['/cdn/cape-1500.png', solidPng(150, 100, 6)],
  ]);
  const image = (path: string) => {
    const body = pictures.get(path);
    return body ? { type: PNG, body } : null;
  };
  const host = await startSite('127.0.0.2', (path) =>
    path.startsWith('/cdn/') ? image(path) : null,
  );
  let storyHtml = '';
  const news = await startSite('127.0.0.1', (path) =>
    path === '/story.html'
      ? { type: 'text/html; charset=utf-8', body: storyHtml }
      : path.startsWith('/img/')
        ? image(path)
        : null,
  );
  storyHtml = story(news.origin, host.origin);
  return {
    news,
    host,
    storyUrl: `${news.origin}/story.html`,
    newsImages: [`${news.origin}/img/lamp-1600.png`, `${news.origin}/img/map.png`],
    hostImages: [`${host.origin}/cdn/keepers.png`, `${host.origin}/cdn/cape-1500.png`],
    close: async () => {
      await Promise.allSettled([news.close(), host.close()]);
    },
  };
}

/** The two sites for a test file: started before its tests, stopped after (if still running). */
export function useImageSites(): () => ImageSites {
  let sites: ImageSites | undefined;
  beforeAll(async () => {
    sites = await startImageSites();
  });
  afterAll(async () => {
    await sites?.close();
  });
  return () => {
    if (!sites) throw new Error('the image sites did not start');
    return sites;
  };
}
