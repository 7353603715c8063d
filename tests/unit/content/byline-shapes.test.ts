// Byline shapes: the publication credited as author, catalogue-order names, dates and paths that are not names.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { splitAuthors } from '../../../src/content/extract/authors.ts';
import { cleanByline } from '../../../src/content/extract/byline.ts';
import { extractArticle } from '../../../src/content/extract/index.ts';

const PARAS =
  '<p>The harbour works resumed on Monday after a long pause for repairs and checks.</p>'.repeat(8);

function extract(head: string, body = '', articleTop = ''): ReturnType<typeof extractArticle> {
  const html = `<html lang="en"><head><title>Harbour works resume</title><meta property="og:site_name" content="Paper News">${head}</head><body>${body}<article><h1>Harbour works resume</h1>${articleTop}${PARAS}</article></body></html>`;
  return extractArticle(
    new JSDOM(html, { url: 'https://papernews.example/story' }).window.document,
  );
}

describe('cleanByline rejects values that are not names', () => {
  it.each([
    ['month name alone', 'January', null],
    ['day without year, ordinal', 'Dec 1st', null],
    ['ordinal day first', '1st March', null],
    ['site-relative profile path', '/@someone', null],
    ['plain name', 'Jane Doe', 'Jane Doe'],
    ['a label alone', 'Veröffentlicht am', null],
    ['a comment form’s field', 'Name (erforderlich)', null],
    ['a template’s placeholder', 'No Author', null],
    ['a weekday and a day cut short', 'Donnerstag, 4.', null],
    ['an "as of" stamp cut short', 'Stand: 20.', null],
    ['an author page’s link (de)', 'Alle Beiträge', null],
    ['an author page’s link (en)', 'View all posts', null],
    ['an author page’s link (fr)', 'Tous ses articles', null],
    ['a name after "All posts by"', 'All posts by Jane Doe', 'Jane Doe'],
    ['a video’s running time', '01:30 Min.', null],
    ['a picture’s credit (de)', 'Bild © hr', null],
    ['a picture’s credit (en)', 'Photo (c) Jane Doe', null],
    ['a reading time', '5 min read', null],
  ])('%s', (_shape, input, expected) => {
    expect(cleanByline(input)).toBe(expected);
  });
});

describe('cleanByline keeps the name out of the words around it', () => {
  it.each([
    ['German "published by"', 'Veröffentlicht von Jana Beispiel', 'Jana Beispiel'],
    ['German "created by"', 'Erstellt von Jana Beispiel', 'Jana Beispiel'],
    ['phpBB’s run-together "post by"', 'Beitragvon nutzer23 »', 'nutzer23'],
    ['French "published by"', 'Publié par Jeanne Exemple', 'Jeanne Exemple'],
    ['Spanish "written by"', 'Escrito por Juana Ejemplo', 'Juana Ejemplo'],
    ['a role before a colon', 'Text und Interview: Hans Muster', 'Hans Muster'],
    ['an interviewer', 'Interview: Julia Probe', 'Julia Probe'],
    ['an author page link', 'Zeige alle Beiträge von Simon Probe →', 'Simon Probe'],
    ['an author page link in capitals', 'SHOW ALL ARTICLES OF Heidi Probe', 'Heidi Probe'],
    ['a profile link and its alt text', 'Zum Profil von kochfan kochfan', 'kochfan'],
    ['a weekday after the name', 'Alex Sample Thursday', 'Alex Sample'],
    ['a "published" stamp after the name', 'Sportredaktion Publiziert', 'Sportredaktion'],
    ['a date label after the name', 'Gàbor Beispiel , Datum: 03.Mär.19', 'Gàbor Beispiel'],
    ['a social handle after the name', 'William Sample @wsample', 'William Sample'],
  ])('%s', (_shape, input, expected) => {
    expect(cleanByline(input)).toBe(expected);
  });
});

describe('splitAuthors', () => {
  it.each([
    ['surname, given name', ['Gillman, Steve'], ['Steve Gillman']],
    ['two-word surname part stays as written', ['Jong, Michiel de'], ['Jong, Michiel de']],
    ['two full names', ['Jane Doe, John Roe'], ['Jane Doe', 'John Roe']],
  ])('%s', (_shape, input, expected) => {
    expect(splitAuthors(input)).toEqual(expected);
  });
});

describe('author picking', () => {
  it.each([
    [
      'publication as author, a person later',
      '<meta name="author" content="Paper News">',
      '<p class="byline">By Jane Doe</p>',
      'Jane Doe',
    ],
    [
      'publication staff as author, a person later',
      '<meta name="author" content="Paper News Staff">',
      '<p class="byline">By Jane Doe</p>',
      'Jane Doe',
    ],
    [
      'publication as author and no one else',
      '<meta name="author" content="Paper News">',
      '',
      'Paper News',
    ],
    [
      'the writer a labelled credit names after the publication’s byline',
      '<meta name="author" content="Paper News">',
      '<p>By Paper News</p><p>Courtesy of Harbour Weekly</p><p>Written by: Julie Sample</p>',
      'Julie Sample',
    ],
    [
      'not a later credit in place of a person the first byline names',
      '',
      '<p>By Jane Doe</p><p>Photo essay</p><p>Written by: Julie Sample</p>',
      'Jane Doe',
    ],
    [
      '"Posted on <date> by <name>" in author markup',
      '',
      '<div class="entry-meta">Posted on October 28, 2020 by <span class="author vcard"><a href="/a/x">apgoucher</a></span></div>',
      'apgoucher',
    ],
    [
      'the writer Yoast SEO names in its Twitter card',
      '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane Doe">',
      '',
      'Jane Doe',
    ],
    [
      'a co-author the structured data leaves out',
      '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"April Roach"}}</script>' +
        '<meta property="article:author" content="April Roach"><meta property="article:author" content="Daniel Mahony">',
      '',
      'April Roach, Daniel Mahony',
    ],
    [
      'not other writers in place of the one the structured data names',
      '<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"April Roach"}}</script>' +
        '<meta property="article:author" content="Daniel Mahony"><meta property="article:author" content="Ann Lee">',
      '',
      'April Roach',
    ],
    [
      'the byline printed on the page over the account Yoast names',
      '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Web Desk">',
      '<p class="byline">By Jane Doe</p>',
      'Jane Doe',
    ],
    [
      'not the reading time in the same card',
      '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="3 minutes">',
      '',
      null,
    ],
  ])('%s', (_shape, head, articleTop, expected) => {
    expect(extract(head, '', articleTop).byline).toBe(expected);
  });

  it('spells a login as the article writes the name (de)', () => {
    const body =
      `<p>${'Die Gemeinde hat am Sonntag ihre neue Bürgermeisterin gewählt. '.repeat(6)}</p>` +
      '<p><strong>Die Gemeindepolitik bleibt spannend.</strong> (Christian P. Stadtfeld) +++</p>';
    const ld = (name: string) =>
      `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"${name}"}}</script>`;
    const html = (name: string) =>
      `<html lang="de"><head><title>Wahl</title>${ld(name)}</head><body><article><h1>Wahl</h1>${body}</article></body></html>`;
    const read = (name: string) =>
      extractArticle(
        new JSDOM(html(name), { url: 'https://osthessen.example/wahl' }).window.document,
      );
    expect(read('christian.stadtfeld')).toMatchObject({
      byline: 'Christian P. Stadtfeld',
      fieldSources: { byline: 'visible-text' },
    });
    // A login the text does not spell stays as it is.
    expect(read('anna.berg').byline).toBe('anna.berg');
  });

  it('reads an author marked up inside an <aside> byline box', () => {
    const box =
      '<aside class="meta"><span itemprop="author" itemscope><span itemprop="name">Jane Roe</span></span></aside>';
    expect(extract('', '', box).byline).toBe('Jane Roe');
  });
});
