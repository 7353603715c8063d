/**
 * Firefox: a story saved with the site access the user gave to its site keeps the pictures of
 * that site and leaves those of another image host remote; "Load from the publisher" asks for
 * the image host (the pref extensions.webextOptionalPermissionPrompts=false stands in for the
 * user accepting) and keeps them; the reader then shows every picture with the publisher's
 * servers stopped, and asks nothing of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader, requestSave, type ExtensionGlobal } from '../harness/firefox.ts';
import { FIXTURE_SITE_ACCESS, useFirefoxSuite } from '../harness/firefox-suite.ts';
import { startImageSites, STORY_TITLE, type ImageSites } from '../harness/image-sites.ts';
import {
  expectReaderShows,
  expectRemoteNote,
  finishedImages,
  statusesOf,
} from '../harness/images.ts';
import { waitFor } from '../harness/util.ts';

const { started } = useFirefoxSuite({ siteAccess: [FIXTURE_SITE_ACCESS] });
let sites: ImageSites;
beforeAll(async () => {
  sites = await startImageSites();
});
afterAll(async () => {
  await sites.close();
});

describe('images kept with saved articles in Firefox', () => {
  it('keeps the images it may fetch, loads the others on request, and reads offline', async () => {
    const { session, library } = started();
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

    await reader.click('[data-testid=images-load]');
    await waitFor('the remote images to be stored', async () => {
      const row = await finishedImages(reader, articleId);
      return row.images.every((image) => image.status === 'stored') && row;
    });
    expect(
      await reader.evaluate(() =>
        (globalThis as ExtensionGlobal).browser.permissions.contains({
          origins: ['http://127.0.0.2/*'],
        }),
      ),
    ).toBe(true);
    await expectReaderShows(reader, [lamp, keepers, cape, map], []);

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
