/**
 * Runs the extraction script in a tab and brings back its snapshot, still untrusted.
 */
import { browser } from '../platform/browser.ts';
import { MarginsError } from '../shared/protocol.ts';

/** Path of the bundled content script inside the built extension. */
export const CONTENT_SCRIPT_FILE = 'content.js';

/**
 * What browsers answer when asked to script a page no extension may touch. Without a grant the
 * tab's address is hidden from us, so these errors are how such pages are recognised.
 */
const RESTRICTED_PAGE_ERRORS = [
  /Cannot access an? (chrome|chrome-extension|chrome-untrusted|edge|devtools|about|view-source):/i,
  /extensions gallery cannot be scripted/i,
  /Cannot access contents of url "(about|chrome|edge|view-source|data|blob):/i,
  /Cannot script (about|moz-extension|resource|view-source):/i,
];

export function isRestrictedPageError(detail: string): boolean {
  return RESTRICTED_PAGE_ERRORS.some((pattern) => pattern.test(detail));
}

/** A function run in the tab's isolated world after content.js; it must be self-contained. */
export type InTabCall = () => unknown;

export const EXTRACT: InTabCall = () =>
  (globalThis as { __marginsExtract?: () => unknown }).__marginsExtract?.();
export const CAPTURE_SELECTION: InTabCall = () =>
  (globalThis as { __marginsCaptureSelection?: () => unknown }).__marginsCaptureSelection?.();

/** Injects the content script into the tab, runs `call` there and returns its (untrusted) result. */
export async function runInTab(tabId: number, call: InTabCall): Promise<unknown> {
  try {
    // The file defines the functions in the extension's isolated world; `call` runs one.
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: call });
    return injection?.result;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MarginsError(
      isRestrictedPageError(detail) ? 'restricted-page' : 'cannot-access',
      detail,
    );
  }
}
