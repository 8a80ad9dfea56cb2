// A customer's contacts: rows of name, phone, email, WeChat and address; add and remove.
import { For, Show } from 'solid-js';
import type { Contact } from '../../domain/types';
import { t, type MessageKey } from '../../i18n';
import { FieldError } from '../forms/FieldError';
import type { FormState } from '../forms/formState';

export const emptyContact = (): Contact => ({ name: '', phone: '', email: '', wechat: '', address: '' });

const COLUMNS: { key: keyof Contact; label: MessageKey; type: string }[] = [
  { key: 'name', label: 'field.contactName', type: 'text' },
  { key: 'phone', label: 'field.phone', type: 'tel' },
  { key: 'email', label: 'field.email', type: 'email' },
  { key: 'wechat', label: 'field.wechat', type: 'text' },
  { key: 'address', label: 'field.address', type: 'text' },
];

export function ContactsEditor(props: {
  form: FormState;
  contacts: Contact[];
  onChange: (index: number, key: keyof Contact, value: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  return (
    <fieldset class="field-wide contacts">
      <legend>{t('field.contacts')}</legend>
      <Show when={props.contacts.length === 0}>
        <p class="muted">{t('contacts.none')}</p>
      </Show>
      <For each={props.contacts}>
        {(c, i) => (
          <div class="contact-row" data-testid="contact-row">
            <For each={COLUMNS}>
              {(col) => {
                const name = () => `contacts.${i()}.${col.key}`;
                return (
                  <div class="field">
                    <label for={props.form.id(name())}>{t(col.label)}</label>
                    <input
                      id={props.form.id(name())}
                      name={name()}
                      type={col.type}
                      value={c[col.key]}
                      autocomplete="off"
                      onInput={(e) => props.onChange(i(), col.key, e.currentTarget.value)}
                    />
                    <FieldError form={props.form} name={name()} />
                  </div>
                );
              }}
            </For>
            <button type="button" class="btn btn-small remove" data-testid="remove-contact" onClick={() => props.onRemove(i())}>
              {t('contacts.remove')}
            </button>
          </div>
        )}
      </For>
      <button type="button" class="btn btn-small" data-testid="add-contact" onClick={() => props.onAdd()}>
        + {t('contacts.add')}
      </button>
    </fieldset>
  );
}
