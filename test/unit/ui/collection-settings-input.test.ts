// What the collections settings read from typed text: percentages into whole basis
// points without floats, a template error's line and column into a caret offset, and
// the policy editor's typed stages into Policy records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent, parsePercentBp } from '../../../src/ui/settings/collections/percent';
import { insertAt, offsetOf } from '../../../src/ui/settings/collections/caret';
import { buildPolicies, freeGrades, gradePolicy, inEditingOrder, newStage, toDraft } from '../../../src/ui/settings/collections/policyDraft';
import { DEFAULT_POLICY } from '../../../src/domain/policy';

const bp = (s: string) => {
  const r = parsePercentBp(s);
  return r.ok ? r.value : r.errors.map((e) => e.code).join(',');
};

describe('parsePercentBp', () => {
  it('reads percentages as basis points exactly', () => {
    expect(bp('0.05')).toBe(5); // 万分之五 a day
    expect(bp('10')).toBe(1000); // 10 % a year
    expect(bp('10.5')).toBe(1050);
    expect(bp('0.07')).toBe(7); // 0.07 * 100 is 7.000000000000001 as a float
    expect(bp('.5')).toBe(50);
    expect(bp('5.')).toBe(500);
    expect(bp(' 12.34 % ')).toBe(1234);
    expect(bp('０．０５％')).toBe(5);
    expect(bp('-1')).toBe(-100);
    expect(bp('')).toBe(null);
    expect(bp('  ')).toBe(null);
  });

  it('refuses what is not a number, and more precision than a basis point', () => {
    expect(bp('0.005')).toBe('charge.precision');
    expect(bp('abc')).toBe('number.invalid');
    expect(bp('1,5')).toBe('number.invalid');
    expect(bp('.')).toBe('number.invalid');
    expect(bp('1e3')).toBe('number.invalid');
    expect(bp('%')).toBe('number.invalid');
  });

  it('reads back what formatPercent writes', () => {
    expect(formatPercent(5)).toBe('0.05');
    expect(formatPercent(1000)).toBe('10');
    expect(formatPercent(1050)).toBe('10.5');
    expect(formatPercent(null)).toBe('');
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => bp(formatPercent(n)) === n));
  });
});

describe('caret', () => {
  it('finds a line and column, counting a Chinese character or an emoji as one column', () => {
    const text = 'Dear {{debtor}},\n您好 {{金额}}\n😀 {{x}}';
    expect(text.slice(offsetOf(text, 1, 6), offsetOf(text, 1, 6) + 2)).toBe('{{');
    expect(text.slice(offsetOf(text, 2, 4)).startsWith('{{金额}}')).toBe(true);
    expect(text.slice(offsetOf(text, 3, 3)).startsWith('{{x}}')).toBe(true);
    // Past the end: clamped to the text.
    expect(offsetOf(text, 9, 99)).toBe(text.length);
  });

  it('inserts a placeholder over the selection and puts the caret after it', () => {
    expect(insertAt('pay  now', 4, 4, '{{total}}')).toEqual({ text: 'pay {{total}} now', caret: 13 });
    expect(insertAt('pay XX now', 4, 6, '{{total}}')).toEqual({ text: 'pay {{total}} now', caret: 13 });
  });
});

describe('policy drafts', () => {
  const money = { digits: 2, commaDecimal: false };

  it('reads a policy back exactly as it was shown', () => {
    const policy = { ...DEFAULT_POLICY, stages: DEFAULT_POLICY.stages.map((s, i) => ({ ...s, fee: i * 1050 })) };
    expect(buildPolicies([toDraft(policy, money)], money)).toEqual({ ok: true, value: [policy] });
    const comma = { digits: 2, commaDecimal: true };
    expect(toDraft(policy, comma).stages[1]?.fee).toBe('10,50');
    expect(buildPolicies([toDraft(policy, comma)], comma)).toEqual({ ok: true, value: [policy] });
  });

  it('names the stage field that cannot be read', () => {
    const draft = toDraft(DEFAULT_POLICY, money);
    draft.stages[0]!.offsetDays = '\u22125'; // a typographic minus: -5
    const read = buildPolicies([draft], money);
    expect(read.ok ? read.value[0]?.stages[0]?.offsetDays : read.errors).toBe(-5);
    draft.stages[1]!.offsetDays = '1.5';
    draft.stages[2]!.offsetDays = '';
    draft.stages[3]!.fee = '-5';
    const r = buildPolicies([toDraft(DEFAULT_POLICY, money), draft], money);
    expect(r.ok ? [] : r.errors).toEqual([
      { field: 'policies.1.stages.1.offsetDays', code: 'number.invalid' },
      { field: 'policies.1.stages.2.offsetDays', code: 'required' },
      { field: 'policies.1.stages.3.fee', code: 'money.negative' },
    ]);
  });

  it('adds stages after the last day with a fresh id, and grade policies from a copy', () => {
    const draft = toDraft(DEFAULT_POLICY, money);
    const added = newStage(draft.stages);
    expect([added.id, added.offsetDays]).toEqual(['stage9', '135']);
    const b = gradePolicy(draft, 'B', 'Grade B');
    expect(b.grades).toEqual(['B']);
    expect(b.stages.map((s) => s.id)).toEqual(draft.stages.map((s) => s.id));
    expect(freeGrades([draft, b])).toEqual(['A', 'C', 'D']);
    expect(inEditingOrder([b, draft])[0]).toBe(draft);
  });
});
