import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bomEncoding, decodeBytes, detectEncoding } from '../../../src/import/decode';
import { DECODED_NAME, encodeAs, encodeGb18030, encodeUtf16, encodeUtf8, type TestEncoding } from './helpers/encode';

const text = '客户名称,金额\n上海明远科技有限公司,"1,234.56"\n';

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM, dropping the BOM', () => {
    expect(decodeBytes(encodeUtf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeBytes(encodeUtf8(text, true))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decodeBytes(encodeUtf16(text, 'le'))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeBytes(encodeUtf16(text, 'be'))).toEqual({ text, encoding: 'utf-16be' });
    expect(bomEncoding(encodeUtf16('a', 'be'))).toBe('utf-16be');
  });

  it('reads UTF-16 saved without a BOM instead of returning text full of NULs', () => {
    const ascii = 'Invoice,Amount\nA-1,100\n';
    expect(decodeBytes(encodeUtf16(ascii, 'le', false))).toEqual({ text: ascii, encoding: 'utf-16le' });
    expect(decodeBytes(encodeUtf16(ascii, 'be', false))).toEqual({ text: ascii, encoding: 'utf-16be' });
  });

  it('falls back to GB18030 for GBK bytes (Chinese Excel\'s CSV)', () => {
    const bytes = encodeGb18030(text);
    expect(detectEncoding(bytes)).toBe('gb18030');
    expect(decodeBytes(bytes)).toEqual({ text, encoding: 'gb18030' });
  });

  it('plain ASCII is UTF-8', () => {
    expect(decodeBytes(encodeUtf8('a,b\n1,2\n')).encoding).toBe('utf-8');
    expect(decodeBytes(new Uint8Array()).text).toBe('');
  });

  it('lets a manual choice win over detection, and rejects unknown labels', () => {
    const bytes = encodeGb18030(text);
    expect(decodeBytes(bytes, 'gbk').text).toBe(text);
    expect(decodeBytes(bytes, 'gbk').encoding).toBe('gbk');
    // UTF-8 bytes forced through GB18030 give mojibake, as asked.
    expect(decodeBytes(encodeUtf8(text), 'gb18030').text).not.toBe(text);
    expect(() => decodeBytes(bytes, 'klingon-8')).toThrow(RangeError);
  });

  it('detects every supported encoding on generated text with Chinese in it', () => {
    const chars = fc.constantFrom(...'ab1,;|\t"\n\r 中文客户金额欠款已收¥€é'.split(''));
    fc.assert(
      fc.property(
        fc.string({ unit: chars, maxLength: 60 }),
        fc.constantFrom<TestEncoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'),
        (body, enc) => {
          // A fixed Chinese header like real ledgers have; GBK text long enough is never valid UTF-8.
          const t = `客户名称,应收金额\n${body}`;
          const d = decodeBytes(encodeAs(t, enc));
          expect(d.text).toBe(t);
          expect(d.encoding).toBe(DECODED_NAME[enc]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
