// Search, "only with a balance" and sort for the customer list.
import { createUniqueId } from 'solid-js';
import type { CustomerQuery } from '../../api/contract';
import { t } from '../../i18n';

export type CustomerSort = NonNullable<CustomerQuery['sort']>;

export interface CustomerFilterValues {
  text: string;
  onlyWithBalance: boolean;
  sort: CustomerSort;
  desc: boolean;
}

export function CustomerFilters(props: { value: CustomerFilterValues; onChange: (patch: Partial<CustomerFilterValues>) => void }) {
  const uid = createUniqueId();
  return (
    <div class="filters" role="search">
      <div class="field">
        <label for={`cs-${uid}`}>{t('customers.search')}</label>
        <input
          id={`cs-${uid}`}
          type="search"
          name="text"
          data-testid="customer-filter-text"
          placeholder={t('customers.searchPlaceholder')}
          value={props.value.text}
          onInput={(e) => props.onChange({ text: e.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for={`so-${uid}`}>{t('common.sortBy')}</label>
        <select id={`so-${uid}`} name="sort" onChange={(e) => props.onChange({ sort: e.currentTarget.value as CustomerSort })}>
          <option value="name" selected={props.value.sort === 'name'}>
            {t('customers.sort.name')}
          </option>
          <option value="open" selected={props.value.sort === 'open'}>
            {t('customers.sort.open')}
          </option>
          <option value="overdue" selected={props.value.sort === 'overdue'}>
            {t('customers.sort.overdue')}
          </option>
        </select>
      </div>
      <label class="check">
        <input type="checkbox" name="desc" checked={props.value.desc} onChange={(e) => props.onChange({ desc: e.currentTarget.checked })} />
        <span>{t('common.descending')}</span>
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="onlyWithBalance"
          checked={props.value.onlyWithBalance}
          onChange={(e) => props.onChange({ onlyWithBalance: e.currentTarget.checked })}
        />
        <span>{t('customers.onlyWithBalance')}</span>
      </label>
    </div>
  );
}
