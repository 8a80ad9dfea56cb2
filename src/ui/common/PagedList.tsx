// One page of a filtered list with the pager under it; "loading" until the first page arrives,
// then the previous page stays on screen while the next one loads.
import { type JSX, Show } from 'solid-js';
import type { Page } from '../../api/contract';
import { Loading } from './Loading';
import { Pager } from './Pager';

export function PagedList<T>(props: { page: Page<T> | undefined; onOffset: (offset: number) => void; children: (rows: T[]) => JSX.Element }) {
  return (
    <Show when={props.page} fallback={<Loading />}>
      {(p) => (
        <>
          {props.children(p().rows)}
          <Pager offset={p().offset} limit={p().limit} total={p().total} onOffset={props.onOffset} />
        </>
      )}
    </Show>
  );
}
