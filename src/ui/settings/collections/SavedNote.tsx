// "Saved." next to the part of the settings that was saved (the page's flash is
// out of sight at the top when these long forms are saved at the bottom).
import { createSignal, Show } from 'solid-js';

export function createSavedNote() {
  const [text, setText] = createSignal('');
  return { text, show: (s: string) => setText(s), clear: () => setText('') };
}

export function SavedNote(props: { note: ReturnType<typeof createSavedNote> }) {
  return (
    <Show when={props.note.text()}>
      <p class="field-ok" role="status" data-testid="cs-saved">{props.note.text()}</p>
    </Show>
  );
}
