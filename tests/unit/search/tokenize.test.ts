import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/search/fold.ts';
import { markMatches } from '../../../src/search/marks.ts';
import { parseQuery, tokenize } from '../../../src/search/tokenize.ts';

describe('foldText', () => {
  it.each([
    ['French accents and diaeresis', 'Sergueï Choïgou en Corée', 'serguei choigou en coree'],
    ['German sharp s and umlauts', 'Straße über Müller', 'strasse uber muller'],
    ['ligatures and Nordic letters', 'Œuvre ﬁnale, Søren Łódź', 'oeuvre finale, soren lodz'],
    ['Arabic harakat', 'كِتَابٌ', 'كتاب'],
    ['Arabic alef with hamza', 'أحمد إبراهيم', 'احمد ابراهيم'],
    ['full-width Latin', 'ＡＢＣ', 'abc'],
  ])('%s', (_name, text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('tokenize', () => {
  it('splits French elisions so "article" finds "l’article"', () => {
    expect(tokenize("L’article de l'agence d’État")).toEqual([
      'l',
      'article',
      'de',
      'l',
      'agence',
      'd',
      'etat',
    ]);
  });

  it('keeps German compounds whole and folds them', () => {
    expect(tokenize('Die Bundesregierung beschließt Maßnahmen.')).toEqual([
      'die',
      'bundesregierung',
      'beschliesst',
      'massnahmen',
    ]);
  });

  it('splits Arabic words, drops their vowel marks and folds final alef maksura and ta marbuta', () => {
    expect(tokenize('ذَهَبَ الوَلَدُ إِلَى المَدْرَسَةِ')).toEqual(['ذهب', 'الولد', 'الي', 'المدرسه']);
  });

  it('finds words in Japanese, written without spaces', () => {
    const words = tokenize('東京都は新しい計画を発表した');
    expect(words.length).toBeGreaterThan(3);
    expect(words).toContain('東京');
    expect(words.join('')).toBe('東京都は新しい計画を発表した');
  });

  it('splits Thai with the segmenter, and a Latin word glued to Japanese along with it', () => {
    expect(tokenize('ภาษาไทยง่ายนิดเดียว').length).toBeGreaterThan(2);
    const mixed = tokenize('iPhone東京で発売');
    expect(mixed[0]).toBe('iphone');
    expect(mixed).toContain('東京');
  });

  it('leaves out punctuation, spaces and over-long strings', () => {
    expect(tokenize(`— « Oui ! » ${'x'.repeat(41)} 2024`)).toEqual(['oui', '2024']);
  });
});

describe('parseQuery', () => {
  it.each([
    ['the last word is being typed', 'coree du n', { words: ['coree', 'du'], prefix: 'n' }],
    ['a trailing space finishes it', 'coree du ', { words: ['coree', 'du'], prefix: null }],
    ['one word as typed', 'Sergu', { words: [], prefix: 'sergu' }],
    ['punctuation only', ' ?! ', { words: [], prefix: null }],
    ['closing punctuation finishes the word', '"corée"', { words: ['coree'], prefix: null }],
  ])('%s', (_name, input, expected) => {
    expect(parseQuery(input)).toMatchObject(expected);
  });
});

describe('markMatches', () => {
  const marked = (text: string, query: string) =>
    markMatches(text, query)
      .map((piece) => (piece.marked ? `[${piece.text}]` : piece.text))
      .join('');

  it.each([
    [
      'accents folded',
      'Sergueï Choïgou en Corée du Nord',
      'coree serg',
      '[Sergueï] Choïgou en [Corée] du Nord',
    ],
    ['elided words', "L'Élysée répond", 'elysee', "[L'Élysée] répond"],
    ['no query leaves the text as it is', 'Plain title', '  ', 'Plain title'],
    ['Japanese', '東京都は新しい計画を発表した', '計画', '東京都は新しい[計画]を発表した'],
  ])('%s', (_name, text, query, expected) => {
    expect(marked(text, query)).toBe(expected);
  });
});
