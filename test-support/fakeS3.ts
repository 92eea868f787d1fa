/**
 * A fake S3-compatible object store for tests: a real HTTP server on 127.0.0.1 (random port)
 * that speaks the REST wire format `@aws-sdk/client-s3` uses with `forcePathStyle: true`
 * (PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2 with paging). It checks
 * SigV4 signatures, payload hashes and CRC32 checksums the way S3 does, so a wrong key or a
 * corrupted body fails here as it would against a real bucket.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';

/** Options for `startFakeS3`. */
export interface FakeS3Options {
  bucket?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Largest page ListObjectsV2 returns (S3's is 1000); small values exercise paging. */
  pageSize?: number;
}

/** One stored object, as the bucket holds it. */
export interface FakeS3Object {
  bytes: Buffer;
  contentType: string;
  cacheControl?: string;
  etag: string;
  lastModified: Date;
}

/** A running fake bucket. */
export interface FakeS3 {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Objects by key; tests may inspect or age them (`lastModified`). */
  objects: Map<string, FakeS3Object>;
  /** Every request: method, path, operation, answered status. */
  requests: Array<{ method: string; path: string; operation: string; status: number }>;
  close(): Promise<void>;
}

/** Starts a fake bucket; stop it with `close()`. */
export async function startFakeS3(options: FakeS3Options = {}): Promise<FakeS3> {
  const state = {
    bucket: options.bucket ?? 'kotodama-test',
    region: options.region ?? 'auto',
    accessKeyId: options.accessKeyId ?? 'FAKEACCESSKEY',
    secretAccessKey: options.secretAccessKey ?? 'fake-secret-key',
    pageSize: options.pageSize ?? 1000,
    objects: new Map<string, FakeS3Object>(),
    requests: [] as FakeS3['requests'],
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation = handle(state, req, res, Buffer.concat(chunks));
      state.requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        operation,
        status: res.statusCode,
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...state,
    endpoint: `http://127.0.0.1:${port}`,
    objects: state.objects,
    requests: state.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type State = Required<FakeS3Options> & { objects: Map<string, FakeS3Object>; requests: FakeS3['requests'] };

/** Answers one request; returns the S3 operation name it was taken for. */
function handle(s: State, req: IncomingMessage, res: ServerResponse, raw: Buffer): string {
  const url = new URL(req.url ?? '/', 'http://fake');
  const authError = checkSignature(s, req, url);
  if (authError)
    return fail(
      res,
      403,
      authError,
      'The request signature we calculated does not match the signature you provided.',
    );
  const [, bucket = '', ...rest] = url.pathname.split('/');
  if (decodeURIComponent(bucket) !== s.bucket)
    return fail(res, 404, 'NoSuchBucket', 'The specified bucket does not exist.');
  const key = rest.map(decodeURIComponent).join('/');
  if (!key && req.method === 'GET' && url.searchParams.get('list-type') === '2') return list(s, url, res);
  if (!key) return fail(res, 501, 'NotImplemented', 'Only ListObjectsV2 is implemented on the bucket.');
  switch (req.method) {
    case 'PUT':
      return put(s, req, res, key, raw);
    case 'GET':
    case 'HEAD':
      return get(s, req, res, key);
    case 'DELETE':
      s.objects.delete(key);
      res.statusCode = 204;
      res.end();
      return 'DeleteObject';
    default:
      return fail(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }
}

function put(s: State, req: IncomingMessage, res: ServerResponse, key: string, raw: Buffer): string {
  const declared = String(req.headers['x-amz-content-sha256'] ?? '');
  const bytes = declared.startsWith('STREAMING-') ? decodeAwsChunked(raw) : raw;
  if (/^[0-9a-f]{64}$/.test(declared) && sha256(raw) !== declared) {
    return fail(
      res,
      400,
      'XAmzContentSHA256Mismatch',
      'The provided x-amz-content-sha256 header does not match what was computed.',
    );
  }
  const crc = req.headers['x-amz-checksum-crc32'];
  if (typeof crc === 'string' && crc !== crc32Base64(bytes))
    return fail(res, 400, 'BadDigest', 'The CRC32 you specified did not match the calculated checksum.');
  const etag = `"${createHash('md5').update(bytes).digest('hex')}"`;
  s.objects.set(key, {
    bytes,
    etag,
    lastModified: new Date(),
    contentType: String(req.headers['content-type'] ?? 'binary/octet-stream'),
    cacheControl: req.headers['cache-control'],
  });
  res.setHeader('ETag', etag);
  res.end();
  return 'PutObject';
}

function get(s: State, req: IncomingMessage, res: ServerResponse, key: string): string {
  const operation = req.method === 'HEAD' ? 'HeadObject' : 'GetObject';
  const object = s.objects.get(key);
  if (!object) {
    if (req.method === 'HEAD') {
      res.statusCode = 404;
      res.end();
      return operation;
    }
    fail(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    return operation;
  }
  res.setHeader('Content-Type', object.contentType);
  res.setHeader('Content-Length', object.bytes.byteLength);
  res.setHeader('ETag', object.etag);
  res.setHeader('Last-Modified', object.lastModified.toUTCString());
  if (object.cacheControl) res.setHeader('Cache-Control', object.cacheControl);
  res.end(req.method === 'HEAD' ? undefined : object.bytes);
  return operation;
}

function list(s: State, url: URL, res: ServerResponse): string {
  const prefix = url.searchParams.get('prefix') ?? '';
  const maxKeys = Math.min(Number(url.searchParams.get('max-keys') ?? 1000), s.pageSize);
  const token = url.searchParams.get('continuation-token');
  const after = token
    ? Buffer.from(token, 'base64url').toString()
    : (url.searchParams.get('start-after') ?? '');
  const keys = [...s.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
  const page = keys.slice(0, maxKeys);
  const truncated = keys.length > page.length;
  const contents = page.map((k) => {
    const o = s.objects.get(k)!;
    return `<Contents><Key>${xml(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>${xml(o.etag)}</ETag><Size>${o.bytes.byteLength}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
  });
  const next = truncated
    ? `<NextContinuationToken>${Buffer.from(page[page.length - 1]).toString('base64url')}</NextContinuationToken>`
    : '';
  res.setHeader('Content-Type', 'application/xml');
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xml(s.bucket)}</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents.join('')}${next}</ListBucketResult>`,
  );
  return 'ListObjectsV2';
}

/** Verifies an `Authorization: AWS4-HMAC-SHA256 …` header; returns an S3 error code or null. */
function checkSignature(s: State, req: IncomingMessage, url: URL): string | null {
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization ?? ''),
    );
  if (!m) return 'AccessDenied';
  const [, accessKeyId, date, region, signedHeaders, signature] = m;
  if (accessKeyId !== s.accessKeyId) return 'InvalidAccessKeyId';
  if (region !== s.region) return 'AuthorizationHeaderMalformed';
  const rawPath = (req.url ?? '/').split('?')[0];
  const headers = signedHeaders
    .split(';')
    .map(
      (h) =>
        `${h}:${String(req.headers[h] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonical = [
    req.method,
    rawPath,
    canonicalQuery(url),
    headers,
    signedHeaders,
    String(req.headers['x-amz-content-sha256'] ?? ''),
  ].join('\n');
  const toSign = [
    'AWS4-HMAC-SHA256',
    String(req.headers['x-amz-date'] ?? ''),
    `${date}/${region}/s3/aws4_request`,
    sha256(canonical),
  ].join('\n');
  let key: Buffer = hmac(`AWS4${s.secretAccessKey}`, date);
  for (const part of [region, 's3', 'aws4_request']) key = hmac(key, part);
  const expected = hmac(key, toSign);
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? null : 'SignatureDoesNotMatch';
}

function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams].map(([k, v]) => [rfc3986(k), rfc3986(v)]);
  pairs.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/** Decodes `aws-chunked` bodies (`<hex size>[;chunk-signature=…]\r\n<data>\r\n … 0\r\n<trailers>`). */
function decodeAwsChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    const size = parseInt(raw.subarray(at, eol).toString().split(';')[0], 16);
    if (!(size > 0)) return Buffer.concat(parts);
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

function fail(res: ServerResponse, status: number, code: string, message: string): string {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/xml');
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xml(message)}</Message></Error>`,
  );
  return code;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function crc32Base64(bytes: Buffer): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(bytes) >>> 0);
  return out.toString('base64');
}
