import type { LimitRefusal } from '@shared';
import { HttpError } from '../http/HttpError';
import { refusalMessage, type Plans } from './limits';

/** A request refused at a plan limit: HTTP 403 `limit_reached`, with the limit and the upgrade path. */
export class LimitError extends HttpError {
  constructor(
    plans: Plans,
    readonly refusal: LimitRefusal,
  ) {
    super(403, 'limit_reached', refusalMessage(plans, refusal), { ...refusal });
  }
}
