/**
 * Chromium: a story saved with the real toolbar button keeps the pictures of its own site (the
 * click's activeTab access) and leaves those of another image host remote until the user loads
 * them from the publisher with site access given; the reader then shows every picture with the
 * publisher's servers stopped, and asks nothing of them.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  allowSiteAccessInExtensionsPage,
  clickToolbarButton,
  openTab,
  saveOutcome,
} from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import { STORY_TITLE, useImageSites } from '../harness/image-sites.ts';
import {
  expectMarkdownZipWithPictures,
  expectReaderShows,
  expectRemoteNote,
  finishedImages,
  statusesOf,
} from '../harness/images.ts';
import { message } from '../harness/records.ts';
import { waitFor } from '../harness/util.ts';

const suite = useChromiumSuite();
const imageSites = useImageSites();

describe('images kept with saved articles in Chromium', () => {
  it('keeps the images it may fetch, loads the others on request, and reads offline', async () => {
    const { session } = suite.started();
    const sites = imageSites();
    const [lamp = '', map = ''] = sites.newsImages;
    const [keepers = '', cape = ''] = sites.hostImages;
    const tab = await openTab(session, sites.storyUrl);
    const popup = await clickToolbarButton(session, tab);
    suite.opened.push(tab, popup);
    const status = await saveOutcome(popup);
    expect(status).toMatchObject({ line: message('status_saved'), title: STORY_TITLE });
    // The text is saved at once; the popup then follows the images and says what stayed remote.
    await waitFor('the popup to say which images stayed remote', async () => {
      const line = await popup
        .$eval('[data-testid=saved-images]', (el) => el.textContent)
        .catch(() => null);
      return line === message('images_remote_other', '2');
    });

    const reader = await openTab(
      session,
      `chrome-extension://${session.extensionId}/reader.html?id=${await articleIdIn(popup)}`,
    );
    suite.opened.push(reader);
    const articleId = await reader.evaluate(() => new URL(location.href).searchParams.get('id'));
    const first = await finishedImages(reader, articleId ?? '');
    // The story's own site under the click's activeTab; the image host without access.
    expect(statusesOf(first)).toEqual({
      [lamp]: 'stored',
      [keepers]: 'no-access',
      [cape]: 'no-access',
      [map]: 'stored',
    });
    // The srcset's reader-sized picture was fetched, not the small one.
    expect(sites.news.log).toContain('/img/lamp-1600.png');
    expect(sites.news.log).not.toContain('/img/lamp-400.png');
    await expectReaderShows(reader, [lamp, map], [keepers, cape]);
    await expectRemoteNote(reader, 2);

    // The user gives Margins the image host (Site access in chrome://extensions), then asks.
    await allowSiteAccessInExtensionsPage(session, 'http://127.0.0.2/*');
    await reader.bringToFront();
    await reader.click('[data-testid=images-load]');
    const after = await waitFor('the remote images to be stored', async () => {
      const row = await finishedImages(reader, articleId ?? '');
      return row.images.every((image) => image.status === 'stored') && row;
    });
    expect(after.hashes).toHaveLength(4);
    await expectReaderShows(reader, [lamp, keepers, cape, map], []);
    expect(await reader.$('[data-testid=images-note]')).toBeNull();

    // Settings: the space the pictures take; removing them keeps the text, and "Fetch missing
    // images" brings them back.
    const options = await openTab(
      session,
      `chrome-extension://${session.extensionId}/options.html`,
    );
    suite.opened.push(options);
    const usage = () => options.$eval('[data-testid=images-usage]', (el) => el.textContent ?? '');
    await waitFor('the images usage', async () => (await usage()).includes('(4 '));
    await options.click('[data-testid=images-remove]');
    await waitFor('the images to be removed', async () => (await usage()).includes('(0 '));
    expect(await usage()).toContain(message('options_images_remote_other', '4'));
    await reader.bringToFront();
    await expectReaderShows(reader, [], [lamp, keepers, cape, map]);
    await options.bringToFront();
    await options.click('[data-testid=images-backfill]');
    const progress = await waitFor('the missing images to be fetched', async () => {
      const line = await options.$eval('[data-testid=images-progress]', (el) => el.textContent);
      return line === message('options_images_progress_done', '1', '1') && line;
    });
    expect(progress).toBeTruthy();
    await waitFor('the images usage', async () => (await usage()).includes('(4 '));
    await reader.bringToFront();
    await expectReaderShows(reader, [lamp, keepers, cape, map], []);

    // The Markdown ZIP carries the pictures in images/, and the article's links resolve to them.
    const transfer = await openTab(
      session,
      `chrome-extension://${session.extensionId}/transfer.html`,
    );
    suite.opened.push(transfer);
    await expectMarkdownZipWithPictures(transfer, session.downloadsDir, 4);

    // Offline: both sites stop; the reader opened again shows every picture and asks no one.
    const requests = sites.news.log.length + sites.host.log.length;
    await sites.close();
    await reader.reload({ waitUntil: 'load' });
    await expectReaderShows(reader, [lamp, keepers, cape, map], []);
    expect(sites.news.log.length + sites.host.log.length).toBe(requests);
  });
});

/** The saved article's id, from the reader link the popup lists for it. */
async function articleIdIn(popup: Page): Promise<string> {
  const href = await waitFor('the saved story in the list', () =>
    popup
      .$eval('ul.articles a[href*="reader.html"]', (a) => a.getAttribute('href'))
      .catch(() => null),
  );
  return new URL(href, 'chrome-extension://x/').searchParams.get('id') ?? '';
}
