/**
 * The background's work that needs a DOM, done where one exists: in Firefox the background page
 * itself; in Chrome, whose service worker has none, the offscreen document (offscreen.html),
 * opened on first use. Extracting a page fetched for an imported link (its answer checked like
 * a tab's), and listing the images of a saved body.
 */
import type { ArticleSnapshot } from '../shared/article.ts';
import { browser } from '../platform/browser.ts';
import { imageSourcesOfHtml } from '../shared/article-images.ts';
import {
  OFFSCREEN_TARGET,
  type ExtractHtmlRequest,
  type ImageSourcesRequest,
} from '../shared/offscreen-protocol.ts';
import type { FetchedPage } from './fetch-page.ts';
import { parseInTabResult } from './inject.ts';

const OFFSCREEN_PAGE = 'offscreen.html';

async function openOffscreen(): Promise<void> {
  const offscreen = browser.offscreen;
  if (!offscreen) throw new Error('this browser has neither a DOM here nor offscreen documents');
  try {
    await offscreen.createDocument({
      url: OFFSCREEN_PAGE,
      reasons: ['DOM_PARSER'],
      justification:
        'Read the articles of imported links, which Margins fetches for the user, and the images of saved articles.',
    });
  } catch (error) {
    // One is open already (from an earlier page, or a worker that stopped with it open).
    if (!/single offscreen|already/i.test(error instanceof Error ? error.message : '')) throw error;
  }
}

export async function extractFetched(page: FetchedPage): Promise<ArticleSnapshot> {
  let answer: unknown;
  if (typeof DOMParser === 'function') {
    const { extractFromHtml } = await import('../content/extract/from-html.ts');
    answer = extractFromHtml(page.html, page.url, globalThis as Window & typeof globalThis);
  } else {
    await openOffscreen();
    const request: ExtractHtmlRequest = {
      target: OFFSCREEN_TARGET,
      type: 'extract-html',
      url: page.url,
      html: page.html,
    };
    answer = await browser.runtime.sendMessage(request);
  }
  return parseInTabResult('extract', answer);
}

const isUrlList = (answer: unknown): answer is string[] =>
  Array.isArray(answer) && answer.every((item) => typeof item === 'string');

/** The addresses of the images a saved body shows, in reading order (article-images.ts). */
export async function imageSourcesOfBody(html: string): Promise<string[]> {
  if (typeof DOMParser === 'function') {
    return imageSourcesOfHtml(html, globalThis as Window & typeof globalThis);
  }
  await openOffscreen();
  const request: ImageSourcesRequest = { target: OFFSCREEN_TARGET, type: 'image-sources', html };
  const answer: unknown = await browser.runtime.sendMessage(request);
  if (!isUrlList(answer)) throw new Error('the offscreen document did not list the images');
  return answer;
}

/** The offscreen document is closed once the queue is done, so it holds no memory idle. */
export async function closeOffscreen(): Promise<void> {
  await browser.offscreen?.closeDocument().catch(() => undefined);
}
