// The timing table the Node benches print and save: one row per case and book size,
// milliseconds to a tenth, an optional detail (rows returned, model quality...).

export interface TimingRow { case: string; invoices: number; ms: number; detail?: string }

export function timings(labelWidth: number): {
  rows: TimingRow[];
  time<T>(label: string, invoices: number, run: () => Promise<T>, detail?: (value: T) => string): Promise<T>;
} {
  const rows: TimingRow[] = [];
  return {
    rows,
    async time(label, invoices, run, detail) {
      const started = performance.now();
      const value = await run();
      const ms = performance.now() - started;
      const note = detail ? detail(value) : undefined;
      rows.push({ case: label, invoices, ms: Math.round(ms * 10) / 10, ...(note ? { detail: note } : {}) });
      console.log(`${label.padEnd(labelWidth)} ${String(invoices).padStart(7)} ${ms.toFixed(1).padStart(10)} ms${note ? `  ${note}` : ''}`);
      return value;
    },
  };
}
