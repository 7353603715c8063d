/**
 * Fetches the page of an imported link as the browser would load it (the user's cookies for
 * that site included, redirects followed) and decodes its bytes as the browser would (HTTP
 * charset, byte-order mark, `<meta>`). What goes wrong becomes a FetchFailure the user can read.
 */
import type { FetchFailure, FetchFailureCode } from '../shared/article-fetch.ts';
import { decodeHtml } from '../shared/decode-html.ts';

export interface FetchedPage {
  /** Where the page was found, after redirects. */
  url: string;
  html: string;
}

/** A page larger than this is not read (an article page is far smaller). */
export const MAX_PAGE_BYTES = 15 * 1024 * 1024;
export const PAGE_TIMEOUT_MS = 30_000;

export class FetchFailureError extends Error {
  constructor(readonly failure: FetchFailure) {
    super(`${failure.code}: ${failure.detail}`);
    this.name = 'FetchFailureError';
  }
}

export function fetchFailure(code: FetchFailureCode, detail: string, status?: number) {
  return new FetchFailureError({
    code,
    detail: detail.slice(0, 500),
    ...(status === undefined ? {} : { status }),
  });
}

/** Where sites send a reader who must sign in first. */
const SIGN_IN_PATH =
  /\/(?:log-?in|sign-?in|auth(?:enticate)?|account\/login|subscribe)(?:[/?#.]|$)/i;

/** The body's bytes, refusing a body larger than `limit` without reading all of it. */
export async function readBytes(
  response: Response,
  limit: number = MAX_PAGE_BYTES,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) throw fetchFailure('too-large', `${declared} bytes`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw fetchFailure('too-large', `over ${limit} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function failureOfThrown(error: unknown): FetchFailureError {
  if (error instanceof FetchFailureError) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError' || name === 'AbortError') return fetchFailure('timeout', detail);
  return fetchFailure('network', detail);
}

export async function fetchPage(url: string, timeoutMs = PAGE_TIMEOUT_MS): Promise<FetchedPage> {
  try {
    const response = await fetch(url, {
      credentials: 'include',
      redirect: 'follow',
      headers: { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const finalUrl = response.url || url;
    if (response.status === 401 || response.status === 403) {
      throw fetchFailure('sign-in', `HTTP ${response.status}`, response.status);
    }
    if (!response.ok) {
      throw fetchFailure('http-status', `HTTP ${response.status}`, response.status);
    }
    if (response.redirected && SIGN_IN_PATH.test(new URL(finalUrl).pathname)) {
      throw fetchFailure('sign-in', `redirected to ${finalUrl}`);
    }
    const type = response.headers.get('content-type') ?? '';
    if (type && !/\b(?:text\/html|application\/xhtml\+xml)\b/i.test(type)) {
      throw fetchFailure('not-html', type);
    }
    const { html } = decodeHtml(await readBytes(response), type);
    return { url: finalUrl, html };
  } catch (error) {
    throw failureOfThrown(error);
  }
}

/** Failures worth another try later: the site may answer then. */
export function isTransient(failure: FetchFailure): boolean {
  if (failure.code === 'timeout' || failure.code === 'network') return true;
  const status = failure.status ?? 0;
  return failure.code === 'http-status' && (status === 429 || status >= 500);
}
