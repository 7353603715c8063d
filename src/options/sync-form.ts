/**
 * The sync form checked in the page before anything is asked of the browser or the background.
 * The protocol's own schemas decide what passes; this only finds which field breaks them and
 * names the fix in a sentence (options_sync_invalid_* messages).
 */
import * as v from 'valibot';
import {
  MIN_PASSPHRASE_LENGTH,
  PassphraseSchema,
  SyncAccountSchema,
  type SyncAccount,
} from '../shared/protocol.ts';
import { syncOriginPattern } from '../shared/sync-status.ts';

export interface SyncFormFields {
  serverUrl: string;
  database: string;
  username: string;
  password: string;
  passphrase: string;
}

export type SyncField = keyof SyncFormFields;

/** The fields in the order the form shows them: the first wrong one gets the focus. */
export const SYNC_FIELDS = [
  'serverUrl',
  'database',
  'username',
  'password',
  'passphrase',
] as const satisfies readonly SyncField[];

export const DEFAULT_DATABASE = 'margins';

/** What is wrong with a field; `options_sync_invalid_<problem>` says it. */
export type SyncFieldProblem =
  | 'server_missing'
  | 'server_invalid'
  | 'database_missing'
  | 'database_invalid'
  | 'passphrase_short'
  | 'too_long';

export type SyncFieldProblems = Partial<Record<SyncField, SyncFieldProblem>>;

export type SyncFormCheck =
  | {
      ok: true;
      account: SyncAccount;
      passphrase: string;
      /** The site access to ask for: the server's origin, nothing else. */
      originPattern: string;
    }
  | { ok: false; problems: SyncFieldProblems };

/** The account as it will be sent: addresses and names without stray spaces, passwords as typed. */
function accountOf(fields: SyncFormFields) {
  return {
    serverUrl: fields.serverUrl.trim(),
    database: fields.database.trim(),
    username: fields.username.trim(),
    password: fields.password,
  };
}

/** Why the protocol's schema refuses a field's value, in terms the user can act on. */
function accountProblem(field: keyof SyncAccount, value: string): SyncFieldProblem {
  if (field === 'serverUrl') return value === '' ? 'server_missing' : 'server_invalid';
  if (field === 'database') return value === '' ? 'database_missing' : 'database_invalid';
  return 'too_long';
}

function passphraseProblem(passphrase: string): SyncFieldProblem | null {
  if (v.safeParse(PassphraseSchema, passphrase).success) return null;
  return passphrase.length < MIN_PASSPHRASE_LENGTH ? 'passphrase_short' : 'too_long';
}

function isAccountField(key: unknown): key is keyof SyncAccount {
  return typeof key === 'string' && key in SyncAccountSchema.entries;
}

export function checkSyncForm(fields: SyncFormFields): SyncFormCheck {
  const account = accountOf(fields);
  const problems: SyncFieldProblems = {};
  const parsed = v.safeParse(SyncAccountSchema, account);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const field = issue.path?.[0]?.key;
      if (isAccountField(field)) problems[field] ??= accountProblem(field, account[field]);
    }
  }
  const originPattern = syncOriginPattern(account.serverUrl);
  if (!originPattern) problems.serverUrl ??= accountProblem('serverUrl', account.serverUrl);
  const passphrase = passphraseProblem(fields.passphrase);
  if (passphrase) problems.passphrase = passphrase;
  if (parsed.success && originPattern && !passphrase) {
    return { ok: true, account: parsed.output, passphrase: fields.passphrase, originPattern };
  }
  return { ok: false, problems };
}

/** The first field with a problem, in the form's order. */
export function firstProblemField(problems: SyncFieldProblems): SyncField | null {
  return SYNC_FIELDS.find((field) => problems[field] !== undefined) ?? null;
}
