/**
 * Firefox: a German page whose writer is named only in its Twitter card, whose day is printed
 * under its headline a day after its metadata's timestamp, and whose body ends in page controls
 * and a copyright notice, is stored with that author and day and without the controls; the
 * library's editor says where each came from. (Chromium's metadata file saves the same page with
 * the toolbar button.)
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITE_ACCESS, useFirefoxSuite } from '../harness/firefox-suite.ts';
import {
  DB_NAME,
  editorSourceHints,
  fixtureExpected,
  message,
  readRowsInExtension,
  STORE_NAME,
  type StoredRow,
} from '../harness/records.ts';
import { waitFor } from '../harness/util.ts';

const PAGE = 'credits-de.html';

const suite = useFirefoxSuite({ siteAccess: [FIXTURE_SITE_ACCESS] });

describe('metadata in Firefox', () => {
  it('stores the Twitter card author and the printed day, and shows their sources', async () => {
    const { library } = suite.started();
    const { reply, url } = await suite.saveFixturePage(PAGE);
    if (!reply.ok) throw new Error(`save-tab failed: ${reply.error.code}: ${reply.error.detail}`);
    const rows = (await library.evaluate(readRowsInExtension, DB_NAME, STORE_NAME)) as StoredRow[];
    const row = rows.find((item) => item.url === url);
    const { title, byline, publishedTime, lang } = fixtureExpected('credits-de');
    expect(row).toMatchObject({ title, byline, publishedTime, lang });
    expect(row?.fieldSources).toMatchObject({
      byline: 'twitter-card',
      publishedTime: 'visible-text',
    });
    for (const control of ['Artikel drucken', 'Kommentare schreiben', 'Alle Rechte vorbehalten']) {
      expect(row?.contentHtml).not.toContain(control);
    }

    const item = `li.article[data-article-id="${row?.id ?? ''}"]`;
    await waitFor(
      'the library to list the saved page',
      async () => (await library.$(item)) !== null,
    );
    expect(await editorSourceHints(library, row?.id ?? '')).toEqual({
      byline: message('field_source', message('source_twitter_card')),
      date: message('field_source', message('source_visible_text')),
    });
  });
});
