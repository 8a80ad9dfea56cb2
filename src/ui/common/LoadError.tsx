// Shown when a query to the worker threw (not a validation error).
import { t } from '../../i18n';

export function LoadError(props: { error: unknown; retry?: () => void }) {
  const detail = () => (props.error instanceof Error ? props.error.message : String(props.error));
  return (
    <div class="notice notice-error" role="alert">
      <p>{t('common.failed', { detail: detail() })}</p>
      {props.retry && (
        <button type="button" class="btn" onClick={() => props.retry?.()}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
