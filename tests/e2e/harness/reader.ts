/**
 * Driving Margins' reader page: selecting article text as a user dragging over it would.
 */
import type { Page } from 'puppeteer-core';

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
