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

/**
 * How long a page may take to be read. Extraction of even a 20 MB page takes seconds; past this
 * the user gets an answer instead of a popup that waits forever.
 */
export const IN_TAB_TIMEOUT_MS = 30_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MarginsError('page-timeout', `no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function inject(tabId: number, call: InTabCall): Promise<unknown> {
  // Injected at once, not at document idle: a page that never finishes loading is still read.
  const target = { tabId };
  await browser.scripting.executeScript({
    target,
    files: [CONTENT_SCRIPT_FILE],
    injectImmediately: true,
  });
  const [injection] = await browser.scripting.executeScript({
    target,
    func: call,
    injectImmediately: true,
  });
  return injection?.result;
}

/** Injects the content script into the tab, runs `call` there and returns its (untrusted) result. */
export async function runInTab(
  tabId: number,
  call: InTabCall,
  timeoutMs: number = IN_TAB_TIMEOUT_MS,
): Promise<unknown> {
  let result: unknown;
  try {
    result = await withTimeout(inject(tabId, call), timeoutMs);
  } catch (error) {
    if (error instanceof MarginsError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new MarginsError(
      isRestrictedPageError(detail) ? 'restricted-page' : 'cannot-access',
      detail,
    );
  }
  if (typeof result === 'object' && result !== null && 'extractionFailed' in result) {
    throw new MarginsError('unreadable-page', String(result.extractionFailed));
  }
  return result;
}
