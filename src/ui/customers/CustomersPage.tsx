// "/customers/": searchable, sortable, paged list and the new-customer form.
import { createResource, createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Book } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';
import { createFlash, Flash } from '../common/Flash';
import { PagedList } from '../common/PagedList';
import { RequireBook } from '../common/RequireBook';
import { getParam, hrefs, replaceParams } from '../common/url';
import { PageHeader } from '../shell/PageHeader';
import { ExportButtons } from '../export/ExportButtons';
import { Shell } from '../shell/Shell';
import { changed } from '../state/changed';
import { today } from '../state/today';
import { CustomerFilters, type CustomerFilterValues, type CustomerSort } from './CustomerFilters';
import { CustomerForm } from './CustomerForm';
import { CustomerTable } from './CustomerTable';

const PAGE = 50;

function readSort(s: string): CustomerSort {
  return s === 'open' || s === 'overdue' ? s : 'name';
}

function CustomersView(props: { book: Book }) {
  const flash = createFlash();
  const [adding, setAdding] = createSignal(getParam('new') === '1');
  const [filters, setFilters] = createStore<CustomerFilterValues>({
    text: getParam('q'),
    onlyWithBalance: getParam('balance') === '1',
    sort: readSort(getParam('sort')),
    desc: getParam('desc') === '1',
  });
  const [offset, setOffset] = createSignal(Number(getParam('offset')) || 0);
  // Typing waits for a pause before asking the worker.
  const [text, setText] = createSignal(filters.text);
  let timer: number | undefined;

  const change = (patch: Partial<CustomerFilterValues>) => {
    setFilters(patch);
    setOffset(0);
    if (patch.text !== undefined) {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setText(filters.text.trim()), 200);
    }
    remember();
  };
  const remember = () =>
    replaceParams({ q: filters.text, balance: filters.onlyWithBalance ? 1 : '', sort: filters.sort === 'name' ? '' : filters.sort, desc: filters.desc ? 1 : '', offset: offset() || '' });

  const [page] = createResource(
    () => ({
      bookId: props.book.id,
      asOf: today(),
      text: text(),
      only: filters.onlyWithBalance,
      sort: filters.sort,
      desc: filters.desc,
      offset: offset(),
      v: changed(),
    }),
    (q) => api().listCustomers(q.bookId, { asOf: q.asOf, text: q.text || undefined, onlyWithBalance: q.only, sort: q.sort, desc: q.desc, offset: q.offset, limit: PAGE }),
  );

  return (
    <>
      <PageHeader title={t('customers.title')}>
        <button type="button" class="btn btn-primary" data-testid="new-customer" onClick={() => setAdding(true)}>
          + {t('customers.new')}
        </button>
      </PageHeader>
      <ExportButtons bookId={props.book.id} reports={['customers']} />
      <Flash flash={flash} />
      <Show when={adding()}>
        <section class="panel">
          <CustomerForm
            book={props.book}
            title={t('customers.newTitle')}
            onCancel={() => setAdding(false)}
            onSaved={(c) => {
              setAdding(false);
              flash.show({ text: t('customers.saved', { name: c.name }), href: hrefs.customer(c.id), linkText: t('common.view') });
            }}
          />
        </section>
      </Show>
      <section class="panel">
        <CustomerFilters value={filters} onChange={change} />
        <PagedList
          page={page.latest}
          onOffset={(o) => {
            setOffset(o);
            remember();
          }}
        >
          {(rows) => <CustomerTable rows={rows} currency={props.book.currency} />}
        </PagedList>
      </section>
    </>
  );
}

export default function CustomersPage() {
  return (
    <Shell active="customers" title={t('customers.title')}>
      <RequireBook>{(b) => <CustomersView book={b()} />}</RequireBook>
    </Shell>
  );
}
