/** Where an avatar comes from: a URL, bytes, or a file the user picked. */
export type AvatarSource = string | URL | ArrayBuffer | Uint8Array | Blob;

/**
 * Reads a source into bytes, reporting download progress 0..1 when the size is known
 * (Content-Length or Blob size). Rejects on HTTP errors with the status in the message.
 */
export async function readSourceBytes(
  source: AvatarSource,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (typeof source !== 'string' && !(source instanceof URL)) {
    const bytes = new Uint8Array(await source.arrayBuffer());
    onProgress?.(1);
    return bytes;
  }
  const response = await fetch(source, { signal });
  if (!response.ok)
    throw new Error(
      `Could not download the avatar (${response.status} ${response.statusText}): ${String(source)}`,
    );
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body || !total) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.(1);
    return bytes;
  }
  const out = new Uint8Array(total);
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.length > out.length) return concatRest(out.subarray(0, received), value, reader);
    out.set(value, received);
    received += value.length;
    onProgress?.(Math.min(1, received / total));
  }
  return out.subarray(0, received);
}

/** For a Content-Length that was too small (compressed transfer): gather the rest unsized. */
async function concatRest(
  head: Uint8Array,
  chunk: Uint8Array,
  reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<Uint8Array> {
  const parts = [head, chunk];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
