// "/invoices/": filtered, sorted, paged invoice list and the new-invoice form.
// Filters live in the query string, so dashboard links (?bucket=2&status=open) land here.
import { createResource, createSignal, onMount, Show } from 'solid-js';
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
import { InvoiceFilters, SORTS, STATUSES, type InvoiceFilterValues, type InvoiceSort, type InvoiceStatusFilter } from './InvoiceFilters';
import { InvoiceForm } from './InvoiceForm';
import { InvoiceTable } from './InvoiceTable';

const PAGE = 50;

const blank = (): InvoiceFilterValues => ({ status: 'all', customer: null, bucket: null, from: '', to: '', text: '', sort: 'due', desc: true });

function fromUrl(): InvoiceFilterValues {
  const status = getParam('status') as InvoiceStatusFilter;
  const sort = getParam('sort') as InvoiceSort;
  const bucket = getParam('bucket');
  const customer = getParam('customer');
  return {
    status: STATUSES.includes(status) ? status : 'all',
    customer: customer ? { id: customer, name: getParam('customerName') || '…' } : null,
    bucket: /^\d+$/.test(bucket) ? Number(bucket) : null,
    from: getParam('from'),
    to: getParam('to'),
    text: getParam('q'),
    sort: SORTS.includes(sort) ? sort : 'due',
    // Newest due first unless the link says otherwise.
    desc: getParam('desc') !== '0',
  };
}

function InvoicesView(props: { book: Book }) {
  const flash = createFlash();
  const [adding, setAdding] = createSignal(getParam('new') === '1');
  const [f, setF] = createStore<InvoiceFilterValues>(fromUrl());
  const [offset, setOffset] = createSignal(Number(getParam('offset')) || 0);
  const [text, setText] = createSignal(f.text.trim());
  let timer: number | undefined;

  // A link may carry only the customer's id: look up the name for the picker.
  onMount(async () => {
    const c = f.customer;
    if (c && c.name === '…') {
      const d = await api().customerDetail(props.book.id, c.id, today(), 0);
      setF('customer', d ? { id: c.id, name: d.customer.name, termsDays: d.customer.termsDays } : null);
    }
  });

  const remember = () =>
    replaceParams({
      status: f.status === 'all' ? '' : f.status,
      customer: f.customer?.id,
      customerName: f.customer?.name,
      bucket: f.bucket ?? '',
      from: f.from,
      to: f.to,
      q: f.text,
      sort: f.sort === 'due' ? '' : f.sort,
      desc: f.desc ? '' : '0',
      offset: offset() || '',
    });

  const change = (patch: Partial<InvoiceFilterValues>) => {
    setF(patch);
    setOffset(0);
    if (patch.text !== undefined) {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setText(f.text.trim()), 200);
    }
    remember();
  };

  const [page] = createResource(
    () => ({
      bookId: props.book.id,
      asOf: today(),
      status: f.status,
      customerId: f.customer?.id,
      bucket: f.bucket,
      from: f.from,
      to: f.to,
      text: text(),
      sort: f.sort,
      desc: f.desc,
      offset: offset(),
      v: changed(),
    }),
    (q) =>
      api().listInvoices(q.bookId, {
        asOf: q.asOf,
        status: q.status,
        ...(q.customerId ? { customerId: q.customerId } : {}),
        ...(q.bucket !== null ? { bucket: q.bucket } : {}),
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.text ? { text: q.text } : {}),
        sort: q.sort,
        desc: q.desc,
        offset: q.offset,
        limit: PAGE,
      }),
  );

  return (
    <>
      <PageHeader title={t('invoices.title')}>
        <button type="button" class="btn btn-primary" data-testid="new-invoice" onClick={() => setAdding(true)}>
          + {t('invoices.new')}
        </button>
      </PageHeader>
      <ExportButtons bookId={props.book.id} reports={['invoices']} />
      <Flash flash={flash} />
      <Show when={adding()}>
        <section class="panel">
          <InvoiceForm
            book={props.book}
            title={t('invoices.newTitle')}
            customer={f.customer && f.customer.name !== '…' ? f.customer : undefined}
            onCancel={() => setAdding(false)}
            onSaved={(inv) => {
              setAdding(false);
              flash.show({ text: t('invoices.saved', { number: inv.number }), href: hrefs.invoice(inv.id), linkText: t('common.view') });
            }}
          />
        </section>
      </Show>
      <section class="panel">
        <InvoiceFilters
          book={props.book}
          value={f}
          onChange={change}
          onClear={() => {
            setF(blank());
            setText('');
            setOffset(0);
            remember();
          }}
        />
        <PagedList
          page={page.latest}
          onOffset={(o) => {
            setOffset(o);
            remember();
          }}
        >
          {(rows) => <InvoiceTable rows={rows} currency={props.book.currency} />}
        </PagedList>
      </section>
    </>
  );
}

export default function InvoicesPage() {
  return (
    <Shell active="invoices" title={t('invoices.title')}>
      <RequireBook>{(b) => <InvoicesView book={b()} />}</RequireBook>
    </Shell>
  );
}
