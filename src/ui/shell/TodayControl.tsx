// The as-of date for every figure: today, or an override to see another day's books.
import { createUniqueId, Show } from 'solid-js';
import { t } from '../../i18n';
import { setTodayOverride, today, todayOverride } from '../state/today';

export function TodayControl() {
  const id = `today-${createUniqueId()}`;
  return (
    <div class="control" classList={{ overridden: !!todayOverride() }}>
      <label for={id}>{t('shell.today')}</label>
      <div class="control-row">
        <input
          id={id}
          type="date"
          data-testid="today-input"
          value={today()}
          title={todayOverride() ? t('shell.todayOverridden') : undefined}
          onChange={(e) => setTodayOverride(e.currentTarget.value || null)}
        />
        <Show when={todayOverride()}>
          <button type="button" class="btn btn-small" data-testid="today-reset" title={t('shell.todayResetTitle')} onClick={() => setTodayOverride(null)}>
            {t('shell.todayReset')}
          </button>
        </Show>
      </div>
    </div>
  );
}
