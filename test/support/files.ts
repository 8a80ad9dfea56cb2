// Every file below a folder (to look at what a sync endpoint stored).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function filesUnder(path: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}
