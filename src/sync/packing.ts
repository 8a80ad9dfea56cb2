// Segments and snapshot parts are mostly the same field names over and over, so
// they travel gzipped: a first sync of a 20,000-invoice book shrinks several
// times. Small files stay plain JSON (readable when debugging a shared folder).
// Encrypted files are always gzipped inside, before sealing.

import { fromBase64, toBase64 } from './base64';
import { FORMAT, SyncFormatError } from './documents';

/** Documents whose JSON is longer than this are packed. */
export const PACK_OVER_BYTES = 2048;

export interface Packed {
  format: typeof FORMAT;
  kind: 'packed';
  /** base64 of gzip of the document's JSON text. */
  data: string;
}

async function through(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export const gzip = (bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> => through(bytes, new CompressionStream('gzip'));

export async function gunzip(bytes: Uint8Array<ArrayBuffer>, file: string, where: string): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await through(bytes, new DecompressionStream('gzip'));
  } catch {
    throw new SyncFormatError(file, where, 'not gzip data (cut short or damaged)');
  }
}

export function parseJsonBytes(bytes: Uint8Array, file: string, where: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new SyncFormatError(file, where, 'does not hold JSON text');
  }
}

/** The document as sent: packed when its JSON is large. */
export async function packIfLarge(doc: unknown): Promise<unknown> {
  const text = new TextEncoder().encode(JSON.stringify(doc));
  if (text.length <= PACK_OVER_BYTES) return doc;
  return { format: FORMAT, kind: 'packed', data: toBase64(await gzip(text)) } satisfies Packed;
}

export function isPacked(json: unknown): json is { kind: 'packed'; data: unknown } {
  return typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'packed';
}

export async function unpack(json: { data: unknown }, file: string): Promise<unknown> {
  if (typeof json.data !== 'string') throw new SyncFormatError(file, '$.data', 'expected a string');
  return parseJsonBytes(await gunzip(fromBase64(json.data, file, '$.data'), file, '$.data'), file, '$.data');
}
