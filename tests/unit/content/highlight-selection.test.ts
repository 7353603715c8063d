import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { anchor } from '../../../src/shared/anchoring/anchor.ts';
import { articleTextOf } from '../../../src/shared/article-body.ts';
import { captureSelection } from '../../../src/content/highlight-selection.ts';

const SEED = readFileSync(new URL('../../fixtures/news7-pyongyang.html', import.meta.url), 'utf8');
const URL_OF_SEED =
  'https://news7.asia/news/les-precedentes-visites-de-responsables-russes-a-pyongyang/';

/** Selects the first occurrence of `text` inside one text node of the page. */
function select(dom: JSDOM, text: string): void {
  const { document } = dom.window;
  const walker = document.createTreeWalker(document.body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    document.getSelection()?.addRange(range);
    return;
  }
  throw new Error(`"${text}" is not in the page`);
}

describe('captureSelection on a live page', () => {
  it('places the selected sentence in the article text, where the reader will find it', () => {
    const dom = new JSDOM(SEED, { url: URL_OF_SEED });
    const sentence = 'La Russie et la Corée du Nord se rapprochent encore un peu plus.';
    select(dom, sentence);
    const capture = captureSelection(dom.window.document);
    if (capture.kind !== 'highlight') throw new Error(`got ${capture.kind}`);
    const [quote, position] = capture.selector;
    expect(quote.exact).toBe(sentence);
    const articleText = articleTextOf(capture.snapshot.contentHtml, dom.window.document);
    expect(articleText.slice(position.start, position.end)).toBe(sentence);
    expect(anchor(articleText, capture.selector)).toMatchObject({ method: 'position' });
  });

  it('says when nothing is selected', () => {
    const dom = new JSDOM(SEED, { url: URL_OF_SEED });
    expect(captureSelection(dom.window.document).kind).toBe('no-selection');
  });

  it('refuses a selection outside the article, such as the footer', () => {
    const dom = new JSDOM(SEED, { url: URL_OF_SEED });
    select(dom, 'All rights reserved');
    expect(captureSelection(dom.window.document).kind).toBe('outside-article');
  });
});
