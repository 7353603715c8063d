// Readability's pick replaced by the article's own region, or read again without the box, when it
// chose a short box beside the article; the region read without its wrappers when it chose one
// paragraph of it; the page read around a data table whose rows it picked.
import { JSDOM } from 'jsdom';
import { Readability } from '@mozilla/readability';
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

  it('reads the region again, holding the pick, when the pick is one paragraph of it', () => {
    const { doc, region } = pageWith(STORY);
    const inside =
      'Absatz 1: Nach Moncler will nun auch ein weiteres Modehaus auf Echtpelz verzichten.';
    const parsed = readRegionInstead(doc, inside, region, new StepFailures());
    expect(parsed?.textContent).toContain(inside);
    expect(parsed?.textContent).toContain('Absatz 12: Nach Moncler');
    expect(parsed?.textContent).not.toContain('Über die Autorin');
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

  it('reads the page again without a dialog it picked, known by its close control (de)', () => {
    const text = read(`<div id="vkinfo"><div class="close">Schließen [X]</div>${NEWSLETTER}</div>`);
    expect(text).toContain('Die bundesweite Tagung');
    expect(text).not.toContain('Ich willige ein');
  });
});

describe('a data table Readability took for the article', () => {
  // Every cell long enough for Readability to score it: hundreds of them outweigh a story.
  const ROWS = Array.from(
    { length: 80 },
    (_, i) =>
      `<tr><td>Constituency number ${i}</td><td>Member number ${i}</td>` +
      `<td>member.number.${i}.mp@parliament.example</td></tr>`,
  ).join('');
  // A caption beside the rows keeps Readability from climbing out of the table to the story.
  const TABLE =
    '<div class="factbox"><table><caption>Members and their addresses</caption>' +
    `<tr><th>Constituency</th><th>Member</th><th>Email address</th></tr>${ROWS}</table></div>`;
  const STORY_PARAGRAPHS = [
    'A powerful alliance of chefs and charities today urges the government to block cheap imports.',
    'In an open letter, they call on ministers not to trade away standards in the negotiations.',
    'Readers can write to their MP to back the campaign: every member is listed below.',
    'The vote on the amendment is expected within a fortnight, campaigners said on Saturday.',
  ];
  const page = (body: string) =>
    new JSDOM(
      `<html lang="en"><head><title>Food</title></head><body><h1>Food</h1>${body}</body></html>`,
      { url: 'https://news.example/food' },
    ).window.document;
  const read = (doc: Document) => runReadability(doc, new StepFailures(), () => null);

  it('reads the story around the table, with the table in its place (en)', () => {
    const story = STORY_PARAGRAPHS.map((text) => `<p>${text}</p>`);
    const doc = page(`<div class="story">${story.slice(0, 3).join('')}${TABLE}${story[3]}</div>`);
    // Bare Readability, on the same page, returns the table's rows alone.
    const bare = new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
    expect(bare).not.toContain('A powerful alliance');

    const content = read(doc)?.content as unknown as Element;
    const text = collapseSpace(content.textContent);
    expect(text).toContain('A powerful alliance of chefs');
    expect(text).toContain('The vote on the amendment');
    expect(text.indexOf('every member is listed below')).toBeLessThan(
      text.indexOf('Member number 0'),
    );
    expect(text.indexOf('member.number.79')).toBeLessThan(
      text.indexOf('The vote on the amendment'),
    );
    expect(content.querySelectorAll('table tr')).toHaveLength(81);
  });

  it('keeps the table when the page has no story around it (en)', () => {
    const text = collapseSpace(read(page(`<div>${TABLE}</div>`))?.textContent);
    expect(text).toContain('member.number.79.mp@parliament.example');
  });
});

describe('an article set one paragraph per nested wrapper', () => {
  // A page builder's article: each paragraph three wrappers deep, none of them siblings.
  const para = (text: string) =>
    `<div class="mb-6"><div><div class="paragraph"><div class="paragraph-text"><p>${text}</p>` +
    '</div></div></div></div>';
  const subline = (text: string) =>
    `<div class="mb-6"><div><div class="paragraph"><h2>${text}</h2></div></div></div>`;
  const times = (sentence: string, n: number) =>
    Array.from({ length: n }, () => sentence).join(' ');
  const ARTICLE =
    '<div class="lead">In Reichenbach wird eine neue Idee ausprobiert: Laub von den Straßen wird ' +
    'zu Pellets gepresst.</div>' +
    para(
      times(
        'Norbert Döring sucht nach Auswegen aus der Energiekrise, und die Idee, Pellets aus Laub zu pressen, könnte eine Möglichkeit sein.',
        4,
      ),
    ) +
    subline('Pilotprojekt: Aus Laub Brennstoff machen') +
    para(
      times(
        'Aktuell sind wir in einer Situation, die die Existenz bedroht, erzählt Döring, und wir machen uns Gedanken, wie man die Ressourcen nutzbar machen kann.',
        4,
      ),
    ) +
    subline('Ein Antrag für Fördermittel ist gestellt') +
    para(
      times(
        'Die Bürgermeisterin betont, man sei noch in der Vorphase, und ein Antrag auf Fördermittel sei gestellt worden.',
        4,
      ),
    ) +
    subline('Der Brennwert ist geringer') +
    para(
      times(
        'Man kann diese Pellets genauso verheizen wie Holzpellets, der Brennwert ist etwa zehn Prozent geringer.',
        4,
      ),
    );

  it('reads the article’s region again with the wrappers left out (de)', () => {
    const doc = new JSDOM(
      `<html lang="de"><head><title>Pellets aus Laub</title></head><body><main><article>` +
        `<h1>Pellets aus Laub</h1>${ARTICLE}</article></main><aside><p>Anzeige</p></aside>` +
        '</body></html>',
      { url: 'https://forst.example/laub' },
    ).window.document;
    // Bare Readability keeps one paragraph's wrapper and what sits beside it.
    const bare = new Readability(doc.cloneNode(true) as Document).parse()?.textContent ?? '';
    expect(bare).not.toContain('Die Bürgermeisterin betont');

    const text = collapseSpace(
      runReadability(doc, new StepFailures(), () => doc.querySelector('article'))?.textContent,
    );
    for (const words of [
      'In Reichenbach wird eine neue Idee',
      'Norbert Döring sucht',
      'Ein Antrag für Fördermittel ist gestellt',
      'Die Bürgermeisterin betont',
      'Man kann diese Pellets genauso verheizen',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('Anzeige');
  });
});

describe('a post embedded in the story', () => {
  const TWEET =
    '<blockquote class="twitter-tweet"><p lang="en">Yes this is real and the state spent half a ' +
    'million dollars on it: <a href="https://t.co/Nc0nKo">https://t.co/Nc0nKo</a></p>— Dianna E. ' +
    'Anderson (@diannaeanderson) <a href="https://twitter.com/d/status/1">November 18, 2019</a>' +
    '</blockquote>';
  const STORY_EN = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i + 1}: South Dakota launched an anti-drug campaign with a slogan people mocked.</p>`,
  ).join('');
  const page = (box: string) =>
    new JSDOM(
      `<html lang="en"><head><title>Meth. We're on it.</title></head><body><article>` +
        `<h1>Meth. We're on it.</h1>${STORY_EN}${box}<p>The governor answered on Twitter.</p>` +
        `</article></body></html>`,
      { url: 'https://news.example/meth' },
    ).window.document;

  it.each([
    ['a box whose class says social', `<div class="social-media-embed">${TWEET}</div>`],
    ['a plain box', `<div class="embed-twitter">${TWEET}</div>`],
  ])('keeps the post and who wrote it, in %s (en)', (_name, box) => {
    // Readability alone drops the box: its class, or its share of links.
    expect(new Readability(page(box)).parse()?.textContent).not.toContain('half a million');
    const text = collapseSpace(
      runReadability(page(box), new StepFailures(), () => null)?.textContent,
    );
    expect(text).toContain('the state spent half a million dollars');
    expect(text).toContain('Dianna E. Anderson (@diannaeanderson)');
    expect(text).toContain('The governor answered on Twitter.');
  });
});

describe('a story set in an <aside>', () => {
  const page = () =>
    new JSDOM(
      `<html lang="de"><head><title>Buchpreis</title></head><body>` +
        `<nav><ul><li><a href="/">Startseite</a></li><li><a href="/abo">ABO</a></li></ul></nav>` +
        `<main><aside class="direct-content"><section><header>` +
        `<h1>Frank Witzel erhält Deutschen Buchpreis</h1></header>` +
        `<article><div itemprop="articleBody">${STORY}</div></article></section></aside></main>` +
        `<div class="footer-links"><p><a href="/kontakt">Kontakt</a> <a href="/anzeigen">Anzeigen</a></p></div>` +
        `</body></html>`,
      { url: 'https://zeitung.example/buchpreis' },
    ).window.document;

  it('reads the box that holds the headline, which the copy leaves out as set aside (de)', () => {
    const withoutHeadline = runReadability(page(), new StepFailures(), () => null);
    expect(withoutHeadline?.textContent ?? '').not.toContain('Absatz 1');
    const doc = page();
    const text = collapseSpace(
      runReadability(doc, new StepFailures(), () => null, doc.querySelector('h1'))?.textContent,
    );
    expect(text).toContain('Absatz 1: Nach Moncler');
    expect(text).toContain('Absatz 12');
    expect(text).not.toContain('Startseite');
  });
});
