import { HttpError } from '../http';
import { isVrmValidationError } from '../media/vrm';

/**
 * Turns a validator refusal into the HTTP answer: 413 for size, 422 for everything else, with
 * the validator's stable code and its message (written for the uploader). Other errors pass.
 */
export function vrmRefusal(err: unknown): unknown {
  if (!isVrmValidationError(err)) return err;
  return new HttpError(err.code === 'file_too_large' ? 413 : 422, err.code, err.message);
}
