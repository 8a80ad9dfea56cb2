// Collection policies (催收策略): the default staged policy from DOMAIN.md "Collection
// workflow", the check a policy must pass before it is saved, and which policy serves
// a customer of a given grade (分类管理).
import type { Channel } from './types';
import { GRADES, TEMPLATE_IDS, type Grade, type Policy, type Stage, type StageKind } from './collections';
import { ok, type FieldError, type Result } from './errors';

export const MAX_STAGES = 20;
/** A stage may come up to a year before the due date and up to ten years after it. */
export const MIN_OFFSET_DAYS = -365;
export const MAX_OFFSET_DAYS = 3650;

const stage = (
  id: string,
  offsetDays: number,
  channel: Channel,
  kind: StageKind,
  template: Stage['template'],
  suspendService = false,
): Stage => ({ id, offsetDays, channel, kind, template, fee: 0, suspendService });

// Shared by every book: frozen so an editor working on it in place fails loudly
// instead of changing everyone's default.
function deepFreeze(policy: Policy): Policy {
  policy.stages.forEach((s) => Object.freeze(s));
  Object.freeze(policy.stages);
  Object.freeze(policy.grades);
  return Object.freeze(policy);
}

/**
 * Common practice, as DOMAIN.md states it: a courtesy reminder before the due date,
 * a polite first reminder the day after (a phone task whose 'reminder' text can be
 * copied as SMS or WeChat), written notices at 15 and 30 days, a meeting at 45,
 * service suspension at 60, a lawyer's letter at 90, and a litigation or
 * arbitration review at 120. No fees until the user sets some.
 */
export const DEFAULT_POLICY: Policy = deepFreeze({
  id: 'default',
  name: 'Default',
  grades: [],
  stages: [
    stage('courtesy', -3, 'email', 'notice', 'reminder'),
    stage('first', 1, 'phone', 'task', 'reminder'),
    stage('written', 15, 'letter', 'notice', 'notice'),
    stage('final', 30, 'letter', 'notice', 'final'),
    stage('meeting', 45, 'visit', 'task', null),
    stage('suspend', 60, 'phone', 'task', null, true),
    stage('lawyer', 90, 'lawyer', 'notice', 'lawyer'),
    stage('litigation', 120, 'litigation', 'task', null),
  ],
});

// Records keyed by the union make the compiler insist every member is listed.
const CHANNELS: Record<Channel, true> = {
  email: true, sms: true, wechat: true, phone: true, letter: true, visit: true, lawyer: true, litigation: true,
};
const KINDS: Record<StageKind, true> = { task: true, notice: true };

const has = (record: object, key: unknown): boolean =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key);

/**
 * Everything wrong with a policy, each on its field:
 *  - name: 'required'
 *  - stages: 'policy.stageCount' (params min, max)
 *  - stages.<i>.id: 'required', 'policy.duplicateStage' (params other: index of the first use)
 *  - stages.<i>.offsetDays: 'number.invalid' (not an integer), 'policy.offsetRange' (params min, max),
 *    'policy.sameOffset' (params other: the index with that offset), 'policy.order' (params
 *    after: the latest offset above it) — offsets must rise strictly in list order, because the
 *    workflow walks the list and "the next stage" must also be the next in time
 *  - stages.<i>.channel: 'policy.channel'; stages.<i>.kind: 'policy.kind'
 *  - stages.<i>.template: 'policy.template' (a notice stage without one, or an unknown id)
 *  - stages.<i>.fee: 'money.invalid' (not a safe integer), 'money.negative'
 *  - grades.<i>: 'policy.grade' (unknown or listed twice)
 * On success returns a copy with the name and stage ids trimmed.
 */
export function checkPolicy(p: Policy): Result<Policy> {
  const errors: FieldError[] = [];
  const name = typeof p.name === 'string' ? p.name.trim() : '';
  if (name === '') errors.push({ field: 'name', code: 'required' });

  const stages = Array.isArray(p.stages) ? p.stages : [];
  if (stages.length < 1 || stages.length > MAX_STAGES) {
    errors.push({ field: 'stages', code: 'policy.stageCount', params: { min: 1, max: MAX_STAGES } });
  }

  const firstUseOfId = new Map<string, number>();
  const indexOfOffset = new Map<number, number>();
  let latestOffset: number | null = null;
  stages.forEach((s, i) => {
    const at = (key: keyof Stage): string => `stages.${i}.${key}`;
    const id = typeof s.id === 'string' ? s.id.trim() : '';
    if (id === '') errors.push({ field: at('id'), code: 'required' });
    else if (firstUseOfId.has(id)) {
      errors.push({ field: at('id'), code: 'policy.duplicateStage', params: { other: firstUseOfId.get(id) ?? 0 } });
    } else firstUseOfId.set(id, i);

    const offset = s.offsetDays;
    if (!Number.isInteger(offset)) errors.push({ field: at('offsetDays'), code: 'number.invalid' });
    else if (offset < MIN_OFFSET_DAYS || offset > MAX_OFFSET_DAYS) {
      errors.push({ field: at('offsetDays'), code: 'policy.offsetRange', params: { min: MIN_OFFSET_DAYS, max: MAX_OFFSET_DAYS } });
    } else {
      const other = indexOfOffset.get(offset);
      if (other !== undefined) errors.push({ field: at('offsetDays'), code: 'policy.sameOffset', params: { other } });
      else if (latestOffset !== null && offset < latestOffset) {
        errors.push({ field: at('offsetDays'), code: 'policy.order', params: { after: latestOffset } });
      }
      if (other === undefined) indexOfOffset.set(offset, i);
      latestOffset = latestOffset === null ? offset : Math.max(latestOffset, offset);
    }

    if (!has(CHANNELS, s.channel)) errors.push({ field: at('channel'), code: 'policy.channel' });
    if (!has(KINDS, s.kind)) errors.push({ field: at('kind'), code: 'policy.kind' });
    const knownTemplate = s.template === null || (TEMPLATE_IDS as readonly unknown[]).includes(s.template);
    if (!knownTemplate || (s.kind === 'notice' && s.template === null)) {
      errors.push({ field: at('template'), code: 'policy.template' });
    }
    if (!Number.isSafeInteger(s.fee)) errors.push({ field: at('fee'), code: 'money.invalid' });
    else if (s.fee < 0) errors.push({ field: at('fee'), code: 'money.negative' });
  });

  const grades = Array.isArray(p.grades) ? p.grades : [];
  grades.forEach((g, i) => {
    if (!GRADES.includes(g) || grades.indexOf(g) !== i) errors.push({ field: `grades.${i}`, code: 'policy.grade' });
  });

  if (errors.length > 0) return { ok: false, errors };
  return ok({
    id: p.id,
    name,
    grades: [...grades],
    stages: stages.map((s) => ({ ...s, id: s.id.trim() })),
  });
}

/**
 * The policy that serves a customer of `grade`: the first policy listing that grade,
 * else the first catch-all policy (grades []), else DEFAULT_POLICY. An ungraded
 * customer (null) gets the catch-all.
 */
export function policyFor(policies: Policy[], grade: Grade | null): Policy {
  const graded = grade === null ? undefined : policies.find((p) => p.grades.includes(grade));
  return graded ?? policies.find((p) => p.grades.length === 0) ?? DEFAULT_POLICY;
}
