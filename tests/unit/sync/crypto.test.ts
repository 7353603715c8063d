/**
 * The encryption of what Margins sends to the sync server, checked against an independent
 * implementation (Node's crypto module) and a published PBKDF2-SHA-256 vector: the key from
 * the passphrase, the document ids, and AES-256-GCM sealing with the id as associated data.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  pbkdf2Sync,
  randomBytes,
} from 'node:crypto';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64, type Bytes } from '../../../src/sync/base64.ts';
import {
  DecryptionError,
  KDF_ITERATIONS,
  aesGcmCipher,
  deriveMasterKey,
  type Cipher,
} from '../../../src/sync/crypto.ts';
import {
  VaultSchema,
  createVault,
  openVault,
  vaultOpensWith,
  type Vault,
} from '../../../src/sync/vault.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (buffer: Buffer): Bytes => new Uint8Array(buffer);
const encoder = new TextEncoder();

/** A fixed master key, so the checks below are known answers, not one random run. */
const MASTER: Bytes = Uint8Array.from({ length: 32 }, (_unused, at) => at * 7 + 1);
const ARTICLE_ID = '3f1c7a52-6f0e-4c1b-9d8e-2a4b6c8d0e1f';

function subkey(master: Uint8Array, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), purpose, 32));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('deriveMasterKey', () => {
  it('is PBKDF2-HMAC-SHA-256 (RFC 7914 vector: "passwd", "salt", 1 iteration)', async () => {
    const key = await deriveMasterKey('passwd', toBase64(encoder.encode('salt')), 1);
    expect(hex(key)).toBe('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc');
  });

  it('matches Node’s pbkdf2Sync on a passphrase in NFC, whichever form it was typed in', async () => {
    const salt = toBase64(randomBytes(16));
    const composed = 'Crème brûlée 🔑 passphrase';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const expected = pbkdf2Sync(composed, Buffer.from(salt, 'base64'), 2_000, 32, 'sha256');
    expect(hex(await deriveMasterKey(composed, salt, 2_000))).toBe(expected.toString('hex'));
    expect(hex(await deriveMasterKey(decomposed, salt, 2_000))).toBe(expected.toString('hex'));
  });
});

describe('aesGcmCipher', () => {
  let cipher: Cipher;
  beforeAll(async () => {
    cipher = await aesGcmCipher(MASTER);
  });

  it('names a document by HMAC-SHA-256 with the HKDF subkey "margins/ids/1", 16 bytes in hex', async () => {
    const expected = createHmac('sha256', subkey(MASTER, 'margins/ids/1'))
      .update(ARTICLE_ID)
      .digest()
      .subarray(0, 16)
      .toString('hex');
    const id = await cipher.documentId(ARTICLE_ID);
    expect(id).toBe(expected);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await cipher.documentId(`${ARTICLE_ID}x`)).not.toBe(id);
  });

  it('opens what Node sealed with AES-256-GCM (HKDF subkey "margins/documents/1", id as associated data)', async () => {
    const documentId = await cipher.documentId(ARTICLE_ID);
    const plain = encoder.encode('{"title":"A story"}');
    const nonce = randomBytes(12);
    const sealer = createCipheriv('aes-256-gcm', subkey(MASTER, 'margins/documents/1'), nonce);
    sealer.setAAD(Buffer.from(documentId));
    const body = Buffer.concat([sealer.update(plain), sealer.final()]);
    const sealed = bytes(Buffer.concat([nonce, body, sealer.getAuthTag()]));
    expect(sealed.length).toBe(12 + plain.length + 16);
    expect(await cipher.open(sealed, documentId)).toEqual(plain);
  });

  it('seals what Node opens, and what it opens again itself, with a fresh nonce each time', async () => {
    const plain = encoder.encode('The council voted on Tuesday.');
    const first = await cipher.seal(plain, 'doc-1');
    const second = await cipher.seal(plain, 'doc-1');
    expect(hex(first.subarray(0, 12))).not.toBe(hex(second.subarray(0, 12)));
    expect(await cipher.open(first, 'doc-1')).toEqual(plain);

    const opener = createDecipheriv(
      'aes-256-gcm',
      subkey(MASTER, 'margins/documents/1'),
      first.subarray(0, 12),
    );
    opener.setAAD(Buffer.from('doc-1'));
    opener.setAuthTag(Buffer.from(first.subarray(first.length - 16)));
    const opened = Buffer.concat([
      opener.update(first.subarray(12, first.length - 16)),
      opener.final(),
    ]);
    expect(new Uint8Array(opened)).toEqual(plain);
  });

  it('refuses altered data, other associated data and another key with DecryptionError', async () => {
    const plain = encoder.encode('a highlight note');
    const sealed = await cipher.seal(plain, 'doc-1');
    const flipped = (at: number) => {
      const copy = sealed.slice();
      copy[at] = (copy[at] as number) ^ 1;
      return copy;
    };
    const other = await aesGcmCipher(bytes(randomBytes(32)));
    const refused = [
      () => cipher.open(flipped(0), 'doc-1'), // nonce
      () => cipher.open(flipped(14), 'doc-1'), // ciphertext
      () => cipher.open(flipped(sealed.length - 1), 'doc-1'), // tag
      () => cipher.open(sealed.subarray(0, sealed.length - 1), 'doc-1'), // cut short
      () => cipher.open(sealed.subarray(0, 12), 'doc-1'), // nonce only
      () => cipher.open(sealed, 'doc-2'),
      () => other.open(sealed, 'doc-1'),
    ];
    for (const attempt of refused) {
      expect(await rejection(attempt())).toBeInstanceOf(DecryptionError);
    }
  });
});

describe('the vault', () => {
  const passphrase = 'correct horse battery staple';
  let vault: Vault;
  let master: Bytes;
  // One real derivation (600,000 iterations) for the whole block: ~0.5 s each.
  beforeAll(async () => {
    ({ vault, master } = await createVault(passphrase));
  }, 30_000);

  it('is stretched with PBKDF2-SHA-256 at the current work factor and a 16-byte random salt', () => {
    expect(v.safeParse(VaultSchema, vault).success).toBe(true);
    expect(vault.kdf).toMatchObject({ name: 'PBKDF2-SHA-256', iterations: KDF_ITERATIONS });
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(vault.kdf.salt)).toHaveLength(16);
    const expected = pbkdf2Sync(
      passphrase,
      Buffer.from(vault.kdf.salt, 'base64'),
      KDF_ITERATIONS,
      32,
      'sha256',
    );
    expect(hex(master)).toBe(expected.toString('hex'));
    expect(JSON.stringify(vault)).not.toContain('horse');
  });

  it('opens with its passphrase, giving the same key', async () => {
    expect(hex(await openVault(vault, passphrase))).toBe(hex(master));
    expect(await vaultOpensWith(vault, master)).toBe(true);
  }, 30_000);

  it('refuses a wrong passphrase and another key', async () => {
    expect(await rejection(openVault(vault, 'correct horse battery stapler'))).toBeInstanceOf(
      DecryptionError,
    );
    expect(await vaultOpensWith(vault, bytes(randomBytes(32)))).toBe(false);
  }, 30_000);

  it('is made with a new salt each time', async () => {
    const again = await createVault(passphrase);
    expect(again.vault.kdf.salt).not.toBe(vault.kdf.salt);
    expect(hex(again.master)).not.toBe(hex(master));
    expect(again.vault.epoch).not.toBe(vault.epoch);
  }, 30_000);
});
