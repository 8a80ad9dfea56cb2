// Renders its children with the current book, or the "no book" notice.
import { Show, type Accessor, type JSX } from 'solid-js';
import type { Book } from '../../domain/types';
import { book } from '../state/book';
import { NoBook } from './NoBook';

export function RequireBook(props: { children: (book: Accessor<Book>) => JSX.Element }) {
  return (
    <Show when={book()} fallback={<NoBook />}>
      {(b) => props.children(b)}
    </Show>
  );
}
