// Where a command writes: stdout for the report, stderr for notes and errors.
export interface Io {
  out(text: string): void;
  err(text: string): void;
}
