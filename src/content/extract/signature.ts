/**
 * A signature closing the article: the writer's name alone in one of the last paragraphs, set
 * apart in bold or italics ("<p><b><i>Stefan Wasmer</i></b></p>"), as German and French papers
 * sign their stories, or after a credit's label or a copyright sign.
 */
import { setApartIn } from '../../shared/article-html/elements.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';
import { isNamesLine } from './sources/visible-text.ts';

/** How many of the body's last paragraphs may hold the signature: footnotes or a box may follow. */
const LAST_PARAGRAPHS = 5;
const EMPHASIS: ReadonlySet<string> = new Set(['b', 'strong', 'i', 'em']);

/**
 * A closing credit line: "© 2019 Sven Schreivogel", "Text: Anna Berg", "Autoren Jelko Djuren und
 * Jutta Klaukien". The label is what sets the names apart, so no emphasis is needed.
 */
const CLOSING_CREDIT =
  /^(?:(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?|(?:text|texte|autor|autorin|autoren|author|authors|auteur|auteurs|autora|autores)\s*[:：]?\s+)(.+)$/iu;
/** "und", "and", "et", "y", "&" between the last two names of a credit. */
const LAST_JOINER = /\s+(?:und|and|et|y|&)\s+/u;

/** Words of an agency's or a publisher's name, which photo credits and copyright lines hold. */
const NOT_A_PERSON =
  /(?<!\p{L})(?:images?|photos?|pictures|press|news|media|agency|stock|gmbh|ag|inc|ltd|llc|verlag|zeitung|group)(?!\p{L})/iu;

/** The names of a credit line, as written, when it holds names only. */
function creditedNames(text: string): string | null {
  const names = CLOSING_CREDIT.exec(text)?.[1]?.replace(/[\s.,;]+$/u, '');
  if (!names || NOT_A_PERSON.test(names)) return null;
  const people = names.split(LAST_JOINER);
  return people.length <= 2 && people.every(isNamesLine) ? names : null;
}

/**
 * A bold line over a list or a table is their heading ("<p><b>Weitere Informationen</b></p><ul>"):
 * German nouns are capitalised, so its words read as a name.
 */
const INTRODUCES = new Set(['ul', 'ol', 'dl', 'table']);
const headsList = (paragraph: Element): boolean =>
  INTRODUCES.has(paragraph.nextElementSibling?.localName ?? '');

/** The name signing the article body `content`, if its last paragraphs hold one. */
export function closingSignature(content: Element): string | null {
  const paragraphs = Array.from(content.getElementsByTagName('p'))
    .filter((p) => collapseSpace(p.textContent) !== '')
    .slice(-LAST_PARAGRAPHS);
  for (const paragraph of paragraphs.reverse()) {
    const text = collapseSpace(paragraph.textContent);
    const words = text.split(' ').length;
    const signed =
      words >= 2 && words <= 4 && isNamesLine(text) && setApartIn(paragraph, EMPHASIS, text);
    if (signed && !headsList(paragraph)) return text;
    const credited = text.length <= 120 ? creditedNames(text) : null;
    if (credited) return credited;
  }
  return null;
}
