/**
 * Keeps the images of saved articles, after their text: a save stores the text at once and
 * lists the body's images as waiting (db/images.ts); this fetches them a few at a time and
 * attaches each as it arrives. What the worker had not finished when it stopped is picked up
 * when it starts again.
 *
 * Images come with the access the user gave: the saved tab's own site under `activeTab`, any
 * site that serves its images to everyone (CORS), and every site once "Keep images with saved
 * articles" is on (the optional host permission). An image of a site Margins may not read stays
 * remote, and is counted as such.
 */
import {
  hashImage,
  MAX_IMAGE_BYTES_PER_ARTICLE,
  planImages,
  recordImage,
  retryMissingImages,
  unfinishedImageArticles,
  articleImagesOf,
  type ImageResult,
} from '../db/images.ts';
import type { MarginsDatabase } from '../db/schema.ts';
import { browser } from '../platform/browser.ts';
import { isKeptImageType, MAX_IMAGES_PER_ARTICLE } from '../shared/article-images.ts';
import type { ArticleRecord } from '../shared/article.ts';
import { sitePatternOf } from '../shared/site-access.ts';
import { imageSourcesOfBody } from './extract-fetched.ts';
import { FetchFailureError, readBytes } from './fetch-page.ts';

const IMAGE_TIMEOUT_MS = 30_000;
/** Images fetched at once for one article: enough to overlap, few enough not to flood a site. */
const PARALLEL = 4;
/** Rounds over an article's waiting images before leaving the rest to the next start. */
const MAX_ROUNDS = 3;

/** The leading bytes of the image formats browsers show, for servers that do not say. */
const SIGNATURES: readonly [type: string, test: (bytes: Uint8Array) => boolean][] = [
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['image/gif', (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46],
  ['image/webp', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
  ['image/avif', (b) => ascii(b, 4, 12) === 'ftypavif'],
];

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/**
 * The picture format the response declares, or else the one its bytes show; null when it is
 * not a picture Margins keeps.
 */
export function imageTypeOf(declared: string | null, bytes: Uint8Array): string | null {
  const type = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type.startsWith('image/')) return isKeptImageType(type) ? type : null;
  return SIGNATURES.find(([, test]) => test(bytes))?.[0] ?? null;
}

/** Whether Margins holds site access to the image's site (granted, not just under activeTab). */
async function hasSiteAccess(url: string): Promise<boolean> {
  const site = sitePatternOf(url);
  return site !== null && browser.permissions.contains({ origins: [site] }).catch(() => false);
}

/** Fetches one image as the browser would load it, or says why it could not be kept. */
export async function fetchImage(url: string): Promise<ImageResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'include',
      redirect: 'follow',
      headers: { Accept: 'image/avif,image/webp,image/*;q=0.8' },
      signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS),
    });
  } catch {
    // A site that does not serve its images to other origins looks, from here, like one that
    // does not answer: with no access to it, that is the likelier reason.
    return { status: (await hasSiteAccess(url)) ? 'failed' : 'no-access' };
  }
  if (!response.ok) return { status: 'failed' };
  try {
    const bytes = await readBytes(response, MAX_IMAGE_BYTES_PER_ARTICLE);
    const type = imageTypeOf(response.headers.get('content-type'), bytes.subarray(0, 16));
    if (!type) return { status: 'failed' };
    const data = new Uint8Array(bytes).buffer;
    return { status: 'stored', data, type, hash: await hashImage(data) };
  } catch (error) {
    const tooLarge = error instanceof FetchFailureError && error.failure.code === 'too-large';
    return { status: tooLarge ? 'too-large' : 'failed' };
  }
}

/** Articles whose images this context is fetching now: a second call joins the first. */
const inFlight = new Map<string, Promise<void>>();

/** Fetches the waiting images of an article's images row, PARALLEL at a time. */
export function fetchWaitingImages(db: MarginsDatabase, articleId: string): Promise<void> {
  const running = inFlight.get(articleId);
  if (running) return running;
  const work = (async () => {
    // Read again after each round: a save of the article meanwhile may have listed new images.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const row = await articleImagesOf(db, articleId);
      const waiting = (row?.images ?? []).filter((image) => image.status === 'waiting');
      if (waiting.length === 0) return;
      let next = 0;
      let deleted = false;
      const worker = async () => {
        for (let image = waiting[next++]; image && !deleted; image = waiting[next++]) {
          const result = await fetchImage(image.url);
          // Null: the article was deleted meanwhile, so the rest need not be fetched either.
          if ((await recordImage(db, articleId, image.url, result)) === null) deleted = true;
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      if (deleted) return;
    }
  })().finally(() => inFlight.delete(articleId));
  inFlight.set(articleId, work);
  return work;
}

/** What of an article says which images it shows. */
export type ArticlePictures = Pick<ArticleRecord, 'id' | 'contentHtml' | 'leadImageUrl'>;

/**
 * Lists a just-saved article's images (its body's, then its lead image if the body does not
 * show it) and fetches them; a save again refreshes the list.
 */
export async function keepImages(db: MarginsDatabase, article: ArticlePictures): Promise<void> {
  // A link, or a body without pictures, needs no DOM to say so.
  const inBody = /<img\b/i.test(article.contentHtml)
    ? await imageSourcesOfBody(article.contentHtml)
    : [];
  const lead = article.leadImageUrl;
  const urls =
    lead && !inBody.includes(lead) && inBody.length < MAX_IMAGES_PER_ARTICLE
      ? [...inBody, lead]
      : inBody;
  await planImages(db, article.id, urls, new Date());
  await fetchWaitingImages(db, article.id);
}

/** Starts keeping an article's images without making the caller wait; failures are logged. */
export function keepImagesLater(db: MarginsDatabase, article: ArticlePictures): void {
  keepImages(db, article).catch((error: unknown) =>
    console.error('Margins: images of', article.id, error),
  );
}

/**
 * Tries again the images of an article that are not stored, without making the caller wait for
 * them; answers how many are being fetched.
 */
export async function fetchMissingImages(
  db: MarginsDatabase,
  articleId: string,
): Promise<{ waiting: number }> {
  await retryMissingImages(db, [articleId], new Date());
  const row = await articleImagesOf(db, articleId);
  const waiting = row?.images.filter((image) => image.status === 'waiting').length ?? 0;
  fetchWaitingImages(db, articleId).catch((error: unknown) =>
    console.error('Margins: images of', articleId, error),
  );
  return { waiting };
}

/** Carries on with the images a stopped worker left waiting. */
export async function resumeImageFetching(db: MarginsDatabase): Promise<void> {
  for (const row of await unfinishedImageArticles(db)) {
    await fetchWaitingImages(db, row.articleId);
  }
}
