import busboy from 'busboy';
import type { Request, Response } from 'express';
import { HttpError } from './HttpError';

/** One file from a multipart form, plus the form's short text fields. */
export interface Upload {
  bytes: Uint8Array;
  filename: string;
  fields: Record<string, string>;
}

/** Which field holds the file and how big it may be. */
export interface ReadUploadOptions {
  field: string;
  maxBytes: number;
  /** Says what the file is in error messages, e.g. "avatar". */
  what: string;
}

/** Room for the multipart boundaries and short fields around the file. */
const FORM_OVERHEAD = 64 * 1024;
/**
 * After a refusal the rest of the body is read and thrown away for a while before hanging up:
 * closing a socket with unread data resets it, and the client may then never see our answer.
 */
const LINGER = { idleMs: 5000, totalMs: 30_000, bytes: 64 * 1024 * 1024 };

/**
 * Streams a multipart/form-data request and keeps only the file in `field`, never holding more
 * than `maxBytes` of it. Too big: answers 413 as soon as the cap (or a declared Content-Length
 * past it) is reached; what still arrives is discarded, and the connection is dropped if the
 * client keeps sending for long.
 */
export function readUpload(req: Request, res: Response, o: ReadUploadOptions): Promise<Upload> {
  if (!req.is('multipart/form-data')) {
    return Promise.reject(
      new HttpError(
        415,
        'multipart_required',
        `Send the ${o.what} as multipart/form-data with the file in the field "${o.field}".`,
      ),
    );
  }
  const tooBig = () => {
    drainThenHangUp(req, res);
    return new HttpError(
      413,
      'file_too_large',
      `The ${o.what} is larger than ${megabytes(o.maxBytes)}, the most we accept. Reduce texture sizes or polygon count and export it again.`,
    );
  };
  if (Number(req.headers['content-length'] ?? 0) > o.maxBytes + FORM_OVERHEAD)
    return Promise.reject(tooBig());
  return streamFile(req, o, tooBig);
}

/** Pipes the request through busboy, collecting the one wanted file up to the cap. */
function streamFile(req: Request, o: ReadUploadOptions, tooBig: () => HttpError): Promise<Upload> {
  return new Promise<Upload>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: { fileSize: o.maxBytes, files: 1, fields: 8, fieldSize: 1024, parts: 12 },
      });
    } catch {
      return reject(
        new HttpError(400, 'bad_multipart', 'The form could not be read: its multipart boundary is missing.'),
      );
    }
    const chunks: Buffer[] = [];
    const fields: Record<string, string> = {};
    let filename = '';
    let found = false;
    let failed = false;
    const fail = (err: HttpError) => {
      if (failed) return;
      failed = true;
      req.unpipe(bb);
      if (!req.complete) req.resume(); // discard, never buffer, whatever is still arriving
      reject(err);
    };
    bb.on('file', (name, stream, info) => {
      if (name !== o.field || found) return stream.resume();
      found = true;
      filename = info.filename ?? '';
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        chunks.length = 0;
        fail(tooBig());
      });
    });
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('error', () =>
      fail(
        new HttpError(
          400,
          'bad_multipart',
          'The upload was cut off or the form is malformed; please try again.',
        ),
      ),
    );
    bb.on('close', () => {
      if (failed) return;
      if (!found)
        return fail(
          new HttpError(400, 'file_missing', `Attach the ${o.what} file in the form field "${o.field}".`),
        );
      resolve({ bytes: Buffer.concat(chunks), filename, fields }); // a Buffer is a Uint8Array: no second copy
    });
    req.on('aborted', () => fail(new HttpError(400, 'upload_aborted', 'The upload was interrupted.')));
    req.pipe(bb);
  });
}

/**
 * Discards the rest of the body, and hangs up once the answer is out if the client goes quiet,
 * keeps sending for too long, or sends too much (nginx's "lingering close").
 */
function drainThenHangUp(req: Request, res: Response): void {
  if (req.complete) return;
  let drained = 0;
  let idle: NodeJS.Timeout | undefined;
  let total: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(idle);
    clearTimeout(total);
  };
  const hangUp = () => {
    stop();
    req.socket.destroy();
  };
  req.on('data', (chunk: Buffer) => {
    drained += chunk.byteLength;
    if (drained > LINGER.bytes) return hangUp();
    idle?.refresh(); // still sending: the idle clock starts again
  });
  req.once('end', stop);
  res.once('finish', () => {
    if (req.complete) return;
    idle = setTimeout(hangUp, LINGER.idleMs).unref();
    total = setTimeout(hangUp, LINGER.totalMs).unref();
  });
  req.resume();
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
