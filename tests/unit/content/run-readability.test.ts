// Readability's pick replaced by the article's own region, or read again without the box, when it
// chose a short box beside the article.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collapseSpace } from '../../../src/shared/article-html/text.ts';
import { StepFailures } from '../../../src/content/extract/failures.ts';
import { readRegionInstead, runReadability } from '../../../src/content/extract/run-readability.ts';

const STORY = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Absatz ${i + 1}: Nach Moncler will nun auch ein weiteres Modehaus auf Echtpelz verzichten.</p>`,
).join('');
const BIO = 'Über die Autorin: Sie schreibt seit Jahren über Mode, Tiere und Reisen.';

const pageWith = (story: string) => {
  const doc = new JSDOM(
    `<html lang="de"><head><title>Pelzfrei</title></head><body><article><h1>Pelzfrei</h1>${story}` +
      `</article><div class="box"><p>${BIO}</p></div></body></html>`,
    { url: 'https://tiere.example/pelzfrei' },
  ).window.document;
  return { doc, region: () => doc.querySelector('article') };
};

describe('readRegionInstead', () => {
  it('reads the headline’s region when the pick was a short box outside it', () => {
    const { doc, region } = pageWith(STORY);
    const parsed = readRegionInstead(doc, BIO, region, new StepFailures());
    expect(parsed?.textContent).toContain('Absatz 12: Nach Moncler');
    expect(parsed?.textContent).not.toContain('Über die Autorin');
  });

  it('keeps a pick that lies inside the region', () => {
    const { doc, region } = pageWith(STORY);
    const inside =
      'Absatz 1: Nach Moncler will nun auch ein weiteres Modehaus auf Echtpelz verzichten.';
    expect(readRegionInstead(doc, inside, region, new StepFailures())).toBeNull();
  });

  it('keeps the pick when the region holds little more text', () => {
    const { doc, region } = pageWith(STORY.slice(0, 200));
    expect(readRegionInstead(doc, BIO, region, new StepFailures())).toBeNull();
  });

  it('keeps the pick on a page without such a region', () => {
    const { doc } = pageWith(STORY);
    expect(readRegionInstead(doc, BIO, () => null, new StepFailures())).toBeNull();
  });
});

describe('a box Readability took for the article', () => {
  // One paragraph per nested block, as page builders set an article: each weighs little.
  const nested = (text: string) =>
    `<section><div><div><div class="content"><p>${text}</p></div></div></div></section>`;
  const STORY_NESTED =
    nested('Die bundesweite Tagung der Interkulturellen Woche findet im Februar online statt.') +
    nested('Geplant sind Workshops zur Öffentlichkeitsarbeit, zu Einsätzen und zur Ausbildung.');
  const NEWSLETTER = Array.from(
    { length: 4 },
    () =>
      '<p>Ich willige ein, dass mir der Verband regelmäßig Informationen, Hinweise, Einladungen und Angebote per E-Mail schickt, und kann das jederzeit widerrufen.</p>',
  ).join('');
  const read = (box: string) => {
    const doc = new JSDOM(
      `<html lang="de"><head><title>Tagung</title></head><body><article><h1>Tagung</h1>` +
        `${STORY_NESTED}${box}</article></body></html>`,
      { url: 'https://verband.example/tagung' },
    ).window.document;
    return collapseSpace(
      runReadability(doc, new StepFailures(), () => doc.querySelector('article'))?.textContent,
    );
  };

  it('reads the page again without a newsletter form it picked (de)', () => {
    const text = read(`<div class="wrap wrap-form">${NEWSLETTER}</div>`);
    expect(text).toContain('Die bundesweite Tagung');
    expect(text).not.toContain('Ich willige ein');
  });

  it('keeps its pick when the box is no form, notice or footer (de)', () => {
    expect(read(`<div class="wrap wrap-info">${NEWSLETTER}</div>`)).toContain('Ich willige ein');
  });
});
