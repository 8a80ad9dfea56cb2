// Strong ETags: a hash of the stored bytes, so equal content has an equal tag
// whatever its timestamp, and If-Match can compare exactly.
import { createHash } from 'node:crypto';

export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url')}"`;
}

/** The tags of an If-Match / If-None-Match header; '*' stays '*'. */
export function parseEtagList(header: string | undefined): string[] | undefined {
  if (header === undefined) return undefined;
  const tags = header.match(/\*|(?:W\/)?"[^"]*"/g);
  return tags ?? [];
}

/** If-Match uses the strong comparison: a weak tag never matches. */
export function strongMatch(list: readonly string[], current: string | undefined): boolean {
  if (current === undefined) return false;
  return list.some((tag) => tag === '*' || (!tag.startsWith('W/') && tag === current));
}

/** If-None-Match uses the weak comparison: W/"x" and "x" are the same. */
export function weakMatch(list: readonly string[], current: string | undefined): boolean {
  if (current === undefined) return false;
  const bare = (t: string) => (t.startsWith('W/') ? t.slice(2) : t);
  return list.some((tag) => tag === '*' || bare(tag) === bare(current));
}
