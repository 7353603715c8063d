/**
 * The fake browser behaves as the real one where Margins' tests rely on it: these are the
 * behaviours a test of product code takes for granted.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Alarm, PermissionSet } from '../../../src/platform/platform.ts';
import { EXTRACTION_BUNDLE, IN_TAB_FUNCTIONS } from '../../../src/shared/in-tab.ts';
import {
  DOWNLOADS_FOLDER,
  EXTENSION_ID,
  EXTENSION_ORIGIN,
  installFakePlatform,
  type FakePlatform,
} from '../helpers/fake-platform.ts';

let browser: FakePlatform;
beforeEach(() => {
  browser = installFakePlatform();
});

describe('storage', () => {
  it('keeps copies, never the caller’s objects', async () => {
    const value = { tags: ['a'] };
    await browser.storage.local.set({ key: value });
    value.tags.push('b');
    const read = await browser.storage.local.get('key');
    expect(read).toEqual({ key: { tags: ['a'] } });
    (read.key as { tags: string[] }).tags.push('c');
    expect(await browser.storage.local.get(['key', 'absent'])).toEqual({ key: { tags: ['a'] } });
  });

  it('announces what changed, in which area, and nothing for a write that changes nothing', async () => {
    const seen: unknown[] = [];
    browser.storage.onChanged.addListener((changes, area) => seen.push({ area, changes }));
    await browser.storage.local.set({ a: 1 });
    await browser.storage.local.set({ a: 1 });
    await browser.storage.session.set({ a: 2 });
    await browser.storage.local.remove(['a', 'never-set']);
    expect(seen).toEqual([
      { area: 'local', changes: { a: { newValue: 1 } } },
      { area: 'session', changes: { a: { newValue: 2 } } },
      { area: 'local', changes: { a: { oldValue: 1 } } },
    ]);
  });

  it('forgets session storage on a browser restart and keeps local storage', async () => {
    let started = 0;
    browser.runtime.onStartup.addListener(() => started++);
    await browser.storage.local.set({ kept: true });
    await browser.storage.session.set({ gone: true });
    browser.restartBrowser();
    expect(started).toBe(1);
    expect(await browser.storage.local.get('kept')).toEqual({ kept: true });
    expect(await browser.storage.session.get('gone')).toEqual({});
  });
});

describe('permissions', () => {
  const couch = { origins: ['https://couch.example.org/*'] };

  it('holds what the manifest requires from the start, and will not give it back', async () => {
    expect(await browser.permissions.contains({ permissions: [] })).toBe(true);
    expect(browser.permissions.has('storage')).toBe(true);
    expect(browser.permissions.has('downloads')).toBe(false);
    await expect(
      browser.permissions.remove({ permissions: ['storage' as 'downloads'] }),
    ).rejects.toThrow(/required/);
  });

  it('grants an origin the user accepts, once, and announces it', async () => {
    const added: PermissionSet[] = [];
    browser.permissions.onAdded.addListener((permissions) => added.push(permissions));
    expect(await browser.permissions.contains(couch)).toBe(false);
    expect(await browser.permissions.request(couch)).toBe(true);
    expect(await browser.permissions.request(couch)).toBe(true);
    expect(await browser.permissions.contains(couch)).toBe(true);
    expect(browser.permissions.prompts).toEqual([couch]);
    expect(added).toEqual([{ permissions: [], origins: couch.origins }]);
  });

  it('answers false when the user refuses, and throws outside a user gesture', async () => {
    browser.permissions.answer = 'refuse';
    expect(await browser.permissions.request(couch)).toBe(false);
    expect(await browser.permissions.contains(couch)).toBe(false);
    browser.permissions.answer = 'no-gesture';
    await expect(browser.permissions.request(couch)).rejects.toThrow(/user input/);
  });

  it('refuses to ask for anything the manifest does not declare as optional', async () => {
    await expect(
      browser.permissions.request({ permissions: ['bookmarks' as 'downloads'] }),
    ).rejects.toThrow(/manifest/);
    await expect(browser.permissions.request({ origins: ['ftp://x.example/*'] })).rejects.toThrow(
      /manifest/,
    );
  });

  it('lets a broad grant cover narrower origins, ports included', async () => {
    browser.permissions.grant({ origins: ['https://*/*'] });
    expect(await browser.permissions.contains(couch)).toBe(true);
    expect(await browser.permissions.contains({ origins: ['https://x.example:6984/db/*'] })).toBe(
      true,
    );
    expect(await browser.permissions.contains({ origins: ['http://x.example/*'] })).toBe(false);
    browser.permissions.grant({ origins: ['http://127.0.0.1:5984/*'] });
    expect(await browser.permissions.contains({ origins: ['http://127.0.0.1:5984/*'] })).toBe(true);
    expect(await browser.permissions.contains({ origins: ['http://127.0.0.1:8080/*'] })).toBe(
      false,
    );
  });

  it('takes back what is removed, announces it, and leaves broader grants alone', async () => {
    const removed: PermissionSet[] = [];
    browser.permissions.onRemoved.addListener((permissions) => removed.push(permissions));
    browser.permissions.grant({ permissions: ['downloads'], origins: couch.origins });
    expect(await browser.permissions.remove({ permissions: ['downloads'], ...couch })).toBe(true);
    expect(await browser.permissions.remove(couch)).toBe(false);
    expect(await browser.permissions.contains(couch)).toBe(false);
    expect(browser.permissions.has('downloads')).toBe(false);
    expect(removed).toEqual([{ permissions: ['downloads'], origins: couch.origins }]);

    browser.permissions.grant({ origins: ['https://*/*'] });
    expect(await browser.permissions.remove(couch)).toBe(false);
    expect(await browser.permissions.contains(couch)).toBe(true);
  });
});

describe('alarms', () => {
  const start = Date.UTC(2026, 0, 1);
  const minutes = (n: number) => n * 60_000;
  let now = start;
  beforeEach(() => {
    now = start;
    browser = installFakePlatform({ now: () => now });
  });

  it('schedules, replaces and clears alarms by name', async () => {
    await browser.alarms.create('sync', { periodInMinutes: 15 });
    await browser.alarms.create('once', { delayInMinutes: 1 });
    await browser.alarms.create('sync', { periodInMinutes: 30 });
    expect(browser.alarms.scheduled()).toEqual([
      { name: 'once', scheduledTime: start + minutes(1) },
      { name: 'sync', scheduledTime: start + minutes(30), periodInMinutes: 30 },
    ]);
    expect(await browser.alarms.get('sync')).toEqual({
      name: 'sync',
      scheduledTime: start + minutes(30),
      periodInMinutes: 30,
    });
    expect(await browser.alarms.clear('once')).toBe(true);
    expect(await browser.alarms.clear('once')).toBe(false);
    expect(await browser.alarms.get('once')).toBeUndefined();
  });

  it('fires on demand: a periodic alarm comes back a period later, a one-off one is gone', async () => {
    const fired: Alarm[] = [];
    browser.alarms.onAlarm.addListener((alarm) => fired.push(alarm));
    await browser.alarms.create('sync', { periodInMinutes: 15 });
    await browser.alarms.create('once', { when: start + 5 });
    browser.alarms.fire('sync');
    browser.alarms.fire('once');
    expect(fired.map((alarm) => alarm.name)).toEqual(['sync', 'once']);
    expect(browser.alarms.scheduled()).toEqual([
      { name: 'sync', scheduledTime: start + minutes(30), periodInMinutes: 15 },
    ]);
    expect(() => browser.alarms.fire('once')).toThrow(/no alarm/);
  });

  it('fires what is due by a time, each once, however long the browser slept', async () => {
    await browser.alarms.create('sync', { periodInMinutes: 15 });
    await browser.alarms.create('later', { delayInMinutes: 120 });
    expect(browser.alarms.fireDue(start + minutes(14))).toEqual([]);
    expect(browser.alarms.fireDue(start + minutes(61))).toEqual(['sync']);
    expect((await browser.alarms.get('sync'))?.scheduledTime).toBe(start + minutes(75));
  });
});

describe('downloads', () => {
  const json = `data:application/json;base64,${Buffer.from('{"a":1}').toString('base64')}`;

  it('is missing until the user grants the downloads permission', async () => {
    await expect(browser.downloads.download({ url: json, filename: 'a.json' })).rejects.toThrow(
      /permission/,
    );
    browser.permissions.grant({ permissions: ['downloads'] });
    expect(await browser.downloads.download({ url: json, filename: 'a.json' })).toBe(1);
  });

  it('keeps what was written, renames on a clash, and deletes and forgets files', async () => {
    browser.permissions.grant({ permissions: ['downloads'] });
    const blobUrl = URL.createObjectURL(new Blob(['from a blob']));
    const first = await browser.downloads.download({ url: json, filename: 'b/a.json' });
    await browser.downloads.download({
      url: blobUrl,
      filename: 'b/a.json',
      conflictAction: 'uniquify',
    });
    expect(browser.downloads.files().map(({ filename, text }) => [filename, text])).toEqual([
      [`${DOWNLOADS_FOLDER}/b/a.json`, '{"a":1}'],
      [`${DOWNLOADS_FOLDER}/b/a (1).json`, 'from a blob'],
    ]);
    const newestFirst = await browser.downloads.search({ orderBy: ['-startTime'] });
    expect(newestFirst.map((item) => item.id)).toEqual([2, first]);

    await browser.downloads.removeFile(first);
    await expect(browser.downloads.removeFile(first)).rejects.toThrow(/already deleted/);
    expect(browser.downloads.files()).toHaveLength(1);
    expect(await browser.downloads.search({ exists: false })).toHaveLength(1);
    expect(await browser.downloads.erase({ id: first })).toEqual([first]);
    expect(await browser.downloads.search({})).toHaveLength(1);
  });
});

describe('tabs and scripting', () => {
  it('opens tabs with ids never reused; the newest is the active one', async () => {
    const first = browser.tabs.open({ url: 'https://a.example/' });
    const second = browser.tabs.open({ url: 'https://b.example/' });
    browser.tabs.close(second.id);
    const third = browser.tabs.open({});
    expect([first.id, second.id, third.id]).toEqual([1, 2, 3]);
    expect(await browser.tabs.query({ active: true, currentWindow: true })).toEqual([{ id: 3 }]);
    await expect(browser.tabs.get(2)).rejects.toThrow('No tab with id: 2.');
  });

  it('runs a function as the page would: with what the injected bundle defined, nothing else', async () => {
    const tab = browser.tabs.open({
      url: 'https://a.example/',
      page: { extract: () => ({ title: 'From the page' }) },
    });
    const target = { tabId: tab.id };
    const func = IN_TAB_FUNCTIONS.extract;
    expect(await browser.scripting.executeScript({ target, func })).toEqual([
      { result: undefined },
    ]);
    await browser.scripting.executeScript({ target, files: [EXTRACTION_BUNDLE] });
    expect(await browser.scripting.executeScript({ target, func })).toEqual([
      { result: { title: 'From the page' } },
    ]);
    expect('__margins' in globalThis).toBe(false);
  });

  it('fails a function that uses the caller’s variables, as a real tab does', async () => {
    const tab = browser.tabs.open({ url: 'https://a.example/' });
    const local = { secret: 1 };
    void local;
    await expect(
      browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => local.secret }),
    ).rejects.toThrow(/local/);
  });

  it('keeps registered content scripts across a restart, and refuses duplicate ids', async () => {
    const script = { id: 'revisit', matches: ['https://*/*'], js: ['revisit.js'] };
    await browser.scripting.registerContentScripts([script]);
    await expect(browser.scripting.registerContentScripts([script])).rejects.toThrow(/Duplicate/);
    browser.restartBrowser();
    expect(await browser.scripting.getRegisteredContentScripts({ ids: ['revisit'] })).toEqual([
      script,
    ]);
    await browser.scripting.unregisterContentScripts({ ids: ['revisit'] });
    await expect(browser.scripting.unregisterContentScripts({ ids: ['revisit'] })).rejects.toThrow(
      /Nonexistent/,
    );
  });
});

describe('runtime messaging', () => {
  it('delivers copies to the listeners and answers with the first answer', async () => {
    const received: unknown[] = [];
    browser.runtime.onMessage.addListener((message, sender) => {
      received.push([message, sender]);
      return undefined;
    });
    browser.runtime.onMessage.addListener(async (message) => ({ echo: message }));
    const message = { type: 'ping' };
    expect(await browser.runtime.sendMessage(message)).toEqual({ echo: { type: 'ping' } });
    expect(received).toEqual([
      [message, { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` }],
    ]);
    expect((received[0] as unknown[])[0]).not.toBe(message);
  });

  it('rejects when nothing listens, as when the background is missing', async () => {
    await expect(browser.runtime.sendMessage({ type: 'ping' })).rejects.toThrow(
      /Receiving end does not exist/,
    );
  });

  it('sends as a content script in a tab when told to', async () => {
    const senders: unknown[] = [];
    browser.runtime.onMessage.addListener(async (_message, sender) => senders.push(sender));
    browser.runtime.sendFromTab({ id: 4, url: 'https://a.example/x' });
    await browser.runtime.sendMessage({});
    expect(senders).toEqual([
      { id: EXTENSION_ID, url: 'https://a.example/x', tab: { id: 4, url: 'https://a.example/x' } },
    ]);
  });

  it('gives the extension’s own addresses and opens the options page in a tab', async () => {
    expect(browser.runtime.getURL('/reader.html?id=1')).toBe(`${EXTENSION_ORIGIN}reader.html?id=1`);
    await browser.runtime.openOptionsPage();
    expect(browser.tabs.urls()).toEqual([`${EXTENSION_ORIGIN}options.html`]);
  });
});

describe('i18n', () => {
  it('reads the real catalogues, with placeholders filled', () => {
    expect(browser.i18n.getMessage('badge_saved', 'A story')).toBe('Saved to Margins: A story');
    expect(browser.i18n.getMessage('badge_saved', ['$1 and $$'])).toBe(
      'Saved to Margins: $1 and $$',
    );
    expect(browser.i18n.getMessage('no_such_key')).toBe('');
    expect(browser.i18n.getMessage('@@bidi_dir')).toBe('ltr');
    expect(browser.i18n.getUILanguage()).toBe('en-US');
  });

  it('follows the UI language', () => {
    const french = installFakePlatform({ language: 'fr-CA' });
    expect(french.i18n.getMessage('badge_saved', 'Un article')).toMatch(/Un article/);
    expect(french.i18n.getMessage('badge_saved', 'Un article')).not.toBe(
      browser.i18n.getMessage('badge_saved', 'Un article'),
    );
    expect(french.i18n.getMessage('@@ui_locale')).toBe('fr_CA');
  });
});
