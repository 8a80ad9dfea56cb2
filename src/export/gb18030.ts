// GBK / GB18030 encoding for exports opened by Chinese Excel. TextEncoder only writes
// UTF-8, but every browser and Node (full ICU) ships the GB18030 *decoder*, so the
// encoding table is read back from it: exactly the bytes the import side decodes,
// with no dependency and no Buffer polyfill (which npm's encoders need in a browser
// worker). The table is built once, on first use.

/** Per BMP code unit: 0 = no code; TWO | gbk code (lead << 8 | trail); FOUR | linear index. */
let table: Uint32Array | undefined;
const TWO = 1 << 24;
const FOUR = 2 << 24;
const VALUE = 0xffffff;

/** Trail bytes of a two-byte code: 0x40-0x7E, 0x80-0xFE. */
const TRAILS: number[] = [];
for (let t = 0x40; t <= 0xfe; t++) if (t !== 0x7f) TRAILS.push(t);

/** Four-byte codes of the BMP: 0x81308130 (index 0) .. 0x8431A439 (index 39,419). */
const BMP_FOUR_BYTE_COUNT = 39_420;

/** Code number `n` of a four-byte range starting at `firstByte` 0x30 0x81 0x30. */
function fourBytes(n: number, firstByte: number, out: Uint8Array, at: number): void {
  out[at + 3] = 0x30 + (n % 10);
  n = Math.floor(n / 10);
  out[at + 2] = 0x81 + (n % 126);
  n = Math.floor(n / 126);
  out[at + 1] = 0x30 + (n % 10);
  out[at] = firstByte + Math.floor(n / 10);
}

/**
 * Decode `count` codes of `width` bytes laid out in `bytes` and record each BMP
 * character's first code (the standard's encoder also takes the first).
 */
function learn(dec: TextDecoder, bytes: Uint8Array, width: number, kind: number, valueOf: (i: number) => number): void {
  const t = table as Uint32Array;
  const count = bytes.length / width;
  const text = dec.decode(bytes);
  // One character per code when every code decodes; otherwise code by code.
  const whole = text.length === count;
  for (let i = 0; i < count; i++) {
    const c = whole ? text.charCodeAt(i) : decodeOne(dec, bytes.subarray(i * width, (i + 1) * width));
    if (c >= 0 && c !== 0xfffd && t[c] === 0) t[c] = kind | valueOf(i);
  }
}

function decodeOne(dec: TextDecoder, code: Uint8Array): number {
  const s = dec.decode(code);
  return s.length === 1 ? s.charCodeAt(0) : -1;
}

function codeTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(0x10000);
  const dec = new TextDecoder('gb18030');
  const row = new Uint8Array(TRAILS.length * 2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    TRAILS.forEach((t, i) => row.set([lead, t], i * 2));
    learn(dec, row, 2, TWO, (i) => (lead << 8) | (TRAILS[i] ?? 0));
  }
  const four = new Uint8Array(BMP_FOUR_BYTE_COUNT * 4);
  for (let n = 0; n < BMP_FOUR_BYTE_COUNT; n++) fourBytes(n, 0x81, four, n * 4);
  learn(dec, four, 4, FOUR, (i) => i);
  // U+FFFD is also what the decoder gives for a bad code, so learn() cannot tell its
  // own code (0x8431A437, the BMP's third-last four-byte code) from an error.
  table[0xfffd] = FOUR | (BMP_FOUR_BYTE_COUNT - 3);
  return table;
}

export type GbVariant = 'gbk' | 'gb18030';

/**
 * Encode text as GB18030. Characters GBK has get their GBK bytes, so GBK readers
 * (Chinese Excel's default) read them; the few it lacks (rare name characters, emoji)
 * get GB18030's four-byte codes instead of a lossy '?'. The one difference of the
 * 'gbk' variant is the euro sign, 0x80 as in Windows code page 936.
 * Lone surrogates (not text), and the few private-use characters the platform's
 * decoder gives no code, become '?'.
 */
export function encodeGb(text: string, variant: GbVariant = 'gb18030'): Uint8Array {
  const codes = codeTable();
  const out = new Uint8Array(text.length * 4);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const cu = text.charCodeAt(i);
    if (cu < 0x80) {
      out[at++] = cu;
      continue;
    }
    if (cu >= 0xd800 && cu <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = 0x10000 + ((cu - 0xd800) << 10) + (low - 0xdc00);
        fourBytes(cp - 0x10000, 0x90, out, at);
        at += 4;
        i++;
        continue;
      }
    }
    if (cu === 0x20ac && variant === 'gbk') {
      out[at++] = 0x80;
      continue;
    }
    const code = codes[cu] ?? 0;
    if ((code & ~VALUE) === TWO) {
      out[at++] = (code >> 8) & 0xff;
      out[at++] = code & 0xff;
    } else if ((code & ~VALUE) === FOUR) {
      fourBytes(code & VALUE, 0x81, out, at);
      at += 4;
    } else {
      out[at++] = 0x3f;
    }
  }
  return out.slice(0, at);
}
