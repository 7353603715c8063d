/**
 * Chromium: the reader (issue 4). The seed article is saved with the real toolbar click, opened in
 * reader.html, a sentence is selected and highlighted with the reader's own toolbar (real clicks),
 * given a note, and both are shown again after a reload and stored as a W3C Web Annotation. An
 * annotation whose quote is not in the text (a page changed since) is listed as an orphan, and can
 * be attached to newly selected text.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src/shared/annotation.ts';
import type { Reply } from '../../../src/shared/protocol.ts';
import {
  clickToolbarButton,
  openTab,
  readStoredRows,
  saveOutcome,
  type ChromiumSession,
} from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import { DB_NAME, message, readRowsInExtension, seed } from '../harness/records.ts';
import { waitFor } from '../harness/util.ts';
import { selectInArticle } from '../harness/reader.ts';

const SENTENCE =
  'Le président russe Vladimir Poutine est attendu mardi 18 juin à Pyongyang, pour une visite d’État de deux jours.';
const NOTE = 'Première visite depuis 2000.';
const ORPHAN_QUOTE = 'Cette phrase a disparu de la page depuis le surlignage.';

/** How code evaluated in the reader reaches Chromium's extension API. */
type ChromeGlobal = typeof globalThis & {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
};

const suite = useChromiumSuite();
let reader: Page | undefined;
let articleId = '';

function started(): { session: ChromiumSession; reader: Page } {
  if (!reader) throw new Error('the suite did not start');
  return { session: suite.started().session, reader };
}

/** Every stored annotation, read in the reader page with raw IndexedDB (not Dexie). */
async function readAnnotations(page: Page): Promise<Annotation[]> {
  return (await page.evaluate(readRowsInExtension, DB_NAME, 'annotations')) as Annotation[];
}

/** The text the live region last announced. */
function announced(page: Page): Promise<string> {
  return page.$eval('[data-testid=reader-status]', (el) => el.textContent ?? '');
}

beforeAll(async () => {
  const { server, session } = suite.started();
  const tab = await openTab(session, server.url(seed.page));
  const popup = await clickToolbarButton(session, tab);
  const status = await saveOutcome(popup);
  expect(status.line).toBe(message('status_saved'));
  const [row] = await readStoredRows(session);
  if (!row) throw new Error('the seed article was not stored');
  articleId = row.id;
  await popup.close();
  reader = await openTab(
    session,
    `chrome-extension://${session.extensionId}/reader.html?id=${encodeURIComponent(articleId)}`,
  );
  await reader.waitForSelector('[data-testid=article-body] p');
});

describe('the reader in Chromium', () => {
  it('shows the saved copy with its metadata, in the article’s language', async () => {
    const { reader } = started();
    expect(await reader.title()).toBe(seed.expected.title);
    const article = await reader.$eval('article.reader-article', (el) => ({
      lang: el.getAttribute('lang'),
      title: el.querySelector('h1')?.textContent,
      meta: el.querySelector('[data-testid=article-meta]')?.textContent ?? '',
      source: el.querySelector('a.source-link')?.getAttribute('href'),
      original: el.querySelector('a.original-link')?.getAttribute('href'),
      body: el.querySelector('[data-testid=article-body]')?.textContent ?? '',
    }));
    expect(article).toMatchObject({
      lang: seed.expected.lang,
      title: seed.expected.title,
      source: suite.started().server.url(seed.page),
      original: seed.expected.originalSourceUrl,
    });
    expect(article.meta).toContain('2024');
    for (const sentence of seed.bodyMustContain) expect(article.body).toContain(sentence);
    // The article body alone, sanitised: no scripts or page ids came through.
    expect(
      await reader.$$('[data-testid=article-body] script, [data-testid=article-body] [id]'),
    ).toEqual([]);
  });

  it('highlights a selected sentence with the toolbar and gives it a note', async () => {
    const { reader } = started();
    await selectInArticle(reader, SENTENCE);
    await reader.waitForSelector('[data-testid=selection-toolbar]');
    await reader.click('[data-testid=selection-toolbar] button.colour-button[data-colour=green]');
    await waitFor('the highlight to be drawn', () =>
      reader.$('mark.margins-hl[data-colour=green]'),
    );
    expect(await announced(reader)).toBe(message('reader_status_highlight_saved'));
    const marked = await reader.$$eval('mark.margins-hl', (marks) =>
      marks.map((mark) => mark.textContent).join(''),
    );
    expect(marked).toBe(SENTENCE);

    // Clicking the highlight opens its editor, focused on the note.
    await reader.click('mark.margins-hl');
    await reader.waitForSelector('[data-testid=highlight-editor] textarea');
    await reader.type('[data-testid=highlight-editor] textarea', NOTE);
    await reader.click('[data-testid=highlight-editor] button[type=submit]');
    await waitFor(
      'the note to be saved',
      async () => (await announced(reader)) === message('reader_status_note_saved'),
    );
    await reader.keyboard.press('Escape');
    await waitFor(
      'the editor to close',
      async () => !(await reader.$('[data-testid=highlight-editor]')),
    );
  });

  it('shows the highlight and its note again after a reload, stored in W3C shape', async () => {
    const { reader } = started();
    await reader.reload({ waitUntil: 'load' });
    await reader.waitForSelector('mark.margins-hl[data-colour=green]');
    expect(
      await reader.$$eval('mark.margins-hl', (marks) => marks.map((m) => m.textContent).join('')),
    ).toBe(SENTENCE);
    const listed = await reader.$eval(
      '[data-testid=annotation-list]',
      (el) => el.textContent ?? '',
    );
    expect(listed).toContain(SENTENCE);
    expect(listed).toContain(NOTE);

    const stored = await readAnnotations(reader);
    expect(stored).toHaveLength(1);
    const [annotation] = stored;
    expect(annotation).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      motivation: 'commenting',
      id: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
      articleId,
      colour: 'green',
      body: [{ type: 'TextualBody', value: NOTE, format: 'text/plain', purpose: 'commenting' }],
      target: { source: suite.started().server.url(seed.page) },
    });
    const [quote, position] = annotation?.target.selector ?? [];
    expect(quote?.type).toBe('TextQuoteSelector');
    expect(quote?.exact).toBe(SENTENCE);
    expect(quote?.prefix.length).toBeGreaterThan(0);
    expect(quote?.suffix.length).toBeGreaterThan(0);
    expect(position?.type).toBe('TextPositionSelector');
    expect((position?.end ?? 0) - (position?.start ?? 0)).toBe(SENTENCE.length);
  });

  it('lists an annotation whose text is gone under “Could not be placed”, and attaches it again', async () => {
    const { reader } = started();
    const reply = (await reader.evaluate(
      (request) => (globalThis as ChromeGlobal).chrome.runtime.sendMessage(request),
      {
        type: 'create-annotation',
        articleId,
        colour: 'pink',
        note: 'Écrite avant la mise à jour de la page.',
        selector: [
          { type: 'TextQuoteSelector', exact: ORPHAN_QUOTE, prefix: 'avant ', suffix: ' après' },
          { type: 'TextPositionSelector', start: 40, end: 40 + ORPHAN_QUOTE.length },
        ],
      },
    )) as Reply<Annotation>;
    if (!reply.ok) throw new Error(`create-annotation failed: ${reply.error.code}`);
    const orphans = await reader.waitForSelector('[data-testid=orphans]');
    const text = await orphans?.evaluate((el) => el.textContent ?? '');
    expect(text).toContain(message('reader_orphans_heading'));
    expect(text).toContain(ORPHAN_QUOTE);
    expect(text).toContain('Écrite avant la mise à jour de la page.');
    // Nothing was drawn for it: its text is not in the article.
    expect(await reader.$(`mark[data-annotation-id="${reply.value.id}"]`)).toBeNull();

    await selectInArticle(reader, 'Kim Jong-un affiche son soutien à Vladimir Poutine');
    await reader.click(
      `[data-testid=orphans] li[data-annotation-id="${reply.value.id}"] button.attach`,
    );
    await waitFor('the orphan to be placed', () =>
      reader.$(`mark[data-annotation-id="${reply.value.id}"]`),
    );
    expect(await reader.$('[data-testid=orphans]')).toBeNull();
    const attached = (await readAnnotations(reader)).find((row) => row.id === reply.value.id);
    expect(attached?.target.selector[0].exact).toBe(
      'Kim Jong-un affiche son soutien à Vladimir Poutine',
    );
  });

  it('highlights from the keyboard: "t" reaches the toolbar, Enter on a colour highlights', async () => {
    const { reader } = started();
    const phrase = 'Plusieurs hauts responsables russes';
    await selectInArticle(reader, phrase);
    await reader.waitForSelector('[data-testid=selection-toolbar]');
    await reader.keyboard.press('t');
    await reader.keyboard.press('ArrowRight');
    await reader.keyboard.press('ArrowRight');
    expect(await reader.evaluate(() => document.activeElement?.getAttribute('data-colour'))).toBe(
      'blue',
    );
    await reader.keyboard.press('Enter');
    const mark = await waitFor('the keyboard highlight', () =>
      reader.$('mark.margins-hl[data-colour=blue]'),
    );
    expect(await mark.evaluate((el) => el.textContent)).toBe(phrase);

    // "h" on a selection highlights at once, in the first colour.
    await selectInArticle(reader, 'Sergueï Choïgou, ministre russe de la défense');
    // The toolbar shows once the page has seen the selection (selectionchange is asynchronous).
    await reader.waitForSelector('[data-testid=selection-toolbar]');
    await reader.keyboard.press('h');
    await waitFor('the "h" highlight', () => reader.$('mark.margins-hl[data-colour=yellow]'));
    // Enter on a focused highlight opens its editor; Escape closes it and gives focus back.
    await reader.focus('mark.margins-hl[data-colour=yellow][tabindex="0"]');
    await reader.keyboard.press('Enter');
    await reader.waitForSelector('[data-testid=highlight-editor]');
    await reader.keyboard.press('Escape');
    await waitFor(
      'the editor to close',
      async () => !(await reader.$('[data-testid=highlight-editor]')),
    );
    expect(await reader.evaluate(() => document.activeElement?.tagName)).toBe('MARK');
  });

  it('saves the article note after a pause in typing, and tags added with Enter', async () => {
    const { session, reader } = started();
    // A retry (CI) starts from what the first attempt left: no note, no tags.
    await reader.focus('#page-note');
    await reader.$eval('#page-note', (note) => {
      (note as HTMLTextAreaElement).select();
    });
    await reader.keyboard.press('Backspace');
    while (await reader.$('[data-testid=tags] li button')) {
      const count = (await reader.$$('[data-testid=tags] li')).length;
      await reader.click('[data-testid=tags] li:first-child button');
      await waitFor('a chip to go', async () =>
        (await reader.$$('[data-testid=tags] li')).length < count ? true : undefined,
      );
    }
    await reader.type('#page-note', 'À relire avant la réunion.');
    await waitFor(
      'the note to be saved',
      async () =>
        (await reader.$eval('[data-testid=page-note-state]', (el) => el.textContent)) ===
        message('reader_note_state_saved'),
    );
    await reader.type('#tag-input', 'Corée du Nord');
    await reader.keyboard.press('Enter');
    await reader.type('#tag-input', 'diplomatie');
    await reader.keyboard.press('Enter');
    await waitFor('two tag chips', async () =>
      (await reader.$$('[data-testid=tags] li')).length === 2 ? true : undefined,
    );
    await reader.click('[data-testid=tags] li:first-child button');
    const chipsAndStatus = () =>
      reader.evaluate(() => ({
        chips: Array.from(document.querySelectorAll('[data-testid=tags] li span'), (chip) =>
          String(chip.textContent),
        ),
        status: document.querySelector('[data-testid=reader-status]')?.textContent ?? '',
      }));
    await waitFor('the removed tag to go', async () => {
      const { chips, status } = await chipsAndStatus();
      // The announcement says why when the library refused the change.
      if (chips.length !== 1) {
        const [stored] = await readStoredRows(session);
        throw new Error(`chips ${chips.join('|')}; stored ${stored?.tags.join('|')}; "${status}"`);
      }
      return true;
    });
    // The chip goes at once; the library stores the change after the saves before it.
    const row = await waitFor('the removal to be stored', async () => {
      const [stored] = await readStoredRows(session);
      return stored?.tags.length === 1 ? stored : undefined;
    });
    expect(row.note).toBe('À relire avant la réunion.');
    expect(row.tags).toEqual(['diplomatie']);
  });

  it('explains a missing article and a missing id instead of showing a blank page', async () => {
    const { session } = started();
    const base = `chrome-extension://${session.extensionId}/reader.html`;
    const gone = await openTab(session, `${base}?id=no-such-article`);
    const missing = await gone.waitForSelector('[data-testid=reader-notice]');
    expect(await missing?.evaluate((el) => el.textContent)).toContain(
      message('reader_missing_title'),
    );
    const bare = await openTab(session, base);
    const noId = await bare.waitForSelector('[data-testid=reader-notice]');
    expect(await noId?.evaluate((el) => el.textContent)).toContain(message('reader_no_id_title'));
    await Promise.all([gone.close(), bare.close()]);
  });
});
