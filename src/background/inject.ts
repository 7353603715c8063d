/**
 * Runs the extraction script in a tab and brings back its snapshot, still untrusted.
 */
import { browser } from '../platform/browser.ts';
import { MarginsError } from '../shared/protocol.ts';

/** Path of the bundled content script inside the built extension. */
export const CONTENT_SCRIPT_FILE = 'content.js';

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
    throw new MarginsError('cannot-access', detail);
  }
}
