// The model's quality in words: the learned model says what it learned from, how
// it was checked, how well it ranks and how far off its dates are; the rule-based
// fallback says why. Every line exists in both languages with its params filled.
import { describe, expect, it } from 'vitest';
import type { ModelQuality } from '../../../src/api/risk';
import { en } from '../../../src/i18n/en';
import { zhCN } from '../../../src/i18n/zh-CN';
import { interpolate } from '../../../src/i18n/t';
import { aucVerdict, modelQualityLines } from '../../../src/ui/risk/modelText';
import { sparkPoints } from '../../../src/ui/risk/sparkline';

const learned: ModelQuality = { kind: 'learned', examples: 240, lateShare: 0.35, auc: 0.83, maeDays: 6.44, trainExamples: 192, testExamples: 48 };

function render(model: ModelQuality, dict: Record<string, string>, locale: string): string[] {
  return modelQualityLines(model).map((l) => {
    const r = interpolate(dict[l.key] ?? `MISSING ${l.key}`, l.params, locale);
    expect(r.missing).toEqual([]);
    return r.text;
  });
}

describe('modelQualityLines', () => {
  it('describes a learned model in plain words', () => {
    const lines = render(learned, en, 'en');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain('240 paid invoices');
    expect(lines[0]).toContain('35%');
    expect(lines[1]).toContain('newest 48');
    expect(lines[1]).toContain('older 192');
    expect(lines[2]).toContain('AUC 0.83');
    expect(lines[3]).toBe(en['risk.model.aucGood']);
    expect(lines[4]).toContain('6.4 days');
    expect(render(learned, zhCN, 'zh-CN')).toHaveLength(5);
  });

  it('says when ranking or dates could not be checked', () => {
    const keys = modelQualityLines({ ...learned, auc: null, maeDays: null }).map((l) => l.key);
    expect(keys).toEqual(['risk.model.learned', 'risk.model.split', 'risk.model.aucNone', 'risk.model.maeNone']);
  });

  it('explains the rule-based fallback', () => {
    const few = render({ kind: 'rule', reason: 'tooFewExamples', examples: 12, minExamples: 30 }, en, 'en');
    expect(few).toEqual(['Too few paid invoices (12 of 30 needed): using the rule-based estimate (each customer\u2019s own record and terms).']);
    const one = render({ kind: 'rule', reason: 'oneClass', examples: 40, minExamples: 30 }, zhCN, 'zh-CN');
    expect(one[0]).toContain('40');
    expect(one[0]).toContain('基于规则');
  });

  it('grades AUC from a coin toss up', () => {
    expect(aucVerdict(0.5)).toBe('risk.model.aucWeak');
    expect(aucVerdict(0.649)).toBe('risk.model.aucWeak');
    expect(aucVerdict(0.65)).toBe('risk.model.aucFair');
    expect(aucVerdict(0.8)).toBe('risk.model.aucGood');
  });
});

describe('sparkPoints', () => {
  it('spreads the scores across the width, 100 at the top', () => {
    expect(sparkPoints([100, 50, 0], 200, 60)).toBe('0,0 100,30 200,60');
    expect(sparkPoints([120, -3], 10, 10)).toBe('0,0 10,10');
    expect(sparkPoints([70], 10, 10)).toBe('0,3');
    expect(sparkPoints([], 10, 10)).toBe('');
  });
});
