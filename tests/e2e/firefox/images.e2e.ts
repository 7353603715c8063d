/**
 * Firefox: a story saved with the site access the user gave to its site keeps the pictures of
 * that site and leaves those of another image host remote; turning on "Keep images with saved
 * articles from every site" in the settings asks for that access (the pref
 * extensions.webextOptionalPermissionPrompts=false stands in for the user accepting) and
 * "Fetch missing images" keeps them; the reader then shows every picture with the publisher's
 * servers stopped, and asks nothing of them. (Chromium's file covers "Load from the publisher".)
 */
import { describe, expect, it } from 'vitest';
import {
  openExtensionTab,
  openReader,
  requestSave,
  type ExtensionGlobal,
} from '../harness/firefox.ts';
import { FIXTURE_SITE_ACCESS, useFirefoxSuite } from '../harness/firefox-suite.ts';
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

const { started } = useFirefoxSuite({ siteAccess: [FIXTURE_SITE_ACCESS] });
const imageSites = useImageSites();

describe('images kept with saved articles in Firefox', () => {
  it('keeps the images it may fetch, loads the others on request, and reads offline', async () => {
    const { session, library } = started();
    const sites = imageSites();
    const [lamp = '', map = ''] = sites.newsImages;
    const [keepers = '', cape = ''] = sites.hostImages;
    const tab = await session.browser.newPage();
    await tab.goto(sites.storyUrl, { waitUntil: 'load' });
    const reply = await requestSave(library, sites.storyUrl);
    if (!reply.ok) throw new Error(`save failed: ${reply.error.code}`);
    expect(reply.value.article.title).toBe(STORY_TITLE);
    const articleId = reply.value.article.id;

    expect(statusesOf(await finishedImages(library, articleId))).toEqual({
      [lamp]: 'stored',
      [keepers]: 'no-access',
      [cape]: 'no-access',
      [map]: 'stored',
    });
    expect(sites.news.log).toContain('/img/lamp-1600.png');
    expect(sites.news.log).not.toContain('/img/lamp-400.png');

    const reader = await openReader(session, library, articleId);
    await expectReaderShows(reader, [lamp, map], [keepers, cape]);
    await expectRemoteNote(reader, 2);

    // Settings → Images: keeping images from every site asks for that access (granted here by
    // the pref) without turning on highlights on revisited pages; then "Fetch missing images".
    const options = await openExtensionTab(session, library, 'options.html');
    await options.click('[data-testid=images-all-sites]');
    await waitFor('the access to every site', () =>
      options.evaluate(() =>
        (globalThis as ExtensionGlobal).browser.permissions.contains({
          origins: ['http://*/*', 'https://*/*'],
        }),
      ),
    );
    // The setting is stored once the access is granted: read it when it is there.
    const settings = await waitFor('the setting to be stored', async () => {
      const stored = await options.evaluate(
        async () =>
          (await (globalThis as ExtensionGlobal).browser.storage.local.get('settings')).settings,
      );
      return (stored as { keepImagesFromAllSites?: boolean } | undefined)?.keepImagesFromAllSites
        ? stored
        : undefined;
    });
    expect(settings).toMatchObject({ keepImagesFromAllSites: true, revisitHighlights: false });
    expect(
      await options.evaluate(async () =>
        (await (globalThis as ExtensionGlobal).browser.scripting.getRegisteredContentScripts()).map(
          (script) => script.id,
        ),
      ),
    ).toEqual([]);
    await options.click('[data-testid=images-backfill]');
    await waitFor('the missing images to be fetched', async () => {
      const row = await finishedImages(options, articleId);
      return row.images.every((image) => image.status === 'stored') && row;
    });
    await waitFor(
      'the progress line to say it is done',
      async () =>
        (await options.$eval('[data-testid=images-progress]', (el) => el.textContent)) ===
        message('options_images_progress_done', '1', '1'),
    );
    await options.close();
    await expectReaderShows(reader, [lamp, keepers, cape, map], []);

    // The Markdown ZIP carries the pictures in images/, and the article's links resolve to them.
    const transfer = await openExtensionTab(session, library, 'transfer.html');
    await expectMarkdownZipWithPictures(transfer, session.downloadsDir, 4);
    await transfer.close();

    const requests = sites.news.log.length + sites.host.log.length;
    await sites.close();
    // Opened again (Firefox's driver does not report the reload of an extension page).
    await reader.close();
    const again = await openReader(session, library, articleId);
    await expectReaderShows(again, [lamp, keepers, cape, map], []);
    expect(sites.news.log.length + sites.host.log.length).toBe(requests);
    await Promise.all([tab.close(), again.close()]);
  });
});
