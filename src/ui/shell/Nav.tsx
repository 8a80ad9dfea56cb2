// Main navigation; `active` marks the current page for styling and screen readers.
import { For, Show } from 'solid-js';
import { t, type MessageKey } from '../../i18n';
import { hrefs } from '../common/url';
import { WarningCountBadge } from '../warnings/WarningCountBadge';

export type NavPage = 'dashboard' | 'queue' | 'customers' | 'invoices' | 'risk' | 'warnings' | 'analytics' | 'import' | 'settings' | 'none';

const ITEMS: { page: Exclude<NavPage, 'none'>; href: string; label: MessageKey; icon: string }[] = [
  { page: 'dashboard', href: hrefs.dashboard(), label: 'nav.dashboard', icon: '◧' },
  { page: 'queue', href: hrefs.queue(), label: 'nav.queue', icon: '☑' },
  { page: 'customers', href: hrefs.customers(), label: 'nav.customers', icon: '☷' },
  { page: 'invoices', href: hrefs.invoices(), label: 'nav.invoices', icon: '▤' },
  { page: 'risk', href: hrefs.risk(), label: 'nav.risk', icon: '◔' },
  { page: 'warnings', href: hrefs.warnings(), label: 'nav.warnings', icon: '⚠' },
  { page: 'analytics', href: hrefs.analytics(), label: 'nav.analytics', icon: '▥' },
  { page: 'import', href: '/import/', label: 'nav.import', icon: '⇪' },
  { page: 'settings', href: hrefs.settings(), label: 'nav.settings', icon: '⚙' },
];

export function Nav(props: { active: NavPage }) {
  return (
    <nav class="nav" aria-label={t('nav.main')}>
      <For each={ITEMS}>
        {(item) => (
          <a
            href={item.href}
            data-testid={`nav-${item.page}`}
            classList={{ active: props.active === item.page }}
            aria-current={props.active === item.page ? 'page' : undefined}
          >
            <span class="nav-icon" aria-hidden="true">
              {item.icon}
            </span>
            <span>{t(item.label)}</span>
            <Show when={item.page === 'warnings'}>
              <WarningCountBadge />
            </Show>
          </a>
        )}
      </For>
    </nav>
  );
}
