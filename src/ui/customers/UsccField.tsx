// Unified Social Credit Code with a live check: a wrong check character warns
// (and names the expected one) but never blocks saving.
import { Show } from 'solid-js';
import { checkUscc } from '../../domain/uscc';
import { t } from '../../i18n';
import { Field } from '../forms/Field';
import type { FormState } from '../forms/formState';

export function UsccField(props: { form: FormState; value: string; onInput: (v: string) => void }) {
  const check = () => (props.value.trim() ? checkUscc(props.value) : null);
  return (
    <Field form={props.form} name="uscc" label={t('field.uscc')}>
      {(id) => (
        <>
          <input
            id={id}
            name="uscc"
            value={props.value}
            maxLength={24}
            autocomplete="off"
            spellcheck={false}
            class="mono"
            aria-describedby={`${id}-check`}
            onInput={(e) => props.onInput(e.currentTarget.value)}
          />
          <Show when={check()}>
            {(c) => (
              <div
                id={`${id}-check`}
                class={c().valid ? 'field-ok' : 'field-warning'}
                role={c().valid ? undefined : 'status'}
                data-testid={c().valid ? 'uscc-ok' : 'error-uscc'}
                data-reason={c().reason}
              >
                {c().valid
                  ? t('uscc.valid')
                  : c().reason === 'uscc.checksum'
                    ? t('uscc.mismatch', { expected: c().expected ?? '' })
                    : t('uscc.format')}
              </div>
            )}
          </Show>
        </>
      )}
    </Field>
  );
}
