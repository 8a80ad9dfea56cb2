// The CSV encoding chosen for exports, remembered on this device.
import { createSignal } from 'solid-js';

export type ExportEncoding = 'utf-8' | 'gbk';
const KEY = 'overdue.exportEncoding';

function stored(): ExportEncoding {
  try {
    return localStorage.getItem(KEY) === 'gbk' ? 'gbk' : 'utf-8';
  } catch {
    return 'utf-8';
  }
}

const [encoding, setEncodingSignal] = createSignal<ExportEncoding>(typeof localStorage === 'undefined' ? 'utf-8' : stored());

export { encoding };

export function setEncoding(value: ExportEncoding): void {
  setEncodingSignal(value);
  try {
    localStorage.setItem(KEY, value);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
