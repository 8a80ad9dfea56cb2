// End-to-end encryption of a book's sync files (optional, per book). The key is
// derived from the passphrase with PBKDF2-SHA256 and a random salt kept in the
// manifest; every segment and snapshot part is sealed with AES-GCM under a fresh
// 96-bit nonce, so the endpoint stores only ciphertext. The manifest carries a
// sealed known text: opening it tells a wrong passphrase from a damaged file
// before anything is read or changed. The manifest itself stays readable (device
// ids and counters only), so devices can coordinate without the key.

import { fromBase64, toBase64 } from './base64';
import { FORMAT, SyncFormatError, type EncryptionHeader, type Sealed } from './documents';
import { gunzip, gzip, parseJsonBytes } from './packing';

/** OWASP's 2023 floor for PBKDF2-SHA256; derived once per book and session. */
export const DEFAULT_ITERATIONS = 600_000;
const CHECK_TEXT = 'overdue-sync-key-check';

export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
  constructor() {
    super('the passphrase does not open this book\'s shared copy');
  }
}

export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function sealBytes(key: CryptoKey, plain: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return { format: FORMAT, kind: 'sealed', iv: toBase64(iv), data: toBase64(data) };
}

async function unsealBytes(key: CryptoKey, sealed: Sealed, file: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = fromBase64(sealed.iv, file, '$.iv');
  const data = fromBase64(sealed.data, file, '$.data');
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data));
  } catch {
    throw new SyncFormatError(file, '$.data', 'does not decrypt with the book\'s key (damaged or from another book)');
  }
}

/** A document sealed: AES-GCM of its gzipped JSON text. */
export async function seal(key: CryptoKey, json: unknown): Promise<Sealed> {
  return sealBytes(key, await gzip(new TextEncoder().encode(JSON.stringify(json))));
}

/** The document inside; a file that does not open under the (checked) key is damaged. */
export async function unseal(key: CryptoKey, sealed: Sealed, file: string): Promise<unknown> {
  return parseJsonBytes(await gunzip(await unsealBytes(key, sealed, file), file, '$.data'), file, '$.data');
}

/** A new header (fresh salt) and its key, for the first device to sync an encrypted book. */
export async function newEncryption(passphrase: string, iterations = DEFAULT_ITERATIONS): Promise<{ header: EncryptionHeader; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await seal(key, CHECK_TEXT);
  return { header: { kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), check }, key };
}

/** The key for an existing header; WrongPassphraseError when the passphrase does not open its check. */
export async function openEncryption(header: EncryptionHeader, passphrase: string, file: string): Promise<CryptoKey> {
  const key = await deriveKey(passphrase, fromBase64(header.salt, file, '$.encryption.salt'), header.iterations);
  let text: unknown;
  try {
    text = await unseal(key, header.check, file);
  } catch {
    throw new WrongPassphraseError();
  }
  if (text !== CHECK_TEXT) throw new WrongPassphraseError();
  return key;
}
