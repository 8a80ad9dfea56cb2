import { t } from '../../i18n';

export function Loading() {
  return (
    <p class="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}
