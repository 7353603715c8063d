// Why: the reader must show every annotation, placed or orphaned, never drop one (issue 4, item 5).
import { describe, expect, it } from 'vitest';
import { quoteOf } from '../../../src/shared/annotation.ts';
import { placeAnnotations } from '../../../src/reader/placement.ts';
import type { Annotation } from '../../../src/shared/annotation.ts';
import { describeRange } from '../../../src/shared/anchoring/index.ts';

const TEXT =
  'Le président russe est attendu mardi à Pyongyang. Le maître du Kremlin se rend ' +
  'dans la capitale nord-coréenne pour la première fois en vingt-quatre ans. ' +
  'Pyongyang prépare une réception à la hauteur.';

function made(id: number, text: string, quote: string, occurrence = 0): Annotation {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`no ${quote}`);
  const timestamp = new Date(Date.UTC(2024, 5, 18, 12, id)).toISOString();
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:00000000-0000-4000-8000-00000000000${id}`,
    type: 'Annotation',
    motivation: 'highlighting',
    created: timestamp,
    modified: timestamp,
    body: [],
    target: {
      source: 'https://example.org/a',
      selector: describeRange(text, start, start + quote.length),
    },
    articleId: 'a1',
    colour: 'yellow',
  };
}

describe('placeAnnotations', () => {
  it('places annotations in reading order whatever order they were made in', () => {
    const late = made(1, TEXT, 'réception à la hauteur');
    const early = made(2, TEXT, 'président russe');
    const { placed, orphans } = placeAnnotations(TEXT, [late, early]);
    expect(orphans).toEqual([]);
    expect(placed.map((item) => item.annotation.id)).toEqual([early.id, late.id]);
    for (const item of placed)
      expect(TEXT.slice(item.start, item.end)).toBe(quoteOf(item.annotation));
  });

  it('places a repeated word at the occurrence that was highlighted', () => {
    const second = made(1, TEXT, 'Pyongyang', 1);
    const { placed } = placeAnnotations(TEXT, [second]);
    expect(placed[0]?.start).toBe(TEXT.lastIndexOf('Pyongyang'));
  });

  it('follows text that moved when a paragraph was inserted before it', () => {
    const annotation = made(1, TEXT, 'capitale nord-coréenne');
    const changed = `Un nouveau paragraphe en tête de l’article. ${TEXT}`;
    const { placed, orphans } = placeAnnotations(changed, [annotation]);
    expect(orphans).toEqual([]);
    expect(changed.slice(placed[0]?.start, placed[0]?.end)).toBe('capitale nord-coréenne');
  });

  it('keeps an annotation whose text was deleted as an orphan, oldest orphans first', () => {
    const kept = made(3, TEXT, 'maître du Kremlin');
    const goneLater = made(2, TEXT, 'pour la première fois en vingt-quatre ans');
    const goneEarlier = made(1, TEXT, 'réception à la hauteur');
    const changed = TEXT.replace(' pour la première fois en vingt-quatre ans', '').replace(
      'Pyongyang prépare une réception à la hauteur.',
      '',
    );
    const { placed, orphans } = placeAnnotations(changed, [kept, goneLater, goneEarlier]);
    expect(placed.map((item) => item.annotation.id)).toEqual([kept.id]);
    expect(orphans.map((item) => item.id)).toEqual([goneEarlier.id, goneLater.id]);
  });
});
