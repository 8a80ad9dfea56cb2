// The rule-based estimate shared by the command line and the worker where the
// late-payment model cannot be trained.
import { describe, expect, it } from 'vitest';
import { ruleDaysLate, ruleLateProbability } from '../../../src/domain/late-model';

describe('ruleLateProbability', () => {
  it('is the late share pulled towards one half', () => {
    expect(ruleLateProbability(0, 0)).toBe(0.5);
    expect(ruleLateProbability(1, 1)).toBeCloseTo(2 / 3, 15);
    expect(ruleLateProbability(8, 0)).toBe(0.1);
    expect(ruleLateProbability(98, 98)).toBe(0.99);
    // More late than paid, or negative counts, cannot leave 0..1.
    expect(ruleLateProbability(2, 5)).toBe(0.75);
    expect(ruleLateProbability(-3, -1)).toBe(0.5);
  });
});

describe('ruleDaysLate', () => {
  it('averages days late with early payments as on time, capped at a year', () => {
    expect(ruleDaysLate([])).toBe(0);
    expect(ruleDaysLate([10, -20, 30])).toBeCloseTo(40 / 3, 12);
    expect(ruleDaysLate([1000, 0])).toBe(365 / 2);
  });
});
