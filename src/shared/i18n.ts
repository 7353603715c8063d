/**
 * Every sentence the user reads comes from the browser's message catalogue (public/_locales), in
 * the browser's language. A missing key shows the key itself so it is noticed, never a blank.
 */
import { browser } from '../platform/browser.ts';
import type { ErrorCode } from './protocol.ts';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The localised explanation of why something failed. */
export function errorMessage(code: ErrorCode): string {
  return t(`error_${code.replace(/-/g, '_')}`);
}

/** The browser's UI language, for Intl formatting. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** A number as the UI language writes it ("1,240", "1 240", "1.240"). */
export function formatCount(count: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(count);
}

/**
 * A count in words, in the right plural form for the UI language: `KEY_one` or `KEY_other`
 * (languages with more forms fall back to `other`), with the number formatted for the locale.
 */
export function plural(key: string, count: number): string {
  const language = uiLanguage();
  const form = new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}`, formatCount(count));
}
