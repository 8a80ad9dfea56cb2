// A customer's contacts, with tel:/mailto: links so a tablet can call or write directly.
import { For, Show } from 'solid-js';
import type { Contact } from '../../domain/types';
import { t } from '../../i18n';

export function ContactList(props: { contacts: Contact[] }) {
  return (
    <Show when={props.contacts.length > 0} fallback={<p class="muted">{t('customer.noContacts')}</p>}>
      <ul class="contacts-list">
        <For each={props.contacts}>
          {(c) => (
            <li>
              <strong>{c.name}</strong>
              <Show when={c.phone}>
                <span>
                  {t('field.phone')}: <a href={`tel:${c.phone}`}>{c.phone}</a>
                </span>
              </Show>
              <Show when={c.email}>
                <span>
                  {t('field.email')}: <a href={`mailto:${c.email}`}>{c.email}</a>
                </span>
              </Show>
              <Show when={c.wechat}>
                <span>
                  {t('field.wechat')}: {c.wechat}
                </span>
              </Show>
              <Show when={c.address}>
                <span>
                  {t('field.address')}: {c.address}
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
