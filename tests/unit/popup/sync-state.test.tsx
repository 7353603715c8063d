// @vitest-environment jsdom
/**
 * The popup footer's sync line follows the status the background keeps in storage: nothing while
 * sync is off, when it last synced, that it is syncing (never for a worker that stopped), or that
 * it failed and why, as a link to Settings.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncState } from '../../../src/popup/components/SyncState.tsx';
import { SYNC_OFF, SYNC_STATUS_KEY, type SyncStatus } from '../../../src/shared/sync-status.ts';
import {
  EXTENSION_ORIGIN,
  installFakePlatform,
  type FakePlatform,
} from '../helpers/fake-platform.ts';

const ON = { ...SYNC_OFF, enabled: true, serverUrl: 'https://couch.example.org', database: 'm' };

let browser: FakePlatform;

/** Writes the status as the background does while it syncs. */
const writeStatus = (status: SyncStatus) =>
  browser.storage.local.set({ [SYNC_STATUS_KEY]: status });
let root: HTMLElement;

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function line(): { state: string | null; text: string; hidden: boolean } {
  const element = root.querySelector<HTMLElement>('.sync-state');
  return {
    state: element?.dataset.state ?? null,
    text: element?.textContent ?? '',
    hidden: element?.hidden ?? true,
  };
}

beforeEach(async () => {
  browser = installFakePlatform();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('the popup’s sync line', () => {
  it('shows nothing while sync is off', async () => {
    act(() => render(<SyncState />, root));
    await settle();
    expect(line()).toEqual({ state: 'off', text: '', hidden: true });
  });

  it('follows the stored status as it changes', async () => {
    await writeStatus({
      ...ON,
      lastSuccessAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    });
    act(() => render(<SyncState />, root));
    await settle();
    expect(line()).toEqual({ state: 'idle', text: 'Synced 5 minutes ago', hidden: false });

    await act(() =>
      writeStatus({ ...ON, state: 'syncing', heartbeatAt: new Date().toISOString() }),
    );
    expect(line()).toMatchObject({ state: 'syncing', text: 'Syncing…' });

    await act(() =>
      writeStatus({
        ...ON,
        state: 'error',
        error: { code: 'unauthorized', detail: '401', at: new Date().toISOString() },
      }),
    );
    expect(line()).toMatchObject({ state: 'error', text: 'Sync failed: wrong password' });

    await act(() => writeStatus(SYNC_OFF));
    expect(line()).toMatchObject({ state: 'off', hidden: true });
  });

  it('does not show a sync whose worker stopped reporting as running', async () => {
    const stale = new Date(Date.now() - 10 * 60_000).toISOString();
    await writeStatus({ ...ON, state: 'syncing', heartbeatAt: stale });
    act(() => render(<SyncState />, root));
    await settle();
    expect(line()).toEqual({ state: 'idle', text: 'Not synced yet', hidden: false });
  });

  it('opens Settings from the line', async () => {
    await writeStatus({
      ...ON,
      state: 'error',
      error: { code: 'no-access', detail: '', at: new Date().toISOString() },
    });
    act(() => render(<SyncState />, root));
    await settle();
    const link = root.querySelector<HTMLAnchorElement>('.sync-state a');
    expect(link?.getAttribute('href')).toBe('chrome-extension://margins-test-id/options.html');
    act(() => link?.click());
    await settle();
    expect(browser.tabs.urls()).toEqual([`${EXTENSION_ORIGIN}options.html`]);
  });
});
