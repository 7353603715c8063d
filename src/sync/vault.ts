/**
 * The one readable document on the server, `margins-vault`: the salt and work factor the
 * passphrase is stretched with, and a short sealed check that tells a wrong passphrase at once,
 * before anything is read or written.
 */
import * as v from 'valibot';
import { fromBase64, toBase64, type Bytes } from './base64.ts';
import {
  aesGcmCipher,
  deriveMasterKey,
  KDF_ITERATIONS,
  newSalt,
  DecryptionError,
} from './crypto.ts';

export const VAULT_ID = 'margins-vault';
const CHECK_TEXT = 'Margins library';

export const VaultSchema = v.looseObject({
  _id: v.literal(VAULT_ID),
  _rev: v.optional(v.string()),
  format: v.literal('margins-sync'),
  version: v.literal(1),
  kdf: v.object({
    name: v.literal('PBKDF2-SHA-256'),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(100_000), v.maxValue(10_000_000)),
    salt: v.string(),
  }),
  check: v.string(),
  /**
   * Changes when the library is set up on the server again (a wiped server): devices then read
   * it from the start instead of from a checkpoint of the old one.
   */
  epoch: v.string(),
});
export type Vault = v.InferOutput<typeof VaultSchema>;

export async function createVault(passphrase: string): Promise<{ vault: Vault; master: Bytes }> {
  const salt = newSalt();
  const master = await deriveMasterKey(passphrase, salt, KDF_ITERATIONS);
  const cipher = await aesGcmCipher(master);
  const check = await cipher.seal(new TextEncoder().encode(CHECK_TEXT), VAULT_ID);
  return {
    vault: {
      _id: VAULT_ID,
      format: 'margins-sync',
      version: 1,
      kdf: { name: 'PBKDF2-SHA-256', iterations: KDF_ITERATIONS, salt },
      check: toBase64(check),
      epoch: newEpoch(),
    },
    master,
  };
}

export function newEpoch(): string {
  return crypto.randomUUID();
}

/** The master key, or DecryptionError when the passphrase is not the library's. */
export async function openVault(vault: Vault, passphrase: string): Promise<Bytes> {
  const master = await deriveMasterKey(passphrase, vault.kdf.salt, vault.kdf.iterations);
  const cipher = await aesGcmCipher(master);
  const text = new TextDecoder().decode(await cipher.open(fromBase64(vault.check), VAULT_ID));
  if (text !== CHECK_TEXT) throw new DecryptionError('vault check does not match');
  return master;
}

/** Whether this key is the one the vault was made with (without the passphrase). */
export async function vaultOpensWith(vault: Vault, master: Bytes): Promise<boolean> {
  try {
    const cipher = await aesGcmCipher(master);
    const text = new TextDecoder().decode(await cipher.open(fromBase64(vault.check), VAULT_ID));
    return text === CHECK_TEXT;
  } catch {
    return false;
  }
}
