// Page parameters live in the query string (?id=, ?customer=, filters), so that
// links and reloads land on the same view.

export function getParam(name: string): string {
  return new URLSearchParams(location.search).get(name) ?? '';
}

/** Replaces the query string without a navigation; empty values are dropped. */
export function replaceParams(values: Record<string, string | number | boolean | undefined | null>): void {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${qs ? `?${qs}` : ''}`);
}

export const hrefs = {
  dashboard: () => '/',
  queue: () => '/queue/',
  customers: () => '/customers/',
  customer: (id: string) => `/customer/?id=${encodeURIComponent(id)}`,
  invoices: (params?: Record<string, string | number>) => {
    const qs = params ? new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString() : '';
    return `/invoices/${qs ? `?${qs}` : ''}`;
  },
  invoice: (id: string) => `/invoice/?id=${encodeURIComponent(id)}`,
  payment: (customerId?: string) => (customerId ? `/payment/?customer=${encodeURIComponent(customerId)}` : '/payment/'),
  settings: () => '/settings/',
  risk: () => '/risk/',
  warnings: () => '/warnings/',
  analytics: () => '/analytics/',
  notice: (id: string) => `/notice/?id=${encodeURIComponent(id)}`,
  statement: (customerId: string) => `/statement/?customer=${encodeURIComponent(customerId)}`,
  noticeDraft: (customerId: string, template: string, stage: string) =>
    `/notice/?${new URLSearchParams({ customer: customerId, template, stage }).toString()}`,
};
