// Unit rules of the extraction layer: dates, titles, bylines, text blocks, words, sanitising.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../../src/content/extract/byline.ts';
import { parseDate } from '../../../src/content/extract/dates.ts';
import { sanitizeArticle } from '../../../src/shared/article-html/sanitize.ts';
import { blockText } from '../../../src/shared/article-html/text.ts';
import { cleanTitle } from '../../../src/content/extract/title.ts';
import { countWords } from '../../../src/shared/article-html/word-count.ts';

describe('parseDate', () => {
  it.each([
    ['2024-06-18 20:17:30', '2024-06-18T20:17:30'],
    ['2024-06-18T20:17:30+0200', '2024-06-18T20:17:30+02:00'],
    ['2016-12-09T09:13:00.000Z', '2016-12-09T09:13:00.000Z'],
    ['2024-03-03', '2024-03-03'],
    ['Published 3 March 2024', '2024-03-03'],
    ['March 3, 2024 at 4:05 pm', '2024-03-03T16:05'],
    ['Fri, 09 Dec 2016 09:13:00 GMT', '2016-12-09T09:13:00Z'],
    ['Publié le 18 juin 2024 à 20h17', '2024-06-18T20:17'],
    ['14. März 2024', '2024-03-14'],
    ['19.07.2022', '2022-07-19'],
    ['2019年3月5日', '2019-03-05'],
    ['no date here', null],
    ['2024-02-30', null],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it('reads ambiguous slashes by language', () => {
    expect(parseDate('03/04/2024', 'en-US')).toBe('2024-03-04');
    expect(parseDate('03/04/2024', 'fr')).toBe('2024-04-03');
  });
});

describe('cleanTitle', () => {
  const ctx = { siteName: 'News7', host: 'news7.asia', headings: [] as string[] };
  it('strips a site suffix or prefix', () => {
    expect(cleanTitle('Headline here – News7', ctx)).toBe('Headline here');
    expect(cleanTitle('News7 | Headline here', ctx)).toBe('Headline here');
  });
  it('keeps a separator that is part of the headline', () => {
    const headings = ['Brexit - what the deal means for fishing towns'];
    expect(cleanTitle('Brexit - what the deal means for fishing towns', { ...ctx, headings })).toBe(
      'Brexit - what the deal means for fishing towns',
    );
    expect(cleanTitle('War and peace: a review', ctx)).toBe('War and peace: a review');
  });
});

describe('cleanByline', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['Par Camille Rousseau', 'Camille Rousseau'],
    ['Author : News7', 'News7'],
    ['By Nathan Willis March 25, 2015', 'Nathan Willis'],
    ['Jane Doe | Published 3 March 2024', 'Jane Doe'],
    ['https://example.org/author/jane', null],
    ['Wednesday, 26 February 2025', null],
    ['Posted on', null],
  ])('%s → %s', (input, expected) => {
    expect(cleanByline(input)).toBe(expected);
  });
});

describe('blockText and countWords', () => {
  it('puts a newline between blocks and none inside inline elements', () => {
    const { document } = new JSDOM(
      '<div><p>end.</p><p>Next <b>bold</b> word</p><ul><li>a</li><li>b</li></ul></div>',
    ).window;
    expect(blockText(document.body)).toBe('end.\nNext bold word\na\nb');
  });
  it('counts words, also in scripts without spaces', () => {
    expect(countWords('One two, three.')).toBe(3);
    expect(countWords('')).toBe(0);
    expect(countWords('東京都に住んでいます', 'ja')).toBeGreaterThan(1);
  });
  it('counts a word that soft hyphens split for line breaking once (de)', () => {
    expect(countWords('Die Ver\u00adant\u00adwor\u00adtung bleibt.')).toBe(3);
  });
});

describe('sanitizeArticle', () => {
  const clean = (inner: string): string => {
    const { window } = new JSDOM(`<div id="root">${inner}</div>`, {
      url: 'https://site.example/a/page',
    });
    const root = window.document.getElementById('root') as Element;
    return sanitizeArticle(
      root,
      'https://site.example/a/page',
      window as unknown as Window & typeof globalThis,
    ).innerHTML;
  };
  // Regression (hostile suite P55): a nested <form>/<math> took the rest of the article with it.
  it('keeps the text inside a form or an equation, without the form', () => {
    const html = clean('<form><p>Inside a form.</p></form><p><math><mi>x</mi></math> rises.</p>');
    expect(html).toContain('Inside a form.');
    expect(html).toContain('x rises.');
    expect(html).not.toMatch(/<form|<math/);
  });

  it('removes active content, promotes lazy images and makes addresses absolute', () => {
    const html = clean(
      '<p onclick="x()">Hi <a href="../b">link</a> <a href="javascript:alert(1)">bad</a></p>' +
        '<img src="data:image/gif;base64,AAAA" data-src="/img/x.jpg" data-srcset="/img/x2.jpg 2x">' +
        '<script>alert(1)</script><iframe src="https://evil.example"></iframe><form><input></form>' +
        '<p style="color:red">styled</p><svg><a href="javascript:x()">s</a></svg>',
    );
    expect(html).not.toMatch(/onclick|javascript:|<script|<iframe|<form|<input|style=/);
    expect(html).toContain('href="https://site.example/b"');
    expect(html).toContain('src="https://site.example/img/x.jpg"');
    expect(html).toContain('srcset="https://site.example/img/x2.jpg 2x"');
  });

  // Readability may pick a table's rows or one layout cell: the HTML parser cannot build these, so
  // the DOM does, as Readability's copy had them.
  it('gives rows picked without their table a table, and a layout cell a block', () => {
    const { window } = new JSDOM('<div id="root"></div>', { url: 'https://site.example/a' });
    const doc = window.document;
    const root = doc.getElementById('root') as Element;
    const row = (...cells: string[]): Element => {
      const tr = doc.createElement('tr');
      for (const text of cells)
        tr.append(Object.assign(doc.createElement('td'), { textContent: text }));
      return tr;
    };
    const cell = Object.assign(doc.createElement('td'), { innerHTML: '<p>The story.</p>' });
    root.append(row('Aberconwy', 'Robin Millar'), '\n', row('Aldershot', 'Leo Docherty'), cell);
    const html = sanitizeArticle(
      root,
      'https://site.example/a',
      window as unknown as Window & typeof globalThis,
    ).innerHTML;
    expect(html).toBe(
      '<table><tbody><tr><td>Aberconwy</td><td>Robin Millar</td></tr>' +
        '<tr><td>Aldershot</td><td>Leo Docherty</td></tr></tbody></table>\n<div><p>The story.</p></div>',
    );
    // What the reader shows: the same rows and cells once the saved HTML is parsed again.
    const shown = new JSDOM(`<div>${html}</div>`).window.document;
    expect(shown.querySelectorAll('td')).toHaveLength(4);
  });
});

describe('sanitizeArticle drops page furniture', () => {
  const clean = (inner: string): string => {
    const { window } = new JSDOM(`<div id="root">${inner}</div>`, { url: 'https://site.example/' });
    return (
      sanitizeArticle(
        window.document.getElementById('root') as Element,
        'https://site.example/',
        window as unknown as Window & typeof globalThis,
      ).textContent ?? ''
    );
  };
  it.each([
    ['share bar', '<div class="share-buttons"><a href="#">Facebook</a><a href="#">X</a></div>'],
    ['newsletter box', '<div class="newsletter-signup"><p>Get our daily email.</p></div>'],
    [
      'newsletter box named in one word (de)',
      '<div class="c-native-newsletterbox"><p>Verpasse keine News zu Hardware & Gadgets</p>' +
        '<p>Bitte gib eine gültige E-Mail-Adresse ein.</p><p>Es gab leider ein Problem beim ' +
        'Absenden des Formulars.</p></div>',
    ],
    ['related list', '<ul class="related-posts"><li><a href="/x">Another story</a></li></ul>'],
    [
      'paywall prompt',
      '<div class="paywall"><p>You have no free articles left.</p><p><a href="/s">Subscribe</a>' +
        ' to read on.</p></div>',
    ],
    [
      'trending rail',
      '<div class="rail rail--trending"><h3>Most read in world news</h3><p>Andrew parties in unearthed pictures</p></div>',
    ],
    [
      'most-read lead-in (en)',
      '<h3>Most read in world news</h3><p><a href="/n/1">Andrew parties</a></p>',
    ],
    ['theme furniture', '<p>Exit mobile version</p>'],
    ['slideshow controls', '<div><p>Image 1 of 9</p><p>Caption</p><p>Close</p></div>'],
    [
      'share bar without a class (pt)',
      '<div><center><a href="whatsapp://send?text=x">Whatsapp</a> ' +
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a> Pint ' +
        '<a href="/foto.jpg">Baixar</a></center></div>',
    ],
    [
      'breadcrumb trail without a class (pt)',
      '<p><a href="/">Mensagens</a> » <a href="/autoestima">Mensagens de Autoestima</a> » Só quem se Ama…</p>',
    ],
    [
      'group of cards of other stories, one cut short (pt)',
      '<article><p>A vida requer da gente otimismo e coragem para esperar o melhor …</p></article>' +
        '<article><p>O que une uma família é o amor, o carinho, o querer bem.</p></article>',
    ],
    [
      'slideshow counter written in spans',
      '<div class="nav-stats">Image <span>1</span> <span>of</span> <span>/</span> <span>9</span></div>',
    ],
    ['prompt to rate the article (de)', '<p>War der Artikel nützlich?</p>'],
    ['prompt to rate the article (es)', '<div>Valora esta noticia</div>'],
    ['comment control (en)', '<p><a href="#respond">Leave a comment</a></p>'],
    ['print control (de)', '<span>Rezept drucken</span>'],
    [
      'login notice (de)',
      '<p>Sie müssen sich einloggen, um sich an einer Diskussion zu beteiligen.</p>',
    ],
    ['copyright notice (en)', '<p>© 2020 CBS Interactive Inc. All Rights Reserved.</p>'],
    [
      'copyright notice that forbids copying (en)',
      '<p>© 2022, BreakingBelizeNews.com. Written permission must be obtained before reprint.</p>',
    ],
    [
      'label hidden for screen readers (en)',
      '<figure><span><span>Image copyright</span></span></figure>',
    ],
    [
      'note on a video that did not play (en)',
      '<p>Media playback is unsupported on your device</p>',
    ],
    ['link to the writer’s page (en)', '<p><a href="/author/x">View author archive</a></p>'],
    ['text size control (en)', '<div><span>Text size</span></div>'],
    ['link to more content (de)', '<p><a href="#">Lade weitere Inhalte ...</a></p>'],
    ['link back (de)', '<p>zurück</p>'],
    ['closed comments (de)', '<p>Keine Kommentare Kommentare sind geschlossen.</p>'],
    [
      'comment form’s spam notice (de)',
      '<p>Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine Kommentardaten verarbeitet werden.</p>',
    ],
    [
      'blog post’s filing line (de)',
      '<p>Der Beitrag wurde am Mittwoch, den 27. November 2019 um 15:21 Uhr veröffentlicht und wurde unter Allgemein abgelegt.</p>',
    ],
    [
      'blog post’s filing line (en)',
      '<p>This entry was posted on Monday, May 5th, 2014 at 11:30 pm and is filed under Linux.</p>',
    ],
    [
      'box about the writer (de)',
      '<section class="author-bio"><img src="/jr.jpg" alt=""><h4>Jule Radeck</h4>' +
        '<p>Jule Radeck studierte Sportwissenschaften, bevor sie nach Hamburg zog.</p></section>',
    ],
    [
      'writer’s schema.org entity with a bio (de)',
      '<div itemprop="author" itemscope itemtype="https://schema.org/Person">' +
        '<p>Hallo, ich bin Foodbloggerin und Backbuchautorin.</p></div>',
    ],
    ['advertisement label (pl)', '<div><p>Reklama</p></div>'],
    [
      'tweet’s signature whose post is gone',
      '<blockquote class="twitter-tweet">— West Ham United (@WestHam) <a href="https://twitter.com/WestHam/status/1">October 31, 2021</a></blockquote>',
    ],
    [
      'copyright notice (pl)',
      '<p>Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone. Dalsze rozpowszechnianie artykułu za zgodą wydawcy. Kup licencję</p>',
    ],
    [
      'placeholder of an embedded post not loaded (de)',
      '<div class="embed"><p>Mit dem Laden des Beitrags akzeptieren Sie die Datenschutzerklärung von Instagram.</p>' +
        '<p><a href="#">Beitrag laden</a></p><p><a href="#">Instagram-Beiträge immer entsperren</a></p></div>',
    ],
    [
      'consent prompt for an embedded post (de)',
      '<h2>Twitter freischalten</h2><div><p>Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.</p>' +
        '<p><a href="/datenschutz">Datenschutzeinstellungen verwalten</a></p></div>',
    ],
    ['reading time (de)', '<p>Lesezeit: 3 min</p>'],
    ['reading time (en)', '<p>Estimated reading time: 6 minutes</p>'],
    ['reading time (pl)', '<p>Ten tekst przeczytasz w mniej niż minutę</p>'],
    [
      'note on the site’s paid links (de)',
      '<p>Für Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler, z.B. für solche mit <img src="/s.svg" alt="">-Symbol.</p>',
    ],
    [
      'note on the site’s paid links (en)',
      '<p>Advertising disclosure: We may receive compensation for some of the links in our stories.</p>',
    ],
    [
      'disclaimer box (en)',
      '<div class="editorial-disclaimer"><p>NOTE: The advertising disclaimer below does not apply to this article.</p></div>',
    ],
    [
      'paywall prompt without a class (en)',
      '<p>To view the full story, please subscribe to The Haitian Times. You can choose a weekly pass.</p>',
    ],
    [
      'paywall prompt without a class (fr)',
      '<p>Pour lire la suite de cet article, abonnez-vous.</p>',
    ],
    ['picture’s credit on a line of its own (de)', '<p>Bild: Jahr Media</p>'],
    [
      'source of a table’s figures (de)',
      '<p><strong>Quelle:</strong> Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin</p>',
    ],
    [
      'list of the newest articles (de)',
      '<h3>Neueste Artikel</h3><p><a href="/a">Drohne über dem Flughafen</a></p><p><a href="/b">Neue Regeln</a></p>',
    ],
  ])('removes a %s', (_name, html) => {
    expect(clean(`<p>Body text of the story.</p>${html}`).trim()).toBe('Body text of the story.');
  });
  it('keeps a tweet with its signature (en)', () => {
    const text = clean(
      '<blockquote class="twitter-tweet"><p>Highlights from our 4-1 win at Villa Park</p>' +
        '— West Ham United (@WestHam) <a href="https://twitter.com/WestHam/status/1">October 31, 2021</a></blockquote>',
    );
    expect(text).toContain('Highlights from our 4-1 win');
    expect(text).toContain('West Ham United (@WestHam)');
  });

  it('keeps a story’s own words on commissions and paywalls (de, en)', () => {
    const text = clean(
      '<p>Der Händler erhält eine Provision von acht Prozent, sagt der Verband.</p>' +
        '<p>To read the full story behind the deal, the reporter spent a year in Lagos.</p>',
    );
    expect(text).toContain('erhält eine Provision');
    expect(text).toContain('To read the full story behind');
  });

  it('keeps a paragraph that begins by naming its source (de)', () => {
    const text = clean(
      '<p>Quelle: Das Statistische Bundesamt zählte im vergangenen Jahr mehr Geburten als je zuvor seit der Wiedervereinigung, vor allem in den Städten des Südens, wo die Zahl der Familien stieg.</p>',
    );
    expect(text).toContain('Das Statistische Bundesamt zählte');
  });

  it('keeps a bare reading time, which each post of a blog’s index has (en)', () => {
    expect(clean('<article><h2>Scaling the API</h2><span>5 min read</span></article>')).toContain(
      '5 min read',
    );
  });
  it('keeps a link to a share page in the text, an ellipsis in a lone article and a path', () => {
    const text = clean(
      '<p>Readers can <a href="https://www.facebook.com/sharer/sharer.php?u=x">share it</a> too.</p>' +
        '<article><p>To be continued…</p></article>' +
        '<p>Open <a href="/s">Settings</a> › Privacy to change it.</p>',
    );
    expect(text).toContain('share it');
    expect(text).toContain('To be continued…');
    expect(text).toContain('Settings › Privacy');
  });

  it.each([
    [
      'an embedded post in a wrapper whose class says "social"',
      '<div class="social-media-embed"><blockquote class="twitter-tweet"><p>Yes this is real.</p>' +
        '— Dianna (@dianna) <a href="https://twitter.com/dianna/status/1">November 18, 2019</a>' +
        '</blockquote></div>',
      ['Yes this is real.'],
    ],
    ['a picture’s credit', '<p>© Getty Images</p>', ['© Getty Images']],
    [
      'the story’s own text in a box marked as behind the paywall',
      `<div class="paywall-content"><p>${'The board kept the survey from the council. '.repeat(16)}</p></div>`,
      ['The board kept the survey from the council.'],
    ],
    [
      'prose that mentions comments, printing or rights',
      '<p>Leave a comment below if you were there.</p>' +
        '<p>© 2020 of the photos lies with the family; all rights reserved for the book edition.</p>',
      ['Leave a comment below if you were there.', 'all rights reserved for the book edition.'],
    ],
  ])('keeps %s', (_name, html, kept) => {
    const text = clean(html);
    for (const words of kept) expect(text).toContain(words);
  });

  it('keeps a forum thread’s posts, a reply ending with "..." among them', () => {
    const post = `<p>${'Patch notes for the bugfix build. '.repeat(50)}</p>`;
    const text = clean(`<article>${post}</article><article><p>Thanks, more soon...</p></article>`);
    expect(text).toContain('Patch notes for the bugfix build.');
    expect(text).toContain('Thanks, more soon...');
  });

  it('keeps an unknown inline element as its text', () => {
    expect(clean('<p>A <font>fine</font> day</p>')).toBe('A fine day');
  });

  it.each([
    [
      'English',
      '<p>You may also like...</p><p><a href="/a">Who will make the Hall in 2020?</a></p>' +
        '<p><a href="/b">Fans vote for the band</a></p>',
    ],
    [
      'German',
      '<h3>Lesen Sie auch:</h3><ul><li><a href="/a">Neue Brücke eröffnet</a></li>' +
        '<li><a href="/b">Stadtrat tagt</a></li></ul>',
    ],
    ['Spanish', '<p><strong>Te puede interesar</strong></p><p><a href="/a">Otra noticia</a></p>'],
    ['Portuguese', '<p>Veja Também:</p><p><a href="/a">Outra notícia</a></p>'],
    ['Polish', '<h4>Czytaj też</h4><ul><li><a href="/a">Inny tekst</a></li></ul>'],
    [
      'German, a grid of linked pictures with their dates',
      '<h3>Das könnte Sie auch interessieren!</h3><div>' +
        '<div><a href="/tv/a"><img src="/a.jpg" alt=""></a><p>06. Aug 2020 // Tipps</p></div>' +
        '<div><a href="/tv/b"><img src="/b.jpg" alt=""></a><p>18. Feb 2021 // Sonstiges</p></div>' +
        '</div>',
    ],
    [
      'German, linked pictures one by one',
      '<div><h3>Neueste Artikel</h3></div><div><p><a href="https://shop.example/a">' +
        '<img src="/a.jpg" alt=""></a></p></div><div><p><a href="https://shop.example/b">' +
        '<img src="/b.jpg" alt=""></a></p></div>',
    ],
    [
      'English, a row of linked headlines over a line of each story',
      '<h2>Latest articles</h2><div><div><p>Podcast</p><h3><a href="/a">War and …</a></h3>' +
        '<p>Fifteen minutes with a researcher on religion, language and the law.</p></div>' +
        '<div><p>Transport</p><h3><a href="/b">The night ferry stays</a></h3><p>The council ' +
        'voted to keep the crossing for another year.</p></div></div>',
    ],
  ])('removes a lead-in to other stories and the links after it (%s)', (_language, html) => {
    expect(clean(`<p>Body text of the story.</p>${html}`).trim()).toBe('Body text of the story.');
  });

  const STORY = `<p>${'Der Gemeinderat hat am Dienstag über den Hafen beraten. '.repeat(4)}</p>`;
  it.each([
    ['a heading', '<div><h2>Das könnte dich auch interessieren</h2></div>', ['interessieren']],
    ['a bold lead-in after a rule', '<hr><p><strong>Mehr Themen:</strong></p>', ['Themen']],
    [
      'two headings in a row',
      '<h3>Weitere Informationen zum Coronavirus:</h3><p><h4>Siehe auch</h4></p>',
      ['Coronavirus', 'Siehe'],
    ],
    ['the title of the writer’s box, alone', '<p>Über den Autor</p>', ['Autor']],
    [
      'a heading that only pictures follow',
      '<h2>Siehe auch</h2><p><img src="/a.jpg"></p>',
      ['Siehe'],
    ],
    ['a gallery’s heading', '<h3>Bilder des Treffens</h3>', ['Treffens']],
    ['a heading over more tips', '<h2>Weitere Tourentipps in Schweden</h2>', ['Tourentipps']],
    ['a pointer to the site’s pages on the topic', '<p>Mehr zum Thema auf UEPO.de</p>', ['UEPO']],
  ])('removes %s that ends the body, introducing nothing (de)', (_name, html, removed) => {
    const text = clean(`${STORY}${html}`);
    expect(text).toContain('über den Hafen beraten.');
    for (const words of removed) expect(text).not.toContain(words);
  });

  it.each([
    ['a heading over its section', `<h2>Die Lage</h2>${STORY}`, 'Die Lage'],
    ['a last heading without a colon', `${STORY}<h2>Ausblick</h2>`, 'Ausblick'],
    [
      'a closing bold line without a colon',
      `${STORY}<p><b>Es bleibt spannend.</b></p>`,
      'spannend',
    ],
    ['a closing plain line ending in a colon', `${STORY}<p>Der Rat sagt dazu:</p>`, 'sagt dazu:'],
    ['a heading that is much of a short body', '<p>Kurz.</p><h3>Weitere Beiträge</h3>', 'Weitere'],
  ])('keeps %s (de)', (_name, html, kept) => {
    expect(clean(html)).toContain(kept);
  });

  const NEWS_TEXT = 'The council voted on Tuesday to keep the night ferry. '.repeat(12).trim();
  const NEWS = `<p>${NEWS_TEXT}</p>`;
  it.each([
    [
      'en',
      '<p>Subscribe now to our eNATION edition for the full story.</p>' +
        '<p>For the latest stories download the Nationnews apps for iOS and Android.</p>',
    ],
    ['en', '<p>Follow The Gleaner on Twitter and Instagram @JamaicaGleaner.</p>'],
    [
      'en',
      '<div><p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p></div>',
    ],
    ['en', '<p>We want to hear what you think. Submit a letter to the editor.</p>'],
    ['en', '<p>Write to Al Root at allen.root@dowjones.com</p>'],
    ['es', '<p><strong>¡Mira lo que tiene nuestro canal de YouTube!</strong></p>'],
    ['de', '<p>Verpasse keine News zu Hardware &amp; Gadgets</p>'],
    ['pt', '<p>ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.</p>'],
    ['ko', '<p>Copyright ⓒ Entermedia.co.kr. 무단전재 및 재배포 금지</p>'],
    ['en', '<h3>Trending</h3>'],
    [
      'en',
      '<p>We need your help</p><p>Help us continue to spread the magic of words to readers everywhere</p>' +
        '<p><a href="/donate">Donate</a></p>',
    ],
  ])('removes the publication’s appeal that ends the body (%s)', (_language, html) => {
    expect(clean(`${NEWS}${html}`).trim()).toBe(NEWS_TEXT);
  });

  it.each([
    ['a service the story is about', 'Customers can subscribe to the service for five dollars.'],
    ['a network named without "on"', 'Follow Backchannel: Twitter'],
    ['an appeal that is not the last block', 'Subscribe now to our edition.</p><p>The end.'],
    ['a newsletter’s own issue', 'You can also subscribe to this newsletter here.'],
    [
      'the writer’s bio',
      'Jo Sample reports on transport. Follow her on Twitter @josample or email her.',
    ],
  ])('keeps %s (en)', (_name, line) => {
    expect(clean(`${NEWS}<p>${line}</p>`)).toContain(line.split('<')[0]);
  });

  it('keeps the story after a lead-in that no links follow, and a pointer with its own link', () => {
    const text = clean(
      '<p>Read more</p><p>The council met on Tuesday and voted on the budget.</p>' +
        '<p>Lire aussi : <a href="/x">Le budget adopté</a></p>',
    );
    expect(text).toContain('The council met on Tuesday');
    expect(text).toContain('Lire aussi : Le budget adopté');
  });

  const STORY_TEXT = 'La deuda externa total aumentó en 884,3 millones de dólares en 2021.';
  it.each([
    [
      'es',
      '<p><strong>Lea también:&nbsp;<a href="/n/1">Impiden ingreso a un reportero</a></strong></p>',
    ],
    ['es', '<p><strong>VEA TAMBIÉN: <a href="/n/2">Entre heces y guaricha</a></strong></p>'],
    ['es', '<h6><strong>Mire: </strong><a href="/n/3">El cantante da positivo</a></h6>'],
    ['pl', '<p><em>Czytaj też: <a href="/n/4">Wyścig zbrojeń ruszył z kopyta</a></em></p>'],
    ['de', '<p><b>Lesen Sie auch:</b> <a href="/n/5">Spielabbruch in der Kreisliga</a></p>'],
  ])('removes a line pointing to another story inside the body (%s)', (_language, line) => {
    const story = `<p>${STORY_TEXT}</p>`;
    expect(clean(`${story}${line}${story}`).trim()).toBe(`${STORY_TEXT}${STORY_TEXT}`);
  });

  it.each([
    ['a source', '<p><strong>Fuente:</strong> <a href="/informe">Banco Central</a></p>', 'Fuente'],
    [
      'a pointer with words of its own',
      '<p><strong>Lea también:</strong> el informe completo, <a href="/i">aquí</a>.</p>',
      'el informe completo',
    ],
  ])('keeps %s', (_name, line, kept) => {
    expect(clean(`<p>${STORY_TEXT}</p>${line}<p>${STORY_TEXT}</p>`)).toContain(kept);
  });

  const PLAGUE =
    '<p>A hunter was diagnosed with bubonic plague after eating a wild rabbit, officials said.</p>'.repeat(
      8,
    );
  /** A teaser: a picture linked to `href`, a kicker and a headline. */
  const teaser = (href: string, kicker: string, headline: string) =>
    `<div><div><a href="${href}"><img src="/t/${kicker.length}.jpg" alt=""></a></div>` +
    `<div><h3>${kicker}</h3><p><span>${headline}</span></p></div></div>`;
  const TEASERS = [
    teaser('/news/1/andrew-party', 'RANDY ANDY', 'Andrew parties in unearthed pictures'),
    teaser('/news/2/greta-time-traveller', 'TIME TRAVELLER', 'Theorists spot Greta in old picture'),
    teaser('/news/3/popeye-tricep', 'EYE POPPING', 'Russian Popeye has tricep removed'),
  ];
  const RAIL = TEASERS.join('');

  it('removes a rail of teasers of other stories beside the story (en)', () => {
    const text = clean(`${PLAGUE}<div>${RAIL}</div><p>The last outbreak was in 2009.</p>`);
    expect(text).not.toContain('RANDY ANDY');
    expect(text).not.toContain('Popeye');
    expect(text).toContain('The last outbreak was in 2009.');
  });

  it.each([
    ['two teasers, which may be the story’s own', TEASERS.slice(0, 2).join('')],
    [
      'a gallery linking each picture to its file',
      RAIL.replace(/\/news\/(\d)\/[\w-]+/g, '/img/$1.jpg'),
    ],
    ['pictures linking to another site', RAIL.replace(/\/news\//g, 'https://shop.example/p/')],
    [
      'a gallery whose pictures open a page of their own, each with its caption',
      RAIL.replace(/<h3>([^<]*)<\/h3>/g, '<p>$1</p>'),
    ],
  ])('keeps %s (en)', (_name, row) => {
    expect(clean(`${PLAGUE}<div>${row}</div>`)).toContain('RANDY ANDY');
  });

  it('keeps the teasers of an index of stories, which are most of its text (en)', () => {
    expect(clean(`<h2>Latest</h2><div>${RAIL}</div>`)).toContain('Popeye');
  });

  const count = (text: string, line: string): number => text.split(line).length - 1;
  const CAPTION = 'A long row of unsold sports-utility vehicles sits at a dealership in Littleton.';

  it("shows a slideshow's caption and credit once, where its frame and thumbnail strip repeat them (en)", () => {
    const caption = `<div><p>${CAPTION}</p></div>`;
    const credit = '<span>Photo: David Zalubowski, AP</span>';
    // The frame writes its caption twice; the thumbnail strip (no picture) writes it again.
    const frame = `<li><div><img src="/car.jpg" alt=""></div><div>${caption}${caption}${credit}</div></li>`;
    const strip = `<div><div>${caption}${credit}</div></div>`;
    const text = clean(`<ul>${frame}</ul>${strip}<p>New vehicle sales plunged last month.</p>`);
    expect(count(text, CAPTION)).toBe(1);
    expect(count(text, 'Photo: David Zalubowski, AP')).toBe(1);
    expect(text).toContain('New vehicle sales plunged last month.');
  });

  it('keeps short lines, paragraphs, list items, code and quotations a page repeats on purpose (en)', () => {
    const refrain = 'We shall overcome, we shall overcome some day.';
    const long = `${'The committee heard evidence from residents and officials. '.repeat(8)}`;
    const code = 'console.log(res.bodyUsed); // true';
    const text = clean(
      `<p>Yes.</p><p>Yes.</p><p>${long}</p><p>${long}</p><ul><li>${refrain}</li><li>${refrain}</li></ul>` +
        `<pre>${code}</pre><pre>${code}</pre><blockquote><p>${refrain}</p></blockquote><p>${refrain}</p>`,
    );
    expect(count(text, 'Yes.')).toBe(2);
    expect(count(text, long.trim())).toBe(2);
    expect(count(text, refrain)).toBe(4);
    expect(count(text, code)).toBe(2);
  });

  it('keeps the caption two figures a paragraph apart share, and the paragraph after a figure (en)', () => {
    const caption = 'Backtesting with higher entries threshold';
    const figure = (n: number): string =>
      `<figure><img src="/${n}.png" alt=""><figcaption>${caption}</figcaption></figure>`;
    const step = 'If we increase the backtest period, we get more alerts:';
    const text = clean(`${figure(1)}<p>${step}</p>${figure(2)}<p>${step}</p>`);
    expect(count(text, caption)).toBe(2);
    expect(count(text, step)).toBe(2);
  });

  it('keeps a caption repeated under a new heading (en)', () => {
    const caption = 'Hero image caption. Photo Credit / Agency';
    const figure = `<figure><img src="/hero.png" alt=""><figcaption>${caption}</figcaption></figure>`;
    expect(count(clean(`${figure}<h2>The story</h2>${figure}<h3>Section one</h3>`), caption)).toBe(
      2,
    );
  });

  it('keeps a signature each joke of a list repeats, below a picture with its own text (en)', () => {
    const signature = '—Rosewyn, age 8 and 3 quarters';
    const text = clean(
      '<div><p><img src="/scarecrow.jpg" alt=""></p><p>231. Why did the scarecrow win an award?</p>' +
        '<p>Because he was out standing in his field.</p></div>' +
        `<div><p>232. What do you call a cat burrito?</p><p>A purrito</p><p>${signature}</p>` +
        `<p>233. What kind of key opens a banana?</p><p>A monkey!</p><p>${signature}</p></div>`,
    );
    expect(count(text, signature)).toBe(2);
  });

  it('keeps a line a how-to repeats, with no picture before it (en)', () => {
    const step = "Then edit Bob's repository configuration:";
    const text = clean(`<p>${step}</p><pre>[ui]</pre><p>${step}</p><pre>[paths]</pre>`);
    expect(count(text, step)).toBe(2);
  });

  it('keeps the caption a gallery gives each of its pictures (en)', () => {
    const caption = "2018 Jeongdong Theater Tradition Series Performance 'The Palace'";
    const picture = (n: number): string => `<p><img src="/${n}.jpg" alt=""></p><p>${caption}</p>`;
    const text = clean(`<p>The performance opened.</p>${[1, 2, 3].map(picture).join('')}`);
    expect(count(text, caption)).toBe(3);
  });

  it('reads a paragraph and the span inside it as one line (de)', () => {
    const line = 'Der Stadtrat hat am Dienstag den Haushalt beschlossen.';
    expect(count(clean(`<p><span>${line}</span></p>`), line)).toBe(1);
    expect(clean(`<p><span>${line}</span></p>`)).toContain(line);
  });
});

// Regression (hostile suite P64, P69): HTML written inside og:title and og:site_name was shown
// to the user as literal markup.
describe('metadata values carrying markup', () => {
  it('keeps the words and drops the elements, but not a tag named in a headline', async () => {
    const { plainText } = await import('../../../src/content/extract/plain-text.ts');
    expect(plainText('Flood wall <img src=x onerror=alert(1)> approved')).toBe(
      'Flood wall approved',
    );
    expect(plainText('Quayside <b>Chronicle</b><script>x()</script>')).toBe('Quayside Chronicle');
    expect(plainText('Why the <dialog> element matters')).toBe('Why the <dialog> element matters');
    expect(plainText('3 < 5 and 7 > 2')).toBe('3 < 5 and 7 > 2');
  });

  it('decodes character references a JSON-LD string or a twice-escaped value carries', async () => {
    const { plainText } = await import('../../../src/content/extract/plain-text.ts');
    expect(plainText('Wohngew&#x00E4;chshaus&#x20;selber&#x20;bauen')).toBe(
      'Wohngewächshaus selber bauen',
    );
    expect(plainText('Tom &amp; Jerry &#8211; &quot;Cat&quot;')).toBe('Tom & Jerry – "Cat"');
    expect(plainText('Break &#xD800; &#99999999; &copy; stay')).toBe(
      'Break &#xD800; &#99999999; &copy; stay',
    );
    expect(plainText('&lt;img src=x onerror=alert(1)&gt;')).toBe('<img src=x onerror=alert(1)>');
  });
});
