// Maps a request path to a file under the data directory. Segments are
// checked one by one after decoding, so '%2e%2e' or '%2F' cannot climb out,
// and names starting with '.' are refused: they are the server's own
// (temp files of atomic writes, the /.faults control).
import { resolve, sep } from 'node:path';

export const MAX_PATH_LENGTH = 1024;
export const MAX_SEGMENT_LENGTH = 255;

export type ResolvedPath = { ok: true; file: string; key: string } | { ok: false; reason: string };

export function resolveRequestPath(root: string, pathname: string): ResolvedPath {
  if (pathname.length > MAX_PATH_LENGTH) return { ok: false, reason: 'path too long' };
  if (!pathname.startsWith('/')) return { ok: false, reason: 'path must start with /' };
  const raw = pathname.slice(1).split('/');
  if (raw.length === 1 && raw[0] === '') return { ok: false, reason: 'no file named' };
  const segments: string[] = [];
  for (const part of raw) {
    let name: string;
    try {
      name = decodeURIComponent(part);
    } catch {
      return { ok: false, reason: 'bad percent-encoding' };
    }
    if (name === '') return { ok: false, reason: 'empty path segment' };
    if (name.length > MAX_SEGMENT_LENGTH) return { ok: false, reason: 'path segment too long' };
    if (name.includes('\0')) return { ok: false, reason: 'NUL in path' };
    if (name.includes('/') || name.includes('\\')) return { ok: false, reason: 'slash inside a path segment' };
    if (name.startsWith('.')) return { ok: false, reason: `segment ${JSON.stringify(name)} starts with a dot` };
    if (/^[a-zA-Z]:/.test(name)) return { ok: false, reason: 'drive letter in path' };
    segments.push(name);
  }
  const base = resolve(root);
  const file = resolve(base, ...segments);
  // Belt and braces: the checks above already make this impossible.
  if (!file.startsWith(base + sep)) return { ok: false, reason: 'path outside the data directory' };
  return { ok: true, file, key: segments.join('/') };
}
