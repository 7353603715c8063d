// Publication dates as the page's readers see them: numeric dates in the order their writers
// meant, two-digit years, and UTC metadata times on the page's own calendar day.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract/index.ts';
import { inPageZone } from '../../../src/content/extract/local-day.ts';
import { parseTextDate } from '../../../src/content/extract/text-dates.ts';

const PROSE = `<p>${'Der Gemeinderat hat am Dienstag über die Arbeiten am Hafen beraten. '.repeat(8)}</p>`;

const extract = (html: string) =>
  extractArticle(new JSDOM(html, { url: 'https://zeitung.example/lokales/hafen' }).window.document);

describe('numeric dates are read day first unless written the US way', () => {
  it.each([
    ['dots on a page without a language', '07.11.2023', null, '2023-11-07'],
    [
      'dots on a Finnish page (no chrono parser for Finnish)',
      '2.9.2020 klo 12.45',
      'fi',
      '2020-09-02',
    ],
    [
      'dots with a time after a name',
      'Von Christian am 03.05.2013, 11:51 | 0 Kommentare',
      null,
      '2013-05-03T11:51',
    ],
    ['dashes on a Bosnian page', '26-10-2020', 'bs', '2020-10-26'],
    ['slashes on a German page', '08/09/2017', 'de-DE', '2017-09-08'],
    ['slashes on a British page', '08/09/2017', 'en-GB', '2017-09-08'],
    ['slashes on a US page', '08/09/2017', 'en-US', '2017-08-09'],
    [
      'a named month still wins over the digits',
      'Mittwoch, 4. März 2020 (04.03.2020)',
      'de',
      '2020-03-04',
    ],
  ])('%s', (_name, text, lang, expected) => {
    expect(parseTextDate(text, lang)).toBe(expected);
  });
});

describe('dotted dates with a two-digit year', () => {
  it.each([
    ['a German date line', '28.01.22', 'de', '2022-01-28'],
    ['with a label and a time', 'Erstellt: 31.10.23, 14:05', 'de', '2023-10-31T14:05'],
    ['a year in the nineties', '05.03.98', 'de', '1998-03-05'],
    ['a version number is no date', 'Version 2.1.20', 'de', null],
    ['four numbers are no date', '1.2.19.4', 'de', null],
    ['a month that does not exist', '12.13.22', 'de', null],
  ])('%s', (_name, text, lang, expected) => {
    expect(parseTextDate(text, lang)).toBe(expected);
  });

  it('dates an article whose only date is printed that way', () => {
    const record = extract(
      `<html lang="de"><head><title>Hafen</title></head><body><article><h1>Arbeiten am Hafen</h1>` +
        `<div class="meta"><span class="date">28.01.22</span></div>${PROSE}</article></body></html>`,
    );
    expect(record.publishedTime).toBe('2022-01-28');
  });
});

describe('a UTC publication time on the page’s own day', () => {
  const never = (): string[] => {
    throw new Error('other dates are read only for a UTC time');
  };

  it.each([
    [
      'an offset stated for the same moment',
      '2023-11-09T06:35:29Z',
      ['2023-11-08T22:35:29-08:00'],
      '2023-11-08T22:35:29-08:00',
    ],
    [
      'a local time without an offset, a whole zone away',
      '2023-11-09T01:09:55+00:00',
      ['2023-11-08 18:09:55'],
      '2023-11-08T18:09:55-07:00',
    ],
    [
      'an RFC 2822 date from a meta tag',
      '2019-10-18T22:04:00Z',
      ['Sat, 19 Oct 2019 00:04:00 +0200'],
      '2019-10-19T00:04:00+02:00',
    ],
    ['another moment is not this one', '2023-11-09T06:35:29Z', ['2023-11-08T21:05:30-08:00'], null],
    ['a difference that is no time zone', '2023-11-09T06:35:29Z', ['2023-11-08 06:35:29'], null],
    ['a day without a time', '2023-11-09T06:35:29Z', ['2023-11-08'], null],
  ])('%s', (_name, value, others, expected) => {
    expect(inPageZone(value, () => others)).toBe(expected ?? value);
  });

  it.each([
    ['a German page in winter', '2022-11-06T23:00:00.000Z', 'de', '2022-11-07T00:00:00+01:00'],
    ['a German page in summer', '2022-07-01T22:30Z', 'de-DE', '2022-07-02T00:30+02:00'],
    ['a Brazilian page', '2022-05-04T00:44:52Z', 'pt-BR', '2022-05-03T21:44:52-03:00'],
    ['an English page: no one zone', '2022-05-04T00:44:52Z', 'en', null],
    ['a French page in Canada, not Paris', '2022-05-04T00:44:52Z', 'fr-CA', null],
    ['a Spanish page without a region', '2022-05-04T00:44:52Z', 'es', null],
    ['a German page on the same day', '2022-11-06T09:00:00Z', 'de', null],
    ['an offset of +00:00: a site whose clock is UTC', '2019-12-26T23:07:45+00:00', 'de', null],
  ])(
    "%s: a UTC time no other source places is written in the language's zone",
    (_name, value, lang, expected) => {
      expect(inPageZone(value, () => [], lang)).toBe(expected ?? value);
    },
  );

  it.each([['2023-11-08T22:35:29-08:00'], ['2023-11-08'], ['2023-11-08T22:35']])(
    'leaves %s alone without reading other dates',
    (value) => {
      expect(inPageZone(value, never)).toBe(value);
    },
  );

  it('dates a US evening story on its evening, not the next UTC day', () => {
    const jsonLd = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour works resume',
      datePublished: '2023-11-09T03:28:35Z',
    });
    const record = extract(
      `<html lang="en-US"><head><title>Harbour works resume</title>` +
        `<script type="application/ld+json">${jsonLd}</script></head><body><article>` +
        `<h1>Harbour works resume</h1><time datetime="2023-11-08T22:28:35-05:00">Nov. 8, 2023</time>` +
        `${PROSE}</article></body></html>`,
    );
    expect(record.publishedTime).toBe('2023-11-08T22:28:35-05:00');
    expect(record.fieldSources.publishedTime).toBe('json-ld');
  });
});

describe('<meta name="date"> dates a page only when the page prints no date', () => {
  it.each([
    [
      'the article’s own <time> wins',
      '<meta name="date" content="2020-04-30">',
      '<ul class="info"><li><time>29.04.2020, 12:01 Uhr</time></li></ul>',
      '2020-04-29T12:01',
    ],
    [
      'a labelled date line wins',
      '<meta name="date" content="2020-02-12">',
      '<p>Veröffentlicht am 5. Februar 2020</p>',
      '2020-02-05',
    ],
    ['alone, it dates the page', '<meta name="date" content="2020-02-12">', '', '2020-02-12'],
    [
      'a publication tag is still preferred to the printed date',
      '<meta name="pubdate" content="2020-02-12">',
      '<p>Veröffentlicht am 5. Februar 2020</p>',
      '2020-02-12',
    ],
  ])('%s', (_name, head, printed, expected) => {
    const record = extract(
      `<html lang="de"><head><title>Hafen</title>${head}</head><body><article>` +
        `<h1>Arbeiten am Hafen</h1>${printed}${PROSE}</article></body></html>`,
    );
    expect(record.publishedTime).toBe(expected);
  });
});

describe('a post’s own footer is the article’s, not the site’s', () => {
  it.each([
    ['post-footer', 'post-footer'],
    ['entry-footer', 'entry-footer'],
    ['asset_footer', 'asset_footer'],
  ])('the date in a %s is read', (_name, footerClass) => {
    const record = extract(
      `<html lang="de"><head><title>Hafen</title></head><body><div class="post">` +
        `<h1>Arbeiten am Hafen</h1>${PROSE}<div class="${footerClass}">` +
        `<span class="published">Von Christian am 03.05.2013, 11:51</span></div></div>` +
        `<div id="footer"><p class="date">Stand 01.01.2020</p></div></body></html>`,
    );
    expect(record.publishedTime).toBe('2013-05-03T11:51');
  });

  it('the site’s footer is still not the article’s', () => {
    const record = extract(
      `<html lang="de"><head><title>Hafen</title></head><body><div class="post">` +
        `<h1>Arbeiten am Hafen</h1>${PROSE}</div>` +
        `<div class="site-footer"><span class="date">Stand 01.01.2020</span></div></body></html>`,
    );
    expect(record.publishedTime).toBeNull();
  });
});

describe('a dateline of parts set apart by | or •', () => {
  it.each([
    ['the date first', '<p class="category">24. April 2020 | Pressemitteilungen</p>', '2020-04-24'],
    ['the source first', '<p class="subtitle">Handball Schweiz • 02.02.2022</p>', '2022-02-02'],
    ['a trailing mark', '<p><small>02.02.2022 ·</small></p>', '2022-02-02'],
    ['a label with a date is not a dateline', '<p>Termin: 3. Mai 2020 | Stadthalle</p>', null],
  ])('%s', (_name, line, expected) => {
    const record = extract(
      `<html lang="de"><head><title>Hafen</title></head><body><article>` +
        `<h1>Arbeiten am Hafen</h1>${line}${PROSE}</article></body></html>`,
    );
    expect(record.publishedTime).toBe(expected);
  });
});

describe('<meta name="date"> on the day the page prints', () => {
  it.each([
    [
      'adds the time and zone the printed date lacks',
      '<meta name="date" content="2016-11-28T11:00-08:00">',
      '<p class="date">28.11.2016</p>',
      '2016-11-28T11:00-08:00',
    ],
    [
      'does not take the place of a more precise printed time',
      '<meta name="date" content="2016-12-15">',
      '<time datetime="2016-12-15T15:33:00-05:00">15.12.2016</time>',
      '2016-12-15T15:33:00-05:00',
    ],
  ])('%s', (_name, head, printed, expected) => {
    const record = extract(
      `<html lang="de"><head><title>Hafen</title>${head}</head><body><article>` +
        `<h1>Arbeiten am Hafen</h1>${printed}${PROSE}</article></body></html>`,
    );
    expect(record.publishedTime).toBe(expected);
  });
});

describe('microformat dates (hAtom, h-entry)', () => {
  it.each([
    [
      "an abbr's title in words",
      '<abbr class="published" title="Sonntag, Dezember 16th, 2012, 7:05 pm">16.12.2012</abbr>',
      '2012-12-16T19:05',
    ],
    [
      "an abbr's title that is no date: its text",
      '<abbr class="published" title="Beitrag">16.12.2012</abbr>',
      '2012-12-16',
    ],
    [
      "an abbr's ISO title",
      '<abbr class="published" title="2011-03-30T21:05:00-07:00">9:05 PM</abbr>',
      '2011-03-30T21:05:00-07:00',
    ],
    [
      'an h-entry dt-published',
      '<time class="dt-published" datetime="2020-04-09">9 Apr</time>',
      '2020-04-09',
    ],
    [
      'published, not updated',
      '<span class="updated">01.02.2021</span> <span class="published">03.01.2021</span>',
      '2021-01-03',
    ],
  ])('%s', (_name, markup, expected) => {
    const doc = `<html lang="de"><body><article><h1>Hafen</h1><p class="credit">${markup}</p>${PROSE}</article></body></html>`;
    expect(extract(doc)).toMatchObject({ publishedTime: expected });
  });

  it('skips a date marked in a sidebar list of other posts', () => {
    const doc = `<html lang="de"><body><article><h1>Hafen</h1>${PROSE}</article><aside class="sidebar"><span class="published">03.01.2019</span></aside></body></html>`;
    expect(extract(doc).publishedTime).toBeNull();
  });
});

describe('the box right after the headline is the article’s', () => {
  const teaserPage = (meta: string) =>
    extract(
      `<html lang="de"><head><title>Hafen</title></head><body><div class="teaser-page">` +
        `<h1>Arbeiten am Hafen</h1>${meta}${PROSE}` +
        `<div class="teaser-small"><h2>Ein anderer Artikel</h2>` +
        `<div class="teaser-small__metadata"><p>Von Eva Ohm am 2. Mai 2019</p></div></div>` +
        `</div></body></html>`,
    );

  it('whatever its class says', () => {
    const record = teaserPage(
      '<div class="teaser-small__metadata"><p>VON ANNA BERG am 21. April 2020</p></div>',
    );
    expect(record.publishedTime).toBe('2020-04-21');
  });

  it('while the same box under another story’s heading stays off the article', () => {
    expect(teaserPage('').publishedTime).toBeNull();
  });
});

describe('what holds the headline is the article’s, whatever its class says', () => {
  it('reads the date header of a blog post inside a "widget"', () => {
    const record = extract(
      `<html><head><title>Juni-Genre</title></head><body><div class="sidebar">` +
        `<p>Archiv: 3. Mai 2014</p></div><div id="Blog1" class="widget Blog">` +
        `<div class="date-header">Freitag, 5. Juni 2015</div><div class="post">` +
        `<h1 class="post-title">Through the Booking Glass: Juni-Genre</h1>${PROSE}</div>` +
        `<div class="comments"><p>Sana 6. Juni 2015 um 10:23</p></div></div></body></html>`,
    );
    expect(record.publishedTime).toBe('2015-06-05');
  });
});

describe('page builders and layouts that put the date outside the article’s region', () => {
  it('reads the date of an Elementor post-info block (every Elementor block is a "widget")', () => {
    const record = extract(
      `<html lang="de"><head><title>Wochenrückblick</title></head><body>` +
        `<div class="elementor-widget elementor-widget-heading"><h1>Wochenrückblick</h1></div>` +
        `<div class="elementor-widget elementor-widget-post-info"><div class="elementor-widget-container">` +
        `<ul><li itemprop="datePublished"><span>19. Oktober 2019</span></li></ul></div></div>` +
        `<div class="elementor-widget elementor-widget-theme-post-content">${PROSE}</div>` +
        `<div class="elementor-widget elementor-widget-sidebar"><p>Archiv: 3. Mai 2014</p></div>` +
        `</body></html>`,
    );
    expect(record.publishedTime).toBe('2019-10-19');
  });

  it('reads a date marked in the page’s one BlogPosting, even in a "widget" column', () => {
    const record = extract(
      `<html><head><title>Old Blog</title></head><body><div class="widget Blog">` +
        `<div class="post" itemscope itemtype="http://schema.org/BlogPosting">` +
        `<h3>This Is My Old Blog</h3>${PROSE}<div class="post-footer">Posted at ` +
        `<a href="https://old.example/2011/03/post.html"><abbr itemprop="datePublished" ` +
        `title="2011-03-30T21:05:00-07:00">9:05 PM</abbr></a></div></div></div></body></html>`,
    );
    expect(record.publishedTime).toBe('2011-03-30T21:05:00-07:00');
  });

  it('but not the dates of a listing’s several posts', () => {
    const post = (day: string) =>
      `<div itemscope itemtype="http://schema.org/BlogPosting"><h3>Post</h3><p>Text.</p>` +
      `<a href="https://old.example/p${day}"><abbr itemprop="datePublished" ` +
      `title="2011-03-${day}T21:05:00-07:00">9:05 PM</abbr></a></div>`;
    const record = extract(
      `<html><head><title>Old Blog</title></head><body><div class="widget Blog">` +
        `${post('30')}${post('29')}${PROSE}</div></body></html>`,
    );
    expect(record.publishedTime).toBeNull();
  });

  it('reads the dateline opening the first paragraph under a masthead <h1>', () => {
    const record = extract(
      `<html lang="de"><head><title>Holocaust-Gedenktag: Erinnerungskultur</title></head><body>` +
        `<h1><a href="/"></a><i>Zeitung</i></h1><nav>${'<p><a href="/x">Rubrik</a></p>'.repeat(20)}` +
        `</nav><div class="col_left"><h2>Holocaust-Gedenktag: Erinnerungskultur</h2>` +
        `<p>Von Claudia Lindner</p><p>27.1.2022 - ${PROSE.slice(3, -4)}</p></div></body></html>`,
    );
    expect(record.publishedTime).toBe('2022-01-27');
  });

  it('reads the date under the headline of a page whose menu of short links comes first', () => {
    const menu = ['Login', 'Registrieren', 'FAQ', 'Suche', 'Home', 'Archiv', 'Themen', 'Autoren']
      .map((item) => `<li><a href="/${item}">${item}</a></li>`)
      .join('');
    const record = extract(
      `<html lang="de"><head><title>Hafen</title></head><body><div class="top"><ul>${menu}</ul>` +
        `</div><div class="article"><h1>Arbeiten am Hafen</h1><p>5343 mal gelesen</p>` +
        `<div>09.02.2022</div>${PROSE}</div></body></html>`,
    );
    expect(record.publishedTime).toBe('2022-02-09');
  });

  it('reads a date printed right above the headline', () => {
    const record = extract(
      `<html lang="de"><head><title>Jahresbericht</title></head><body><main><h3>21.01.2022</h3>` +
        `<h1>Jahresbericht 2021</h1>${PROSE}</main></body></html>`,
    );
    expect(record.publishedTime).toBe('2022-01-21');
  });

  it('reads a press release’s date that opens its first paragraph', () => {
    const record = extract(
      `<html lang="de"><head><title>Hafen</title></head><body><article><h1>Arbeiten am Hafen</h1>` +
        `<div class="teaser-text"><p>Pressemitteilung vom 25. Januar 2022 | Berlin – ` +
        `${PROSE.slice(3, -4)}</p></div>${PROSE}</article></body></html>`,
    );
    expect(record.publishedTime).toBe('2022-01-25');
  });

  it('does not read a date inside the first paragraph’s sentence as its dateline', () => {
    const record = extract(
      `<html lang="de"><head><title>Hafen</title></head><body><article><h1>Arbeiten am Hafen</h1>` +
        `<p>Der Rat hat am Dienstag, dem 25. Januar 2022, beraten – ${PROSE.slice(3, -4)}</p>` +
        `</article></body></html>`,
    );
    expect(record.publishedTime).toBeNull();
  });
});

describe('declared dates that disagree', () => {
  const page = (shown: string) =>
    extract(
      `<html lang="de"><head><title>Vanlife</title>` +
        `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Vanlife",` +
        `"datePublished":"2022-01-04T07:29:00.000Z"}</script>` +
        `<meta property="article:published_time" content="2022-01-06T08:29:34"></head>` +
        `<body><article><h1>Vanlife</h1>${shown}${PROSE}</article></body></html>`,
    ).publishedTime;

  it('keep the one whose day the page prints under its headline', () => {
    expect(page('<div class="info">06.01.2022</div>')).toBe('2022-01-06T08:29:34');
  });

  it('keep the most trusted one when the day printed is the day the page changed', () => {
    const record = extract(
      `<html lang="en"><head><title>Best films</title>` +
        `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Best films",` +
        `"datePublished":"2017-12-15T08:50:02-05:00","dateModified":"2018-07-24T14:15:58-04:00"}` +
        `</script><meta property="article:published_time" content="2018-07-24"></head>` +
        `<body><article><h1>Best films</h1><p class="date">July 24, 2018</p>${PROSE}` +
        `</article></body></html>`,
    );
    expect(record.publishedTime).toMatch(/^2017-12-15/);
  });

  it('give way to the date printed under the headline when Dublin Core alone states one', () => {
    const record = extract(
      `<html lang="de"><head><title>Präsidentin</title><meta name="DC.date" content="2021-10-15">` +
        `</head><body><article><h1>Neue Präsidentin</h1><p class="date">13.10.2021</p>${PROSE}` +
        `</article></body></html>`,
    );
    expect(record.publishedTime).toBe('2021-10-13');
  });

  it('keep the most trusted one when the page prints no date', () => {
    expect(page('')).toMatch(/^2022-01-04/);
  });
});

describe('a declared date and the day the page prints under its headline', () => {
  const page = (printed: string) =>
    extract(
      `<html lang="fr"><head><title>Archaïsme</title>` +
        `<meta property="article:published_time" content="2019-12-09T19:00:49+01:00"></head>` +
        `<body><article><h1>De l’archaïsme</h1><p class="date">${printed}</p>${PROSE}` +
        `</article></body></html>`,
    ).publishedTime;

  it('the printed day wins when it comes a day or a few after (filed the evening before)', () => {
    expect(page('10 décembre 2019')).toBe('2019-12-10');
    expect(page('Publié le 13 décembre 2019')).toBe('2019-12-13');
  });

  it.each([
    ['the same day', '9 décembre 2019', '2019-12-09T19:00:49+01:00'],
    ['a day before the declared one', '8 décembre 2019', '2019-12-09T19:00:49+01:00'],
    ['weeks later (another story’s date)', '30 décembre 2019', '2019-12-09T19:00:49+01:00'],
  ])('the declared date stays when the printed day is %s', (_when, printed, expected) => {
    expect(page(printed)).toBe(expected);
  });

  it('the declared date stays when it was filed in the morning', () => {
    const record = extract(
      `<html lang="fr"><head><title>Archaïsme</title>` +
        `<meta property="article:published_time" content="2019-12-09T09:00:49+01:00"></head>` +
        `<body><article><h1>De l’archaïsme</h1><p class="date">10 décembre 2019</p>${PROSE}` +
        `</article></body></html>`,
    );
    expect(record.publishedTime).toBe('2019-12-09T09:00:49+01:00');
  });

  const restamped = (printed: string) =>
    extract(
      `<html lang="de"><head><title>Wärmepumpen</title>` +
        `<meta property="article:published_time" content="2022-11-17T10:33:13.258Z">` +
        `<meta property="article:modified_time" content="2022-11-17T10:32:18.099Z"></head>` +
        `<body><article><h1>Wärmepumpen im Altbau</h1>${printed}${PROSE}</article></body></html>`,
    ).publishedTime;

  it('an earlier day printed and marked up wins over a stamp no earlier than the last change', () => {
    expect(restamped('<p class="date"><time datetime="2022-03-09">09.03.2022</time></p>')).toBe(
      '2022-03-09',
    );
  });

  it('the stamp stays when nothing in the markup dates the page to the printed day', () => {
    expect(restamped('<p class="date">09.03.2022</p>')).toBe('2022-11-17T10:33:13.258Z');
  });

  it('a printed minute that a declared publication date gives settles it, on the day of a change', () => {
    const record = extract(
      `<html lang="de"><head><title>Recherche</title>` +
        `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Recherche",` +
        `"datePublished":"2023-11-06T18:19+01:00","dateModified":"2023-11-07T10:14+01:00"}` +
        `</script><meta name="DC.Date" content="2023-11-07T07:30+01:00"></head>` +
        `<body><article><h1>Recherche: Waffen</h1><p class="stand"><span>Stand: </span>` +
        `07.11.2023, 07:30 Uhr</p>${PROSE}</article></body></html>`,
    );
    expect(record.publishedTime).toBe('2023-11-07T07:30+01:00');
  });

  const changed = (printed: string) =>
    extract(
      `<html lang="en"><head><title>Goats</title>` +
        `<meta property="article:published_time" content="2020-01-03T09:48:24Z">` +
        `<meta property="article:modified_time" content="2020-01-06T09:22:36Z"></head>` +
        `<body><article><h1>Goats on the hill</h1>${printed}${PROSE}</article></body></html>`,
    ).publishedTime;

  it('the day the page was changed wins when it is the one date printed by the headline', () => {
    expect(changed('<p class="date">Monday, 6 January 2020</p>')).toBe('2020-01-06');
  });

  it.each([
    ['labelled as a change', '<p class="date">Updated January 6, 2020</p>'],
    [
      'printed beside the publication day in <time> elements',
      '<p class="posted-on"><time class="updated" datetime="2020-01-06T09:22:36Z">January 6, ' +
        '2020</time><time class="published" datetime="2020-01-03T09:48:24Z">January 3, 2020' +
        '</time></p>',
    ],
  ])('the declared date stays when the day of the change is %s', (_how, printed) => {
    expect(changed(printed)).toBe('2020-01-03T09:48:24Z');
  });
});

describe('labels and marks that date a page', () => {
  /** Lines enough that a bare date after them is too far from the headline to count. */
  const FAR = '<p>Eine Zeile.</p>'.repeat(20);
  const dated = (line: string, lang = 'de') =>
    extract(
      `<html lang="${lang}"><head><title>Hafen</title></head><body><article>` +
        `<h1>Arbeiten am Hafen</h1>${line}${PROSE}</article></body></html>`,
    ).publishedTime;

  it.each([
    [
      'a press release’s date (de)',
      `${FAR}<div>Pressemitteilung vom 20.01.2022</div>`,
      'de',
      '2022-01-20',
    ],
    ['an article’s date (de)', `${FAR}<p>Artikel vom 3. Mai 2021</p>`, 'de', '2021-05-03'],
    [
      'a "created on" stamp (de)',
      `${FAR}<div><span>Erstellt am</span><span>09.02.2022</span></div>`,
      'de',
      '2022-02-09',
    ],
    [
      'a press release’s date (fr)',
      `${FAR}<p>Communiqué de presse du 3 mars 2021</p>`,
      'fr',
      '2021-03-03',
    ],
    [
      'an "as of" stamp, when nothing else dates the page (de)',
      `${FAR}<p><em>Stand des Artikels: 26. Februar 2020, 12:30 Uhr.</em></p>`,
      'de',
      '2020-02-26T12:30',
    ],
    [
      'a dateline part after a spaced slash',
      '<div>28.01.22 / 0 Kommentare</div>',
      'de',
      '2022-01-28',
    ],
    [
      'a name, a comma and the date (de)',
      `${FAR}<div><a href="/autoren/gq">Georg Quaas</a>, 21. Jan. 2015</div>`,
      'de',
      '2015-01-21',
    ],
    [
      'an author line that says when (de)',
      `${FAR}<div class="left author">Author: <a href="/u/58"><b>Bo2man</b></a> am 29.12.2010, 13:36 Uhr</div>`,
      'de',
      '2010-12-29T13:36',
    ],
  ])('%s', (_name, line, lang, expected) => {
    expect(dated(line, lang)).toBe(expected);
  });

  // German news pages print "Stand:" (as of) as the date of the story they show.
  it.each([
    ['"Stand:" dates the page (de)', '<p>Stand: 3. Mai 2020</p>', '2020-05-03'],
    ['a word that only ends in "stand" is no label (de)', '<p>Zustand: 3. Mai 2020</p>', null],
  ])('%s', (_name, line, expected) => {
    expect(dated(`${FAR}${line}`)).toBe(expected);
  });

  it.each([
    ['created', '<span class="post-created">Sortiert nach Thema, 28.01.22</span>'],
    ['submitted (Drupal)', '<div class="node__submitted">Eingereicht 28.01.22, 0 Kommentare</div>'],
  ])('an element classed %s holds the date', (_name, line) => {
    expect(dated(`${FAR}${line}`)).toBe('2022-01-28');
  });
});

describe('a masthead logo in an <h1>', () => {
  const MENU = ['Termine', 'Angebote', 'Bildung', 'Reisen', 'Werkfunk', 'Presse', 'Kontakt']
    .map((item) => `<li><a href="/${item.toLowerCase()}">${item}</a></li>`)
    .join('')
    .repeat(3);

  it('is not the headline: the dateline under the real one dates the page', () => {
    const record = extract(
      `<html lang="de"><head><title>Faire Lieferketten</title>` +
        `<meta name="date" content="2020-02-12"></head><body>` +
        `<div id="top"><h1><a href="/"><img src="/logo.svg" alt="Jugendwerk"></a></h1>` +
        `<nav><ul>${MENU}</ul></nav></div><div class="news-single-item"><h1>Faire Lieferketten</h1>` +
        `<div class="news-single-timedata">05.02.2020 <span>- Redaktion: Eberhard Fuhr</span></div>` +
        `${PROSE}</div></body></html>`,
    );
    expect(record.publishedTime).toBe('2020-02-05');
    expect(record.title).toBe('Faire Lieferketten');
  });
});
