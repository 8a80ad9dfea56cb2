// Encoders the tests need and Node lacks: GB18030 (built once by asking the platform's
// own decoder what every two- and four-byte BMP sequence means) and UTF-16 with a BOM.

let gbTable: Map<number, number[]> | null = null;

function table(): Map<number, number[]> {
  if (gbTable) return gbTable;
  const t = new Map<number, number[]>();
  const dec = new TextDecoder('gb18030');
  const put = (bytes: number[]): void => {
    const s = dec.decode(new Uint8Array(bytes));
    if (s.length !== 1 || s === '\uFFFD') return;
    const cp = s.charCodeAt(0);
    if (!t.has(cp)) t.set(cp, bytes);
  };
  for (let b1 = 0x81; b1 <= 0xfe; b1++) {
    for (let b2 = 0x40; b2 <= 0xfe; b2++) if (b2 !== 0x7f) put([b1, b2]);
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++)
        for (let b4 = 0x30; b4 <= 0x39; b4++) put([b1, b2, b3, b4]);
  gbTable = t;
  return t;
}

/** GB18030 bytes of `text` (GBK's two-byte codes where they exist). */
export function encodeGb18030(text: string): Uint8Array {
  const t = table();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp > 0xffff) {
      // Supplementary planes: four bytes counted linearly from 0x90308130.
      let i = cp - 0x10000;
      const b4 = 0x30 + (i % 10);
      i = Math.floor(i / 10);
      const b3 = 0x81 + (i % 126);
      i = Math.floor(i / 126);
      const b2 = 0x30 + (i % 10);
      const b1 = 0x90 + Math.floor(i / 10);
      out.push(b1, b2, b3, b4);
    } else {
      const bytes = t.get(cp);
      if (!bytes) throw new RangeError(`No GB18030 code for U+${cp.toString(16)}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

export function encodeUtf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const units = bom ? '\uFEFF' + text : text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    const [hi, lo] = [u >> 8, u & 0xff];
    out[2 * i] = endian === 'le' ? lo : hi;
    out[2 * i + 1] = endian === 'le' ? hi : lo;
  }
  return out;
}

export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export type TestEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function encodeAs(text: string, encoding: TestEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return encodeUtf8(text);
    case 'utf-8-bom':
      return encodeUtf8(text, true);
    case 'utf-16le':
      return encodeUtf16(text, 'le');
    case 'utf-16be':
      return encodeUtf16(text, 'be');
    case 'gb18030':
      return encodeGb18030(text);
  }
}

/** The name decodeBytes reports for each. */
export const DECODED_NAME: Record<TestEncoding, string> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
};
