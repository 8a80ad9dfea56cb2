// Files on disk: read with their ETag, write atomically (a temp file in the same
// directory, then rename, so a reader sees the old bytes or the new, never half),
// delete. Conditions are checked by the caller inside a PathLocks lock.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { etagOf } from './etag';

export interface StoredFile {
  bytes: Buffer;
  etag: string;
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** The file and its ETag, or undefined when there is no such file (a directory counts as none). */
export async function readStored(file: string): Promise<StoredFile | undefined> {
  try {
    const bytes = await readFile(file);
    return { bytes, etag: etagOf(bytes) };
  } catch (error) {
    if (['ENOENT', 'EISDIR', 'ENOTDIR'].includes(code(error) ?? '')) return undefined;
    throw error;
  }
}

export class PathConflictError extends Error {}

export async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(file);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if (['EEXIST', 'ENOTDIR'].includes(code(error) ?? '')) throw new PathConflictError('a parent of the path is a file');
    throw error;
  }
  const temp = join(dir, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    if (['EISDIR', 'ENOTDIR', 'ENOTEMPTY', 'EEXIST'].includes(code(error) ?? '')) {
      throw new PathConflictError('the path is a directory');
    }
    throw error;
  }
}

export async function deleteStored(file: string): Promise<void> {
  await unlink(file);
}
