// The current book: its id is remembered per device (localStorage 'overdue.book');
// the record and the list of books are loaded from the worker by refreshBooks().
import { batch, createSignal } from 'solid-js';
import type { BookSummary } from '../../api/contract';
import type { Book, Id } from '../../domain/types';
import { api } from '../client';

const STORAGE_KEY = 'overdue.book';

function readSaved(): Id | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const [bookId, setBookIdSignal] = createSignal<Id | null>(readSaved());
const [book, setBook] = createSignal<Book | null>(null);
const [books, setBooks] = createSignal<BookSummary[]>([]);

export { bookId, book, books };

function remember(id: Id | null): void {
  try {
    if (id) localStorage.setItem(STORAGE_KEY, id);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}

/**
 * Reloads the list of books and the current book's record. Falls back to the
 * first book when the remembered one is gone (e.g. storage was cleared).
 */
export async function refreshBooks(): Promise<void> {
  const list = await api().listBooks();
  setBooks(list);
  let id = bookId();
  if (!id || !list.some((b) => b.id === id)) id = list[0]?.id ?? null;
  const record = id ? await api().getBook(id) : null;
  if (id !== bookId()) remember(id);
  batch(() => {
    setBookIdSignal(id);
    setBook(record);
  });
}

/** Switches books instantly; every view keyed on bookId() refetches. */
export async function selectBook(id: Id): Promise<void> {
  const record = await api().getBook(id);
  remember(id);
  // Id and record change together so no view queries the new book with the old currency.
  batch(() => {
    setBookIdSignal(id);
    setBook(record);
  });
}
