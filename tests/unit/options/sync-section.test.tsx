// @vitest-environment jsdom
/**
 * Settings → Sync against the fake browser and a stand-in background: turning sync on asks for
 * site access to that one server first and only then asks the background; wrong fields are named
 * and nothing is asked; the passphrase never stays on the page; the status, the errors and the
 * two buttons follow the status the background writes.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncSection } from '../../../src/options/components/SyncSection.tsx';
import { RequestSchema, type ErrorCode, type Request } from '../../../src/shared/protocol.ts';
import { SYNC_OFF, SYNC_STATUS_KEY, type SyncStatus } from '../../../src/shared/sync-status.ts';
import { installFakePlatform, type FakePlatform } from '../helpers/fake-platform.ts';

/** What the fake background does with a request: the status it writes, or an error reply. */
type BackgroundAnswer = SyncStatus | { started: boolean } | { replyError: ErrorCode };

const SERVER_ACCESS = 'https://couch.example.org/*';

let browser: FakePlatform;
let root: HTMLElement;
let background: (request: Request) => BackgroundAnswer;
/** What the background was asked, and whether the page held access to the server by then. */
let received: { request: Request; serverAccess: boolean }[];

const writeStatus = (status: SyncStatus) =>
  browser.storage.local.set({ [SYNC_STATUS_KEY]: status });

/** As the real background: sync on with the account asked for, off, or the stored status. */
function answerAsAsked(request: Request): BackgroundAnswer {
  if (request.type === 'sync-enable') {
    return {
      ...SYNC_OFF,
      enabled: true,
      serverUrl: request.account.serverUrl,
      database: request.account.database,
      username: request.account.username || null,
    };
  }
  if (request.type === 'sync-disable') return SYNC_OFF;
  if (request.type === 'sync-pull') return { started: false };
  return SYNC_OFF;
}

/** The background's side of the protocol for these pages: it writes the status it answers. */
function listenAsBackground(): void {
  browser.runtime.onMessage.addListener(async (message) => {
    const request = v.parse(RequestSchema, message);
    const serverAccess = await browser.permissions.contains({ origins: [SERVER_ACCESS] });
    received.push({ request, serverAccess });
    const answer = background(request);
    if ('replyError' in answer)
      return { ok: false, error: { code: answer.replyError, detail: '' } };
    if ('enabled' in answer) await writeStatus(answer);
    return { ok: true, value: answer };
  });
}

const requestTypes = () => received.map(({ request }) => request.type);

const ACCOUNT_STATUS = {
  ...SYNC_OFF,
  enabled: true,
  serverUrl: 'https://couch.example.org',
  database: 'margins',
  username: 'reader',
};

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function open(): Promise<void> {
  act(() => render(<SyncSection />, root));
  await settle();
}

function $(selector: string): HTMLElement {
  const element = root.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

function type(id: string, value: string): void {
  const input = $(`#${id}`) as HTMLInputElement;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(selector: string): Promise<void> {
  act(() => $(selector).click());
  await settle();
}

function fillGoodForm(): void {
  type('sync-server', ' https://couch.example.org/ ');
  type('sync-username', 'reader');
  type('sync-password', 'pw');
  type('sync-passphrase', 'correct horse battery');
}

beforeEach(() => {
  browser = installFakePlatform();
  received = [];
  background = answerAsAsked;
  listenAsBackground();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Settings → Sync while sync is off', () => {
  it('says what sync does and shows every field with its label', async () => {
    await open();
    expect($('h2').textContent).toBe('Sync');
    expect(root.textContent).toContain('the server never sees a readable byte');
    expect(root.textContent).toContain('A forgotten passphrase cannot be recovered');
    const labelOf = (id: string) => $(`label[for=${id}]`).textContent;
    expect(labelOf('sync-server')).toBe('Server address');
    expect(labelOf('sync-database')).toBe('Database');
    expect(labelOf('sync-username')).toBe('User name');
    expect(labelOf('sync-password')).toBe('Password');
    expect(labelOf('sync-passphrase')).toBe('Encryption passphrase');
    expect($('#sync-server').getAttribute('type')).toBe('url');
    expect($('#sync-server').getAttribute('placeholder')).toBe('https://couch.example.org');
    expect(($('#sync-database') as HTMLInputElement).value).toBe('margins');
    expect($('#sync-password').getAttribute('type')).toBe('password');
    expect($('#sync-passphrase').getAttribute('type')).toBe('password');
    expect($(`#${$('#sync-passphrase').getAttribute('aria-describedby')}`).textContent).toContain(
      'At least 10 characters',
    );
    expect($('#sync-enable').textContent).toBe('Turn on sync');
    expect(root.querySelector('#sync-now')).toBeNull();
  });

  it('names each wrong field, focuses the first, and asks neither the browser nor the background', async () => {
    await open();
    type('sync-server', 'couch.example.org');
    type('sync-database', 'My Library');
    type('sync-passphrase', 'too short');
    await click('#sync-enable');

    const problemOf = (id: string) => {
      const input = $(`#${id}`);
      expect(input.getAttribute('aria-invalid'), id).toBe('true');
      const described = input.getAttribute('aria-describedby')?.split(' ') ?? [];
      return described.map((ref) => $(`#${ref}`).textContent).join(' | ');
    };
    expect(problemOf('sync-server')).toContain('starting with https://');
    expect(problemOf('sync-database')).toContain('starts with a lower-case letter');
    expect(problemOf('sync-passphrase')).toContain('The passphrase needs at least 10 characters.');
    expect(document.activeElement).toBe($('#sync-server'));
    expect(browser.permissions.prompts).toEqual([]);
    expect(received).toEqual([]);
    // Nothing was tried: the passphrase stays for the user to lengthen.
    expect(($('#sync-passphrase') as HTMLInputElement).value).toBe('too short');
  });

  it('asks for access to that one server first, then turns sync on, and forgets the passphrase', async () => {
    await open();
    fillGoodForm();
    await click('#sync-enable');

    expect(browser.permissions.prompts).toEqual([{ origins: [SERVER_ACCESS] }]);
    expect(received).toEqual([
      {
        request: {
          type: 'sync-enable',
          account: {
            serverUrl: 'https://couch.example.org/',
            database: 'margins',
            username: 'reader',
            password: 'pw',
          },
          passphrase: 'correct horse battery',
        },
        serverAccess: true,
      },
    ]);
    // Sync is on: where it syncs is shown, the form (and the passphrase in it) is gone.
    expect(root.querySelector('#sync-passphrase')).toBeNull();
    expect(root.querySelector('#sync-enable')).toBeNull();
    expect(root.querySelector('.sync-account')?.textContent).toContain(
      'https://couch.example.org/',
    );
    expect($('#sync-status').textContent).toBe('Not synced yet');
    expect(document.activeElement).toBe($('#sync-heading'));
  });

  it('falls back to the access already held when the browser will not ask', async () => {
    await open();
    browser.permissions.grant({ origins: [SERVER_ACCESS] });
    browser.permissions.answer = 'no-gesture';
    fillGoodForm();
    await click('#sync-enable');
    expect(browser.permissions.prompts).toEqual([]);
    expect(requestTypes()).toEqual(['sync-enable']);
  });

  it('stays off, says why and clears the passphrase when access is refused', async () => {
    await open();
    browser.permissions.answer = 'refuse';
    fillGoodForm();
    await click('#sync-enable');
    expect(browser.permissions.prompts).toEqual([{ origins: [SERVER_ACCESS] }]);
    expect(received).toEqual([]);
    expect($('#sync-error').getAttribute('role')).toBe('alert');
    expect($('#sync-error').textContent).toBe(
      'Margins was not allowed to reach this server, so sync stays off.',
    );
    expect(($('#sync-passphrase') as HTMLInputElement).value).toBe('');
    // The address field keeps what was typed (a URL field drops the spaces around it itself).
    expect(($('#sync-server') as HTMLInputElement).value).toBe('https://couch.example.org/');
  });

  it('shows in plain words why the background could not turn sync on', async () => {
    await open();
    background = () => ({
      ...SYNC_OFF,
      serverUrl: 'https://couch.example.org/',
      database: 'margins',
      state: 'error',
      error: { code: 'wrong-passphrase', detail: 'OperationError', at: new Date().toISOString() },
    });
    fillGoodForm();
    await click('#sync-enable');
    expect($('#sync-error').textContent).toBe(
      'This passphrase does not open the library on the server.',
    );
    expect(($('#sync-passphrase') as HTMLInputElement).value).toBe('');
    expect(root.querySelector('#sync-now')).toBeNull();
  });

  it('says so when the background refuses the request itself', async () => {
    await open();
    background = () => ({ replyError: 'bad-request' });
    fillGoodForm();
    await click('#sync-enable');
    expect($('#sync-error').textContent).not.toBe('');
    expect($('#sync-status').textContent).toBe('');
  });
});

describe('Settings → Sync while sync is on', () => {
  beforeEach(async () => {
    await writeStatus(ACCOUNT_STATUS);
  });

  it('shows the server, the database, the last sync and what waits to go', async () => {
    const lastSuccessAt = new Date(Date.now() - 60_000).toISOString();
    await writeStatus({ ...ACCOUNT_STATUS, lastSuccessAt, pending: 3 });
    await open();
    expect(root.querySelector('.sync-account')?.textContent).toBe(
      'Server addresshttps://couch.example.orgDatabasemarginsUser namereader',
    );
    const status = $('#sync-status');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toMatch(/^Last synced (at )?.+ · 3 changes waiting to go$/);
    expect($('#sync-error').textContent).toBe('');
  });

  it('says how many articles from other devices this version cannot show, and that they are kept', async () => {
    const lastSuccessAt = new Date(Date.now() - 60_000).toISOString();
    await writeStatus({ ...ACCOUNT_STATUS, lastSuccessAt, unreadable: 2 });
    await open();
    expect($('#sync-status').textContent).toMatch(
      /^Last synced (at )?.+ · 2 articles from other devices cannot be shown by this version of Margins: they are kept, and shown once Margins is updated$/,
    );
  });

  it('follows a running sync through storage, and never keeps a stopped one running', async () => {
    await open();
    await act(() =>
      writeStatus({
        ...ACCOUNT_STATUS,
        state: 'syncing',
        heartbeatAt: new Date().toISOString(),
        received: 1200,
        sent: 4,
      }),
    );
    expect($('#sync-status').textContent).toBe('Syncing… (1,200 received, 4 sent)');
    expect(($('#sync-now') as HTMLButtonElement).disabled).toBe(true);

    await act(() =>
      writeStatus({
        ...ACCOUNT_STATUS,
        state: 'syncing',
        heartbeatAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      }),
    );
    expect($('#sync-status').textContent).toBe('Not synced yet');
    expect(($('#sync-now') as HTMLButtonElement).disabled).toBe(false);
  });

  it('explains a failed sync in plain words', async () => {
    await open();
    await act(() =>
      writeStatus({
        ...ACCOUNT_STATUS,
        state: 'error',
        error: { code: 'unauthorized', detail: 'GET /margins', at: new Date().toISOString() },
      }),
    );
    expect($('#sync-error').textContent).toBe('Wrong user name or password.');
    await act(() =>
      writeStatus({
        ...ACCOUNT_STATUS,
        state: 'error',
        error: { code: 'unreachable', detail: 'fetch failed', at: new Date().toISOString() },
      }),
    );
    expect($('#sync-error').textContent).toBe('Server unreachable — will retry.');
  });

  it('syncs now on request', async () => {
    await open();
    await click('#sync-now');
    expect(requestTypes()).toEqual(['sync-now']);
  });

  it('drops its own failure once a later sync succeeds (a worker stopped under Sync now resumes)', async () => {
    await open();
    background = () => ({ replyError: 'unknown' });
    await click('#sync-now');
    expect($('#sync-error').textContent).not.toBe('');
    await act(() => writeStatus({ ...ACCOUNT_STATUS, lastSuccessAt: new Date().toISOString() }));
    await settle();
    expect($('#sync-error').textContent).toBe('');
  });

  it('turns off in one step that says every article stays, and offers the same account again', async () => {
    await open();
    const disable = $('#sync-disable');
    expect(disable.textContent).toBe('Turn off sync');
    expect($(`#${disable.getAttribute('aria-describedby')}`).textContent).toContain(
      'keeps every article, highlight and note on this device',
    );
    await click('#sync-disable');
    expect(requestTypes()).toEqual(['sync-disable']);
    expect(($('#sync-server') as HTMLInputElement).value).toBe('https://couch.example.org');
    expect(($('#sync-username') as HTMLInputElement).value).toBe('reader');
    expect(($('#sync-passphrase') as HTMLInputElement).value).toBe('');
    expect($('#sync-status').textContent).toBe('Sync is off. Every article stays on this device.');
    expect(document.activeElement).toBe($('#sync-heading'));
  });
});
