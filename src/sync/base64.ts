// Base64 for the binary parts of sync files (nonces, ciphertext, packed bodies).

import { SyncFormatError } from './documents';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Throws SyncFormatError naming the file and place for text that is not base64. */
export function fromBase64(text: string, file: string, where: string): Uint8Array<ArrayBuffer> {
  try {
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    throw new SyncFormatError(file, where, 'not base64');
  }
}
