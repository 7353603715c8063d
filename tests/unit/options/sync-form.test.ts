/**
 * The sync form is checked in the page before the browser is asked for site access: each wrong
 * field is named with the fix, and what passes is exactly what the protocol accepts.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  checkSyncForm,
  DEFAULT_DATABASE,
  firstProblemField,
  type SyncFormFields,
} from '../../../src/options/sync-form.ts';
import { RequestSchema } from '../../../src/shared/protocol.ts';

const good: SyncFormFields = {
  serverUrl: 'https://couch.example.org',
  database: DEFAULT_DATABASE,
  username: 'reader',
  password: 's3cret',
  passphrase: 'correct horse battery',
};

function problemsOf(change: Partial<SyncFormFields>) {
  const check = checkSyncForm({ ...good, ...change });
  return check.ok ? {} : check.problems;
}

describe('the sync form', () => {
  it('passes a good account on, trimmed, with the one origin to ask access for', () => {
    const check = checkSyncForm({
      ...good,
      serverUrl: '  https://couch.example.org:6984/couchdb/ ',
      database: ' margins ',
      username: ' reader ',
      password: ' spaced ',
    });
    expect(check).toEqual({
      ok: true,
      account: {
        serverUrl: 'https://couch.example.org:6984/couchdb/',
        database: 'margins',
        username: 'reader',
        // A password is used exactly as typed.
        password: ' spaced ',
      },
      passphrase: 'correct horse battery',
      originPattern: 'https://couch.example.org/*',
    });
    if (!check.ok) return;
    // What the page sends, the background accepts.
    const message = { type: 'sync-enable', account: check.account, passphrase: check.passphrase };
    expect(v.safeParse(RequestSchema, message).success).toBe(true);
  });

  it('takes a local server over http, and a server without accounts', () => {
    const check = checkSyncForm({
      ...good,
      serverUrl: 'http://127.0.0.1:5984',
      username: '',
      password: '',
    });
    expect(check).toMatchObject({ ok: true, originPattern: 'http://127.0.0.1/*' });
  });

  it('asks for the address when it is missing, and a full web address when it is not one', () => {
    expect(problemsOf({ serverUrl: '  ' })).toEqual({ serverUrl: 'server_missing' });
    expect(problemsOf({ serverUrl: 'couch.example.org' })).toEqual({ serverUrl: 'server_invalid' });
    expect(problemsOf({ serverUrl: 'ftp://couch.example.org' })).toEqual({
      serverUrl: 'server_invalid',
    });
    expect(problemsOf({ serverUrl: 'https://' })).toEqual({ serverUrl: 'server_invalid' });
  });

  it('holds database names to CouchDB’s rules', () => {
    expect(problemsOf({ database: '' })).toEqual({ database: 'database_missing' });
    for (const name of ['Margins', '1margins', '_users', 'my library', 'bücher']) {
      expect(problemsOf({ database: name }), name).toEqual({ database: 'database_invalid' });
    }
    for (const name of ['margins', 'margins-2', 'team/reading_list', 'a$b(c)+d']) {
      expect(problemsOf({ database: name }), name).toEqual({});
    }
  });

  it('wants a passphrase of at least 10 characters', () => {
    expect(problemsOf({ passphrase: '' })).toEqual({ passphrase: 'passphrase_short' });
    expect(problemsOf({ passphrase: '123456789' })).toEqual({ passphrase: 'passphrase_short' });
    expect(problemsOf({ passphrase: '1234567890' })).toEqual({});
    expect(problemsOf({ passphrase: 'x'.repeat(1_025) })).toEqual({ passphrase: 'too_long' });
  });

  it('refuses what the protocol would refuse', () => {
    expect(problemsOf({ username: 'u'.repeat(257), password: 'p'.repeat(1_025) })).toEqual({
      username: 'too_long',
      password: 'too_long',
    });
  });

  it('names every wrong field at once, and the first in the form’s order gets the focus', () => {
    const problems = problemsOf({ serverUrl: 'nope', database: 'Nope', passphrase: 'short' });
    expect(problems).toEqual({
      serverUrl: 'server_invalid',
      database: 'database_invalid',
      passphrase: 'passphrase_short',
    });
    expect(firstProblemField(problems)).toBe('serverUrl');
    expect(
      firstProblemField({ passphrase: 'passphrase_short', database: 'database_missing' }),
    ).toBe('database');
    expect(firstProblemField({})).toBeNull();
  });
});
