// Bytes to text. Chinese Excel saves CSV in GBK (a subset of GB18030); everything else
// we meet is UTF-8 (with or without BOM) or UTF-16 with a BOM. A byte-order mark is
// decisive; otherwise text that is valid UTF-8 is UTF-8 (GBK text almost never is),
// and the rest is GB18030. A manual override always wins.

export interface Decoded {
  text: string;
  /** The encoding used, as TextDecoder names it ('utf-8', 'utf-16le', 'gb18030', ...). */
  encoding: string;
}

/** The encoding a byte-order mark announces, or null. */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 saved without a BOM shows as NUL bytes in every other position (ASCII
 * text); such bytes are valid UTF-8, so without this check they would decode as
 * text full of NULs.
 */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 2048) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The text if `bytes` are valid UTF-8 (a leading BOM dropped), else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The encoding `decodeBytes` would pick for these bytes. */
export function detectEncoding(bytes: Uint8Array): string {
  return bomEncoding(bytes) ?? bomlessUtf16(bytes) ?? (strictUtf8(bytes) !== null ? 'utf-8' : 'gb18030');
}

/**
 * Decode a file. `encoding` overrides detection (any WHATWG label: 'gbk', 'utf-16le',
 * ...); an unknown label throws RangeError. A BOM of the chosen encoding is dropped.
 * Bytes invalid in the chosen encoding become U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: string): Decoded {
  let label = encoding?.trim();
  if (!label) {
    label = bomEncoding(bytes) ?? bomlessUtf16(bytes) ?? undefined;
    if (!label) {
      // One pass both validates and decodes the common case.
      const text = strictUtf8(bytes);
      if (text !== null) return { text, encoding: 'utf-8' };
      label = 'gb18030';
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    throw new RangeError(`Unknown encoding: ${label}`);
  }
  // TextDecoder drops a leading BOM of its own encoding (ignoreBOM: false).
  return { text: decoder.decode(bytes), encoding: decoder.encoding };
}
