/**
 * Author and dates printed on the page ("By X", "Par X", "Author : X", "Publié le …", "Updated …").
 */
import { closestWhere, named } from '../../../shared/article-html/elements.ts';
import { isJobTitle } from '../authors.ts';
import { cleanByline } from '../byline.ts';
import { parseTextDate } from '../text-dates.ts';
import { aroundHeadline, nearHeading, type Line } from './visible-lines.ts';
import type { Reading } from './types.ts';

const LABEL_WORDS =
  'author|authors|auteur|auteurs|autor|autoren|autores|autore|autori|autorin|written by|posted by|reporter|redacteur|rédacteur|redaktion|écrit par|rédigé par|text|texte|testo|texto|著者|作者|筆者|執筆|記者|文|撰文';
const AUTHOR_LABEL = new RegExp(`^(?:${LABEL_WORDS})\\s*[:：●]\\s*(.+)$`, 'iu');
/** "05.02.2020 - Redaktion: X", "Datum: 03.11.2021 Autor: X": the label after the date. */
const LABEL_AFTER_DATE = new RegExp(`\\s(?:${LABEL_WORDS})\\s*[:：]\\s*(.+)$`, 'iu');
/** A line that is only the label, over the line with the name ("Autor" / "Nikolai Huke"). */
const LABEL_ALONE = new RegExp(`^(?:${LABEL_WORDS})\\s*[:：]?$`, 'iu');
// A particle is a whole word: "de" must not take the start of "des" ("von Wertpapieren des …").
const NAME_WORD =
  "(?:[\\p{Lu}][\\p{L}\\p{M}.'’-]*|(?:de|del|van|von|der|den|da|di|du|le|la|dos|das|bin|al|and|et|und|y|e)(?![\\p{L}])|&|,)";
const BY_NAME = new RegExp(
  `^(?:[Bb]y|BY|[Pp]ar|PAR|[Vv]on|VON|[Pp]or|POR|[Dd]i|DI|[Dd]e|DE)\\s*:?\\s+(${NAME_WORD}(?:\\s+${NAME_WORD})*)`,
  'u',
);
/**
 * Lowercase words that may follow a byline's names ("By X on June 5", "Par X le 3 mai", "Von X
 * am 2. Mai", "By X for Reuters"); any other lowercase word means the line goes on as a sentence.
 */
const AFTER_NAMES =
  /^(?:on|at|in|for|from|with|and|updated|published|le|la|les|à|pour|dans|am|um|im|für|aus|und|el|en|em|para|il|per|a|e|y)$/u;

/**
 * The names a line credits with "By", "Par", "Von"…, unless the line is a sentence that starts
 * with the preposition: "Von Atemschutzmaske über Exit-Strategie bis Zoonose", "von Windows 10
 * reicht Microsoft …". A lowercase "von", "par", "de" is an ordinary word inside a sentence, so
 * after it only a separator, a date word or the end of the line may follow the names.
 */
function namesAfterBy(line: string): string | null {
  const match = BY_NAME.exec(line);
  const names = match?.[1];
  if (!match || !names) return null;
  const rest = line.slice(match[0].length).trimStart();
  const next = /^\p{L}+/u.exec(rest)?.[0];
  if (next && next === next.toLowerCase() && !AFTER_NAMES.test(next)) return null;
  const lowercaseStart = /^(?:par|von|por|di|de)\s/u.test(line);
  if (lowercaseStart && rest && !next && !/^[,|•·(–—-]/u.test(rest)) return null;
  return names;
}
const PUBLISHED =
  /(?:(?<!\p{L})stand(?:\s+des\s+artikels)?(?=\s*:)|(?:presse|medien)?mitteilung\s+vom|pressemeldung\s+vom|(?:artikel|beitrag|meldung)\s+vom|communiqué\s+(?:de\s+presse\s+)?du|comunicado\s+(?:de\s+prensa\s+)?del|publish(?:ed)?(?:\s+(?:date|on|at))?|posted(?:\s+(?:on|at))?|first published|date\s+de\s+publication|publié(?:\s+le)?|paru\s+le|mis en ligne le|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|erschienen(?:\s+am)?|publicado(?:\s+(?:el|em|a))?|pubblicato(?:\s+il)?|fecha|datum|date|公開日|掲載日|投稿日|配信日|発表日)\s*[:：]?\s*/iu;
const UPDATED =
  /(?:updated?(?:\s+(?:on|at))?|last (?:updated|modified|edited)|modified|mis à jour(?:\s+le)?|actualisé(?:\s+le)?|aktualisiert(?:\s+am)?|geändert(?:\s+am)?|actualizado(?:\s+(?:el|a las))?|aggiornato(?:\s+il)?|atualizado(?:\s+(?:em|a))?|更新日?)\s*[:：]?\s*/iu;
const DATE_HINT =
  /(?:^|[\s_-])(?:date|dateline|time|timestamp|published|pubdate|posted|post-?meta|entry-?meta|article-?meta|meta|byline|info|created|submitted)(?:$|[\s_-])/i;

/** A line that starts by crediting the author ("By X", "Written by X in Y on 1 June 2019"). */
const BYLINE_START = /^(?:(?:written|posted|reported|words)\s+by|by|par|von|por)\s/i;

/** "Licat on June 5, 2023": a short name, then the date. */
const NAME_ON_DATE =
  /^(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s+(?:on|le|am|el|il|em)\s+(.{6,40})$/u;
/**
 * Lines right after the headline where a bare date ("Wednesday, 26 February 2025") is the
 * article's.
 */
const NEAR_HEADING = 15;

/**
 * "|", "•", "·" and a spaced "/" or dash set a dateline's parts apart ("24. April 2020 | Press
 * releases", "Example Sport • 02.02.2022", "28.01.22 / 0 Kommentare", "05.02.2020 - Redaktion:
 * X"): each part is read as a line of its own.
 */
const DATELINE_SEPARATOR = /\s*[|•·]\s*|\s+[/–—-]\s+/u;
const DATELINE_LENGTH = 80;

/** A date and at most a weekday or a time: nothing else is written in `text`. */
function onlyDate(text: string): boolean {
  if (!text || text.length > 48 || /:\s*\p{L}{4,}/u.test(text)) return false;
  const rest = text.replace(/[\p{L}]+\.?|[\d:,.\s/()-]+/gu, (m) =>
    /\d/.test(m) ? '' : m.length > 12 ? m : '',
  );
  return !rest.trim();
}

/**
 * A line that is nothing but a date, or a dateline one of whose parts is, among the first lines
 * after the headline.
 */
function dateAlone(lines: readonly Line[], lang: string | null): string | null {
  for (const { text } of lines) {
    if (text.length > DATELINE_LENGTH || UPDATED.test(text)) continue;
    const parts = text.split(DATELINE_SEPARATOR);
    for (const part of parts) {
      // "Termin: 3. Mai | Stadthalle" announces an event: a labelled part is no dateline's.
      const labelled = parts.length > 1 && /\p{L}\s*:/u.test(part);
      const date = !labelled && onlyDate(part) ? parseTextDate(part, lang) : null;
      if (date) return date;
    }
  }
  return null;
}

/**
 * "Georg Quaas, 21. Jan. 2015", "New York, May 3, 2020": capitalised words (a name or a place),
 * a comma and nothing but a date.
 */
const NAMES_THEN_DATE = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*,\s*(.{6,40})$/u;
const signedDateline = (text: string): boolean => {
  const date = NAMES_THEN_DATE.exec(text)?.[1];
  return date !== undefined && onlyDate(date);
};

/** "Ein Gastbeitrag von X", "Blog Beitrag von X", "A guest post by X": what comes before "von". */
const CONTRIBUTION =
  /^(?:(?:ein|a|an)\s+)?(?:(?:gast|guest|blog)[\s-]*)?(?:beitrag|post|artikel|article|essay|kommentar)\s+(?=(?:von|by)\s)/iu;

/** An author name stated in a line ("Author : X", "By X", "Par X"), cleaned. */
function lineAuthor(text: string): string | null {
  // "Wednesday January 18, 2017 10:44 am PST by Juli Clover": a date may come first.
  const by = /\s(?:by|By|BY|par|Par|von|Von|por|Por)\s/u.exec(text);
  const afterDate =
    by && by.index > 0 && parseTextDate(text.slice(0, by.index), null)
      ? text.slice(by.index + 1)
      : null;
  const line = (afterDate ?? text)
    .replace(/^(?:by|par|von|por)\s+(?=(?:by|par|von|por)\s)/i, '')
    .replace(CONTRIBUTION, '');
  const named = AUTHOR_LABEL.exec(line)?.[1] ?? namesAfterBy(line) ?? datelineAuthor(line);
  const name = cleanByline(named);
  return name && name.split(/\s+/).length <= 12 ? name : null;
}

/** A dash or bar between a dateline's date and its author ("11.12.2019 - Amelie Loevenich"). */
const DATE_AUTHOR_SEPARATOR = /\s+[-–—|]\s+/u;

/**
 * The author a dateline names after its date: labelled ("05.02.2020 - Redaktion: X") or a bare
 * name ("11.12.2019 - Amelie Loevenich").
 */
function datelineAuthor(line: string): string | null {
  const label = LABEL_AFTER_DATE.exec(line);
  // The value ends where the next label starts ("Peter Maahn/SP-X Lesezeit: 5 min").
  if (label && parseTextDate(line.slice(0, label.index), null))
    return label[1]?.split(/\s+(?=\p{L}[\p{L}-]*\s*:)/u)[0] ?? null;
  const [date, name, ...rest] = line.split(DATE_AUTHOR_SEPARATOR);
  if (rest.length || !date || !name || !isNamesLine(name) || !onlyDate(date)) return null;
  return parseTextDate(date, null) ? name : null;
}

/** A date that follows `label` in the line, if any. */
function labelled(text: string, label: RegExp, lang: string | null): string | null {
  const m = label.exec(text);
  return m ? parseTextDate(text.slice(m.index + m[0].length), lang) : null;
}

/** The names of the line under a lone "Autor" label ("Nikolai Huke ,"), if it holds names only. */
function namesAfterLabel(text: string): string | null {
  const names = text.replace(/[\s,;]+$/u, '');
  return isNamesLine(names) ? cleanByline(names) : null;
}

/** Labelled credits kept after the first: a page names its writer once or twice, not more. */
const MAX_LATER_CREDITS = 2;

/** Byline and dates from visible lines; each field from the first line that states it. */
export function readVisibleText(
  lines: readonly Line[],
  lang: string | null,
  headingAt = 0,
): Reading {
  let author: string | null = null;
  let publishedTime: string | null = null;
  let modifiedTime: string | null = null;
  let labelAlone = false;
  const laterCredits: string[] = [];
  for (const { text } of lines) {
    if (author && laterCredits.length < MAX_LATER_CREDITS && AUTHOR_LABEL.test(text)) {
      const credited = lineAuthor(text);
      if (credited && credited !== author && !laterCredits.includes(credited))
        laterCredits.push(credited);
    }
    author ??= lineAuthor(text) ?? (labelAlone ? namesAfterLabel(text) : null);
    labelAlone = LABEL_ALONE.test(text);
    const updateAt = UPDATED.exec(text)?.index ?? -1;
    const publishAt = PUBLISHED.exec(text)?.index ?? -1;
    if (!modifiedTime && updateAt >= 0)
      modifiedTime = labelled(text.slice(updateAt), UPDATED, lang);
    if (
      !publishedTime &&
      publishAt >= 0 &&
      (updateAt < 0 || publishAt < updateAt || publishAt > updateAt + 20)
    ) {
      publishedTime = labelled(
        text.slice(publishAt, updateAt > publishAt ? updateAt : undefined),
        PUBLISHED,
        lang,
      );
    }
  }
  author ??=
    lines
      .map(({ text }) => NAME_ON_DATE.exec(text))
      .find((m) => m && parseTextDate(m[2] ?? '', lang))?.[1] ?? null;
  // A labelled date, or one printed alone by the headline: not the top of the page, where a
  // masthead prints the day it was fetched ("Miércoles 4 de Mayo de 2022").
  const headlineDate =
    publishedTime ?? dateAlone(aroundHeadline(lines, headingAt, NEAR_HEADING), lang);
  if (!publishedTime) publishedTime = dateAlone(nearHeading(lines, headingAt, NEAR_HEADING), lang);
  if (!publishedTime) {
    // Unlabelled dates count only in elements whose class or id says they hold one.
    for (const { el, text } of lines) {
      const hint = `${el.id} ${el.getAttribute('class') ?? ''}`;
      // A byline line ("By X December 16, 2016, 4:19 PM", "Author: X am 29.12.2010, 13:36 Uhr"),
      // or the author's box ("<p class=author>r23 » 21.01.2009, 05:42"), dates the article too.
      const hinted =
        DATE_HINT.test(hint) ||
        isMarked(el) ||
        BYLINE_START.test(text) ||
        AUTHOR_LABEL.test(text) ||
        signedDateline(text);
      if (!hinted || /updated|modified/i.test(hint) || UPDATED.test(text)) continue;
      publishedTime = parseTextDate(text, lang);
      if (publishedTime) break;
    }
  }
  return {
    source: 'visible-text',
    found: {
      authors: author ? [author] : [],
      laterCredits,
      publishedTime,
      modifiedTime,
      headlineDate,
    },
  };
}

/**
 * A credit line of names and no label ("Jane Smith, Research Scientist, and John Doe"): capitalised
 * words in comma- or "and"-joined groups, no digits and no sentence.
 */
const NAMES_GROUP =
  /^(?:(?:and|&|et|und|y|e)\s+)?\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|de|van|von|der|da|di|du|le|la|and|of|&))*$/u;

export function isNamesLine(text: string): boolean {
  if (text.length < 5 || text.length > 160 || /\d|[.!?]$|[:;|]/.test(text)) return false;
  const groups = text.split(/\s*,\s*/);
  const first = groups[0]?.split(/\s+/) ?? [];
  return (
    first.length >= 2 &&
    first.length <= 4 &&
    groups.every((group) => NAMES_GROUP.test(group) && group.split(/\s+/).length <= 6)
  );
}

/**
 * Words of an organisation's name, which credit lines list after their people ("…, Example
 * Research").
 */
const ORGANISATION =
  /\b(?:research|institute|university|laborator(?:y|ies)|labs?|group|inc|ltd|llc|news|media|press|foundation|team)\b/i;

/** The people of an unlabelled credit line, without their job titles and employers. */
function personsOf(credit: string): string | null {
  const people = credit
    .split(/\s*,\s*/)
    .map((group) => group.replace(/^(?:and|&|et|und|y|e)\s+/i, ''))
    .filter((group) => !isJobTitle(group) && !ORGANISATION.test(group));
  return people.length ? people.join(', ') : null;
}

/** Texts of the lines just before and after `el`, among `byElement`'s. */
const siblingLines = (el: Element, byElement: Map<Element, string>): string[] =>
  [el.previousElementSibling, el.nextElementSibling]
    .map((sibling) => (sibling ? byElement.get(sibling) : undefined))
    .filter((text): text is string => !!text);

/**
 * Names printed without "By" beside the date under the headline ("March 24, 2026" over "Jane
 * Smith, John Doe"): the date line's neighbour, when it reads as a list of names.
 */
export function creditBesideDate(
  lines: readonly Line[],
  lang: string | null,
  headingAt = 0,
): string | null {
  const near = nearHeading(lines, headingAt, NEAR_HEADING);
  const byElement = new Map(near.map(({ el, text }) => [el, text]));
  for (const line of near) {
    if (!dateAlone([line], lang)) continue;
    const credit = siblingLines(line.el, byElement).find(isNamesLine);
    if (credit) return personsOf(credit);
  }
  return null;
}

const LINK_OR_ITEM = named('a', 'li');

/** Blocks inside a line's element: the line is then a box of several lines ("By X" over a menu). */
const holdsBlocks = (el: Element): boolean =>
  el.querySelector('p, div, ul, ol, li, section, h2, h3, h4') !== null;

/**
 * A single "By X" in the page's sidebar or footer: a one-author site's credit, printed beside
 * every post. Several different names there are other stories' bylines, so none is taken.
 */
export function siteWideByline(offArticle: readonly Line[]): string | null {
  const names = new Set<string>();
  for (const { el, text } of offArticle) {
    if (!BYLINE_START.test(text) || closestWhere(el, LINK_OR_ITEM) || holdsBlocks(el)) continue;
    const name = lineAuthor(text);
    if (name) names.add(name);
  }
  return names.size === 1 ? ([...names][0] ?? null) : null;
}

/** The "last edited/updated" date in the page's footer, for pages nothing else dates. */
export function footerUpdated(lines: readonly Line[], lang: string | null): string | null {
  for (const { text } of lines) {
    const m = UPDATED.exec(text);
    const date = m ? labelled(text.slice(m.index), UPDATED, lang) : null;
    if (date) return date;
  }
  return null;
}

// "autor" (German, Spanish, Portuguese, Polish) and "auteur" (French) mark author boxes too.
const AUTHOR_MARK = /author|autor|auteur|byline|writer|reporter/i;

/**
 * True when the line's element (or its parent) is marked as the author: rel=author, author/byline
 * class.
 */
function isMarked(el: Element): boolean {
  for (const node of [el, el.parentElement]) {
    if (!node) continue;
    if (/(?:^|\s)author(?:\s|$)/i.test(node.getAttribute('rel') ?? '')) return true;
    const hint = `${node.id} ${node.getAttribute('class') ?? ''} ${node.getAttribute('itemprop') ?? ''}`;
    if (hint.length < 200 && AUTHOR_MARK.test(hint)) return true;
  }
  return false;
}

/** A name from a line marked up as the author's (rel=author links, author/byline elements). */
export function markedAuthor(lines: readonly Line[]): string | null {
  for (const { el, text } of lines) {
    if (text.length > 120 || !isMarked(el)) continue;
    const name = lineAuthor(text) ?? cleanByline(text);
    if (name && name.split(/\s+/).length <= 8) return name;
  }
  return null;
}
