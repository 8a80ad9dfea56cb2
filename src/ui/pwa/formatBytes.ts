// Human-readable storage sizes through Intl (decimal units, as browsers report quota).
// Starts at kB: Intl's short English 'byte' reads oddly ('12 byte'), and sizes here are never that small.
const UNITS = [
  { unit: 'kilobyte', size: 1e3 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'gigabyte', size: 1e9 },
  { unit: 'terabyte', size: 1e12 },
] as const;

export function formatBytes(bytes: number, locale: string): string {
  const safe = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  // The largest unit that keeps the number at 1 or more (below 1 kB: a fraction of a kB).
  let chosen: (typeof UNITS)[number] = UNITS[0];
  for (const u of UNITS) if (safe >= u.size) chosen = u;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: chosen.unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(safe / chosen.size);
}

/** Share of quota used, e.g. '0.3%'; finer digits for tiny shares so it does not read 0%. */
export function formatShare(usage: number, quota: number, locale: string): string {
  const share = quota > 0 ? Math.max(0, usage) / quota : 0;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: share > 0 && share < 0.001 ? 3 : 1,
  }).format(share);
}
