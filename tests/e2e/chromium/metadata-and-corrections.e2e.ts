/**
 * Chromium: metadata found only in JSON-LD, or only in the page's visible text, is stored right
 * by a real toolbar save; the user corrects an author in the popup and a re-save keeps it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { clickToolbarButton, openTab, readStoredRows, saveOutcome } from '../harness/chromium.ts';
import { useChromiumSuite } from '../harness/chromium-suite.ts';
import { message } from '../harness/records.ts';
import { FIXTURES_DIR, waitFor } from '../harness/util.ts';

const { started, opened } = useChromiumSuite();

function expectedOf(name: string): Record<string, unknown> {
  const spec = JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.expected.json`), 'utf8')) as {
    expected: Record<string, unknown>;
  };
  return spec.expected;
}

async function save(page: string): Promise<Page> {
  const { server, session } = started();
  const tab = await openTab(session, server.url(page));
  const popup = await clickToolbarButton(session, tab);
  opened.push(tab, popup);
  expect((await saveOutcome(popup)).error).toBe('');
  return popup;
}

async function storedRow(page: string) {
  const { server, session } = started();
  const row = (await readStoredRows(session)).find((item) => item.url === server.url(page));
  if (!row) throw new Error(`${page} was not stored`);
  return row;
}

describe('metadata in Chromium', () => {
  it.each(['jsonld-graph', 'no-metadata', 'credits-de'])(
    'stores the author and date of %s',
    async (name) => {
      await save(`${name}.html`);
      // The site name is left out: without metadata it comes from the host, here 127.0.0.1.
      const { title, byline, publishedTime, lang } = expectedOf(name);
      expect(await storedRow(`${name}.html`)).toMatchObject({ title, byline, publishedTime, lang });
    },
  );

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
    const item = `li.article[data-article-id="${row.id}"]`;
    await popup.click(`${item} button.edit`);
    const hint = (field: string) =>
      popup.$eval(`.edit-panel form.editor [id$="-${field}-source"]`, (el) => el.textContent);
    await popup.waitForSelector('.edit-panel form.editor');
    expect(await hint('byline')).toBe(message('field_source', message('source_twitter_card')));
    expect(await hint('date')).toBe(message('field_source', message('source_visible_text')));
  });

  it("keeps the user's correction of the author through a re-save", async () => {
    const page = 'no-metadata.html';
    const popup = await save(page);
    const item = `li.article[data-article-id="${(await storedRow(page)).id}"]`;
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
