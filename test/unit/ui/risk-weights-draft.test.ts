// The risk-weight editor reads seven typed whole numbers; its verdict must agree
// with the worker's checkRiskWeights so an error shows at the field before saving.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRiskWeights, DEFAULT_RISK_WEIGHTS, RISK_PARTS, type RiskWeights } from '../../../src/domain/risk-score';
import { weightsFromText, weightsToText } from '../../../src/ui/risk/weightsDraft';

const codes = (r: ReturnType<typeof weightsFromText>) => (r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`));

describe('weightsFromText', () => {
  it('reads back what weightsToText writes', () => {
    const r = weightsFromText(weightsToText(DEFAULT_RISK_WEIGHTS));
    expect(r).toEqual({ ok: true, value: { ...DEFAULT_RISK_WEIGHTS } });
  });

  it('puts each bad value at its own field', () => {
    const text = { ...weightsToText(DEFAULT_RISK_WEIGHTS), overdue: '', age: '1.5', lateness: '-3', limit: '101' };
    expect(codes(weightsFromText(text))).toEqual(['overdue:required', 'age:number.invalid', 'lateness:number.invalid', 'limit:risk.weight']);
  });

  it('reads full-width digits and surrounding spaces', () => {
    const r = weightsFromText({ ...weightsToText(DEFAULT_RISK_WEIGHTS), trend: ' ３０ ' });
    expect(r.ok && r.value.trend).toBe(30);
  });

  it('refuses all zero on the form, not on a field', () => {
    const zero = Object.fromEntries(RISK_PARTS.map((k) => [k, '0'])) as Record<keyof RiskWeights, string>;
    expect(codes(weightsFromText(zero))).toEqual([':risk.weight']);
  });

  it('agrees with checkRiskWeights on any whole numbers', () => {
    const weight = fc.integer({ min: -5, max: 130 });
    fc.assert(
      fc.property(fc.record(Object.fromEntries(RISK_PARTS.map((k) => [k, weight])) as Record<keyof RiskWeights, fc.Arbitrary<number>>), (w) => {
        const ours = weightsFromText(weightsToText(w));
        const theirs = checkRiskWeights(w);
        expect(ours.ok).toBe(theirs.ok);
        if (ours.ok && theirs.ok) expect(ours.value).toEqual(theirs.value);
      }),
    );
  });
});
