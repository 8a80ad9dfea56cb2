// The book's collection policies: the default policy and one per grade (分类管理),
// each a table of stages. Saved together; the worker checks the whole set and its
// errors come back to the stage and field they name.
import { createEffect, For, Show } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import type { Grade, Policy } from '../../../domain/collections';
import { GRADES } from '../../../domain/collections';
import type { FieldError } from '../../../domain/errors';
import { t } from '../../../i18n';
import { api } from '../../client';
import { FieldError as FieldErrorText } from '../../forms/FieldError';
import { createForm } from '../../forms/formState';
import { FormErrors } from '../../forms/FormErrors';
import { TextField } from '../../forms/TextField';
import {
  buildPolicies, freeGrades, gradePolicy, inEditingOrder, newStage, policyField, toDraft, type MoneyFormat, type PolicyDraft, type StageDraft,
} from './policyDraft';
import { createSavedNote, SavedNote } from './SavedNote';
import { StageTable } from './StageTable';

/** checkPolicy names a grade by its place in the list ('grades.1'); the editor shows them together. */
const onGrades = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => ({ ...e, field: e.field.replace(/^(policies\.\d+\.grades)\.\d+$/, '$1') }));

export function PolicyEditor(props: {
  bookId: string;
  policies: Policy[];
  money: MoneyFormat & { currency: string };
}) {
  const form = createForm();
  const saved = createSavedNote();
  const drafts = (list: Policy[]) => inEditingOrder(list.map((p) => toDraft(p, props.money)));
  const [state, setState] = createStore<{ saved: Policy[]; policies: PolicyDraft[] }>({
    saved: props.policies,
    policies: drafts(props.policies),
  });

  /** Rows and policies moved or went away: errors named by index no longer point at the right place. */
  const reshaped = () => form.setErrors([], { focus: false });

  // Each takes the policy's index as an accessor: adding a grade policy re-sorts the list.
  const changeStage = (i: () => number) => <K extends keyof StageDraft>(j: number, key: K, value: StageDraft[K]) =>
    setState('policies', i(), 'stages', j, key, value);

  const moveStage = (i: () => number) => (j: number, by: -1 | 1) => {
    setState('policies', i(), 'stages', produce((stages) => {
      const [row] = stages.splice(j, 1);
      if (row) stages.splice(j + by, 0, row);
    }));
    reshaped();
  };

  const removeStage = (i: () => number) => (j: number) => {
    setState('policies', i(), 'stages', produce((stages) => void stages.splice(j, 1)));
    reshaped();
  };

  const addStage = (i: () => number) => () => {
    setState('policies', i(), 'stages', produce((stages) => void stages.push(newStage(stages))));
    reshaped();
  };

  const toggleGrade = (i: number, grade: Grade, on: boolean) => {
    setState('policies', i, 'grades', (grades) => (on ? GRADES.filter((g) => g === grade || grades.includes(g)) : grades.filter((g) => g !== grade)));
    form.clearError(policyField(i, 'grades'));
  };

  const addGradePolicy = (grade: Grade) => {
    const base = state.policies.find((p) => p.grades.length === 0) ?? state.policies[0];
    if (!base) return;
    setState('policies', (list) => inEditingOrder([...list, gradePolicy(base, grade, t('cs.policies.gradeName', { grade }))]));
    reshaped();
  };

  const removePolicy = (i: number) => {
    setState('policies', (list) => list.filter((_, k) => k !== i));
    reshaped();
  };

  const revert = () => {
    setState('policies', drafts(state.saved));
    reshaped();
  };

  const save = () => {
    saved.clear();
    void form.submit({
      build: () => buildPolicies(state.policies, props.money),
      send: async (policies) => {
        const r = await api().savePolicies(props.bookId, policies);
        return r.ok ? r : { ok: false as const, errors: onGrades(r.errors) };
      },
      onOk: (stored) => {
        setState({ saved: stored, policies: drafts(stored) });
        saved.show(t('cs.policies.saved'));
      },
    });
  };

  return (
    <form class="form policy-editor" data-testid="policy-editor" noValidate onSubmit={(e) => {
      e.preventDefault();
      save();
    }}>
      <h3>{t('cs.policies.title')}</h3>
      <p class="muted small">{t('cs.policies.intro')}</p>
      <For each={state.policies}>
        {(p, i) => {
          const isDefault = () => p.grades.length === 0 && i() === state.policies.findIndex((x) => x.grades.length === 0);
          createEffect(() => form.register(policyField(i(), 'grades')));
          return (
            <fieldset class="policy" data-testid="policy" data-policy={p.id} data-grades={p.grades.join(',')}>
              <legend>
                {isDefault() ? t('cs.policies.default') : p.grades.length > 0 ? t('cs.policies.forGrades', { grades: p.grades.join(', ') }) : p.name}
              </legend>
              <div class="inline-fields">
                <TextField form={form} name={policyField(i(), 'name')} label={t('cs.policies.name')} value={p.name}
                  onInput={(v) => setState('policies', i(), 'name', v)} class="policy-name" />
                <Show when={!isDefault()}>
                  <div class="field">
                    <span class="field-label">{t('cs.policies.grades')}</span>
                    <div class="segmented" role="group" aria-label={t('cs.policies.grades')} data-testid="policy-grades">
                      <For each={GRADES}>
                        {(g) => (
                          <label class="check">
                            <input type="checkbox" name={`${policyField(i(), 'grades')}.${g}`} checked={p.grades.includes(g)}
                              onChange={(e) => toggleGrade(i(), g, e.currentTarget.checked)} />
                            <span>{t('cs.policies.grade', { grade: g })}</span>
                          </label>
                        )}
                      </For>
                    </div>
                    <FieldErrorText form={form} name={policyField(i(), 'grades')} />
                  </div>
                  <button type="button" class="btn btn-small" data-testid="remove-policy" onClick={() => removePolicy(i())}>
                    {t('cs.policies.remove')}
                  </button>
                </Show>
              </div>
              <StageTable form={form} policyIndex={i()} stages={p.stages} money={props.money}
                onChange={changeStage(i)} onMove={moveStage(i)} onRemove={removeStage(i)} onAdd={addStage(i)} />
            </fieldset>
          );
        }}
      </For>
      <Show when={freeGrades(state.policies).length > 0}>
        <div class="segmented policy-add">
          <For each={freeGrades(state.policies)}>
            {(g) => (
              <button type="button" class="btn btn-small" data-testid="add-grade-policy" data-grade={g} onClick={() => addGradePolicy(g)}>
                {t('cs.policies.addForGrade', { grade: g })}
              </button>
            )}
          </For>
          <span class="field-hint">{t('cs.policies.addHint')}</span>
        </div>
      </Show>
      <FormErrors form={form} />
      <SavedNote note={saved} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" data-testid="save-policies" disabled={form.saving()} aria-busy={form.saving()}>
          {form.saving() ? t('common.saving') : t('cs.policies.save')}
        </button>
        <button type="button" class="btn" data-testid="revert-policies" onClick={revert}>{t('cs.policies.revert')}</button>
      </div>
    </form>
  );
}
