// Pick a customer by typing part of the name (api.findCustomers), for forms
// and filters. The chosen id travels in a hidden input named `name`.
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type { Id } from '../../domain/types';
import { t } from '../../i18n';
import { api } from '../client';

export interface PickedCustomer {
  id: Id;
  name: string;
  termsDays?: number;
}

export function CustomerPicker(props: {
  bookId: Id;
  selected: PickedCustomer | null;
  onSelect: (c: PickedCustomer | null) => void;
  /** id of the visible input, for its <label>. */
  inputId: string;
  /** Name of the hidden input holding the id (default customerId). */
  name?: string;
  invalid?: boolean;
  placeholder?: string;
}) {
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  let timer: number | undefined;
  onCleanup(() => window.clearTimeout(timer));

  const [matches] = createResource(
    () => (open() ? { bookId: props.bookId, text: query() } : false),
    (q) => api().findCustomers(q.bookId, q.text, 10),
  );

  const typed = (v: string) => {
    setText(v);
    setOpen(true);
    setActive(0);
    window.clearTimeout(timer);
    // Wait for a pause in typing: one worker query per pause, not per key.
    timer = window.setTimeout(() => setQuery(v.trim()), 150);
  };

  const choose = (c: PickedCustomer) => {
    props.onSelect(c);
    setOpen(false);
    setText('');
    setQuery('');
  };

  const onKey = (e: KeyboardEvent) => {
    const list = matches() ?? [];
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, list.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      const c = list[active()];
      if (open() && c) {
        e.preventDefault();
        choose(c);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const listId = () => `${props.inputId}-list`;

  return (
    <div class="picker">
      <input type="hidden" name={props.name ?? 'customerId'} value={props.selected?.id ?? ''} />
      <Show
        when={props.selected}
        fallback={
          <>
            <input
              id={props.inputId}
              type="search"
              name={`${props.name ?? 'customerId'}Search`}
              data-testid="customer-search"
              role="combobox"
              aria-expanded={open()}
              aria-controls={listId()}
              aria-autocomplete="list"
              aria-invalid={props.invalid ? 'true' : undefined}
              autocomplete="off"
              placeholder={props.placeholder ?? t('picker.placeholder')}
              value={text()}
              onInput={(e) => typed(e.currentTarget.value)}
              onFocus={() => setOpen(true)}
              onBlur={() => window.setTimeout(() => setOpen(false), 200)}
              onKeyDown={onKey}
            />
            <Show when={open() && matches()}>
              {(list) => (
                <ul class="picker-list" id={listId()} role="listbox">
                  <For each={list()} fallback={<li class="picker-empty">{t('picker.noMatch')}</li>}>
                    {(c, i) => (
                      <li role="option" aria-selected={i() === active()}>
                        <button
                          type="button"
                          data-testid="customer-option"
                          data-id={c.id}
                          classList={{ active: i() === active() }}
                          onMouseDown={(e) => e.preventDefault()}
                          onClick={() => choose(c)}
                        >
                          {c.name}
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Show>
          </>
        }
      >
        {(c) => (
          <div class="picker-chosen">
            <span id={props.inputId} tabIndex={-1} data-testid="customer-chosen" data-id={c().id}>
              {c().name}
            </span>
            <button type="button" class="btn btn-small" onClick={() => props.onSelect(null)}>
              {t('picker.change')}
            </button>
          </div>
        )}
      </Show>
    </div>
  );
}
