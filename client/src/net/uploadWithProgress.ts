import { ApiError, offlineError } from './apiError';

/** What came back from an upload: the status and the raw body. */
export interface UploadReply {
  status: number;
  text: string;
}

/** What an upload needs besides the form. */
export interface UploadRequest {
  url: string;
  token: string;
  /** Called with the fraction of the body sent (0..1) as it goes. */
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress.
 * Resolves with whatever the server answered; rejects with an ApiError only when no answer came.
 */
export function uploadWithProgress(
  xhr: XMLHttpRequest,
  form: FormData,
  r: UploadRequest,
): Promise<UploadReply> {
  return new Promise((resolve, reject) => {
    if (r.signal?.aborted) return reject(cancelled());
    let sent = 0;
    xhr.open('POST', r.url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('authorization', `Bearer ${r.token}`);
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable || e.total <= 0) return;
      sent = Math.min(1, e.loaded / e.total);
      r.onProgress(sent);
    };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(sent > 0 && sent < 1 ? interrupted() : offlineError());
    xhr.onabort = () => reject(cancelled());
    r.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function interrupted(): ApiError {
  return new ApiError(
    0,
    'upload_interrupted',
    'The upload stopped before the whole file was sent. Check your connection and try again.',
  );
}

function cancelled(): ApiError {
  return new ApiError(0, 'upload_cancelled', 'The upload was cancelled.');
}
