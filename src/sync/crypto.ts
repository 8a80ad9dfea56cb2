// End-to-end encryption of a book's sync files (optional, per book). The key is
// derived from the passphrase with PBKDF2-SHA256 and a random salt kept in the
// manifest; every segment and snapshot part is sealed with AES-GCM under a fresh
// 96-bit nonce, so the endpoint stores only ciphertext. The manifest carries a
// sealed known text: opening it tells a wrong passphrase from a damaged file
// before anything is read or changed. The manifest itself stays readable (device
// ids and counters only), so devices can coordinate without the key.

import { FORMAT, SyncFormatError, type EncryptionHeader, type Sealed } from './documents';

/** OWASP's 2023 floor for PBKDF2-SHA256; derived once per book and session. */
export const DEFAULT_ITERATIONS = 600_000;
const CHECK_TEXT = 'overdue-sync-key-check';

export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
  constructor() {
    super('the passphrase does not open this book\'s shared copy');
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string, file: string, where: string): Uint8Array<ArrayBuffer> {
  try {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    throw new SyncFormatError(file, where, 'not base64');
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

export async function seal(key: CryptoKey, json: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(json));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return { format: FORMAT, kind: 'sealed', iv: toBase64(iv), data: toBase64(data) };
}

/** The document inside; a file that does not open under the (checked) key is damaged. */
export async function unseal(key: CryptoKey, sealed: Sealed, file: string): Promise<unknown> {
  const iv = fromBase64(sealed.iv, file, '$.iv');
  const data = fromBase64(sealed.data, file, '$.data');
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data);
  } catch {
    throw new SyncFormatError(file, '$.data', 'does not decrypt with the book\'s key (damaged or from another book)');
  }
  try {
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    throw new SyncFormatError(file, '$.data', 'decrypts to something that is not JSON');
  }
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
