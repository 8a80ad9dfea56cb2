// The period of the analytics page: a preset ending today, or a custom from/to that
// is checked before it is shown (each field's error right under it).
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { IsoDate } from '../../domain/types';
import { t } from '../../i18n';
import { checkPeriod, PRESETS, type Period, type PeriodChoice } from './period';

export function PeriodChooser(props: {
  choice: PeriodChoice;
  period: Period;
  today: IsoDate;
  onPreset: (choice: PeriodChoice) => void;
  onCustom: (period: Period) => void;
}) {
  const uid = createUniqueId();
  const [from, setFrom] = createSignal(props.period.from);
  const [to, setTo] = createSignal(props.period.to);
  const [errors, setErrors] = createSignal<ReturnType<typeof checkPeriod>>({});

  const choose = (choice: PeriodChoice) => {
    setErrors({});
    if (choice === 'custom') {
      // Start the custom fields from the period on screen.
      setFrom(props.period.from);
      setTo(props.period.to);
    }
    props.onPreset(choice);
  };

  const apply = (e: Event) => {
    e.preventDefault();
    const found = checkPeriod(from(), to(), props.today);
    setErrors(found);
    if (!found.from && !found.to) props.onCustom({ from: from(), to: to() });
  };

  return (
    <div class="analytics-period no-print" style={{ display: 'grid', gap: '0.75rem', margin: '0.75rem 0 1rem' }}>
      <div class="segmented" role="group" aria-label={t('analytics.periodLabel')}>
        <For each={[...PRESETS, 'custom' as const]}>
          {(choice) => (
            <button type="button" class="btn btn-small" aria-pressed={props.choice === choice} data-testid={`period-${choice}`} onClick={() => choose(choice)}>
              {t(`analytics.period.${choice}`)}
            </button>
          )}
        </For>
      </div>
      <Show when={props.choice === 'custom'}>
        <form class="inline-fields" data-testid="period-form" onSubmit={apply} novalidate>
          <div class="field">
            <label for={`${uid}-from`}>{t('analytics.from')}</label>
            <input id={`${uid}-from`} type="date" name="from" value={from()} onInput={(e) => setFrom(e.currentTarget.value)}
              aria-invalid={errors().from ? 'true' : undefined} aria-describedby={errors().from ? `${uid}-from-error` : undefined} />
            <Show when={errors().from}>
              {(code) => <p class="field-error" id={`${uid}-from-error`} data-testid="error-from">{t(code())}</p>}
            </Show>
          </div>
          <div class="field">
            <label for={`${uid}-to`}>{t('analytics.to')}</label>
            <input id={`${uid}-to`} type="date" name="to" value={to()} onInput={(e) => setTo(e.currentTarget.value)}
              aria-invalid={errors().to ? 'true' : undefined} aria-describedby={errors().to ? `${uid}-to-error` : undefined} />
            <Show when={errors().to}>
              {(code) => <p class="field-error" id={`${uid}-to-error`} data-testid="error-to">{t(code())}</p>}
            </Show>
          </div>
          <button type="submit" class="btn btn-primary" data-testid="save">{t('analytics.apply')}</button>
        </form>
      </Show>
    </div>
  );
}
