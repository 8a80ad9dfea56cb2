// Bytes as base64 text and back, for attachments inside the JSON backup. btoa and
// atob exist in browsers, workers and Node; they take "binary strings", so the
// bytes go through in chunks to keep each call's argument list small.

const CHUNK = 0x8000;

export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += CHUNK) binary += String.fromCharCode(...view.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Null when the text is not base64. */
export function fromBase64(text: string): ArrayBuffer | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out.buffer;
}
