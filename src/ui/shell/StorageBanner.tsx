// Plain words when storage cannot be used: what happened, that nothing is lost, what to do.
import { Show } from 'solid-js';
import { t } from '../../i18n';
import { slowOpen } from '../state/session';
import { storageStatus } from '../state/storage';

export function StorageBanner() {
  const message = () => {
    const s = storageStatus();
    if (s.state === 'ok') return slowOpen() ? t('storage.slow') : '';
    if (s.state === 'blocked' || s.code === 'storage.blocked') return t('storage.blocked');
    if (s.code === 'storage.quota') return t('storage.quota');
    return t('storage.failed');
  };
  return (
    <Show when={message()}>
      <div class="banner banner-warning" role="alert" data-testid="storage-banner">
        <p>{message()}</p>
        <Show when={storageStatus().detail}>
          <p class="banner-detail">{t('storage.detail', { detail: storageStatus().detail ?? '' })}</p>
        </Show>
        <button type="button" class="btn" onClick={() => location.reload()}>
          {t('storage.reload')}
        </button>
      </div>
    </Show>
  );
}
