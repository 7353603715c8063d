/**
 * Runs the extraction on a page fetched for an imported link, where a DOM exists: in Firefox the
 * background page itself; in Chrome, whose service worker has none, the offscreen document
 * (offscreen.html), opened on first use. Either way the answer is checked like a tab's.
 */
import type { ArticleSnapshot } from '../shared/article.ts';
import { browser } from '../platform/browser.ts';
import { OFFSCREEN_TARGET, type ExtractHtmlRequest } from '../shared/offscreen-protocol.ts';
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
      justification: 'Read the articles of imported links, which Margins fetches for the user.',
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

/** The offscreen document is closed once the queue is done, so it holds no memory idle. */
export async function closeOffscreen(): Promise<void> {
  await browser.offscreen?.closeDocument().catch(() => undefined);
}
