// The book's late-charge rule (DOMAIN.md "Late fees and interest"): stage fees on or
// off, a one-off percentage, a daily penalty rate, yearly simple interest, grace days
// and a cap. Rates are typed as percentages and stored as whole basis points.
import { createMemo, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { addDays } from '../../../domain/calendar';
import { accruedCharges, checkChargeRule } from '../../../domain/charges';
import type { ChargeRule } from '../../../domain/collections';
import { fmtMoney, t } from '../../../i18n';
import { api } from '../../client';
import { CheckboxField } from '../../forms/CheckboxField';
import { Form } from '../../forms/Form';
import { createForm } from '../../forms/formState';
import { TextField } from '../../forms/TextField';
import { Validator } from '../../forms/validator';
import { formatPercent, parsePercentBp } from './percent';
import { createSavedNote, SavedNote } from './SavedNote';

type RateKey = 'percentBp' | 'dailyBp' | 'yearlyBp' | 'capBp';

/** A worked example in the book's currency: 100 units (10,000 minor units at 2 digits). */
const EXAMPLE_DAYS = 15;

export function ChargeRuleForm(props: {
  bookId: string;
  rule: ChargeRule;
  currency: string;
  digits: number;
}) {
  const form = createForm();
  const saved = createSavedNote();
  const [v, setV] = createStore({
    stageFees: props.rule.stageFees,
    percentBp: formatPercent(props.rule.percentBp),
    dailyBp: formatPercent(props.rule.dailyBp),
    yearlyBp: formatPercent(props.rule.yearlyBp),
    graceDays: String(props.rule.graceDays),
    capBp: formatPercent(props.rule.capBp),
  });

  const build = () => {
    const check = new Validator();
    const rate = (key: RateKey): number | null => {
      const parsed = parsePercentBp(v[key]);
      if (parsed.ok) return parsed.value;
      for (const e of parsed.errors) check.add(key, e.code, e.params);
      return null;
    };
    const rule: ChargeRule = {
      stageFees: v.stageFees,
      percentBp: rate('percentBp'),
      dailyBp: rate('dailyBp'),
      yearlyBp: rate('yearlyBp'),
      graceDays: check.int('graceDays', v.graceDays === '' ? '0' : v.graceDays),
      capBp: rate('capBp'),
    };
    return check.done(rule);
  };

  /** What the typed rule gives on 100.00 open for 15 days, when it can be read. */
  const example = createMemo(() => {
    const built = build();
    if (!built.ok || !checkChargeRule(built.value).ok) return null;
    const principal = 100 * 10 ** props.digits;
    const due = '2026-01-01';
    const lines = accruedCharges({ principal, dueDate: due, asOf: addDays(due, EXAMPLE_DAYS), rule: { ...built.value, stageFees: false } });
    const charges = lines.reduce((sum, l) => sum + l.amount, 0);
    return { principal: fmtMoney(principal, props.currency), charges: fmtMoney(charges, props.currency) };
  });

  const save = () => {
    saved.clear();
    void form.submit({
      build,
      send: (rule) => api().saveChargeRule(props.bookId, rule),
      onOk: (stored) => {
        setV({
          percentBp: formatPercent(stored.percentBp), dailyBp: formatPercent(stored.dailyBp), yearlyBp: formatPercent(stored.yearlyBp),
          graceDays: String(stored.graceDays), capBp: formatPercent(stored.capBp),
        });
        saved.show(t('cs.rule.saved'));
      },
    });
  };

  const rateField = (key: RateKey, label: Parameters<typeof t>[0], placeholder: string, hint?: string) => (
    <TextField form={form} name={key} label={t(label)} value={v[key]} onInput={(x) => setV(key, x)}
      inputMode="decimal" placeholder={placeholder} hint={hint} />
  );

  return (
    <div class="cs-part">
      <h3>{t('cs.rule.title')}</h3>
      <p class="muted small">{t('cs.rule.intro')}</p>
      <Form form={form} onSubmit={save} testid="charge-rule" class="charge-rule">
        <CheckboxField form={form} name="stageFees" label={t('cs.rule.stageFees')} checked={v.stageFees} onChange={(x) => setV('stageFees', x)} />
        {rateField('percentBp', 'cs.rule.percent', '5')}
        {rateField('dailyBp', 'cs.rule.daily', '0.05')}
        {rateField('yearlyBp', 'cs.rule.yearly', '10')}
        <TextField form={form} name="graceDays" label={t('cs.rule.grace')} value={v.graceDays} onInput={(x) => setV('graceDays', x)}
          inputMode="numeric" hint={t('cs.rule.graceHint')} />
        {rateField('capBp', 'cs.rule.cap', '', t('cs.rule.capHint'))}
        <Show when={example()}>
          {(e) => <p class="field-wide muted small" data-testid="charge-example">{t('cs.rule.example', e())}</p>}
        </Show>
        <div class="field-wide"><SavedNote note={saved} /></div>
      </Form>
    </div>
  );
}
