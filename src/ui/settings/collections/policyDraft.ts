// Policies as the editor holds them: every number as typed (so nothing is lost on
// an error), read back into Policy records by build(). Field names follow the
// worker's ('policies.<i>.stages.<j>.offsetDays') so its errors land on the inputs.
import { GRADES, type Grade, type Policy, type StageKind, type TemplateId } from '../../../domain/collections';
import type { Result } from '../../../domain/errors';
import { formatPlain } from '../../../domain/money';
import type { Channel } from '../../../domain/types';
import { Validator } from '../../forms/validator';

export interface StageDraft {
  /** Stable key for the row while it moves; not stored. */
  key: string;
  id: string;
  offsetDays: string;
  channel: Channel;
  kind: StageKind;
  template: TemplateId | '';
  fee: string;
  suspendService: boolean;
}

export interface PolicyDraft {
  id: string;
  name: string;
  grades: Grade[];
  stages: StageDraft[];
}

export interface MoneyFormat {
  digits: number;
  commaDecimal: boolean;
}

let rowKeys = 0;
const rowKey = () => `row${(rowKeys += 1)}`;

export const policyField = (i: number, key: string) => `policies.${i}.${key}`;
export const stageField = (i: number, j: number, key: string) => `policies.${i}.stages.${j}.${key}`;

/** An amount for the fee input, with the book's decimal mark; '' for no fee. */
function feeText(fee: number, money: MoneyFormat): string {
  if (fee === 0) return '';
  const plain = formatPlain(fee, money.digits);
  return money.commaDecimal ? plain.replace('.', ',') : plain;
}

export function toDraft(p: Policy, money: MoneyFormat): PolicyDraft {
  return {
    id: p.id,
    name: p.name,
    grades: [...p.grades],
    stages: p.stages.map((s) => ({
      key: rowKey(),
      id: s.id,
      offsetDays: String(s.offsetDays),
      channel: s.channel,
      kind: s.kind,
      template: s.template ?? '',
      fee: feeText(s.fee, money),
      suspendService: s.suspendService,
    })),
  };
}

/** The default policy first, then the grade policies in order of their first grade. */
export function inEditingOrder(drafts: PolicyDraft[]): PolicyDraft[] {
  const rank = (p: PolicyDraft) => (p.grades.length === 0 ? -1 : Math.min(...p.grades.map((g) => GRADES.indexOf(g))));
  return [...drafts].sort((a, b) => rank(a) - rank(b));
}

/** A stage after the last one: 15 days later, a task until the user says otherwise. */
export function newStage(stages: StageDraft[]): StageDraft {
  const offsets = stages.map((s) => Number(s.offsetDays)).filter(Number.isInteger);
  const taken = new Set(stages.map((s) => s.id));
  let n = stages.length + 1;
  while (taken.has(`stage${n}`)) n += 1;
  return {
    key: rowKey(), id: `stage${n}`, offsetDays: String(offsets.length > 0 ? Math.max(...offsets) + 15 : 1),
    channel: 'phone', kind: 'task', template: '', fee: '', suspendService: false,
  };
}

/** A policy for `grade` that starts as a copy of the default's stages. */
export function gradePolicy(from: PolicyDraft, grade: Grade, name: string): PolicyDraft {
  return {
    id: `grade-${grade.toLowerCase()}-${Date.now().toString(36)}`,
    name,
    grades: [grade],
    stages: from.stages.map((s) => ({ ...s, key: rowKey() })),
  };
}

/** Grades no policy serves yet. */
export function freeGrades(drafts: PolicyDraft[]): Grade[] {
  const served = new Set(drafts.flatMap((p) => p.grades));
  return GRADES.filter((g) => !served.has(g));
}

/** Whole days, before (-) or after the due date. */
function offset(check: Validator, field: string, value: string): number {
  const text = value.trim().replace(/^\u2212/, '-');
  if (!/^[+-]?\d+$/.test(text)) {
    check.add(field, text === '' ? 'required' : 'number.invalid');
    return 0;
  }
  return Number(text);
}

/** The typed policies as records; errors for what cannot be read (the worker checks the rest). */
export function buildPolicies(drafts: PolicyDraft[], money: MoneyFormat): Result<Policy[]> {
  const check = new Validator();
  const policies = drafts.map((p, i): Policy => ({
    id: p.id,
    name: p.name,
    grades: [...p.grades],
    stages: p.stages.map((s, j) => ({
      id: s.id,
      offsetDays: offset(check, stageField(i, j, 'offsetDays'), s.offsetDays),
      channel: s.channel,
      kind: s.kind,
      template: s.template === '' ? null : s.template,
      fee: check.money(stageField(i, j, 'fee'), s.fee, { ...money, nonNegative: true }) ?? 0,
      suspendService: s.suspendService,
    })),
  }));
  return check.done(policies);
}
