// The visible headline over a decorated metadata title, and author markup kept inside <aside>/<nav>.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isOffArticle } from '../../../src/content/extract/regions.ts';
import { indexPage } from '../../../src/content/extract/scan.ts';
import { markedInAsides } from '../../../src/content/extract/sources/microdata.ts';
import { headlineOverTitle } from '../../../src/content/extract/title-pick.ts';

describe('headlineOverTitle', () => {
  it.each([
    [
      'prefix decoration',
      'Opinion | Enough platitudes: Let’s name names',
      ['Enough platitudes: Let’s name names'],
      'Enough platitudes: Let’s name names',
    ],
    [
      'suffix decoration',
      'A long headline about the budget (Published 2016)',
      ['A long headline about the budget'],
      'A long headline about the budget',
    ],
    [
      'headline continues after a colon',
      'Comparing new drives',
      ['Comparing new drives: goodbye to water cooling'],
      'Comparing new drives: goodbye to water cooling',
    ],
    [
      'a headline that adds the site’s name after a bar is not a fuller title',
      'EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig',
      ['EU-Taxonomie: Atomkraft und Erdgas sind nicht nachhaltig | Umweltbundesamt'],
      null,
    ],
    [
      'a headline that is the title under a kicker keeps the title',
      'Brothel catering to politicians, doctors, lawyers busted in Boston',
      ['Local News | Brothel catering to politicians, doctors, lawyers busted in Boston'],
      null,
    ],
    [
      'a quotation before a colon is part of the headline (de)',
      'Marita Kramer verpasst Olympische Spiele in Peking',
      ['"Pure Leere": Marita Kramer verpasst Olympische Spiele in Peking'],
      '"Pure Leere": Marita Kramer verpasst Olympische Spiele in Peking',
    ],
    [
      'a forum thread’s prefix label is not part of its title (de)',
      'Patchnotes 4.47.4 - Tagundnachtgleiche Bugfix Build',
      ['Patch Notes Patchnotes 4.47.4 - Tagundnachtgleiche Bugfix Build'],
      null,
    ],
    [
      'longer headline with nearly all the words',
      'Jane Doe on Leaving the Tags on Her Coat',
      ['Jane Doe on Leaving the Tags on Her Red Coat: I Wore It Twice'],
      'Jane Doe on Leaving the Tags on Her Red Coat: I Wore It Twice',
    ],
    [
      'headline continued without a separator',
      'Article with Appendix',
      ['Article with Appendix Section'],
      null,
    ],
    ['numbered chapter heading', 'Sample Chapter', ['2. Sample Chapter'], null],
    [
      'a one-word topic title inside the headline',
      'Arbeit',
      ['Wir kämpfen für gute Arbeit'],
      'Wir kämpfen für gute Arbeit',
    ],
    [
      'a one-word section name over a headline that is a sentence',
      'Pressemitteilungen',
      ['Olafur Eliasson gestaltet die Titelseite der Zeitungen'],
      'Olafur Eliasson gestaltet die Titelseite der Zeitungen',
    ],
    ['a one-word title over a label', 'Aktuelles', ['Neues aus der Praxis'], null],
    [
      'a two-word title the headline does not use',
      'Harbour news',
      ['Ferries return to the timetable'],
      null,
    ],
    [
      'site name in the middle',
      'A post title here (2) @ My home :: Big Portal ::',
      ['Big Portal'],
      null,
    ],
    ['headline shorter than the rest', 'Daily notes of a person - Short', ['Short title'], null],
    [
      'several distinct headlines',
      'Opinion | One headline here',
      ['One headline here', 'Another one'],
      null,
    ],
    ['headline is the site name', 'Site Name | Story title here', ['Site Name'], null],
    ['same title', 'Same title here', ['Same title here'], null],
    [
      'unrelated headline',
      'Schrödinger’s Hack',
      ['Hacking, Cryptography, and Quantum Computing'],
      null,
    ],
  ])('%s', (_shape, title, headlines, expected) => {
    expect(headlineOverTitle(title, headlines, 'Site Name')).toBe(expected);
  });
});

describe('author markup in asides', () => {
  const doc = new JSDOM(`<body><article><h1>T</h1>
    <aside class="meta"><span itemprop="author" itemscope><span itemprop="name">Jane Roe</span></span>
    <a rel="author" href="/p/sam">Sam Lee</a></aside>
    <div class="related"><a rel="author" href="/p/x">Other Writer</a></div>
    <nav><span itemprop="author">Nav Person</span></nav></article></body>`).window.document;
  const { itemprops, authorLinks } = indexPage(doc);

  it.each([
    ['author in <aside>', 'span[itemprop=author]', true, false],
    ['author in a related list', '.related a', true, true],
  ])('%s: off by default %s, off with asides allowed %s', (_shape, selector, strict, loose) => {
    const el = doc.querySelector(selector);
    expect(el && isOffArticle(el, null, true)).toBe(strict);
    expect(el && isOffArticle(el, null, true, true)).toBe(loose);
  });

  it('reads itemprop=author and rel=author names from asides and navs only', () => {
    expect(markedInAsides(itemprops, authorLinks)).toEqual(['Jane Roe', 'Nav Person', 'Sam Lee']);
  });
});
