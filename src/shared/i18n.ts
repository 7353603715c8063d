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
