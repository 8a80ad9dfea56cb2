// Book settings (name, currency, aging, terms, input style, limitation period),
// for a new book or an existing one. Saved with createBook / updateBook.
import { createStore } from 'solid-js/store';
import type { BookInput } from '../../api/contract';
import { AUDIT_YEAR_BOUNDS, DEFAULT_BOUNDS, parseBounds } from '../../domain/aging';
import type { AgingBasis, Book, Locale } from '../../domain/types';
import { lang, t } from '../../i18n';
import { api } from '../client';
import { CheckboxField } from '../forms/CheckboxField';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import { Validator } from '../forms/validator';
import { currencyOptions } from './currencies';

interface Values {
  bookName: string;
  currency: string;
  locale: Locale;
  agingBounds: string;
  agingBasis: AgingBasis;
  defaultTermsDays: string;
  commaDecimal: boolean;
  limitationYears: string;
}

function valuesOf(b: Book | undefined): Values {
  return {
    bookName: b?.name ?? '',
    currency: b?.currency ?? 'CNY',
    locale: b?.locale ?? lang(),
    agingBounds: (b?.agingBounds ?? DEFAULT_BOUNDS).join(','),
    agingBasis: b?.agingBasis ?? 'due',
    defaultTermsDays: String(b?.defaultTermsDays ?? 30),
    commaDecimal: b?.commaDecimal ?? false,
    limitationYears: String(b?.limitationYears ?? 3),
  };
}

export function BookForm(props: { book?: Book; title?: string; onSaved: (book: Book) => void; onCancel?: () => void; testid?: string }) {
  const form = createForm();
  const [v, setV] = createStore<Values>(valuesOf(props.book));

  const build = () => {
    const check = new Validator();
    const name = check.text('bookName', v.bookName, true);
    const bounds = parseBounds(v.agingBounds);
    if (!bounds.ok) for (const e of bounds.errors) check.add('agingBounds', e.code, e.params);
    const input: BookInput = {
      name,
      currency: v.currency,
      locale: v.locale,
      agingBounds: bounds.ok ? bounds.value : [],
      agingBasis: v.agingBasis,
      defaultTermsDays: check.int('defaultTermsDays', v.defaultTermsDays, { min: 0, max: 3650 }),
      commaDecimal: v.commaDecimal,
      limitationYears: check.int('limitationYears', v.limitationYears, { min: 1, max: 30 }),
    };
    return check.done(input);
  };

  const save = () =>
    void form.submit({
      build,
      send: (input) => (props.book ? api().updateBook(props.book.id, input) : api().createBook(input)),
      onOk: (book) => props.onSaved(book),
      fieldMap: { name: 'bookName' },
    });

  return (
    <Form form={form} onSubmit={save} onCancel={props.onCancel} title={props.title} testid={props.testid}>
      <TextField form={form} name="bookName" label={t('field.bookName')} value={v.bookName} onInput={(x) => setV('bookName', x)} required />
      <SelectField form={form} name="currency" label={t('field.currency')} value={v.currency} options={currencyOptions(v.currency)} onChange={(x) => setV('currency', x)} />
      <SelectField
        form={form}
        name="locale"
        label={t('field.locale')}
        value={v.locale}
        options={[
          { value: 'zh-CN', label: t('locale.zh-CN') },
          { value: 'en', label: t('locale.en') },
        ]}
        onChange={(x) => setV('locale', x === 'en' ? 'en' : 'zh-CN')}
      />
      <TextField
        form={form}
        name="agingBounds"
        label={t('field.agingBounds')}
        hint={t('field.agingBoundsHint')}
        value={v.agingBounds}
        onInput={(x) => setV('agingBounds', x)}
        inputMode="numeric"
      />
      <SelectField
        form={form}
        name="agingBasis"
        label={t('field.agingBasis')}
        value={v.agingBasis}
        options={[
          { value: 'due', label: t('basis.due') },
          { value: 'issue', label: t('basis.issue') },
        ]}
        onChange={(x) => setV('agingBasis', x === 'issue' ? 'issue' : 'due')}
      />
      <div class="field field-wide presets">
        <button type="button" class="btn btn-small" data-testid="preset-audit" onClick={() => setV({ agingBasis: 'issue', agingBounds: AUDIT_YEAR_BOUNDS.join(',') })}>
          {t('settings.auditPreset')}
        </button>
        <button type="button" class="btn btn-small" data-testid="preset-default" onClick={() => setV({ agingBasis: 'due', agingBounds: DEFAULT_BOUNDS.join(',') })}>
          {t('settings.defaultPreset')}
        </button>
      </div>
      <TextField
        form={form}
        name="defaultTermsDays"
        label={t('field.defaultTermsDays')}
        value={v.defaultTermsDays}
        onInput={(x) => setV('defaultTermsDays', x)}
        inputMode="numeric"
      />
      <TextField
        form={form}
        name="limitationYears"
        label={t('field.limitationYears')}
        value={v.limitationYears}
        onInput={(x) => setV('limitationYears', x)}
        inputMode="numeric"
      />
      <CheckboxField form={form} name="commaDecimal" label={t('field.commaDecimal')} checked={v.commaDecimal} onChange={(x) => setV('commaDecimal', x)} />
    </Form>
  );
}
