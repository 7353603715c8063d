/**
 * Runs one call of the in-tab protocol (shared/in-tab.ts) in a tab and brings back its answer,
 * checked: a page is untrusted until what it sent parses.
 */
import * as v from 'valibot';
import { browser } from '../platform/browser.ts';
import {
  EXTRACTION_BUNDLE,
  ExtractionFailureSchema,
  IN_TAB_FUNCTIONS,
  IN_TAB_RESULTS,
  type InTabCall,
  type InTabResult,
} from '../shared/in-tab.ts';
import { MarginsError } from '../shared/protocol.ts';

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

async function inject(tabId: number, func: () => unknown): Promise<unknown> {
  // Injected at once, not at document idle: a page that never finishes loading is still read.
  const target = { tabId };
  await browser.scripting.executeScript({
    target,
    files: [EXTRACTION_BUNDLE],
    injectImmediately: true,
  });
  const [injection] = await browser.scripting.executeScript({
    target,
    func,
    injectImmediately: true,
  });
  return injection?.result;
}

/** Where in the answer its first problem is, e.g. `snapshot.contentHtml`. */
function pathOf(issue: v.BaseIssue<unknown> | undefined): string {
  return issue?.path?.map((item) => String(item.key)).join('.') ?? '';
}

/**
 * Checks what a page answered. An oversized body is named as such (the user can do nothing
 * about a page that is simply too large, but should know it is not "not an article").
 */
export function parseInTabResult<C extends InTabCall>(call: C, answer: unknown): InTabResult<C> {
  if (answer === undefined || answer === null) {
    throw new MarginsError('cannot-access', `the page gave no answer to ${call}`);
  }
  if (v.is(ExtractionFailureSchema, answer)) {
    throw new MarginsError('unreadable-page', answer.extractionFailed);
  }
  const parsed = v.safeParse(IN_TAB_RESULTS[call], answer);
  if (!parsed.success) {
    const [issue] = parsed.issues;
    const last = issue?.path?.at(-1)?.key;
    if (issue?.type === 'max_length' && (last === 'contentHtml' || last === 'textContent')) {
      throw new MarginsError('page-too-large', `${pathOf(issue)} is over the limit`);
    }
    throw new MarginsError('invalid-page', `${pathOf(issue)}: ${issue?.message ?? 'invalid'}`);
  }
  // The schema of this call parsed it (IN_TAB_RESULTS[call] gives InTabResult<C>).
  return parsed.output as InTabResult<C>;
}

/** Injects the extraction bundle into the tab, runs `call` there and returns its checked answer. */
export async function runInTab<C extends InTabCall>(
  tabId: number,
  call: C,
  timeoutMs: number = IN_TAB_TIMEOUT_MS,
): Promise<InTabResult<C>> {
  let answer: unknown;
  try {
    answer = await withTimeout(inject(tabId, IN_TAB_FUNCTIONS[call]), timeoutMs);
  } catch (error) {
    if (error instanceof MarginsError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new MarginsError(
      isRestrictedPageError(detail) ? 'restricted-page' : 'cannot-access',
      detail,
    );
  }
  return parseInTabResult(call, answer);
}
