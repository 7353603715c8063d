/**
 * News sites put the kicker (the topic line above the headline) inside the <h1>, set apart by a
 * separator only screen readers hear: the title is the headline, without the kicker.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { headlineText } from '../../../src/content/extract/headline-text.ts';
import { extractArticle } from '../../../src/content/extract/index.ts';

const PARAS =
  '<p>Die Hafenarbeiten wurden am Montag nach einer langen Pause für Reparaturen fortgesetzt.</p>'.repeat(
    8,
  );

const h1 = (inner: string) =>
  new JSDOM(`<h1>${inner}</h1>`).window.document.querySelector('h1') as Element;

describe('the words of a headline element', () => {
  it.each([
    [
      'a kicker and a hidden separator',
      '<span class="teaser__kicker">Hafen</span><span class="visually-hidden"> - </span><span>Die Fähren fahren wieder</span>',
      'Die Fähren fahren wieder',
    ],
    [
      'a German Dachzeile',
      '<span class="dachzeile">Hafen</span> Die Fähren fahren wieder',
      'Die Fähren fahren wieder',
    ],
    [
      'an overline run into the class name',
      '<div class="articleoverline">Hafen</div><div>Die Fähren fahren wieder</div>',
      'Die Fähren fahren wieder',
    ],
    [
      'a separator left as text',
      '<span class="ts-overline">Hafen</span> : <span>Die Fähren fahren wieder</span>',
      'Die Fähren fahren wieder',
    ],
    ['no kicker', 'Die Fähren fahren <em>wieder</em>', 'Die Fähren fahren wieder'],
    [
      'a style sheet a script set inside it',
      '<style>.css-umyvef{font-size:16px;font-weight:400}</style>Die Fähren fahren wieder',
      'Die Fähren fahren wieder',
    ],
    [
      'a style sheet and a kicker',
      '<style>.k{color:red}</style><span class="kicker">Hafen</span> Die Fähren fahren wieder',
      'Die Fähren fahren wieder',
    ],
    [
      'a kicker with one word left is kept whole',
      '<span class="kicker">Hafen:</span> Fähren',
      'Hafen: Fähren',
    ],
  ])('%s', (_shape, inner, expected) => {
    expect(headlineText(h1(inner))).toBe(expected);
  });
});

describe('the title of a page whose <h1> holds a kicker', () => {
  it('is the headline, not "kicker - headline" as its metadata writes it', () => {
    const html = `<html lang="de"><head><title>Hafen - Die Fähren fahren wieder | Hafenblatt</title>
      <meta property="og:title" content="Hafen - Die Fähren fahren wieder"></head>
      <body><article><h1><span class="kicker">Hafen</span><span class="visually-hidden"> - </span>
      <span>Die Fähren fahren wieder</span></h1>${PARAS}</article></body></html>`;
    const doc = new JSDOM(html, { url: 'https://hafenblatt.example/hafen/faehren' }).window
      .document;
    expect(extractArticle(doc).title).toBe('Die Fähren fahren wieder');
  });
});
