// Per-form state: field errors (ours and the worker's), the saving flag, and
// a submit routine that validates first, sends once, and keeps what was typed.
import { createSignal, createUniqueId, type Accessor } from 'solid-js';
import type { FieldError, Result } from '../../domain/errors';
import { noteStorageError } from '../state/storage';
import { bumpChanged } from '../state/changed';

export interface SubmitOptions<I, T> {
  /** Parses the typed values; errors name the fields they belong to. */
  build: () => Result<I>;
  send: (input: I) => Promise<Result<T>>;
  onOk?: (value: T) => void;
  /** Worker field name → this form's field name (e.g. the book's 'name' is the 'bookName' input). */
  fieldMap?: Record<string, string>;
}

export interface FormState {
  id(name: string): string;
  errors: Accessor<FieldError[]>;
  errorFor(name: string): FieldError | undefined;
  /** Shows errors; moves focus to the first one unless told not to (e.g. on blur). */
  setErrors(errors: FieldError[], opts?: { focus?: boolean }): void;
  clearError(name: string): void;
  /** Fields that render their own error; other errors go to the form-level box. */
  register(name: string): void;
  isRegistered(name: string): boolean;
  saving: Accessor<boolean>;
  /** An unexpected failure (worker crashed, ...), as text. */
  failure: Accessor<string>;
  submit<I, T>(opts: SubmitOptions<I, T>): Promise<boolean>;
}

export function createForm(): FormState {
  const prefix = `f${createUniqueId()}`;
  const [errors, setErrorsSignal] = createSignal<FieldError[]>([]);
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal('');
  const registered = new Set<string>();

  const id = (name: string) => `${prefix}-${name.replace(/[^\w-]/g, '_')}`;

  function focusFirst(list: FieldError[]): void {
    const first = list.find((e) => registered.has(e.field));
    if (!first) return;
    queueMicrotask(() => document.getElementById(id(first.field))?.focus());
  }

  function setErrors(list: FieldError[], opts?: { focus?: boolean }): void {
    setErrorsSignal(list);
    if (opts?.focus !== false) focusFirst(list);
  }

  return {
    id,
    errors,
    errorFor: (name) => errors().find((e) => e.field === name),
    setErrors,
    clearError: (name) => {
      if (errors().some((e) => e.field === name)) setErrorsSignal(errors().filter((e) => e.field !== name));
    },
    register: (name) => {
      registered.add(name);
    },
    isRegistered: (name) => registered.has(name),
    saving,
    failure,
    async submit<I, T>(opts: SubmitOptions<I, T>): Promise<boolean> {
      if (saving()) return false;
      setFailure('');
      const built = opts.build();
      if (!built.ok) {
        setErrors(built.errors);
        return false;
      }
      setErrorsSignal([]);
      setSaving(true);
      try {
        const res = await opts.send(built.value);
        if (!res.ok) {
          const mapped = res.errors.map((e) => ({ ...e, field: opts.fieldMap?.[e.field] ?? e.field }));
          for (const e of mapped) noteStorageError(e.code);
          setErrors(mapped);
          return false;
        }
        bumpChanged();
        opts.onOk?.(res.value);
        return true;
      } catch (e) {
        setFailure(e instanceof Error ? e.message : String(e));
        return false;
      } finally {
        setSaving(false);
      }
    },
  };
}
