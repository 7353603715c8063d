/**
 * Firefox: with "Show my highlights on pages I revisit" granted (the optional site access, given
 * by a real click in Margins' page; the pref extensions.webextOptionalPermissionPrompts=false
 * stands in for the user accepting the browser's prompt), a saved highlight is drawn when the
 * page is visited again, and one whose text left the page is not drawn.
 * Chromium is not covered here: a driver cannot accept Chromium's permission dialog.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { REVISIT_ORIGINS } from '../../../src/shared/revisit.ts';
import { sendFromPage } from '../harness/firefox.ts';
import { useFirefoxSuite } from '../harness/firefox-suite.ts';
import { seed } from '../harness/records.ts';
import { waitFor } from '../harness/util.ts';

const SENTENCE = 'La Russie et la Corée du Nord se rapprochent encore un peu plus.';

const suite = useFirefoxSuite({ siteAccess: REVISIT_ORIGINS });

/** The names the page's highlight registry holds (the CSS Custom Highlight API). */
function paintedHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()]);
}

describe('highlights on revisited pages in Firefox', () => {
  it('draws a saved highlight when the page is visited again, and not one whose text is gone', async () => {
    const { library } = suite.started();
    const { tab, reply: saved } = await suite.saveFixturePage(seed.page);
    if (!saved.ok) throw new Error(saved.error.detail);
    const created = await sendFromPage(library, {
      type: 'create-annotation',
      articleId: saved.value.article.id,
      selector: [
        { type: 'TextQuoteSelector', exact: SENTENCE, prefix: '', suffix: ' Le président' },
        { type: 'TextPositionSelector', start: 0, end: SENTENCE.length },
      ],
      colour: 'green',
      note: 'à suivre',
    });
    expect(created.ok).toBe(true);
    // A highlight whose text the page no longer has: not drawn (the reader lists it as an orphan).
    const gone = 'Cette phrase a été retirée de la page depuis.';
    const orphan = await sendFromPage(library, {
      type: 'create-annotation',
      articleId: saved.value.article.id,
      selector: [
        { type: 'TextQuoteSelector', exact: gone, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: gone.length },
      ],
      colour: 'pink',
      note: '',
    });
    expect(orphan.ok).toBe(true);

    await tab.reload({ waitUntil: 'load' });
    const painted = await waitFor('the highlight to be painted', async () => {
      const names = await paintedHighlights(tab);
      return names.length > 0 && names;
    });
    expect(painted).toEqual(['margins-green']);
    const highlighted = await tab.evaluate(() =>
      [...(CSS.highlights.get('margins-green') ?? [])].map((range) => range.toString()),
    );
    expect(highlighted).toEqual([SENTENCE]);
    await tab.close();
  });

  it('draws nothing on a page that is not saved', async () => {
    const { server, session } = suite.started();
    const tab = await session.browser.newPage();
    await tab.goto(server.url('e2e-second-article.html'), { waitUntil: 'load' });
    // The revisit script has run once the document is idle; give it a moment to ask.
    await new Promise((done) => setTimeout(done, 500));
    expect(await paintedHighlights(tab)).toEqual([]);
    await tab.close();
  });
});
