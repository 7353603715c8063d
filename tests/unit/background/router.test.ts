import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quickAction } from '../../../src/background/quick-action.ts';
import { handleMessage } from '../../../src/background/router.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { t } from '../../../src/shared/i18n.ts';
import {
  EXTENSION_ID,
  EXTENSION_ORIGIN,
  installFakePlatform,
  type FakePlatform,
} from '../helpers/fake-platform.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const ownPage = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` };
let browser: FakePlatform;
let db: MarginsDatabase;

/** A tab on `url` whose page gives back `extract` when read and `capture` for its selection. */
function openPage(url: string | undefined, page: { extract?: unknown; capture?: unknown }) {
  return browser.tabs.open({
    url,
    page: { extract: () => page.extract, captureSelection: () => page.capture },
  });
}

beforeEach(() => {
  browser = installFakePlatform();
  db = openDatabase(`router-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const save = (tabId: number) => handleMessage({ type: 'save-tab', tabId }, ownPage, db);

describe('save-tab', () => {
  it('stores the snapshot the page returns and reports it created, then updated', async () => {
    const tab = openPage('https://news.example/a', { extract: makeSnapshot() });
    expect(await save(tab.id)).toMatchObject({
      ok: true,
      value: { status: 'created', article: { title: 'A story' } },
    });
    expect(await save(tab.id)).toMatchObject({ ok: true, value: { status: 'updated' } });
    expect(await db.articles.count()).toBe(1);
  });

  it.each([
    ['chrome://settings', 'restricted-page'],
    ['https://chromewebstore.google.com/detail/x', 'restricted-page'],
    ['about:reader?url=x', 'restricted-page'],
  ])('refuses %s with %s and stores nothing', async (url, code) => {
    const tab = openPage(url, { extract: makeSnapshot() });
    expect(await save(tab.id)).toMatchObject({ ok: false, error: { code } });
    expect(await db.articles.count()).toBe(0);
  });

  it.each([
    'Cannot access a chrome:// URL',
    'Cannot access a chrome-extension:// URL of different extension',
    'The extensions gallery cannot be scripted.',
  ])(
    'recognises a browser page from the refusal "%s" when its address is hidden',
    async (refusal) => {
      const tab = browser.tabs.open({ refuses: refusal });
      expect(await save(tab.id)).toMatchObject({ ok: false, error: { code: 'restricted-page' } });
      expect(await db.articles.count()).toBe(0);
    },
  );

  it('explains a page the browser will not let it read (the PDF viewer, a crashed tab)', async () => {
    const tab = browser.tabs.open({
      url: 'https://x.example/doc.pdf',
      refuses: 'Cannot access contents of the page',
    });
    expect(await save(tab.id)).toMatchObject({ ok: false, error: { code: 'cannot-access' } });
  });

  it.each([
    ['a string', 'hello'],
    ['a script URL', makeSnapshot({ url: 'javascript:alert(1)' })],
    ['a made-up date', makeSnapshot({ publishedTime: 'yesterday' })],
    ['a missing field', { ...makeSnapshot(), title: undefined }],
  ])('refuses a snapshot that is %s', async (_name, extract) => {
    const tab = openPage('https://news.example/a', { extract });
    expect(await save(tab.id)).toMatchObject({ ok: false, error: { code: 'invalid-page' } });
    expect(await db.articles.count()).toBe(0);
  });

  it('says a page is too large rather than that it is not an article', async () => {
    const huge = 'x'.repeat(20_000_001);
    const tab = openPage('https://news.example/a', {
      extract: makeSnapshot({ textContent: huge }),
    });
    expect(await save(tab.id)).toMatchObject({ ok: false, error: { code: 'page-too-large' } });
    expect(await db.articles.count()).toBe(0);
  });

  it('explains a full disk and leaves the collection as it was', async () => {
    await save(openPage('https://news.example/a', { extract: makeSnapshot() }).id);
    const before = await db.articles.toArray();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.articles, 'put').mockRejectedValueOnce(quota);
    const other = openPage('https://news.example/b', {
      extract: makeSnapshot({ url: 'https://news.example/b', canonicalUrl: null }),
    });
    expect(await save(other.id)).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(await db.articles.toArray()).toEqual(before);
  });

  it('says so when the tab is gone', async () => {
    const tab = openPage('https://news.example/a', { extract: makeSnapshot() });
    browser.tabs.close(tab.id);
    expect(await save(tab.id)).toMatchObject({ ok: false, error: { code: 'no-tab' } });
  });
});

describe('the protocol gate', () => {
  it.each([
    [
      'another extension',
      { id: 'other-extension', url: 'chrome-extension://other-extension/p.html' },
    ],
    ['a web page through a content script', { id: EXTENSION_ID, url: 'https://evil.example/' }],
  ])('refuses requests from %s', async (_name, sender) => {
    const tab = openPage('https://news.example/a', { extract: makeSnapshot() });
    const reply = await handleMessage({ type: 'save-tab', tabId: tab.id }, sender, db);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await db.articles.count()).toBe(0);
  });

  it.each([null, 'save-tab', { type: 'drop-everything' }, { type: 'save-tab', tabId: '7' }])(
    'refuses the malformed message %j',
    async (message) => {
      const reply = await handleMessage(message, ownPage, db);
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    },
  );
});

describe('undo-save', () => {
  it('removes the article a save created', async () => {
    const saved = await save(openPage('https://news.example/a', { extract: makeSnapshot() }).id);
    if (!saved.ok) throw new Error('save failed');
    const { undo } = saved.value as { undo: unknown };
    expect(await handleMessage({ type: 'undo-save', undo }, ownPage, db)).toEqual({
      ok: true,
      value: { restored: true },
    });
    expect(await db.articles.count()).toBe(0);
  });
});

describe('quick save (keyboard command, context menu)', () => {
  it('saves the tab and shows a tick with the title on its badge', async () => {
    const tab = openPage('https://news.example/a', { extract: makeSnapshot() });
    const reply = await quickAction(db, { id: tab.id }, 'save');
    expect(reply).toMatchObject({ ok: true, value: { messageKey: 'badge_saved' } });
    expect(browser.action.badge(tab.id)).toMatchObject({
      text: '✓',
      title: 'Saved to Margins: A story',
    });
    expect(await db.articles.count()).toBe(1);
  });

  it('saves the active tab when the command comes without one', async () => {
    openPage('https://news.example/other', { extract: makeSnapshot() });
    const active = openPage('https://news.example/a', { extract: makeSnapshot() });
    await quickAction(db, undefined, 'save');
    expect(browser.action.badge(active.id).text).toBe('✓');
    expect(await db.articles.count()).toBe(1);
  });

  it('shows the reason on the badge and stores nothing on a browser page', async () => {
    const tab = openPage('chrome://newtab', { extract: makeSnapshot() });
    await quickAction(db, { id: tab.id }, 'save');
    expect(browser.action.badge(tab.id)).toMatchObject({
      text: '!',
      title: t('error_restricted_page'),
    });
    expect(await db.articles.count()).toBe(0);
  });
});

describe('highlight selection (context menu, keyboard command)', () => {
  const selector = [
    { type: 'TextQuoteSelector', exact: 'first paragraph', prefix: 'The ', suffix: '.' },
    { type: 'TextPositionSelector', start: 4, end: 19 },
  ];

  it('saves the article and stores the highlight on it, in one go', async () => {
    const tab = openPage('https://news.example/a', {
      capture: { kind: 'highlight', snapshot: makeSnapshot(), selector },
    });
    const reply = await quickAction(db, { id: tab.id }, 'highlight');
    expect(reply).toMatchObject({ ok: true, value: { messageKey: 'badge_highlighted' } });
    const [annotation] = await db.annotations.toArray();
    expect(annotation).toMatchObject({ colour: 'yellow', target: { selector } });
    expect(annotation?.articleId).toBe((await db.articles.toArray())[0]?.id);
    expect(browser.action.badge(tab.id).text).toBe('✓');
  });

  it.each([
    ['no-selection', 'error_no_selection'],
    ['outside-article', 'error_selection_outside_article'],
  ])('explains %s and stores nothing', async (kind, message) => {
    const tab = openPage('https://news.example/a', {
      capture: { kind, snapshot: makeSnapshot() },
    });
    await quickAction(db, { id: tab.id }, 'highlight');
    expect(browser.action.badge(tab.id)).toMatchObject({ text: '!', title: t(message) });
    expect(await db.articles.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
  });

  it('refuses a forged selector from the page', async () => {
    const tab = openPage('https://news.example/a', {
      capture: {
        kind: 'highlight',
        snapshot: makeSnapshot(),
        selector: [{ type: 'TextQuoteSelector' }],
      },
    });
    const reply = await quickAction(db, { id: tab.id }, 'highlight');
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-page' } });
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('requests from the revisit script in a web page', () => {
  it("answers only with the annotations of the sender's own page", async () => {
    const saved = openPage('https://news.example/a', {
      capture: {
        kind: 'highlight',
        snapshot: makeSnapshot(),
        selector: [
          { type: 'TextQuoteSelector', exact: 'first', prefix: 'The ', suffix: ' paragraph' },
          { type: 'TextPositionSelector', start: 4, end: 9 },
        ],
      },
    });
    await quickAction(db, { id: saved.id }, 'highlight');
    const page = {
      id: EXTENSION_ID,
      url: 'https://news.example/2024/06/story#top',
      tab: { id: 3 },
    };
    const reply = await handleMessage({ type: 'page-annotations' }, page, db);
    expect(reply).toMatchObject({ ok: true, value: { annotations: [{ colour: 'yellow' }] } });
    const other = { ...page, url: 'https://news.example/other' };
    expect(await handleMessage({ type: 'page-annotations' }, other, db)).toEqual({
      ok: true,
      value: { annotations: [] },
    });
  });

  it('is not for an extension page, which has no page of its own', async () => {
    expect(await handleMessage({ type: 'page-annotations' }, ownPage, db)).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('refuses anything else from a content script', async () => {
    const tab = openPage('https://news.example/a', { extract: makeSnapshot() });
    const page = { id: EXTENSION_ID, url: 'https://news.example/a', tab: { id: tab.id } };
    const reply = await handleMessage({ type: 'save-tab', tabId: tab.id }, page, db);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await db.articles.count()).toBe(0);
  });
});
