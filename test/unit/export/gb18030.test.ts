import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeGb } from '../../../src/export/gb18030';

const gb18030 = new TextDecoder('gb18030');
const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

describe('encodeGb', () => {
  it('writes ASCII as is and Chinese as GBK two-byte codes', () => {
    expect(hex(encodeGb('A1,'))).toBe('41 31 2c');
    expect(hex(encodeGb('中文'))).toBe('d6 d0 ce c4');
    expect(hex(encodeGb('应收账款'))).toBe('d3 a6 ca d5 d5 cb bf ee');
    expect(hex(encodeGb('，￥'))).toBe('a3 ac a3 a4'); // full-width punctuation
  });

  it('gives characters outside GBK their GB18030 four-byte codes instead of losing them', () => {
    expect(hex(encodeGb('\u0080'))).toBe('81 30 81 30'); // first four-byte code
    expect(hex(encodeGb('𐀀'))).toBe('90 30 81 30'); // U+10000, first supplementary code
    expect(hex(encodeGb('😀'))).toBe('94 39 fc 36');
    expect(gb18030.decode(encodeGb('𠮷䶮'))).toBe('𠮷䶮');
  });

  it('writes the euro sign 0x80 for GBK (code page 936) and A2E3 for GB18030', () => {
    expect(hex(encodeGb('€', 'gbk'))).toBe('80');
    expect(hex(encodeGb('€', 'gb18030'))).toBe('a2 e3');
    expect(gb18030.decode(encodeGb('€', 'gbk'))).toBe('€');
  });

  it('writes U+FFFD, the replacement character, as its own code 0x8431A437', () => {
    expect(hex(encodeGb('\uFFFD'))).toBe('84 31 a4 37');
    expect(gb18030.decode(encodeGb('x\uFFFDy', 'gbk'))).toBe('x\uFFFDy');
  });

  it('writes a lone surrogate (not text) as ?', () => {
    expect(hex(encodeGb('a\uD800b'))).toBe('61 3f 62');
  });

  it('round-trips every BMP character outside the private-use area through the decoder', () => {
    let all = '';
    for (let cp = 0x80; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xf8ff) continue;
      all += String.fromCharCode(cp);
    }
    expect(gb18030.decode(encodeGb(all)) === all).toBe(true);
  });

  it('round-trips generated text (GB18030 and GBK variants)', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.integer({ min: 0, max: 0xd7ff }),
        fc.integer({ min: 0xf900, max: 0xffff }),
        fc.integer({ min: 0x10000, max: 0x10ffff }),
      ).map((cp) => String.fromCodePoint(cp)),
    });
    fc.assert(fc.property(text, fc.constantFrom('gbk' as const, 'gb18030' as const), (s, variant) => {
      expect(gb18030.decode(encodeGb(s, variant))).toBe(s);
    }));
  });
});
