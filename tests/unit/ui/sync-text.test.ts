/**
 * Sync's state in words: every error code the background can report is explained, in a
 * sentence and in a few words, in every language Margins ships (the pages build these keys from
 * the codes, so the catalogue test cannot see them); the phase a page shows never keeps a stopped
 * sync spinning; and the last sync's time reads naturally.
 */
import { describe, expect, it } from 'vitest';
import { SYNC_ERROR_CODES, SYNC_HEARTBEAT_MS, SYNC_OFF } from '../../../src/shared/sync-status.ts';
import {
  lastSyncedText,
  syncedAgo,
  syncErrorMessage,
  syncErrorShort,
  syncPhase,
} from '../../../src/ui/sync-text.ts';
import { LOCALES, readCatalogue } from '../helpers/catalogue.ts';
import { installFakePlatform } from '../helpers/fake-platform.ts';

const NOW = Date.parse('2026-03-10T15:30:00Z');
const on = { ...SYNC_OFF, enabled: true, serverUrl: 'https://couch.example.org', database: 'm' };

describe('sync error messages', () => {
  it.each(LOCALES)('%s has a sentence and a short reason for every code', (locale) => {
    installFakePlatform({ language: locale });
    for (const code of SYNC_ERROR_CODES) {
      const sentence = syncErrorMessage({ code, detail: 'disk full' });
      const short = syncErrorShort(code);
      // t() shows the key itself when a language lacks it.
      expect(sentence, `${locale} ${code}`).not.toMatch(/^sync_|\$/);
      expect(short, `${locale} ${code}`).not.toMatch(/^sync_|\$/);
    }
  });

  it('gives each code its own words', () => {
    const sentences = SYNC_ERROR_CODES.map((code) => syncErrorMessage({ code, detail: '' }));
    const reasons = SYNC_ERROR_CODES.map(syncErrorShort);
    expect(new Set(sentences).size).toBe(SYNC_ERROR_CODES.length);
    expect(new Set(reasons).size).toBe(SYNC_ERROR_CODES.length);
  });

  it('says what the user asked for in the plain words of the issue', () => {
    const say = (code: (typeof SYNC_ERROR_CODES)[number]) => syncErrorMessage({ code, detail: '' });
    expect(say('unauthorized')).toBe('Wrong user name or password.');
    expect(say('unreachable')).toBe('Server unreachable — will retry.');
    expect(say('server-error')).toBe('The server failed — will retry.');
    expect(say('wrong-passphrase')).toBe(
      'This passphrase does not open the library on the server.',
    );
    expect(say('no-access')).toBe(
      'Margins has no access to the server any more: turn sync off and on again.',
    );
  });

  it('names the detail only for a failure no code explains', () => {
    expect(syncErrorMessage({ code: 'failed', detail: 'QuotaExceededError' })).toBe(
      'Sync failed: QuotaExceededError',
    );
    expect(syncErrorMessage({ code: 'unauthorized', detail: 'GET /margins' })).not.toContain('GET');
    installFakePlatform({ language: 'fr' });
    expect(syncErrorMessage({ code: 'failed', detail: 'QuotaExceededError' })).toBe(
      'La synchronisation a échoué : QuotaExceededError',
    );
  });

  it('leaves no sync message of the catalogue unused by a code', () => {
    const keys = Object.keys(readCatalogue('en')).filter((key) =>
      /^sync_(error|reason)_/.test(key),
    );
    const used = SYNC_ERROR_CODES.flatMap((code) => {
      const name = code.replace(/-/g, '_');
      return [`sync_error_${name}`, `sync_reason_${name}`];
    });
    expect(keys.sort()).toEqual(used.sort());
  });
});

describe('the phase a page shows', () => {
  it('is off while sync is off, even with an error left from a failed try', () => {
    const failedTry = {
      ...SYNC_OFF,
      state: 'error' as const,
      error: { code: 'unauthorized' as const, detail: '', at: new Date(NOW).toISOString() },
    };
    expect(syncPhase(SYNC_OFF, NOW)).toBe('off');
    expect(syncPhase(failedTry, NOW)).toBe('off');
  });

  it('is syncing only while the worker keeps reporting', () => {
    const syncing = {
      ...on,
      state: 'syncing' as const,
      heartbeatAt: new Date(NOW - 5_000).toISOString(),
    };
    expect(syncPhase(syncing, NOW)).toBe('syncing');
    expect(syncPhase(syncing, NOW + SYNC_HEARTBEAT_MS)).toBe('idle');
  });

  it('is error when the last sync failed, idle otherwise', () => {
    const error = {
      code: 'unreachable' as const,
      detail: 'fetch failed',
      at: '2026-03-10T15:00:00Z',
    };
    expect(syncPhase({ ...on, state: 'error', error }, NOW)).toBe('error');
    expect(syncPhase(on, NOW)).toBe('idle');
  });
});

describe('when the last sync was', () => {
  const ago = (ms: number, locale = 'en') =>
    syncedAgo(new Date(NOW - ms).toISOString(), NOW, locale);

  it('reads as a moment ago in the popup', () => {
    expect(ago(10_000)).toBe('Synced just now');
    expect(ago(3 * 60_000)).toBe('Synced 3 minutes ago');
    expect(ago(2 * 3_600_000)).toBe('Synced 2 hours ago');
    expect(ago(26 * 3_600_000)).toBe('Synced yesterday');
    expect(ago(-5_000)).toBe('Synced just now');
  });

  it('reads naturally in each language', () => {
    installFakePlatform({ language: 'fr' });
    expect(ago(3 * 60_000, 'fr')).toBe('Synchronisé il y a 3 minutes');
    installFakePlatform({ language: 'de' });
    expect(ago(26 * 3_600_000, 'de')).toBe('Synchronisiert gestern');
    installFakePlatform({ language: 'es' });
    expect(ago(2 * 3_600_000, 'es')).toBe('Sincronizado hace 2 horas');
  });

  it('is a clock time that does not go stale in Settings', () => {
    const today = new Date(NOW - 30 * 60_000);
    const earlier = new Date(NOW - 3 * 86_400_000);
    const time = new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(today);
    const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
      earlier,
    );
    expect(lastSyncedText(today.toISOString(), NOW, 'en')).toBe(`Last synced at ${time}`);
    expect(lastSyncedText(earlier.toISOString(), NOW, 'en')).toBe(`Last synced ${day}`);
  });
});
