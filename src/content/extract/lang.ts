/**
 * Language and direction decide how the reader renders the saved copy (fonts, hyphenation, rtl
 * layout).
 */
const RTL_LANGS = /^(?:ar|he|iw|fa|ur|ps|sd|ug|yi|ckb|dv)(?:-|$)/i;
const LANG_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/** A BCP 47 tag from `fr_FR`-style locales; null when the value is not a language tag. */
export function toLangTag(value: string | null | undefined): string | null {
  const tag = (value ?? '').trim().replace(/_/g, '-');
  return LANG_TAG.test(tag) ? tag : null;
}

/** `<html dir>`, else Readability's, else 'rtl' for right-to-left languages, else 'ltr'. */
export function pageDir(
  doc: Document,
  readabilityDir: string | null | undefined,
  lang: string | null,
): 'ltr' | 'rtl' {
  for (const value of [
    doc.documentElement.getAttribute('dir'),
    doc.body?.getAttribute('dir'),
    readabilityDir,
  ]) {
    const dir = value?.trim().toLowerCase();
    if (dir === 'ltr' || dir === 'rtl') return dir;
  }
  return lang && RTL_LANGS.test(lang) ? 'rtl' : 'ltr';
}
