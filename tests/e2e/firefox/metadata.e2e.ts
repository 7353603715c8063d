/**
 * Firefox: a German page whose writer is named only in its Twitter card, whose day is printed
 * under its headline a day after its metadata's timestamp, and whose body ends in page controls
 * and a copyright notice, is stored with that author and day and without the controls; the
 * library's editor says where each came from. An English page whose writer is credited only in its
 * body, and whose story is set among a newsletter form and the writer's box that outweigh it, is
 * stored with that writer and without the boxes; a story a page builder sets one paragraph per
 * nested wrapper, whole; a story around a data table that outweighs it, with the table in its
 * place; a story quoting a tweet, with the tweet and without the pointer and teaser cards around it;
 * a page dated by the day of its last change, shown alone under its headline, and signed by a
 * writer while its author tag names a public body, with that day and that writer and without the
 * teasers under it; a recipe with the
 * ingredient list it sets beside the method; the lead a paywall shows of a dated story, as an article;
 * a story set in an <aside>, without the note on its paid links and a picture's credit line; a page
 * whose delivery-terms dialog outweighs its text, without the dialog; a story whose standfirst
 * sits in its headline's header, opening with it.
 * (Chromium's metadata file saves the same pages with the toolbar button.)
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_SITE_ACCESS, useFirefoxSuite } from '../harness/firefox-suite.ts';
import {
  DB_NAME,
  editorSourceHints,
  fixtureBody,
  fixtureBodyMisses,
  fixtureExpected,
  message,
  readRowsInExtension,
  STORE_NAME,
  storedBodyText,
  type StoredRow,
} from '../harness/records.ts';
import { waitFor } from '../harness/util.ts';

const PAGE = 'credits-de.html';

const suite = useFirefoxSuite({ siteAccess: [FIXTURE_SITE_ACCESS] });

/** The stored row of a fixture page saved as the user would. */
async function saveAndRead(page: string): Promise<StoredRow | undefined> {
  const { library } = suite.started();
  const { reply, url } = await suite.saveFixturePage(page);
  if (!reply.ok) throw new Error(`save-tab failed: ${reply.error.code}: ${reply.error.detail}`);
  const rows = (await library.evaluate(readRowsInExtension, DB_NAME, STORE_NAME)) as StoredRow[];
  return rows.find((item) => item.url === url);
}

describe('metadata in Firefox', () => {
  it('stores the Twitter card author and the printed day, and shows their sources', async () => {
    const { library } = suite.started();
    const row = await saveAndRead(PAGE);
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

  it('stores the writer a credit in the body names and the story without the boxes around it', async () => {
    const row = await saveAndRead('boxes-en.html');
    const { title, byline, publishedTime } = fixtureExpected('boxes-en');
    expect(row).toMatchObject({ title, byline, publishedTime });
    expect(row?.fieldSources).toMatchObject({ byline: 'visible-text' });
    expect(fixtureBodyMisses('boxes-en', row?.contentHtml ?? '')).toEqual([]);
  });

  it('stores a story a page builder sets one paragraph per nested wrapper whole', async () => {
    const row = await saveAndRead('builder-de.html');
    expect(row).toMatchObject({ byline: fixtureExpected('builder-de').byline });
    const text = storedBodyText(row);
    expect(fixtureBodyMisses('builder-de', text)).toEqual([]);
  });

  it('stores the post a story quotes, without the pointer to another story or the cards under it', async () => {
    const row = await saveAndRead('posts-es.html');
    const { title, byline, publishedTime } = fixtureExpected('posts-es');
    expect(row).toMatchObject({ title, byline, publishedTime });
    const text = storedBodyText(row);
    expect(fixtureBodyMisses('posts-es', text)).toEqual([]);
  });

  it('dates a page by the day it shows alone under its headline, credits its writer, not the public body in its author tag, and leaves out the teasers under it', async () => {
    const row = await saveAndRead('changed-de.html');
    const { byline, authors, publishedTime, fieldSources } = fixtureExpected('changed-de');
    expect(row).toMatchObject({ byline, authors, publishedTime, fieldSources });
    const text = storedBodyText(row);
    expect(fixtureBodyMisses('changed-de', text)).toEqual([]);
  });

  it('stores a recipe with the ingredient list the page sets beside the method, once', async () => {
    const row = await saveAndRead('recipe-de.html');
    expect(fixtureBodyMisses('recipe-de', storedBodyText(row))).toEqual([]);
  });

  it('stores the one-sentence lead a paywall shows of a dated story as an article, without the prompt', async () => {
    const row = await saveAndRead('paywall-en.html');
    const { kind, byline, publishedTime } = fixtureExpected('paywall-en');
    expect(row).toMatchObject({ kind, byline, publishedTime });
    const text = storedBodyText(row);
    expect(fixtureBodyMisses('paywall-en', text)).toEqual([]);
  });

  it.each([
    ['a story set in an <aside>, without its paid-links note and picture credit', 'aside-de'],
    ['a page whose delivery-terms dialog outweighs its text, without the dialog', 'dialog-de'],
    ['a story opening with the standfirst set in its headline’s header', 'standfirst-de'],
    [
      'a press release titled by its headline, whose <h1> holds a style sheet, not by its section’s name',
      'section-title-de',
    ],
  ])('stores %s', async (_what, name) => {
    const row = await saveAndRead(`${name}.html`);
    const { kind, title, byline, publishedTime } = fixtureExpected(name);
    expect(row).toMatchObject({ kind, title, byline, publishedTime });
    expect(fixtureBodyMisses(name, storedBodyText(row))).toEqual([]);
  });

  it('stores the story around a long data table with the table in its place', async () => {
    const row = await saveAndRead('table-en.html');
    expect(row).toMatchObject({ byline: fixtureExpected('table-en').byline });
    const { htmlMustContain } = fixtureBody('table-en');
    for (const markup of htmlMustContain) expect(row?.contentHtml).toContain(markup);
    // The slideshow above the story prints its caption twice; the body holds it once.
    expect(fixtureBodyMisses('table-en', storedBodyText(row), ['once'])).toEqual([]);
    const html = row?.contentHtml ?? '';
    const story = html.indexOf('Islanders who want the night crossing');
    const table = html.indexOf('<caption>Councillors and their addresses</caption>');
    const closing = html.indexOf("The committee's decision is expected before Christmas");
    expect(story).toBeGreaterThan(-1);
    expect(story).toBeLessThan(table);
    expect(table).toBeLessThan(closing);
  });
});
