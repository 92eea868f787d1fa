/**
 * URIs inside an avatar. Everything must be embedded in the GLB's binary chunk: an external
 * URI would make every viewer's browser fetch from wherever the creator pointed it (tracking,
 * broken avatars when the host disappears, mixed content), and a relative one never resolves.
 *
 * `data:` URIs are refused too. They are legal glTF, but no VRM exporter writes them into a
 * .vrm; they would put megabytes of base64 in the JSON (past its size limit, which is tuned for
 * metadata) and open a second path for image bytes that the magic-byte and size checks would
 * have to cover twice. Refusing them costs real creators nothing.
 */
import { refuse } from './errors';

/** Refuses the resource `what` (e.g. "Image 3") for carrying `uri` instead of embedded bytes. */
export function refuseUri(what: string, uri: unknown): never {
  if (typeof uri !== 'string') {
    refuse(
      'external_uri',
      `${what} has a malformed "uri" field. Re-export the avatar with every texture embedded.`,
      { resource: what },
    );
  }
  if (/^data:/i.test(uri.trimStart())) {
    refuse(
      'data_uri',
      `${what} is stored as a data: URI inside the JSON. Export the avatar as a binary .vrm (textures embedded in the binary chunk); every VRM exporter does this by default.`,
      { resource: what },
    );
  }
  const shown = uri.length > 80 ? `${uri.slice(0, 77)}...` : uri;
  const remote = /^[a-z][a-z0-9+.-]*:/i.test(uri) ? 'loads from' : 'refers to the separate file';
  refuse(
    'external_uri',
    `${what} ${remote} "${shown}". Avatars must contain all their data; re-export with textures and buffers embedded in the .vrm.`,
    { resource: what, uri: shown },
  );
}
