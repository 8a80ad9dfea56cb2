// Filters for the invoice list: status, customer, aging bucket, issue-date range, text; sort.
import { createUniqueId, For } from 'solid-js';
import type { InvoiceQuery } from '../../api/contract';
import { bucketRanges } from '../../domain/aging';
import type { Book } from '../../domain/types';
import { bucketLabel, t } from '../../i18n';
import { CustomerPicker, type PickedCustomer } from '../common/CustomerPicker';

export type InvoiceStatusFilter = NonNullable<InvoiceQuery['status']>;
export type InvoiceSort = NonNullable<InvoiceQuery['sort']>;

export interface InvoiceFilterValues {
  status: InvoiceStatusFilter;
  customer: PickedCustomer | null;
  bucket: number | null;
  from: string;
  to: string;
  text: string;
  sort: InvoiceSort;
  desc: boolean;
}

export const STATUSES: InvoiceStatusFilter[] = ['all', 'open', 'overdue', 'paid', 'disputed', 'writtenOff'];
export const SORTS: InvoiceSort[] = ['due', 'issue', 'number', 'balance', 'customer'];

export function InvoiceFilters(props: { book: Book; value: InvoiceFilterValues; onChange: (patch: Partial<InvoiceFilterValues>) => void; onClear: () => void }) {
  const uid = createUniqueId();
  const id = (n: string) => `if-${n}-${uid}`;
  const buckets = () => bucketRanges(props.book.agingBounds, props.book.agingBasis);
  return (
    <div class="filters" role="search" aria-label={t('invoices.filters')}>
      <div class="field">
        <label for={id('status')}>{t('invoices.filter.status')}</label>
        <select id={id('status')} name="status" data-testid="filter-status" onChange={(e) => props.onChange({ status: e.currentTarget.value as InvoiceStatusFilter })}>
          <For each={STATUSES}>
            {(s) => (
              <option value={s} selected={props.value.status === s}>
                {t(`status.${s}`)}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field field-picker">
        <label for={id('customer')}>{t('invoices.filter.customer')}</label>
        <CustomerPicker
          bookId={props.book.id}
          inputId={id('customer')}
          name="customer"
          placeholder={t('picker.any')}
          selected={props.value.customer}
          onSelect={(c) => props.onChange({ customer: c })}
        />
      </div>
      <div class="field">
        <label for={id('bucket')}>{t('invoices.filter.bucket')}</label>
        <select
          id={id('bucket')}
          name="bucket"
          data-testid="filter-bucket"
          onChange={(e) => props.onChange({ bucket: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
        >
          <option value="" selected={props.value.bucket === null}>
            {t('invoices.filter.anyBucket')}
          </option>
          <For each={buckets()}>
            {(b, i) => (
              <option value={i()} selected={props.value.bucket === i()}>
                {bucketLabel(b)}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for={id('from')}>{t('invoices.filter.from')}</label>
        <input id={id('from')} type="date" name="from" value={props.value.from} onChange={(e) => props.onChange({ from: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for={id('to')}>{t('invoices.filter.to')}</label>
        <input id={id('to')} type="date" name="to" value={props.value.to} onChange={(e) => props.onChange({ to: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for={id('text')}>{t('invoices.filter.text')}</label>
        <input
          id={id('text')}
          type="search"
          name="text"
          data-testid="filter-text"
          placeholder={t('invoices.filter.textPlaceholder')}
          value={props.value.text}
          onInput={(e) => props.onChange({ text: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={id('sort')}>{t('common.sortBy')}</label>
        <select id={id('sort')} name="sort" onChange={(e) => props.onChange({ sort: e.currentTarget.value as InvoiceSort })}>
          <For each={SORTS}>
            {(s) => (
              <option value={s} selected={props.value.sort === s}>
                {t(`invoices.sort.${s}`)}
              </option>
            )}
          </For>
        </select>
      </div>
      <label class="check">
        <input type="checkbox" name="desc" checked={props.value.desc} onChange={(e) => props.onChange({ desc: e.currentTarget.checked })} />
        <span>{t('common.descending')}</span>
      </label>
      <button type="button" class="btn btn-small" data-testid="clear-filters" onClick={() => props.onClear()}>
        {t('invoices.filter.clear')}
      </button>
    </div>
  );
}
