/**
 * Firefox: the reader (issue 4). The seed article is saved the way save-and-export.e2e.ts does it
 * (site access granted by a user-style click, then the popup's own save-tab message), the reader
 * is opened from Margins' library tab with tabs.create (a driver cannot navigate to moz-extension
 * URLs), and a highlight made with a real click on the reader's toolbar is drawn and stored.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/shared/annotation.ts';
import { EXTENSION_ORIGIN, openReader } from '../harness/firefox.ts';
import { FIXTURE_SITE_ACCESS, useFirefoxSuite } from '../harness/firefox-suite.ts';
import { DB_NAME, message, readRowsInExtension, seed } from '../harness/records.ts';
import { waitFor } from '../harness/util.ts';
import { selectInArticle } from '../harness/reader.ts';

const SENTENCE =
  'Kim Jong-un affiche son soutien à Vladimir Poutine notamment en livrant des armes et des munitions à la Russie.';

const suite = useFirefoxSuite({ siteAccess: [FIXTURE_SITE_ACCESS] });
let reader: Page | undefined;
let articleId = '';

function started(): { reader: Page } {
  if (!reader) throw new Error('the suite did not start');
  return { reader };
}

beforeAll(async () => {
  const { session, library } = suite.started();
  const { reply } = await suite.saveFixturePage(seed.page);
  if (!reply.ok) throw new Error(`save-tab failed: ${reply.error.code}: ${reply.error.detail}`);
  // Checked here so that a failed extraction is reported as such, not as a reader that is empty.
  expect(reply.value.article.kind, 'the save kept the article text').toBe('article');
  articleId = reply.value.article.id;
  reader = await openReader(session, library, articleId);
  await reader.waitForSelector('[data-testid=article-body] p');
});

describe('the reader in Firefox', () => {
  it('shows the saved article, in its language, with its source link', async () => {
    const { reader } = started();
    expect(await reader.evaluate(() => location.href)).toBe(
      `${EXTENSION_ORIGIN}reader.html?id=${encodeURIComponent(articleId)}`,
    );
    expect(await reader.evaluate(() => document.title)).toBe(seed.expected.title);
    const shown = await reader.$eval('article.reader-article', (el) => ({
      lang: el.getAttribute('lang'),
      title: el.querySelector('h1')?.textContent,
      source: el.querySelector('a.source-link')?.getAttribute('href'),
      body: el.querySelector('[data-testid=article-body]')?.textContent ?? '',
    }));
    expect(shown).toMatchObject({
      lang: seed.expected.lang,
      title: seed.expected.title,
      source: suite.started().server.url(seed.page),
    });
    for (const sentence of seed.bodyMustContain) expect(shown.body).toContain(sentence);
  });

  it('highlights a selected sentence with a real click on the toolbar, and stores it', async () => {
    const { reader } = started();
    await selectInArticle(reader, SENTENCE);
    await reader.waitForSelector('[data-testid=selection-toolbar]');
    await reader.click('[data-testid=selection-toolbar] button.colour-button[data-colour=blue]');
    await waitFor('the highlight to be drawn', () => reader.$('mark.margins-hl[data-colour=blue]'));
    const marked = await reader.$$eval('mark.margins-hl', (marks) =>
      marks.map((mark) => mark.textContent).join(''),
    );
    expect(marked).toBe(SENTENCE);
    expect(await reader.$eval('[data-testid=reader-status]', (el) => el.textContent)).toBe(
      message('reader_status_highlight_saved'),
    );

    const stored = (await reader.evaluate(
      readRowsInExtension,
      DB_NAME,
      'annotations',
    )) as Annotation[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      type: 'Annotation',
      motivation: 'highlighting',
      articleId,
      colour: 'blue',
      target: { source: suite.started().server.url(seed.page) },
    });
    expect(stored[0]?.target.selector[0]).toMatchObject({
      type: 'TextQuoteSelector',
      exact: SENTENCE,
    });
  });
});
