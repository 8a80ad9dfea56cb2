// The opt-in "notify me when the app opens" switch, kept per device. Turning it on
// asks the browser for permission; without the Notification API it says so.
import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n';
import { notifyEnabled, notifyPermission, notifySupported, setNotifyEnabled, type NotifyPermission } from './notify';

export function NotifySetting() {
  const [on, setOn] = createSignal(notifyEnabled() && notifyPermission() === 'granted');
  const [permission, setPermission] = createSignal<NotifyPermission>(notifyPermission());
  const [asking, setAsking] = createSignal(false);

  const change = async (want: boolean) => {
    if (!want) {
      setNotifyEnabled(false);
      setOn(false);
      return;
    }
    if (!notifySupported()) return;
    setAsking(true);
    try {
      let p: NotificationPermission = Notification.permission;
      if (p === 'default') p = await Notification.requestPermission();
      setPermission(p);
      setNotifyEnabled(p === 'granted');
      setOn(p === 'granted');
    } finally {
      setAsking(false);
    }
  };

  return (
    <div class="notify-setting" data-testid="notify-setting" data-permission={permission()}>
      <div class="field field-check">
        <label>
        <input
          type="checkbox"
          name="notify"
          data-testid="notify-toggle"
          checked={on()}
          disabled={!notifySupported() || asking()}
          onChange={(e) => void change(e.currentTarget.checked)}
        />
        <span>{t('warnings.notify.label')}</span>
        </label>
      </div>
      <p class="muted small">{t('warnings.notify.hint')}</p>
      <Show when={permission() === 'unsupported'}>
        <p class="muted small" data-testid="notify-unsupported">{t('warnings.notify.unsupported')}</p>
      </Show>
      <Show when={permission() === 'denied'}>
        <p class="field-error" role="alert" data-testid="notify-denied">{t('warnings.notify.denied')}</p>
      </Show>
    </div>
  );
}
