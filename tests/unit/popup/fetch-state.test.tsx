// @vitest-environment jsdom
/**
 * The library's line on the articles being fetched for imported links follows the status the
 * background keeps in storage: nothing while no fetch runs, the progress while one runs or is
 * paused, as a link to Import & export.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FetchState } from '../../../src/popup/components/FetchState.tsx';
import { FETCH_STATUS_KEY, type ArticleFetchStatus } from '../../../src/shared/article-fetch.ts';
import {
  EXTENSION_ORIGIN,
  installFakePlatform,
  type FakePlatform,
} from '../helpers/fake-platform.ts';

let browser: FakePlatform;
let root: HTMLElement;

const writeStatus = (status: ArticleFetchStatus) =>
  browser.storage.local.set({ [FETCH_STATUS_KEY]: status });

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const shown = () => root.querySelector<HTMLElement>('[data-testid=fetch-state]');

beforeEach(() => {
  browser = installFakePlatform();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the library’s line on fetching imported links', () => {
  it('shows nothing while no fetch runs', async () => {
    act(() => render(<FetchState />, root));
    await settle();
    expect(shown()).toBeNull();
  });

  it('follows the progress as the background reports it, with the failures counted', async () => {
    act(() => render(<FetchState />, root));
    await settle();
    await act(() => writeStatus({ state: 'running', fetched: 1240, waiting: 4722, failed: 37 }));
    await settle();
    expect(shown()?.textContent).toBe(
      `${browser.i18n.getMessage('fetch_progress', ['1,240', '5,999'])} — ${browser.i18n.getMessage('fetch_progress_failed_other', '37')}`,
    );
    expect(shown()?.querySelector('a')?.getAttribute('href')).toBe(
      `${EXTENSION_ORIGIN}transfer.html`,
    );
    await act(() => writeStatus({ state: 'paused', fetched: 3, waiting: 2, failed: 0 }));
    await settle();
    expect(shown()?.textContent).toBe('3 of 5 articles fetched (paused)');
    await act(() => writeStatus({ state: 'idle', fetched: 5, waiting: 0, failed: 0 }));
    await settle();
    expect(shown()).toBeNull();
  });
});
