// New or edited customer: name, credit code, terms, credit limit, contacts, tags, notes.
import { createStore, produce } from 'solid-js/store';
import type { CustomerInput } from '../../api/contract';
import { currencyDigits, formatPlain } from '../../domain/money';
import { normalizeUscc } from '../../domain/uscc';
import type { Book, Contact, Customer } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { Form } from '../forms/Form';
import { createForm } from '../forms/formState';
import { MoneyInput } from '../forms/MoneyInput';
import { TextAreaField } from '../forms/TextAreaField';
import { TextField } from '../forms/TextField';
import { Validator } from '../forms/validator';
import { ContactsEditor, emptyContact } from './ContactsEditor';
import { UsccField } from './UsccField';

interface Values {
  name: string;
  uscc: string;
  termsDays: string;
  creditLimit: string;
  contacts: Contact[];
  tags: string;
  notes: string;
}

export function CustomerForm(props: { book: Book; customer?: Customer; title?: string; onSaved: (c: Customer) => void; onCancel?: () => void }) {
  const form = createForm();
  const digits = () => currencyDigits(props.book.currency);
  const c = props.customer;
  const [v, setV] = createStore<Values>({
    name: c?.name ?? '',
    uscc: c?.uscc ?? '',
    termsDays: String(c?.termsDays ?? props.book.defaultTermsDays),
    creditLimit: c?.creditLimit != null ? formatPlain(c.creditLimit, digits()) : '',
    contacts: c ? c.contacts.map((x) => ({ ...x })) : [],
    tags: c?.tags.join(', ') ?? '',
    notes: c?.notes ?? '',
  });

  const build = () => {
    const check = new Validator();
    const input: CustomerInput = {
      name: check.text('name', v.name, true),
      // Stored normalised (half-width, upper case); a checksum mismatch only warns.
      uscc: normalizeUscc(v.uscc),
      termsDays: check.int('termsDays', v.termsDays, { min: 0, max: 3650 }),
      creditLimit: check.money('creditLimit', v.creditLimit, { digits: digits(), commaDecimal: props.book.commaDecimal, nonNegative: true }),
      contacts: v.contacts
        .map((x) => ({ name: x.name.trim(), phone: x.phone.trim(), email: x.email.trim(), wechat: x.wechat.trim(), address: x.address.trim() }))
        .filter((x) => Object.values(x).some((s) => s !== '')),
      tags: v.tags
        .split(/[,，、;；]/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      notes: v.notes.trim(),
    };
    return check.done(input);
  };

  const save = () =>
    void form.submit({
      build,
      send: (input) => api().saveCustomer(props.book.id, input, props.customer?.id),
      onOk: (saved) => props.onSaved(saved),
    });

  return (
    <Form form={form} onSubmit={save} onCancel={props.onCancel} title={props.title} testid="customer-form">
      <TextField form={form} name="name" label={t('field.name')} value={v.name} onInput={(x) => setV('name', x)} required />
      <UsccField form={form} value={v.uscc} onInput={(x) => setV('uscc', x)} />
      <TextField form={form} name="termsDays" label={t('field.termsDays')} value={v.termsDays} onInput={(x) => setV('termsDays', x)} inputMode="numeric" />
      <MoneyInput
        form={form}
        name="creditLimit"
        label={t('field.creditLimit')}
        hint={t('field.creditLimitHint')}
        currency={props.book.currency}
        digits={digits()}
        commaDecimal={props.book.commaDecimal}
        value={v.creditLimit}
        onInput={(x) => setV('creditLimit', x)}
      />
      <ContactsEditor
        form={form}
        contacts={v.contacts}
        onChange={(i, key, value) => setV('contacts', i, key, value)}
        onAdd={() => setV('contacts', (list) => [...list, emptyContact()])}
        onRemove={(i) => setV(produce((s) => void s.contacts.splice(i, 1)))}
      />
      <TextField form={form} name="tags" label={t('field.tags')} hint={t('field.tagsHint')} value={v.tags} onInput={(x) => setV('tags', x)} />
      <TextAreaField form={form} name="notes" label={t('field.notes')} value={v.notes} onInput={(x) => setV('notes', x)} />
    </Form>
  );
}
