// Why: re-anchoring rules (placed right, or orphaned, never placed wrongly) are the feature's core.
import { describe, expect, it } from 'vitest';
import { anchor } from '../../../src/shared/anchoring/anchor.ts';
import type { AnchorMethod } from '../../../src/shared/anchoring/types.ts';
import { selectorsOf, textOf, unmark } from './marked.ts';

const P1 = 'The two small ferries that cross the inner harbour went back into service on Monday.';
const P2 =
  'Both vessels spent the winter in dry dock, where ⟦engineers replaced their propeller shafts and ' +
  'repainted the hulls⟧ before the spring timetable.';
const P3 = 'Passengers on the first crossing were greeted by the mayor and a brass band.';
const EN = `${P1}\n\n${P2}\n\n${P3}\n`;

/** [case, text the highlight was made on, changed text with the expected place marked or none, method] */
type Case = [name: string, before: string, after: string, method: AnchorMethod | null];

const REPEATED =
  'The council will vote on the budget in May. Critics say the budget ignores transport. ' +
  'The mayor defended ⟦the budget⟧ on Friday, saying it protects schools. ' +
  'A second debate on the budget is planned.';

/** Identical sentences: only the recorded position tells the copies apart. */
const SAME = 'Keep calm and carry on. ';

const AR_BEFORE =
  'افتتحت البلدية صباح الاثنين مكتبة عامة جديدة في وسط المدينة، ' +
  '⟦تضم أكثر من عشرين ألف كتاب وقاعة مطالعة واسعة⟧ مفتوحة للجميع.';
const HE_BEFORE =
  'העירייה פתחה ביום שני ספרייה ציבורית חדשה במרכז העיר, ' +
  '⟦ובה יותר מעשרים אלף ספרים ואולם קריאה גדול⟧ הפתוח לכולם.';
const FR_BEFORE =
  'Après dix-huit mois de travaux, ⟦le marché couvert de la place Haute a rouvert samedi matin⟧ ' +
  'avec une vingtaine d’étals. La toiture a été entièrement refaite, et l’éclairage repensé.';

const CASES: Case[] = [
  ['unchanged text', EN, EN, 'position'],
  ['a paragraph inserted before', EN, `Breaking: timetable announced.\n\n${EN}`, 'quote'],
  [
    'paragraphs inserted before and after',
    EN,
    `New lead.\n\n${P1}\n\nAn aside.\n\n${P2}\n\nMore.\n\n${P3}`,
    'quote',
  ],
  [
    'whitespace changed inside and around the quote',
    EN,
    EN.replace(
      'where ⟦engineers replaced their',
      'where\n      ⟦engineers  replaced\ntheir',
    ).replace(/\n\n/g, '\n    \n    '),
    'quote',
  ],
  ['a word edited inside the quote', EN, EN.replace('replaced their', 'replaced both'), 'fuzzy'],
  ['a typo fixed inside the quote', EN.replace('propeller', 'propellor'), EN, 'fuzzy'],
  ['a word inserted inside the quote', EN, EN.replace('shafts and', 'shafts and also'), 'fuzzy'],
  ['a word edited near the quote', EN, EN.replace('in dry dock', 'in a dry dock'), 'quote'],
  [
    'edits inside and near the quote with a paragraph before',
    EN,
    `Update.\n\n${EN.replace('winter', 'summer').replace('the hulls', 'the hull')}`,
    'fuzzy',
  ],
  ['the quote deleted', EN, EN.replace(/⟦.*⟧ /, ''), null],
  ['the sentence with the quote deleted', EN, `${P1}\n\n${P3}\n`, null],
  [
    'the quote rewritten',
    EN,
    EN.replace(/⟦.*⟧/, 'the crews fitted new engines and cleaned the decks'),
    null,
  ],
  [
    'a repeated phrase: the right occurrence, with a paragraph before',
    REPEATED,
    `Updated at noon.\n\n${REPEATED}`,
    'quote',
  ],
  [
    'a repeated phrase whose highlighted occurrence was edited',
    REPEATED,
    REPEATED.replace('⟦the budget⟧', '⟦the Budget⟧'),
    'fuzzy',
  ],
  [
    'a repeated phrase whose highlighted occurrence was deleted',
    REPEATED,
    REPEATED.replace(' ⟦the budget⟧ on Friday', ' it on Friday'),
    null,
  ],
  [
    'identical sentences: the closest copy to the recorded place',
    `${SAME.repeat(3)}Keep ⟦calm and carry⟧ on. ${SAME.repeat(3)}`,
    `Hi. ${SAME.repeat(3)}Keep ⟦calm and carry⟧ on. ${SAME.repeat(3)}`,
    'quote',
  ],
  ['the quote duplicated before it', EN, `${textOf(P2).slice(49, 114)}\n\n${EN}`, 'quote'],
  ['Arabic, unchanged', AR_BEFORE, AR_BEFORE, 'position'],
  ['Arabic, a paragraph before', AR_BEFORE, `خبر عاجل من المدينة.\n${AR_BEFORE}`, 'quote'],
  ['Arabic, a letter edited in the quote', AR_BEFORE, AR_BEFORE.replace('واسعة', 'واسعه'), 'fuzzy'],
  ['Arabic, the quote deleted', AR_BEFORE, AR_BEFORE.replace(/⟦.*⟧/, ''), null],
  ['Hebrew, whitespace changed', HE_BEFORE, HE_BEFORE.replace(/ /g, '  '), 'quote'],
  ['Hebrew, a word edited in the quote', HE_BEFORE, HE_BEFORE.replace('גדול', 'רחב'), 'fuzzy'],
  ['French, a paragraph before', FR_BEFORE, `Mise à jour à midi.\n\n${FR_BEFORE}`, 'quote'],
  [
    'French, an accent dropped in the quote',
    FR_BEFORE,
    FR_BEFORE.replace('marché', 'marche'),
    'fuzzy',
  ],
  ['French, accents written as combining marks', FR_BEFORE, FR_BEFORE.normalize('NFD'), 'fuzzy'],
  ['French, the quote deleted', FR_BEFORE, FR_BEFORE.replace(/⟦.*⟧ /, ''), null],
];

describe('anchor', () => {
  it.each(CASES)('%s', (_name, before, after, method) => {
    const expected = unmark(after);
    const result = anchor(textOf(after), selectorsOf(before));
    if (!expected || method === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    expect(textOf(after).slice(result?.start, result?.end)).toBe(
      expected.text.slice(expected.start, expected.end),
    );
    expect(result).toMatchObject({ start: expected.start, end: expected.end, method });
    expect(result?.score).toBeGreaterThan(0);
    expect(result?.score).toBeLessThanOrEqual(1);
  });

  it('orphans a highlight that has no quote to check its position against', () => {
    const [, position] = selectorsOf(EN);
    expect(anchor(textOf(EN), [position])).toBeNull();
  });

  it('finds a quote without a recorded position', () => {
    const [quote] = selectorsOf(REPEATED);
    const expected = unmark(REPEATED);
    expect(anchor(textOf(REPEATED), [quote])).toMatchObject({
      start: expected?.start,
      end: expected?.end,
      method: 'quote',
    });
  });

  it('ignores a position past the end of a shortened text', () => {
    const filler = 'filler words here. ';
    const selectors = selectorsOf(`${filler.repeat(20)}⟦the end⟧.`);
    const shorter = `${filler.repeat(3)}the end.`;
    expect(anchor(shorter, selectors)).toMatchObject({
      start: shorter.length - 8,
      end: shorter.length - 1,
      method: 'quote',
    });
  });

  it('does not place a deleted quote on a copy with other surroundings', () => {
    const before = `Intro text about ferries.\n\n${EN}\n\nMeanwhile, engineers replaced their propeller shafts and repainted the hulls of the tugboats too.`;
    const after = `Intro text about ferries.\n\n${P1}\n\n${P3}\n\nMeanwhile, engineers replaced their propeller shafts and repainted the hulls of the tugboats too.`;
    expect(anchor(after, selectorsOf(before))).toBeNull();
  });
});
