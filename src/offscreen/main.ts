/**
 * Chrome's offscreen document: Chrome's service worker has no DOM, so the pages Margins fetches
 * for imported links are parsed and extracted here, by the same extraction as a toolbar save,
 * and saved bodies are read here for the images they show.
 * Nothing of the page runs: DOMParser makes an inert document.
 */
import * as v from 'valibot';
import { extractFromHtml } from '../content/extract/from-html.ts';
import { browser, installPlatform } from '../platform/browser.ts';
import { webExtensionPlatform } from '../platform/webextension.ts';
import { imageSourcesOfHtml } from '../shared/article-images.ts';
import {
  ExtractHtmlRequestSchema,
  ImageSourcesRequestSchema,
} from '../shared/offscreen-protocol.ts';

installPlatform(webExtensionPlatform);

browser.runtime.onMessage.addListener((message, sender) => {
  if (sender.id !== browser.runtime.id) return;
  if (v.is(ImageSourcesRequestSchema, message)) {
    return Promise.resolve(imageSourcesOfHtml(message.html, window));
  }
  if (!v.is(ExtractHtmlRequestSchema, message)) return;
  try {
    return Promise.resolve(extractFromHtml(message.html, message.url, window));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return Promise.resolve({ extractionFailed: detail });
  }
});
