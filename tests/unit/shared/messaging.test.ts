/**
 * Both ends of the protocol through the browser's messaging: `request()` in a page or in the
 * revisit script, the real router in the background, and answers checked where they arrive.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quickAction } from '../../../src/background/quick-action.ts';
import { handleMessage } from '../../../src/background/router.ts';
import { openDatabase, type MarginsDatabase } from '../../../src/db/schema.ts';
import { request } from '../../../src/shared/messaging.ts';
import { MarginsError } from '../../../src/shared/protocol.ts';
import { installFakePlatform, type FakePlatform } from '../helpers/fake-platform.ts';
import { makeSnapshot } from '../helpers/snapshot.ts';

let browser: FakePlatform;
let db: MarginsDatabase;
beforeEach(() => {
  browser = installFakePlatform();
  db = openDatabase(`messaging-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const listenAsBackground = () =>
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender, db));

describe('request()', () => {
  it('gets a page the background’s answer, checked', async () => {
    listenAsBackground();
    const tab = browser.tabs.open({
      url: 'https://news.example/a',
      page: { extract: makeSnapshot },
    });
    const saved = await request({ type: 'save-tab', tabId: tab.id });
    expect(saved).toMatchObject({ status: 'created', article: { title: 'A story' } });
    await expect(request({ type: 'undo-save', undo: saved.undo })).resolves.toEqual({
      restored: true,
    });
  });

  it('rethrows the background’s error with its code', async () => {
    listenAsBackground();
    const tab = browser.tabs.open({ url: 'chrome://settings' });
    const failure = request({ type: 'save-tab', tabId: tab.id });
    await expect(failure).rejects.toBeInstanceOf(MarginsError);
    await expect(failure).rejects.toMatchObject({ code: 'restricted-page' });
  });

  it('refuses an answer the protocol does not describe for that request', async () => {
    browser.runtime.onMessage.addListener(async () => ({ ok: true, value: { restored: 'yes' } }));
    await expect(
      request({ type: 'undo-save', undo: { articleId: 'a', previous: null } }),
    ).rejects.toMatchObject({ code: 'unknown', detail: expect.stringContaining('undo-save') });
  });

  it('gets the revisit script the highlights of its own page only', async () => {
    listenAsBackground();
    const saved = browser.tabs.open({
      url: 'https://news.example/a',
      page: {
        captureSelection: () => ({
          kind: 'highlight',
          snapshot: makeSnapshot(),
          selector: [
            { type: 'TextQuoteSelector', exact: 'first', prefix: 'The ', suffix: ' paragraph' },
            { type: 'TextPositionSelector', start: 4, end: 9 },
          ],
        }),
      },
    });
    await quickAction(db, { id: saved.id }, 'highlight');
    browser.runtime.sendFromTab({ id: 5, url: 'https://news.example/2024/06/story' });
    const { annotations } = await request({ type: 'page-annotations' });
    expect(annotations.map(({ colour, target }) => [colour, target.selector[0].exact])).toEqual([
      ['yellow', 'first'],
    ]);
    await expect(request({ type: 'save-tab', tabId: saved.id })).rejects.toMatchObject({
      code: 'bad-request',
    });
  });
});
