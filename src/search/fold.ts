/**
 * Folding makes search forgiving: "serguei" finds "Sergueï", "COREE" finds "Corée", "strasse"
 * finds "Straße". Both the indexed text and the query go through the same function.
 */

/** Letters that Unicode decomposition leaves whole but readers treat as a base letter plus a mark. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  // Arabic writers use these pairs interchangeably at the end of words.
  ى: 'ي',
  ة: 'ه',
};
const FOLDABLE_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * Lower case without accents, diacritics (including Arabic harakat) or compatibility forms
 * (ligatures, full-width Latin). Locale-independent, so an index built in one UI language
 * answers queries typed in another.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLDABLE_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
}
