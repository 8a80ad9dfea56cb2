// Bumped after every write so that views depending on it fetch again.
import { createSignal } from 'solid-js';

const [changed, setChanged] = createSignal(0);

export { changed };

export function bumpChanged(): void {
  setChanged((n) => n + 1);
}
