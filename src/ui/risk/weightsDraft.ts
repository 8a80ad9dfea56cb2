// The risk-weight editor's typed text: seven whole numbers, one per part. Reads
// them into RiskWeights with an error at each bad field (the worker checks the
// range and the all-zero case again, with the same field names).
import type { Result } from '../../domain/errors';
import { RISK_PARTS, RISK_WEIGHT_MAX, type RiskWeights } from '../../domain/risk-score';
import { Validator } from '../forms/validator';

export type WeightsText = Record<keyof RiskWeights, string>;

export function weightsToText(w: RiskWeights): WeightsText {
  const out = {} as WeightsText;
  for (const key of RISK_PARTS) out[key] = String(w[key]);
  return out;
}

/** Full-width digits (typed with a Chinese IME) read as ASCII ones. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function weightsFromText(text: WeightsText): Result<RiskWeights> {
  const check = new Validator();
  const weights = {} as RiskWeights;
  for (const key of RISK_PARTS) {
    const typed = asciiDigits(text[key]).trim();
    if (typed === '') {
      check.add(key, 'required');
      weights[key] = 0;
    } else if (!/^\d+$/.test(typed)) {
      check.add(key, 'number.invalid');
      weights[key] = 0;
    } else {
      const n = Number(typed);
      // Out of range: the worker's own code and params, so both sides say the same.
      if (n > RISK_WEIGHT_MAX) check.add(key, 'risk.weight', { min: 0, max: RISK_WEIGHT_MAX });
      weights[key] = n;
    }
  }
  // All zero: the message reads "from {min} to {max}, and at least one above 0", so give it the range.
  if (check.errors.length === 0 && RISK_PARTS.every((k) => weights[k] === 0)) check.add('', 'risk.weight', { min: 0, max: RISK_WEIGHT_MAX });
  return check.done(weights);
}
