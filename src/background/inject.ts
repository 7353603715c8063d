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

export async function extractFromTab(tabId: number): Promise<unknown> {
  try {
    // The file defines the extractor in the extension's isolated world; the function runs it.
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: () => (globalThis as { __marginsExtract?: () => unknown }).__marginsExtract?.(),
    });
    return injection?.result;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new MarginsError(
      isRestrictedPageError(detail) ? 'restricted-page' : 'cannot-access',
      detail,
    );
  }
}
