// @vitest-environment jsdom
/**
 * The popup footer's sync line follows the status the background keeps in storage: nothing while
 * sync is off, when it last synced, that it is syncing (never for a worker that stopped), or that
 * it failed and why, as a link to Settings.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeSyncBrowser, type FakeSyncBrowser } from '../helpers/fake-sync-browser.ts';

const fake = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('../../../src/platform/browser.ts', () => ({
  get browser() {
    return fake.current;
  },
}));

const { SyncState } = await import('../../../src/popup/components/SyncState.tsx');
const { SYNC_OFF } = await import('../../../src/shared/sync-status.ts');

const ON = { ...SYNC_OFF, enabled: true, serverUrl: 'https://couch.example.org', database: 'm' };

let env: FakeSyncBrowser;
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
  env = createFakeSyncBrowser();
  fake.current = env.browser;
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
    await env.writeStatus({
      ...ON,
      lastSuccessAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    });
    act(() => render(<SyncState />, root));
    await settle();
    expect(line()).toEqual({ state: 'idle', text: 'Synced 5 minutes ago', hidden: false });

    await act(() =>
      env.writeStatus({ ...ON, state: 'syncing', heartbeatAt: new Date().toISOString() }),
    );
    expect(line()).toMatchObject({ state: 'syncing', text: 'Syncing…' });

    await act(() =>
      env.writeStatus({
        ...ON,
        state: 'error',
        error: { code: 'unauthorized', detail: '401', at: new Date().toISOString() },
      }),
    );
    expect(line()).toMatchObject({ state: 'error', text: 'Sync failed: wrong password' });

    await act(() => env.writeStatus(SYNC_OFF));
    expect(line()).toMatchObject({ state: 'off', hidden: true });
  });

  it('does not show a sync whose worker stopped reporting as running', async () => {
    const stale = new Date(Date.now() - 10 * 60_000).toISOString();
    await env.writeStatus({ ...ON, state: 'syncing', heartbeatAt: stale });
    act(() => render(<SyncState />, root));
    await settle();
    expect(line()).toEqual({ state: 'idle', text: 'Not synced yet', hidden: false });
  });

  it('opens Settings from the line', async () => {
    await env.writeStatus({
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
    expect(env.log).toEqual(['openOptionsPage']);
  });
});
