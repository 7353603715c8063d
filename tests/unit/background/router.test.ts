import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { createFakeBrowser, EXTENSION_ORIGIN } from '../helpers/fake-browser.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

const fake = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('../../../src/platform/browser.ts', () => ({
  get browser() {
    return fake.current;
  },
}));

const { handleMessage } = await import('../../../src/background/router.ts');
const { quickAction } = await import('../../../src/background/quick-action.ts');

const ownPage = { id: 'margins-test-id', url: `${EXTENSION_ORIGIN}popup.html` };
let world: ReturnType<typeof createFakeBrowser>;
let db: MarginsDatabase;

beforeEach(() => {
  world = createFakeBrowser();
  fake.current = world.browser;
  db = openDatabase(`router-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('save-tab', () => {
  it('stores the snapshot the page returns and reports it created, then updated', async () => {
    world.tabs.set(7, { id: 7, url: 'https://news.example/a', extraction: makeSnapshot() });
    const first = await handleMessage({ type: 'save-tab', tabId: 7 }, ownPage, db);
    expect(first).toMatchObject({
      ok: true,
      value: { status: 'created', article: { title: 'A story' } },
    });
    const second = await handleMessage({ type: 'save-tab', tabId: 7 }, ownPage, db);
    expect(second).toMatchObject({ ok: true, value: { status: 'updated' } });
    expect(await db.articles.count()).toBe(1);
  });

  it.each([
    ['chrome://settings', 'restricted-page'],
    ['https://chromewebstore.google.com/detail/x', 'restricted-page'],
    ['about:reader?url=x', 'restricted-page'],
  ])('refuses %s with %s and stores nothing', async (url, code) => {
    world.tabs.set(1, { id: 1, url, extraction: makeSnapshot() });
    const reply = await handleMessage({ type: 'save-tab', tabId: 1 }, ownPage, db);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(await db.articles.count()).toBe(0);
  });

  it.each([
    'Cannot access a chrome:// URL',
    'Cannot access a chrome-extension:// URL of different extension',
    'The extensions gallery cannot be scripted.',
  ])(
    'recognises a browser page from the refusal "%s" when its address is hidden',
    async (refusal) => {
      world.tabs.set(4, { id: 4, extraction: new Error(refusal) });
      const reply = await handleMessage({ type: 'save-tab', tabId: 4 }, ownPage, db);
      expect(reply).toMatchObject({ ok: false, error: { code: 'restricted-page' } });
      expect(await db.articles.count()).toBe(0);
    },
  );

  it('explains a page the browser will not let it read (the PDF viewer, a crashed tab)', async () => {
    world.tabs.set(2, {
      id: 2,
      url: 'https://x.example/doc.pdf',
      extraction: new Error('Cannot access contents of the page'),
    });
    const reply = await handleMessage({ type: 'save-tab', tabId: 2 }, ownPage, db);
    expect(reply).toMatchObject({ ok: false, error: { code: 'cannot-access' } });
  });

  it.each([
    ['a string', 'hello'],
    ['a script URL', makeSnapshot({ url: 'javascript:alert(1)' })],
    ['a made-up date', makeSnapshot({ publishedTime: 'yesterday' })],
    ['a missing field', { ...makeSnapshot(), title: undefined }],
  ])('refuses a snapshot that is %s', async (_name, extraction) => {
    world.tabs.set(3, { id: 3, url: 'https://news.example/a', extraction });
    const reply = await handleMessage({ type: 'save-tab', tabId: 3 }, ownPage, db);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-page' } });
    expect(await db.articles.count()).toBe(0);
  });

  it('says a page is too large rather than that it is not an article', async () => {
    const huge = 'x'.repeat(20_000_001);
    world.tabs.set(5, {
      id: 5,
      url: 'https://news.example/a',
      extraction: makeSnapshot({ textContent: huge }),
    });
    const reply = await handleMessage({ type: 'save-tab', tabId: 5 }, ownPage, db);
    expect(reply).toMatchObject({ ok: false, error: { code: 'page-too-large' } });
    expect(await db.articles.count()).toBe(0);
  });

  it('explains a full disk and leaves the collection as it was', async () => {
    world.tabs.set(7, { id: 7, url: 'https://news.example/a', extraction: makeSnapshot() });
    await handleMessage({ type: 'save-tab', tabId: 7 }, ownPage, db);
    const before = await db.articles.toArray();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(db.articles, 'put').mockRejectedValueOnce(quota);
    world.tabs.set(8, {
      id: 8,
      url: 'https://news.example/b',
      extraction: makeSnapshot({ url: 'https://news.example/b', canonicalUrl: null }),
    });
    const reply = await handleMessage({ type: 'save-tab', tabId: 8 }, ownPage, db);
    expect(reply).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(await db.articles.toArray()).toEqual(before);
  });

  it('says so when the tab is gone', async () => {
    const reply = await handleMessage({ type: 'save-tab', tabId: 99 }, ownPage, db);
    expect(reply).toMatchObject({ ok: false, error: { code: 'no-tab' } });
  });
});

describe('the protocol gate', () => {
  it.each([
    [
      'another extension',
      { id: 'other-extension', url: 'chrome-extension://other-extension/p.html' },
    ],
    [
      'a web page through a content script',
      { id: 'margins-test-id', url: 'https://evil.example/' },
    ],
  ])('refuses requests from %s', async (_name, sender) => {
    world.tabs.set(7, { id: 7, url: 'https://news.example/a', extraction: makeSnapshot() });
    const reply = await handleMessage({ type: 'save-tab', tabId: 7 }, sender, db);
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
    world.tabs.set(7, { id: 7, url: 'https://news.example/a', extraction: makeSnapshot() });
    const saved = await handleMessage({ type: 'save-tab', tabId: 7 }, ownPage, db);
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
    world.tabs.set(7, { id: 7, url: 'https://news.example/a', extraction: makeSnapshot() });
    const reply = await quickAction(db, { id: 7 } as Parameters<typeof quickAction>[1], 'save');
    expect(reply).toMatchObject({ ok: true, value: { messageKey: 'badge_saved' } });
    expect(world.badges.get(7)).toEqual({ text: '✓', title: 'badge_saved:A story' });
    expect(await db.articles.count()).toBe(1);
  });

  it('shows the reason on the badge and stores nothing on a browser page', async () => {
    world.tabs.set(8, { id: 8, url: 'chrome://newtab', extraction: makeSnapshot() });
    await quickAction(db, { id: 8 } as Parameters<typeof quickAction>[1], 'save');
    expect(world.badges.get(8)).toEqual({ text: '!', title: 'error_restricted_page' });
    expect(await db.articles.count()).toBe(0);
  });
});

describe('highlight selection (context menu, keyboard command)', () => {
  const selector = [
    { type: 'TextQuoteSelector', exact: 'first paragraph', prefix: 'The ', suffix: '.' },
    { type: 'TextPositionSelector', start: 4, end: 19 },
  ];
  const asTab = (id: number) => ({ id }) as Parameters<typeof quickAction>[1];

  it('saves the article and stores the highlight on it, in one go', async () => {
    world.tabs.set(9, {
      id: 9,
      url: 'https://news.example/a',
      extraction: { kind: 'highlight', snapshot: makeSnapshot(), selector },
    });
    const reply = await quickAction(db, asTab(9), 'highlight');
    expect(reply).toMatchObject({ ok: true, value: { messageKey: 'badge_highlighted' } });
    const [annotation] = await db.annotations.toArray();
    expect(annotation).toMatchObject({ colour: 'yellow', target: { selector } });
    expect(annotation?.articleId).toBe((await db.articles.toArray())[0]?.id);
    expect(world.badges.get(9)?.text).toBe('✓');
  });

  it.each([
    ['no-selection', 'error_no_selection'],
    ['outside-article', 'error_selection_outside_article'],
  ])('explains %s and stores nothing', async (kind, message) => {
    world.tabs.set(10, {
      id: 10,
      url: 'https://news.example/a',
      extraction: { kind, snapshot: makeSnapshot() },
    });
    await quickAction(db, asTab(10), 'highlight');
    expect(world.badges.get(10)).toEqual({ text: '!', title: message });
    expect(await db.articles.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
  });

  it('refuses a forged selector from the page', async () => {
    world.tabs.set(11, {
      id: 11,
      url: 'https://news.example/a',
      extraction: {
        kind: 'highlight',
        snapshot: makeSnapshot(),
        selector: [{ type: 'TextQuoteSelector' }],
      },
    });
    const reply = await quickAction(db, asTab(11), 'highlight');
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-page' } });
    expect(await db.annotations.count()).toBe(0);
  });
});

describe('requests from the revisit script in a web page', () => {
  it("answers only with the annotations of the sender's own page", async () => {
    world.tabs.set(9, {
      id: 9,
      url: 'https://news.example/a',
      extraction: {
        kind: 'highlight',
        snapshot: makeSnapshot(),
        selector: [
          { type: 'TextQuoteSelector', exact: 'first', prefix: 'The ', suffix: ' paragraph' },
          { type: 'TextPositionSelector', start: 4, end: 9 },
        ],
      },
    });
    await quickAction(db, { id: 9 } as Parameters<typeof quickAction>[1], 'highlight');
    const page = {
      id: 'margins-test-id',
      url: 'https://news.example/2024/06/story#top',
      tab: { id: 3 },
    };
    const reply = await handleMessage({ type: 'page-annotations' }, page as never, db);
    expect(reply).toMatchObject({ ok: true, value: { annotations: [{ colour: 'yellow' }] } });
    const other = { ...page, url: 'https://news.example/other' };
    expect(await handleMessage({ type: 'page-annotations' }, other as never, db)).toEqual({
      ok: true,
      value: { annotations: [] },
    });
  });

  it('refuses anything else from a content script', async () => {
    world.tabs.set(7, { id: 7, url: 'https://news.example/a', extraction: makeSnapshot() });
    const page = { id: 'margins-test-id', url: 'https://news.example/a', tab: { id: 7 } };
    const reply = await handleMessage({ type: 'save-tab', tabId: 7 }, page as never, db);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await db.articles.count()).toBe(0);
  });
});
