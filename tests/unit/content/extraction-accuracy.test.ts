// Table-driven: the general causes of wrong titles, bylines, dates and empty bodies, each pinned by a small page or value.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { splitAuthors, withoutPlaces } from '../../../src/content/extract/authors.ts';
import { cleanByline } from '../../../src/content/extract/byline.ts';
import { readableCopy } from '../../../src/content/extract/clone.ts';
import {
  bylineOf,
  isHandle,
  isPhrase,
  isPublication,
} from '../../../src/content/extract/fields.ts';
import { extractArticle } from '../../../src/content/extract/index.ts';
import { isOffArticle } from '../../../src/content/extract/regions.ts';
import { readTimeElements } from '../../../src/content/extract/sources/time-element.ts';
import { cleanTitle, words } from '../../../src/content/extract/title.ts';
import { headlineConfirmedByDocTitle } from '../../../src/content/extract/title-pick.ts';

const PROSE = `<p>${'The council met on Tuesday to discuss the harbour works and the new timetable. '.repeat(8)}</p>`;
const page = (html: string, url = 'https://paper.example/news/story') =>
  new JSDOM(html, { url }).window.document;

describe('cleanTitle', () => {
  const ctx = { host: 'paper.example', headings: [] as string[] };
  it.each([
    [
      'the exact site name after a colon without spaces',
      'マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌',
      'phpspot開発日誌',
      [],
      'マインドマップ風のツリーを描画できる「Treeviz」',
    ],
    [
      'underscore-joined parts of a Chinese title, the first confirmed by a heading',
      '这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报',
      null,
      ['这个约会软件，想用你和对方的相似好恶来帮你找对象'],
      '这个约会软件，想用你和对方的相似好恶来帮你找对象',
    ],
    [
      'a short unnamed suffix after a pipe, in text written without spaces',
      '指紋認証でサインインできる指紋認証機能付きマウスを発売 | サンワサプライ株式会社',
      null,
      [],
      '指紋認証でサインインできる指紋認証機能付きマウスを発売',
    ],
    [
      'an underscore inside a Latin name is not a separator',
      'example_size_t - Reference',
      null,
      [],
      'example_size_t - Reference',
    ],
    [
      'the site name inside the headline is kept',
      'Why Paper Example readers love crosswords',
      'Paper Example',
      [],
      'Why Paper Example readers love crosswords',
    ],
  ])('%s', (_name, raw, siteName, headings, expected) => {
    expect(cleanTitle(raw, { ...ctx, siteName, headings })).toBe(expected);
  });

  it.each([
    ['spaced words', 'Harbour works resume', 3],
    ['three CJK characters a word', '指紋認証でサ', 2],
    ['mixed scripts', 'Windows 10にサインイン', 2 + 2],
  ])('counts words: %s', (_name, text, expected) => {
    expect(words(text)).toBe(expected);
  });
});

describe('headlineConfirmedByDocTitle', () => {
  it.each([
    [
      'the <title> carries the headline and og:title is another headline',
      "It's been a rough few months for Elon Musk's SpaceX",
      ["What's the Hold-Up at SpaceX?"],
      "What's the Hold-Up at SpaceX?",
      "What's the Hold-Up at SpaceX?",
    ],
    [
      'the <title> carries the headline before the site name',
      'Schrödinger’s Hack',
      ['Hacking, Cryptography, and the Countdown to Quantum Computing'],
      'Hacking, Cryptography, and the Countdown to Quantum Computing | The New Yorker',
      'Hacking, Cryptography, and the Countdown to Quantum Computing',
    ],
    [
      'a brand name as og:title',
      'Example AI',
      ['The Darwin Gödel Machine: AI that improves itself by rewriting its own code'],
      'The Darwin Gödel Machine: AI that improves itself by rewriting its own code',
      'The Darwin Gödel Machine: AI that improves itself by rewriting its own code',
    ],
    [
      'a reworded metadata title is the same headline and stays',
      'How we designed Dropbox’s ATF - an async task framework',
      ['How we designed Dropbox ATF: an async task framework'],
      'How we designed Dropbox ATF: an async task framework',
      null,
    ],
    [
      'the <title> does not confirm the headline',
      'The Modern Ambitions Behind Neon',
      ['Why Neon Is the Ultimate Symbol of the 20th Century'],
      'The Modern Ambitions Behind Neon - CityLab',
      null,
    ],
    [
      'several headlines decide nothing',
      'A social headline',
      ['One story on the page', 'Another story on the page'],
      'One story on the page',
      null,
    ],
  ])('%s', (_name, title, headlines, docTitle, expected) => {
    expect(headlineConfirmedByDocTitle(title, headlines, docTitle)).toBe(expected);
  });
});

describe('title on a whole page', () => {
  it.each([
    [
      'the headline spelled as shown (typographic quotes), not as in og:title',
      `<meta property="og:title" content="'La La Land': How a film resurrected the musical">`,
      '<h1>Rolling Stone</h1>',
      '‘La La Land’: How a film resurrected the musical',
      '‘La La Land’: How a film resurrected the musical',
    ],
    [
      'an <h1> naming the site is not the headline',
      '<meta property="og:site_name" content="Rolling Stone">',
      '<h1>Rolling Stone</h1>',
      'A long headline about the film festival',
      'A long headline about the film festival',
    ],
  ])('%s', (_name, head, masthead, headline, expected) => {
    const doc = page(
      `<html lang="en"><head><title>${headline} - Rolling Stone</title>${head}</head><body><header>${masthead}</header><article><h1>${headline}</h1>${PROSE}</article></body></html>`,
    );
    expect(extractArticle(doc).title).toBe(expected);
  });

  it('keeps the og:title the <title> repeats when a page writes two (de)', () => {
    const doc = page(
      `<html lang="de"><head><title>Reparaturcafé am 31. Januar: Stadt Ahlen</title>` +
        `<meta property="og:title" content="Reparaturcafé am 31. Januar">` +
        `<meta property="og:title" content="Aktuelle"></head>` +
        `<body><article>${PROSE}</article></body></html>`,
    );
    expect(extractArticle(doc).title).toBe('Reparaturcafé am 31. Januar');
  });
});

describe('bylines', () => {
  it.each([
    ['a lowercase login', 'mikecason', true],
    ['letters and digits', 'CC7567', true],
    ['an @handle', '@janedoe', true],
    ['a one-word name', 'Madonna', false],
    ['a name in a script without case', '肖春芳', false],
    ['a full name', 'Mike Cason', false],
  ])('isHandle: %s', (_name, name, expected) => {
    expect(isHandle(name)).toBe(expected);
  });

  it.each([
    ['a possessive and a noun (de)', 'deinen Hochzeitsbloggern', true],
    ['a possessive and a noun (en)', 'our Editors', true],
    ['a name with a particle (nl)', 'van der Berg', false],
    ['a name with a particle (de)', 'von Weizsäcker', false],
    ['a name with a hyphenated particle (ar)', 'al-Amin Hassan', false],
    ['a lowercase login', 'mikecason', false],
    ['a full name', 'Samuel Diekmann', false],
  ])('isPhrase: %s', (_name, name, expected) => {
    expect(isPhrase(name)).toBe(expected);
  });

  it('a phrase in the author tag gives way to the credit line on the page (de)', () => {
    const doc = new JSDOM(
      `<html lang="de"><head><title>Hochzeitslocation</title>` +
        `<meta name="author" content="deinen Hochzeitsbloggern"></head><body><article>` +
        `<h1>Die schönste Hochzeitslocation</h1><p>Von Samuel Diekmann</p>${PROSE}</article>` +
        `</body></html>`,
      { url: 'https://hochzeit.example/location' },
    ).window.document;
    expect(extractArticle(doc).byline).toBe('Samuel Diekmann');
  });

  it.each([
    ['the site name with an article (de)', 'Die FURCHE', true],
    ['the site name with a region (de)', 'OÖ Volksblatt', true],
    ['a web address', 'jungefreiheit.de', true],
    ['a registered association (de)', 'Bund der Energieverbraucher e.V.', true],
    ['a company (fr)', 'Groupe Presse SAS', true],
    ['a public body (de)', 'Bayerische Landesanstalt für Wald und Forstwirtschaft', true],
    ['a department (en)', 'Department of Energy and Climate Change', true],
    ['a writer', 'Ursula Baatz', false],
    ['a writer whose name contains the site name', 'Hans Furcheler', false],
    ['a writer with initials', 'Boris T. Kaiser', false],
  ])('isPublication: %s', (_name, name, expected) => {
    expect(isPublication(name, new Set(['furche', 'volksblatt']))).toBe(expected);
  });

  it('takes an author named like the publication for no one when the page signs the article', () => {
    const doc = page(
      '<html lang="de"><head><title>Achtsam durch die Krise | Die FURCHE</title>' +
        '<meta property="og:site_name" content="Achtsam durch die Krise | Die FURCHE">' +
        '<meta name="author" content="Die FURCHE"></head><body><article>' +
        `<h1>Achtsam durch die Krise</h1><p class="author">Von Ursula Baatz</p>${PROSE}` +
        '</article></body></html>',
    );
    expect(extractArticle(doc).byline).toBe('Ursula Baatz');
  });

  const bodyCredited = (signature: string) =>
    extractArticle(
      page(
        '<html lang="de"><head><title>Holunderholzhandel</title><meta name="author" ' +
          'content="Bayerische Landesanstalt für Wald und Forstwirtschaft - LWF"></head><body>' +
          `<article><h1>Holunderholzhandel</h1>${signature}${PROSE}</article></body></html>`,
      ),
    ).byline;

  it('takes a public body in the author tag for no one when the page signs the article (de)', () => {
    expect(bodyCredited('<p class="author">Von Joachim Hamberger</p>')).toBe('Joachim Hamberger');
  });

  it('takes a department in the author tag for no one when the page signs the article (en)', () => {
    const doc = page(
      '<html lang="en"><head><title>Grid upgrade</title><meta name="author" ' +
        'content="Department of Energy and Climate Change"></head><body><article>' +
        `<h1>Grid upgrade</h1><p class="byline">By Jane Sample</p>${PROSE}</article></body></html>`,
    );
    expect(extractArticle(doc).byline).toBe('Jane Sample');
  });

  it('keeps a public body as the credit, not split at its "und", when no one signs it (de)', () => {
    expect(bodyCredited('')).toBe('Bayerische Landesanstalt für Wald und Forstwirtschaft');
  });

  it.each([
    [
      'one credit line keeps its "and"',
      ['By Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman'],
      'Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman',
    ],
    [
      'one credit line without the places reporters filed from',
      ['Julia Carrie Wong in San Francisco and Sam Levin'],
      'Julia Carrie Wong and Sam Levin',
    ],
    [
      'a list of names is joined with commas',
      ['Stella Kim', 'Jennifer Jett'],
      'Stella Kim, Jennifer Jett',
    ],
    [
      'a line with job titles is shown as the clean names',
      ['Jane Doe, Senior Reporter, and John Roe'],
      'Jane Doe, John Roe',
    ],
  ])('bylineOf: %s', (_name, raw, expected) => {
    expect(bylineOf(splitAuthors(raw), raw)).toBe(expected);
  });

  it.each([
    ['a section after "in"', 'Michael Larabel in Valve', 'Michael Larabel'],
    ['a city before "and"', 'A Wong in San Francisco and S Levin', 'A Wong and S Levin'],
    ['a lowercase "in" is part of a phrase', 'Notes in passing', 'Notes in passing'],
  ])('withoutPlaces: %s', (_name, text, expected) => {
    expect(withoutPlaces(text)).toBe(expected);
  });

  it.each([
    ['著者：後藤大地', '後藤大地'],
    ['文● オカモト', 'オカモト'],
    ['作者：', null],
  ])('cleanByline reads the Japanese and Chinese author label in %s', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });

  it('prefers a spelled name over a login from an earlier source', () => {
    const doc = page(
      `<html lang="en"><head><title>Harbour works resume</title><meta name="sailthru.author" content="mikecason"><meta name="author" content="Mike Cason"></head><body><article><h1>Harbour works resume</h1>${PROSE}</article></body></html>`,
    );
    expect(extractArticle(doc).byline).toBe('Mike Cason');
  });
});

describe('dates', () => {
  it.each([
    [
      'only an "Updated" date dates the article',
      '<p class="meta">Updated: Dec 15, 2016 2:57 PM UTC</p>',
      '2016-12-15T14:57Z',
    ],
    [
      'a "Written by … on <date>" line dates the article',
      '<div class="author">Written by Michael Larabel in Valve on 1 June 2019 at 08:34 PM EDT.</div>',
      '2019-06-01T20:34-04:00',
    ],
    [
      'a date under a wrapper whose class says the layout has a sidebar',
      '<p class="dateline">Published: Dec. 22, 2016</p>',
      '2016-12-22',
    ],
  ])('%s', (_name, meta, expected) => {
    const doc = page(
      `<html lang="en"><head><title>Harbour works resume</title></head><body><div class="main-wrapper--has-sidebar"><main><article><h1>Harbour works resume</h1>${meta}${PROSE}</article></main></div></body></html>`,
    );
    expect(extractArticle(doc).publishedTime).toBe(expected);
  });

  it('skips the <time> of an embedded post, which wraps a link to it', () => {
    const doc = page(
      `<body><article><time><a href="https://social.example/p/1">Fri Sep 30</a></time><time datetime="2016-10-03T16:35:39Z">3 Oct</time></article></body>`,
    );
    const article = doc.querySelector('article');
    const found = readTimeElements(Array.from(doc.querySelectorAll('time')), article).found;
    expect(found.publishedTime).toBe('2016-10-03T16:35:39Z');
  });

  it.each([
    [
      'a content column with the id "sidebar"',
      '<div id="sidebar" class="content-area"><header><h1>Harbour works resume</h1><time datetime="2020-04-09T07:59:57+02:00">9 Apr</time></header>',
      '</div><aside><h2>Support us</h2><time datetime="2019-01-01">1 Jan</time></aside>',
    ],
    [
      'a "navigation-container" around the whole page',
      '<div id="navigation-container"><nav>Menu</nav><article><h1>Harbour works resume</h1><time datetime="2020-04-09">9 Apr</time>',
      '</article></div>',
    ],
  ])(
    'reads the <time> under the headline when %s seems to put every time off the article',
    (_name, open, close) => {
      const doc = page(`<html lang="en"><body>${open}${PROSE}${close}</body></html>`);
      expect(extractArticle(doc).publishedTime?.slice(0, 10)).toBe('2020-04-09');
    },
  );
});

describe('isOffArticle and the page layout', () => {
  it.each([
    [
      'a wrapper around <main> named for its sidebar',
      '<div class="content-sidebar-wrap"><main>X</main></div>',
      false,
    ],
    ['a layout modifier class', '<div class="wrapper has-sidebar"><div>X</div></div>', false],
    ['a real sidebar', '<div class="sidebar"><div>X</div></div>', true],
    ['a sidebar inside <main>', '<main><div class="sidebar"><div>X</div></div></main>', true],
  ])('%s', (_name, html, expected) => {
    const doc = page(`<body>${html.replace('X', '<span id="x">X</span>')}</body>`);
    expect(isOffArticle(doc.getElementById('x') as Element)).toBe(expected);
  });
});

describe('an article hidden until a script shows it', () => {
  const hidden = `<html><head><title>Sample post</title></head><body><div hidden><article><h1>Sample post</h1>${PROSE}</article></div></body></html>`;

  it('is read from its hidden element when the visible page has no article', () => {
    const snapshot = extractArticle(page(hidden));
    expect(snapshot.kind).toBe('article');
    expect(snapshot.textContent).toContain('harbour works');
  });

  it('is left out of the copy Readability reads unless revealing', () => {
    const doc = page(hidden);
    expect(readableCopy(doc).copy.body.textContent).not.toContain('harbour');
    expect(readableCopy(doc).hidesContent).toBe(true);
    expect(readableCopy(doc, { revealHidden: true }).copy.body.textContent).toContain('harbour');
  });

  it('keeps in the copy the attributes Readability and the sanitiser read, and drops script data', () => {
    const doc = page(
      '<html><head></head><body><div data-track="x" onclick="go()" aria-label="Story" ' +
        'class="story" aria-modal="true" aria-hidden="false"><p>Text.</p>' +
        '<figure data-src="/a.jpg"><img data-src="/b.jpg" aria-describedby="c"></figure>' +
        '</div></body></html>',
    );
    const div = readableCopy(doc).copy.querySelector('.story');
    expect(div?.getAttributeNames().sort()).toEqual(['aria-hidden', 'aria-modal', 'class']);
    expect(div?.querySelector('figure')?.getAttribute('data-src')).toBe('/a.jpg');
    expect(div?.querySelector('img')?.getAttributeNames().sort()).toEqual([
      'aria-describedby',
      'data-src',
    ]);
  });

  // Pins the condition for skipping the second, revealing pass: its copy would be the same.
  it.each([
    ['nothing hidden', '<body><p>Short.</p></body>', false],
    ['a style that does not hide', '<body><p style="color: red">Short.</p></body>', false],
    ['a hidden element', '<body><p>Short.</p><div hidden>More</div></body>', true],
    ['a body kept with aria-hidden', '<body aria-hidden="true"><p>Short.</p></body>', true],
    ['a body kept with a hiding style', '<body style="display:none"><p>Short.</p></body>', true],
  ])('says whether revealing would change the copy: %s', (_name, body, hides) => {
    expect(readableCopy(page(`<html><head></head>${body}</html>`)).hidesContent).toBe(hides);
  });
});
