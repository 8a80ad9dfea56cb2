// RMB amounts in capitals (人民币大写) for formal Chinese letters (DOMAIN.md "Notices").
// The banking rules for filling in bills leave some forms open; this file picks one of
// each and keeps to it:
// - 零: one 零 for each run of zero digits that lies between two non-zero digits, inside
//   a section (壹仟零伍元), across a whole empty section (壹亿零壹元整, 壹亿零伍仟元整), and
//   at 元位 before 角/分 (壹拾万元零壹角, 壹元零伍分, 壹仟陆佰捌拾元零叁角贰分).
//   One exception, which the rules allow either way: a run that ends at 万位 or 亿位 of a
//   section that is written, followed by a non-zero 仟, gets no 零 (壹拾万伍仟元整, not
//   壹拾万零伍仟元整), because the section mark already shows where the next digit sits.
//   Together these give the People's Bank's own form 壹拾万柒仟元零伍角叁分 for 107,000.53
//   and DOMAIN.md's 壹拾万元零壹角. Leading and trailing zeros never give a 零.
// - A leading ten is 壹拾 (壹拾元整, 壹拾万元整), as the rules ask when the highest digit is 1.
// - 整 only after 元, when there are neither 角 nor 分 (壹仟元整); none after 角 (伍角).
// - Less than one yuan: no 元 (伍角, 伍分); zero is 零元整.
// - The text has no 人民币 prefix: the letter's template writes it.
// - Amounts are fen (minor units of CNY). Capped below 1 万亿 yuan (10^14 fen), so only
//   the sections 元, 万 and 亿 occur; larger, negative or non-integer amounts throw.
import type { Minor } from './types';

const CAPITAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
/** Place within a four-digit section. */
const PLACE_UNITS = ['', '拾', '佰', '仟'];
/** Section marks for the yuan part: 元 is written separately at the end of the integer part. */
const SECTION_UNITS = ['', '万', '亿'];

/** 1 万亿 yuan in fen: the first amount refused. */
export const RMB_CAPITALS_LIMIT = 100_000_000_000_000;

export function rmbCapitals(amount: Minor): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount >= RMB_CAPITALS_LIMIT) {
    throw new RangeError(`RMB capitals need whole fen from 0 to below 1 万亿 yuan: ${amount}`);
  }
  const yuan = Math.trunc(amount / 100);
  const jiao = Math.trunc(amount / 10) % 10;
  const fen = amount % 10;

  let out = '';
  // A zero seen after a non-zero digit: written as one 零 before the next non-zero digit.
  let zeroPending = false;
  // The last thing written was a 万/亿 mark (no digit since): a 零 before a 仟 may go.
  let afterSectionMark = false;
  const put = (digit: number, unit: string, dropZero = false): void => {
    const markBefore = afterSectionMark;
    afterSectionMark = false;
    if (digit === 0) {
      zeroPending = out !== '';
      return;
    }
    if (zeroPending && !(dropZero && markBefore)) out += '零';
    zeroPending = false;
    out += (CAPITAL_DIGITS[digit] ?? '') + unit;
  };

  const yuanDigits = yuan === 0 ? [] : String(yuan).split('').map(Number);
  let sectionHasDigit = false;
  yuanDigits.forEach((digit, i) => {
    const place = yuanDigits.length - 1 - i;
    put(digit, PLACE_UNITS[place % 4] ?? '', place % 4 === 3);
    if (digit !== 0) sectionHasDigit = true;
    if (place % 4 === 0) {
      // An all-zero section (the 万 of 100,000,001) gets no mark; its zeros stay pending.
      if (sectionHasDigit && place > 0) {
        out += SECTION_UNITS[place / 4] ?? '';
        afterSectionMark = true;
      }
      sectionHasDigit = false;
    }
  });
  if (yuan > 0) out += '元';

  put(jiao, '角');
  put(fen, '分');

  if (jiao === 0 && fen === 0) out = (yuan === 0 ? '零元' : out) + '整';
  return out;
}
