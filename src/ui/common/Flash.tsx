// A short confirmation after a save ("Invoice 2024-001 saved."), with an optional link.
import { createSignal, Show } from 'solid-js';
import { isMessageKey, t } from '../../i18n';
import { takePendingFlash } from './pendingFlash';

export interface FlashMessage {
  text: string;
  href?: string;
  linkText?: string;
}

/** Starts with the confirmation a previous page left for this one, if any. */
export function createFlash() {
  const pending = takePendingFlash();
  const [message, setMessage] = createSignal<FlashMessage | null>(null);
  if (pending && isMessageKey(pending.key)) {
    const { key, params } = pending;
    // A getter, so the text follows a language switch.
    setMessage({
      get text() {
        return t(key, params);
      },
    });
  }
  return { message, show: (m: FlashMessage) => setMessage(m), clear: () => setMessage(null) };
}

export function Flash(props: { flash: ReturnType<typeof createFlash> }) {
  return (
    <Show when={props.flash.message()}>
      {(m) => (
        <div class="flash" role="status" data-testid="flash">
          <span>{m().text}</span>
          <Show when={m().href}>
            {' '}
            <a href={m().href}>{m().linkText}</a>
          </Show>
          <button type="button" class="btn-link" aria-label="×" onClick={() => props.flash.clear()}>
            ×
          </button>
        </div>
      )}
    </Show>
  );
}
