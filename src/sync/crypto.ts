/**
 * End-to-end encryption of what Margins sends to the sync server, with the browser's WebCrypto.
 *
 * The passphrase gives 256 bits with PBKDF2-SHA-256 (600,000 iterations, OWASP's 2023 figure) and
 * the library's random salt; HKDF turns those into two independent keys: AES-256-GCM for the
 * documents, HMAC-SHA-256 for their ids (so an id says nothing about the article, and the same
 * article has the same id on every device). Each document is sealed with a fresh 96-bit nonce
 * and its own id as associated data, so the server can neither read nor swap documents.
 */
import { fromBase64, toBase64, type Bytes } from './base64.ts';

export const KDF_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const encoder = new TextEncoder();

/** What seals and opens documents; `plainCipher` exists only to measure encryption's cost. */
export interface Cipher {
  seal(plain: Bytes, associated: string): Promise<Bytes>;
  open(sealed: Bytes, associated: string): Promise<Bytes>;
  documentId(articleId: string): Promise<string>;
}

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

export function newSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

/** The 256 bits every key comes from, derived once when sync is turned on and kept locally. */
export async function deriveMasterKey(
  passphrase: string,
  salt: string,
  iterations: number = KDF_ITERATIONS,
): Promise<Bytes> {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    256,
  );
  return new Uint8Array(bits);
}

async function subkey(
  master: Bytes,
  purpose: string,
  algorithm: AesKeyGenParams | HmacKeyGenParams,
  usages: KeyUsage[],
) {
  const base = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(purpose) },
    base,
    algorithm,
    false,
    usages,
  );
}

export async function aesGcmCipher(master: Bytes): Promise<Cipher> {
  const sealKey = await subkey(master, 'margins/documents/1', { name: 'AES-GCM', length: 256 }, [
    'encrypt',
    'decrypt',
  ]);
  const idKey = await subkey(
    master,
    'margins/ids/1',
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    ['sign'],
  );
  return {
    async seal(plain, associated) {
      const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: nonce, additionalData: encoder.encode(associated) },
        sealKey,
        plain,
      );
      const out = new Uint8Array(NONCE_BYTES + sealed.byteLength);
      out.set(nonce);
      out.set(new Uint8Array(sealed), NONCE_BYTES);
      return out;
    },
    async open(sealed, associated) {
      if (sealed.length <= NONCE_BYTES) throw new DecryptionError('sealed data too short');
      try {
        const plain = await crypto.subtle.decrypt(
          {
            name: 'AES-GCM',
            iv: sealed.subarray(0, NONCE_BYTES),
            additionalData: encoder.encode(associated),
          },
          sealKey,
          sealed.subarray(NONCE_BYTES),
        );
        return new Uint8Array(plain);
      } catch {
        throw new DecryptionError('the key does not open this document, or it was altered');
      }
    },
    async documentId(articleId) {
      const mac = await crypto.subtle.sign('HMAC', idKey, encoder.encode(articleId));
      return [...new Uint8Array(mac, 0, 16)]
        .map((byte) => byte.toString(16).padStart(2, '0'))
        .join('');
    },
  };
}

/** No encryption: the baseline `npm run bench:sync` compares AES-GCM with. Never used to sync. */
export const plainCipher: Cipher = {
  seal: async (plain) => plain,
  open: async (sealed) => sealed,
  documentId: async (articleId) => articleId.replace(/[^A-Za-z0-9-]/g, ''),
};
