import { describe, expect, it } from 'vitest';
import { hostOf, isRestrictedUrl, normalizeUrl, urlKeysOf } from '../../../src/shared/url.ts';

describe('normalizeUrl', () => {
  it.each([
    ['https://www.Example.com/a/b/?utm_source=x&b=2&a=1#top', 'example.com/a/b?a=1&b=2'],
    ['http://example.com:80/a', 'example.com/a'],
    ['https://example.com/', 'example.com'],
    ['https://example.com/Path/Case', 'example.com/Path/Case'],
    ['https://example.com/a?fbclid=1&gclid=2', 'example.com/a'],
    ['https://user:pw@example.com/a', 'example.com/a'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('gives no key for addresses that are not web pages', () => {
    expect(normalizeUrl('chrome://settings')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('urlKeysOf', () => {
  it('keys an article by its address and its canonical address, once each', () => {
    expect(
      urlKeysOf({ url: 'https://m.site.org/x?utm_medium=a', canonicalUrl: 'https://site.org/x' }),
    ).toEqual(['m.site.org/x', 'site.org/x']);
    expect(urlKeysOf({ url: 'https://site.org/x', canonicalUrl: 'https://site.org/x/' })).toEqual([
      'site.org/x',
    ]);
  });
});

describe('isRestrictedUrl', () => {
  it.each([
    'chrome://extensions',
    'about:addons',
    'edge://settings',
    'chrome-extension://abc/popup.html',
    'moz-extension://abc/popup.html',
    'view-source:https://example.com',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/detail/x',
    'https://addons.mozilla.org/fr/firefox/',
  ])('refuses %s', (url) => {
    expect(isRestrictedUrl(url)).toBe(true);
  });

  it.each(['https://news.example/article', 'http://127.0.0.1:8080/a.html', undefined])(
    'allows %s',
    (url) => {
      expect(isRestrictedUrl(url)).toBe(false);
    },
  );
});

describe('hostOf', () => {
  it('drops www (and www2…) and keeps the host, lowercase', () => {
    expect(hostOf('https://www.la-croix.com/x')).toBe('la-croix.com');
    expect(hostOf('https://WWW2.Example.org/a')).toBe('example.org');
    expect(hostOf('https://wwwnews.example/')).toBe('wwwnews.example');
  });

  it('gives nothing for what names no host', () => {
    expect(hostOf('nonsense')).toBe('');
    expect(hostOf('file:///home/me/page.html')).toBe('');
    expect(hostOf(null)).toBe('');
  });
});
