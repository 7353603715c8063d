// Readability's pick replaced by the article's own region when it chose a short box beside it.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { StepFailures } from '../../../src/content/extract/failures.ts';
import { readRegionInstead } from '../../../src/content/extract/run-readability.ts';

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
