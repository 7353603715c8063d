/**
 * Driving Margins' reader page: selecting article text as a user dragging over it would, and
 * changing a highlight's note in its editor.
 */
import type { Page } from 'puppeteer-core';
import { message } from './records.ts';
import { waitFor } from './util.ts';

/** Selects the first occurrence of `text` in the reader's article body, across elements. */
export function selectInArticle(page: Page, text: string): Promise<void> {
  return page.evaluate((wanted) => {
    const body = document.querySelector('[data-testid=article-body]');
    if (!body) throw new Error('no article body');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const start = nodes
      .map((node) => node.data)
      .join('')
      .indexOf(wanted);
    if (start < 0) throw new Error(`"${wanted}" is not in the article`);
    const end = start + wanted.length;
    const range = document.createRange();
    let total = 0;
    for (const node of nodes) {
      const next = total + node.data.length;
      if (start >= total && start < next) range.setStart(node, start - total);
      if (end > total && end <= next) range.setEnd(node, end - total);
      total = next;
    }
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
  }, text);
}

/** Clicks a highlight in the reader, writes `note` over its note and saves it. */
export async function editHighlightNote(reader: Page, note: string): Promise<void> {
  await reader.bringToFront();
  await reader.click('mark.margins-hl');
  const textarea = '[data-testid=highlight-editor] textarea';
  await reader.waitForSelector(textarea);
  await reader.$eval(textarea, (element) => (element as HTMLTextAreaElement).select());
  await reader.keyboard.press('Backspace');
  await reader.type(textarea, note);
  await reader.click('[data-testid=highlight-editor] button[type=submit]');
  await waitFor(
    'the note to be saved',
    async () =>
      (await reader.$eval('[data-testid=reader-status]', (el) => el.textContent)) ===
      message('reader_status_note_saved'),
  );
  await reader.keyboard.press('Escape');
  await waitFor(
    'the editor to close',
    async () => !(await reader.$('[data-testid=highlight-editor]')),
  );
}

/**
 * Brings a reader to the front, as the user looks at it, and waits until its list of highlights
 * and notes shows every one of `texts` (pages redraw what changed on their next animation frame,
 * which a hidden tab does not get).
 */
export async function waitUntilReaderShows(reader: Page, texts: readonly string[]): Promise<void> {
  await reader.bringToFront();
  let shown = '';
  await waitFor(`the reader to show ${texts.join(' and ')}`, async () => {
    shown = await reader.$eval('[data-testid=annotation-list]', (el) => el.textContent ?? '');
    return texts.every((text) => shown.includes(text));
  }).catch(() => {
    throw new Error(`the reader shows "${shown}"`);
  });
}
