/**
 * Author strings arrive as "By Jane Doe | 3 March", URLs or "Author : X"; this keeps just the
 * name(s).
 */
import { parseDate } from './dates.ts';
import { collapseSpace } from '../../shared/article-html/text.ts';

/** A label or a link's words ("All posts", "Alle Beiträge") where a name was expected. */
const LABEL_ONLY =
  /^(?:posted|published|updated|written|by|on|author|share|follow|more|veröffentlicht|publiziert|erstellt|geschrieben|aktualisiert|publié|publicado)(?:\s+(?:on|by|in|am|von|um|le|par|el|por))?$|^(?:(?:(?:view|see|show)\s+)?all\s+(?:posts|articles|stories)|(?:zeige\s+)?alle\s+(?:beiträge|artikel)|tous\s+(?:les|ses)\s+articles|todos\s+(?:los|sus)\s+art[íi]culos)$/iu;

/** What a form or a template says where no name was given: "Name (required)", "No author". */
const PLACEHOLDER =
  /^(?:name\s*\((?:required|erforderlich|obligatoire|requerido|obligatorio|pflichtfeld)\)|no author|unknown author|kein autor|auteur inconnu)$/iu;

/** A weekday or month name alone ("Sunday") is a date fragment, not a name. */
const CALENDAR_WORD =
  /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)$|^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|today|yesterday|heute|hier|aujourd'hui)$/i;

const LEADING_LABEL =
  /^(?:(?:written|posted|reported|published|words|text|story|photos?)\s+by|(?:veröffentlicht|erstellt|geschrieben|verfasst|gepostet|eingestellt|beitrag|rezept|artikel)\s*von|(?:publié|posté|écrit|rédigé)\s+par|(?:publicado|escrito|redactado)\s+por|(?:(?:show|view|see)\s+)?all\s+(?:articles|posts|stories)\s+(?:of|by)|(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von|zum\s+profil\s+von|by|par|von|por|autor(?:e|in)?|auteur|author|reporter)\b\s*[:：-]?\s*|^(?:text(?:\s+(?:und|and|&)\s+(?:interview|fotos?|photos?))?|interview|fotos?|photos?|bilder)\s*[:：]\s*|^(?:著者|作者|筆者|執筆|記者|撰文|文)\s*[:：●︱|]\s*/iu;
const TRAILING_NOISE =
  /\s*(?:[|•·]|\s[-–—]\s|,?\s+(?:published|posted|updated|on|le|am|el|il)\s+\d|,?\s+(?:published|posted|updated|publié|mis à jour|veröffentlicht|publiziert|aktualisiert)\b|,?\s+(?:datum|date|fecha)\s*:|,?\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b).*$/iu;

const TRAILING_DATE =
  /\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)\p{L}*\.?,?\s+)?(?:\p{L}{3,9}\.?\s+)?\d{1,4}(?:[\s,./-]+\d{1,4})*(?:\s*(?:,|at)?\s*\d{1,2}:\d{2}.*)?$/iu;

/** A clean byline from a raw author string, or null if nothing name-like is left. */
export function cleanByline(raw: string | null | undefined): string | null {
  let text = collapseSpace(raw);
  if (!text || /^(?:https?:)?\/\/|^\/\S*$/i.test(text) || /^[\w.+-]+@[\w-]+\.[\w.]+$/.test(text)) {
    return null;
  }
  for (let i = 0; i < 2; i++) text = text.replace(LEADING_LABEL, '');
  text = text
    .replace(TRAILING_NOISE, '')
    .replace(TRAILING_DATE, '')
    // A social handle after the name ("Jane Doe @janedoe"), and the arrow of a "more" link.
    .replace(/\s+@[\w.]+$/u, '')
    .replace(/[\s,;:|–—»›→-]+$/u, '')
    .trim();
  // The same name twice, as a profile link's text and its image's alt text put it.
  const twice = /^(.+?)\s+\1$/u.exec(text);
  if (twice?.[1]) text = twice[1];
  if (!text || text.length > 120 || !/\p{L}/u.test(text) || LABEL_ONLY.test(text)) return null;
  if (PLACEHOLDER.test(text)) return null;
  if (CALENDAR_WORD.test(text)) return null;
  // A date cut short: "Donnerstag, 4.", "Stand: 20." (German "as of"), "Updated: 3".
  if (/^\p{L}+\s*[,:]\s*\d{1,2}\.?$/u.test(text)) return null;
  // A date is not a name: "Wednesday, 26 February 2025" sits in byline boxes too.
  if ((/\d{4}/.test(text) && parseDate(text)) || /^(?:\p{L}+,\s*)?\d+$/u.test(text)) return null;
  // A picture's credit in a byline box: "Bild © hr", "Foto: dpa", "Photo (c) AP".
  if (
    /^(?:bild|bilder|foto|fotos|photos?|images?|pictures?|credits?)\s*(?:[:©]|\(c\))/iu.test(text)
  )
    return null;
  // A clock time or a running time: "01:30 Min." under a video, "5 min read".
  if (/^\d{1,2}:\d{2}(?!\d)|^\d+\s*(?:min|minutes?|minuten|mins?\.)(?!\p{L})/iu.test(text))
    return null;
  // "Dec 1st", "1st March": a day without a year is a date too.
  if (
    /^(?:\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9})$/iu.test(
      text,
    ) &&
    /\d(?:st|nd|rd|th)\b|^\p{L}{3}\.?\s/iu.test(text)
  )
    return null;
  return text;
}

/** Joins distinct author names ("A, B"), dropping empty and repeated ones. */
export function joinAuthors(names: readonly string[]): string | null {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const name of names) {
    const clean = cleanByline(name);
    if (clean && !seen.has(clean.toLowerCase())) {
      seen.add(clean.toLowerCase());
      kept.push(clean);
    }
  }
  return kept.length ? kept.join(', ') : null;
}
