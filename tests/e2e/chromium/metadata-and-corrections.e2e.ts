/**
 * Chromium: metadata found only in JSON-LD, or only in the page's visible text, is stored right
 * by a real toolbar save, a story set among boxes that outweigh it is stored without them, and a
 * story around a data table that outweighs it is stored with the table in its place, shown row by
 * row in the reader, and a story a page builder sets one paragraph per nested wrapper is stored
 * whole; a story quoting a tweet is stored with the tweet and without a "Lea también:" pointer
 * and the teaser cards of other stories under it; the user corrects an author in the popup and a
 * re-save keeps it. A page whose metadata declares a later change, and which shows that day alone
 * under its headline, is dated by it; a public body in its author tag gives way to the writer who
 * signs it, and the grid of teasers under it is left out. A recipe whose ingredient list sits in a box beside the method is stored with the list;
 * a dated story showing only its lead's one sentence above a sign-in box is stored as an article.
 * A story a site sets in an <aside> is stored without the note on its paid links or a picture's
 * credit line; a page whose delivery-terms dialog outweighs its text is stored without the dialog;
 * a story whose standfirst sits in the headline's header is stored opening with it.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { clickToolbarButton, openTab, readStoredRows, saveOutcome } from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import {
  editorSourceHints,
  fixtureBody,
  fixtureBodyMisses,
  fixtureExpected,
  message,
  storedBodyText,
} from '../harness/records.ts';
import { waitFor } from '../harness/util.ts';

const { started, opened } = useChromiumSuite();

async function save(page: string): Promise<Page> {
  const { server, session } = started();
  const tab = await openTab(session, server.url(page));
  const popup = await clickToolbarButton(session, tab);
  opened.push(tab, popup);
  expect((await saveOutcome(popup)).error).toBe('');
  return popup;
}

/**
 * Empties the library's search and waits until the list shows more than one article again: the
 * search is kept for the next opening of the popup, so a test that searched leaves it empty.
 */
async function clearSearch(popup: Page) {
  await popup.click('#search', { count: 3 });
  await popup.keyboard.press('Backspace');
  await waitFor('the library to list every article again', async () => {
    const shown = await popup.$$('ul.articles > li.article');
    return shown.length > 1;
  });
}

async function storedRow(page: string) {
  const { server, session } = started();
  const row = (await readStoredRows(session)).find((item) => item.url === server.url(page));
  if (!row) throw new Error(`${page} was not stored`);
  return row;
}

describe('metadata in Chromium', () => {
  it.each([
    'jsonld-graph',
    'no-metadata',
    'credits-de',
    'boxes-en',
    'table-en',
    'builder-de',
    'recipe-de',
    'paywall-en',
    'aside-de',
    'dialog-de',
    'standfirst-de',
    'section-title-de',
  ])('stores the author, date and body of %s', async (name) => {
    await save(`${name}.html`);
    // The site name is left out: without metadata it comes from the host, here 127.0.0.1.
    const { kind, title, byline, publishedTime, lang } = fixtureExpected(name);
    const row = await storedRow(`${name}.html`);
    expect(row).toMatchObject({ kind, title, byline, publishedTime, lang });
    // jsonld-graph's document.write() puts its advertising paragraph into the page itself, so
    // what its body must not hold is checked only where the page runs no script.
    const checks = name === 'jsonld-graph' ? (['holds', 'once'] as const) : undefined;
    expect(fixtureBodyMisses(name, storedBodyText(row), checks)).toEqual([]);
  });

  it('shows where the author and date came from, and keeps no page controls in the body', async () => {
    const page = 'credits-de.html';
    const popup = await save(page);
    const row = await storedRow(page);
    expect(row.fieldSources).toMatchObject({
      byline: 'twitter-card',
      publishedTime: 'visible-text',
    });
    for (const control of ['Artikel drucken', 'Kommentare schreiben', 'Alle Rechte vorbehalten']) {
      expect(row.contentHtml).not.toContain(control);
    }
    // The library draws only the rows on screen, and this story was saved among the first: the
    // user finds it by its title.
    await popup.type('#search', 'Wintermarkt');
    await popup.waitForSelector(`li.article[data-article-id="${row.id}"] button.edit`);
    expect(await editorSourceHints(popup, row.id)).toEqual({
      byline: message('field_source', message('source_twitter_card')),
      date: message('field_source', message('source_visible_text')),
    });
    await clearSearch(popup);
  });

  it('stores the story, not the newsletter form, writer’s box or lead-in around it', async () => {
    const page = 'boxes-en.html';
    const popup = await save(page);
    const row = await storedRow(page);
    expect(row.fieldSources).toMatchObject({ byline: 'visible-text' });
    expect(fixtureBodyMisses('boxes-en', row.contentHtml)).toEqual([]);

    // "cross&shy;ings": the library's search finds the word the soft hyphen splits.
    await popup.type('#search', 'crossings');
    const listed = () =>
      popup.$$eval('ul.articles > li.article', (items) =>
        items.map((item) => item.getAttribute('data-article-id')),
      );
    await waitFor('the search to list only the ferry story', async () => {
      const ids = await listed();
      return ids.length === 1 && ids[0] === row.id;
    });
    await clearSearch(popup);
  });

  it('stores the post a story quotes, without the pointer to another story or the cards under it', async () => {
    const page = 'posts-es.html';
    await save(page);
    const row = await storedRow(page);
    const { title, byline, publishedTime, lang } = fixtureExpected('posts-es');
    expect(row).toMatchObject({ title, byline, publishedTime, lang });
    const text = storedBodyText(row);
    expect(fixtureBodyMisses('posts-es', text)).toEqual([]);
  });

  it('dates a page by the day it shows alone under its headline, credits its writer, not the public body in its author tag, and leaves out the teasers under it', async () => {
    const page = 'changed-de.html';
    const popup = await save(page);
    const row = await storedRow(page);
    const { byline, authors, publishedTime, fieldSources } = fixtureExpected('changed-de');
    expect(row).toMatchObject({ byline, authors, publishedTime, fieldSources });
    // The teasers of other stories under it, a lead-in over a grid, are not the article.
    const text = storedBodyText(row);
    expect(fixtureBodyMisses('changed-de', text)).toEqual([]);
    // The popup's line under the title: the writer, and the day of the change (23 March 2021),
    // not the day first declared (2 March).
    const meta = await popup.$eval(
      `li.article[data-article-id="${row.id}"] .meta`,
      (line) => line.textContent ?? '',
    );
    expect(meta).toContain('Katrin Beispielmann');
    expect(meta).toMatch(/\b23\b/);
    expect(meta).toContain('2021');
  });

  it('stores the story around a long data table, and the reader shows every row', async () => {
    const page = 'table-en.html';
    await save(page);
    const row = await storedRow(page);
    const { htmlMustContain } = fixtureBody('table-en');
    for (const markup of htmlMustContain) expect(row.contentHtml).toContain(markup);

    const { session } = started();
    const reader = await openTab(
      session,
      `chrome-extension://${session.extensionId}/reader.html?id=${encodeURIComponent(row.id)}`,
    );
    opened.push(reader);
    await reader.waitForSelector('[data-testid=article-body] table');
    const shown = await reader.$eval('[data-testid=article-body]', (body) => ({
      text: body.textContent ?? '',
      rows: Array.from(body.querySelectorAll('table tr'), (tr) =>
        Array.from(tr.children, (cell) => cell.textContent ?? ''),
      ),
    }));
    expect(shown.text).toContain('Islanders who want the night crossing kept after the spring');
    expect(shown.text).toContain("The committee's decision is expected before Christmas");
    expect(shown.rows).toHaveLength(81);
    expect(shown.rows.at(-1)).toEqual([
      'Market Ward 8',
      'Hana Councillor80',
      'hana.councillor80@harbour-council.example',
    ]);
  });

  it("keeps the user's correction of the author through a re-save", async () => {
    const page = 'no-metadata.html';
    const popup = await save(page);
    const item = `li.article[data-article-id="${(await storedRow(page)).id}"]`;
    // The library draws only the rows on screen, and this story was saved among the first: the
    // user finds it by its title.
    await popup.type('#search', 'Community garden');
    await popup.waitForSelector(`${item} button.edit`);
    await popup.click(`${item} button.edit`);
    const author = await popup.waitForSelector(`.edit-panel form.editor input[id$="-byline"]`);
    await author?.click({ count: 3 });
    await author?.type('Janet Doe-Smith');
    await popup.keyboard.press('Enter');
    await waitFor('the edited label', () =>
      popup.$eval(item, (li) => li.textContent?.includes('Janet Doe-Smith') ?? false),
    );
    expect(await popup.$eval(`${item} .meta`, (meta) => meta.textContent)).toContain(
      message('label_edited'),
    );
    await clearSearch(popup);
    expect(await storedRow(page)).toMatchObject({
      byline: 'Janet Doe-Smith',
      authors: ['Janet Doe-Smith'],
      fieldSources: { byline: 'user' },
    });

    await save(page);
    expect(await storedRow(page)).toMatchObject({
      byline: 'Janet Doe-Smith',
      fieldSources: { byline: 'user' },
    });
  });
});
