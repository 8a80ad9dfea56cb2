// Settings: how much each part of the credit score counts, seven whole numbers
// (only their ratios matter; the defaults sum to 100, so each reads as points).
// Errors are shown at the part's field, from our own reading and from
// saveRiskWeights; "Reset to defaults" fills in and saves the shipped weights.
import { createResource, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { DEFAULT_RISK_WEIGHTS, RISK_PARTS, RISK_WEIGHT_MAX, type RiskWeights } from '../../domain/risk-score';
import type { Book } from '../../domain/types';
import { fmtNumber, t } from '../../i18n';
import { api } from '../client';
import { LoadError } from '../common/LoadError';
import { Loading } from '../common/Loading';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { TextField } from '../forms/TextField';
import { createSavedNote, SavedNote } from '../settings/collections/SavedNote';
import { weightsFromText, weightsToText, type WeightsText } from './weightsDraft';

function WeightsForm(props: { book: Book; weights: RiskWeights }) {
  const form = createForm();
  const saved = createSavedNote();
  const [v, setV] = createStore<WeightsText>(weightsToText(props.weights));
  const total = () => {
    const r = weightsFromText(v);
    return r.ok ? RISK_PARTS.reduce((n, k) => n + r.value[k], 0) : null;
  };

  const save = () => {
    saved.clear();
    void form.submit({
      build: () => weightsFromText(v),
      // The worker's all-zero error carries only {min}; the message also names the range.
      send: async (w) => {
        const r = await api().saveRiskWeights(props.book.id, w);
        if (r.ok) return r;
        return { ok: false as const, errors: r.errors.map((e) => (e.code === 'risk.weight' ? { ...e, params: { min: 0, max: RISK_WEIGHT_MAX } } : e)) };
      },
      onOk: (stored) => {
        setV(weightsToText(stored));
        saved.show(t('risk.weights.saved'));
      },
    });
  };

  const reset = () => {
    setV(weightsToText(DEFAULT_RISK_WEIGHTS));
    save();
  };

  return (
    <Form form={form} onSubmit={save} testid="risk-weights" class="risk-weights">
      <For each={RISK_PARTS}>
        {(key) => (
          <TextField form={form} name={key} label={t(`risk.part.${key}`)} value={v[key]} onInput={(x) => setV(key, x)}
            inputMode="numeric" hint={t('risk.weights.default', { n: fmtNumber(DEFAULT_RISK_WEIGHTS[key]) })} />
        )}
      </For>
      <div class="field-wide">
        <Show when={total()}>
          {(n) => <p class="muted small" data-testid="risk-weights-total">{t('risk.weights.total', { total: fmtNumber(n()) })}</p>}
        </Show>
        <button type="button" class="btn" data-testid="risk-weights-reset" disabled={form.saving()} onClick={reset}>
          {t('risk.weights.reset')}
        </button>
        <SavedNote note={saved} />
      </div>
    </Form>
  );
}

export function RiskWeightsEditor(props: { book: Book }) {
  const [weights, { refetch }] = createResource(() => props.book.id, (id) => api().riskWeights(id));
  return (
    <section class="panel" data-testid="risk-weights-settings">
      <h2>{t('risk.weights.title')}</h2>
      <p class="muted">{t('risk.weights.intro')}</p>
      {/* A fresh form per book (the weights load again only when the book changes, so a
          save, which refreshes the book record, keeps the form and its "saved" note). */}
      <Show when={!weights.error} fallback={<LoadError error={weights.error} retry={() => void refetch()} />}>
        <Show when={weights()} fallback={<Loading />} keyed>
          {(w) => <WeightsForm book={props.book} weights={w} />}
        </Show>
      </Show>
    </section>
  );
}
