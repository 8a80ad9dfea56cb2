import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_POLICY, MAX_STAGES, checkPolicy, policyFor } from '../../../src/domain/policy';
import type { Policy, Stage } from '../../../src/domain/collections';
import type { FieldError } from '../../../src/domain/errors';

const copy = (p: Policy): Policy => ({ ...p, grades: [...p.grades], stages: p.stages.map((s) => ({ ...s })) });
const errorsOf = (p: Policy): FieldError[] => {
  const r = checkPolicy(p);
  return r.ok ? [] : r.errors;
};
const withStage = (i: number, change: Partial<Stage>): Policy => {
  const p = copy(DEFAULT_POLICY);
  p.stages[i] = { ...(p.stages[i] as Stage), ...change };
  return p;
};

describe('DEFAULT_POLICY: the common-practice stages of DOMAIN.md', () => {
  it('has the eight stages at -3, 1, 15, 30, 45, 60, 90, 120 days', () => {
    expect(DEFAULT_POLICY).toMatchObject({ id: 'default', name: 'Default', grades: [] });
    expect(DEFAULT_POLICY.stages.map((s) => [s.id, s.offsetDays, s.channel, s.kind, s.template])).toEqual([
      ['courtesy', -3, 'email', 'notice', 'reminder'],
      ['first', 1, 'phone', 'task', 'reminder'],
      ['written', 15, 'letter', 'notice', 'notice'],
      ['final', 30, 'letter', 'notice', 'final'],
      ['meeting', 45, 'visit', 'task', null],
      ['suspend', 60, 'phone', 'task', null],
      ['lawyer', 90, 'lawyer', 'notice', 'lawyer'],
      ['litigation', 120, 'litigation', 'task', null],
    ]);
  });

  it('charges no fees and suspends service only at the suspension stage', () => {
    expect(DEFAULT_POLICY.stages.every((s) => s.fee === 0)).toBe(true);
    expect(DEFAULT_POLICY.stages.filter((s) => s.suspendService).map((s) => s.id)).toEqual(['suspend']);
  });

  it('passes its own check', () => {
    expect(checkPolicy(DEFAULT_POLICY)).toEqual({ ok: true, value: DEFAULT_POLICY });
  });

  it('cannot be changed in place by an editor', () => {
    expect(() => {
      (DEFAULT_POLICY.stages[0] as Stage).offsetDays = -10;
    }).toThrow(TypeError);
    expect(() => DEFAULT_POLICY.stages.push({ ...(DEFAULT_POLICY.stages[0] as Stage) })).toThrow(TypeError);
    expect(DEFAULT_POLICY.stages[0]?.offsetDays).toBe(-3);
  });
});

describe('checkPolicy', () => {
  it('returns a copy with the name and stage ids trimmed', () => {
    const p = copy(DEFAULT_POLICY);
    p.name = '  Key accounts ';
    (p.stages[0] as Stage).id = ' courtesy ';
    const r = checkPolicy(p);
    expect(r.ok && r.value.name).toBe('Key accounts');
    expect(r.ok && r.value.stages[0]?.id).toBe('courtesy');
    expect(r.ok && r.value.stages).not.toBe(p.stages);
  });

  it('requires a name', () => {
    expect(errorsOf({ ...copy(DEFAULT_POLICY), name: '   ' })).toEqual([{ field: 'name', code: 'required' }]);
  });

  it('requires 1..20 stages', () => {
    const stage = DEFAULT_POLICY.stages[1] as Stage;
    const many = (n: number): Stage[] => Array.from({ length: n }, (_, i) => ({ ...stage, id: `s${i}`, offsetDays: i }));
    expect(errorsOf({ ...copy(DEFAULT_POLICY), stages: [] })).toEqual([
      { field: 'stages', code: 'policy.stageCount', params: { min: 1, max: MAX_STAGES } },
    ]);
    expect(errorsOf({ ...copy(DEFAULT_POLICY), stages: many(MAX_STAGES) })).toEqual([]);
    expect(errorsOf({ ...copy(DEFAULT_POLICY), stages: many(MAX_STAGES + 1) })).toMatchObject([{ field: 'stages', code: 'policy.stageCount' }]);
  });

  it('requires distinct, non-empty stage ids', () => {
    expect(errorsOf(withStage(2, { id: ' ' }))).toEqual([{ field: 'stages.2.id', code: 'required' }]);
    expect(errorsOf(withStage(5, { id: 'first' }))).toEqual([
      { field: 'stages.5.id', code: 'policy.duplicateStage', params: { other: 1 } },
    ]);
  });

  it('requires whole-day offsets from -365 to 3650', () => {
    expect(errorsOf(withStage(0, { offsetDays: -365 }))).toEqual([]);
    expect(errorsOf(withStage(7, { offsetDays: 3650 }))).toEqual([]);
    expect(errorsOf(withStage(0, { offsetDays: -366 }))).toEqual([
      { field: 'stages.0.offsetDays', code: 'policy.offsetRange', params: { min: -365, max: 3650 } },
    ]);
    expect(errorsOf(withStage(7, { offsetDays: 3651 }))).toMatchObject([{ field: 'stages.7.offsetDays', code: 'policy.offsetRange' }]);
    for (const bad of [1.5, Number.NaN, Infinity]) {
      expect(errorsOf(withStage(1, { offsetDays: bad }))).toEqual([{ field: 'stages.1.offsetDays', code: 'number.invalid' }]);
    }
  });

  it('refuses two stages on the same day', () => {
    expect(errorsOf(withStage(3, { offsetDays: 15 }))).toEqual([
      { field: 'stages.3.offsetDays', code: 'policy.sameOffset', params: { other: 2 } },
    ]);
  });

  it('refuses offsets that do not rise in list order', () => {
    // 'final' moved to day 10, before 'written' at 15.
    expect(errorsOf(withStage(3, { offsetDays: 10 }))).toEqual([
      { field: 'stages.3.offsetDays', code: 'policy.order', params: { after: 15 } },
    ]);
    // Below the latest offset above it, even when above its direct neighbour.
    const p = copy(DEFAULT_POLICY);
    p.stages = [
      { ...(p.stages[0] as Stage), id: 'a', offsetDays: 10 },
      { ...(p.stages[1] as Stage), id: 'b', offsetDays: 5 },
      { ...(p.stages[1] as Stage), id: 'c', offsetDays: 7 },
    ];
    expect(errorsOf(p)).toEqual([
      { field: 'stages.1.offsetDays', code: 'policy.order', params: { after: 10 } },
      { field: 'stages.2.offsetDays', code: 'policy.order', params: { after: 10 } },
    ]);
  });

  it('requires a template for notice stages, and only known templates', () => {
    expect(errorsOf(withStage(2, { template: null }))).toEqual([{ field: 'stages.2.template', code: 'policy.template' }]);
    expect(errorsOf(withStage(4, { template: 'bogus' as never }))).toEqual([{ field: 'stages.4.template', code: 'policy.template' }]);
    // A task may carry a template (text to copy) or none.
    expect(errorsOf(withStage(4, { template: 'reminder' }))).toEqual([]);
  });

  it('refuses unknown channels and kinds', () => {
    expect(errorsOf(withStage(1, { channel: 'fax' as never }))).toEqual([{ field: 'stages.1.channel', code: 'policy.channel' }]);
    expect(errorsOf(withStage(1, { kind: 'letter' as never }))).toEqual([{ field: 'stages.1.kind', code: 'policy.kind' }]);
  });

  it('requires fees to be non-negative whole minor units', () => {
    expect(errorsOf(withStage(3, { fee: 1000 }))).toEqual([]);
    expect(errorsOf(withStage(3, { fee: -1 }))).toEqual([{ field: 'stages.3.fee', code: 'money.negative' }]);
    for (const bad of [10.5, 2 ** 53, Number.NaN]) {
      expect(errorsOf(withStage(3, { fee: bad }))).toEqual([{ field: 'stages.3.fee', code: 'money.invalid' }]);
    }
  });

  it('requires known grades, each once', () => {
    expect(errorsOf({ ...copy(DEFAULT_POLICY), grades: ['C', 'D'] })).toEqual([]);
    expect(errorsOf({ ...copy(DEFAULT_POLICY), grades: ['C', 'E' as never, 'C'] })).toEqual([
      { field: 'grades.1', code: 'policy.grade' },
      { field: 'grades.2', code: 'policy.grade' },
    ]);
  });

  it('reports every problem at once', () => {
    const p = withStage(2, { id: '', template: null, fee: -5 });
    p.name = '';
    expect(errorsOf(p).map((e) => e.field)).toEqual(['name', 'stages.2.id', 'stages.2.template', 'stages.2.fee']);
  });

  it('accepts exactly the stage lists whose offsets rise strictly (property)', () => {
    const stage = DEFAULT_POLICY.stages[1] as Stage;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -365, max: 3650 }), { minLength: 1, maxLength: MAX_STAGES }), (offsets) => {
        const p: Policy = { ...copy(DEFAULT_POLICY), stages: offsets.map((o, i) => ({ ...stage, id: `s${i}`, offsetDays: o })) };
        const rising = offsets.every((o, i) => i === 0 || o > (offsets[i - 1] as number));
        expect(checkPolicy(p).ok).toBe(rising);
      }),
    );
  });
});

describe('policyFor', () => {
  const named = (id: string, grades: Policy['grades']): Policy => ({ ...copy(DEFAULT_POLICY), id, grades });
  const strict = named('strict', ['C', 'D']);
  const gentle = named('gentle', ['A']);
  const everyone = named('everyone', []);
  const alsoD = named('alsoD', ['D']);

  it('picks the first policy listing the grade', () => {
    expect(policyFor([gentle, strict, alsoD, everyone], 'D').id).toBe('strict');
    expect(policyFor([gentle, alsoD, strict, everyone], 'D').id).toBe('alsoD');
    expect(policyFor([everyone, gentle, strict], 'A').id).toBe('gentle');
  });

  it('falls back to the catch-all policy, also for ungraded customers', () => {
    expect(policyFor([gentle, strict, everyone], 'B').id).toBe('everyone');
    expect(policyFor([gentle, everyone, strict], null).id).toBe('everyone');
  });

  it('falls back to DEFAULT_POLICY when nothing fits', () => {
    expect(policyFor([gentle, strict], 'B')).toBe(DEFAULT_POLICY);
    expect(policyFor([gentle], null)).toBe(DEFAULT_POLICY);
    expect(policyFor([], 'A')).toBe(DEFAULT_POLICY);
  });
});
