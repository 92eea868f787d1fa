import { z } from 'zod';
import type { TurnCancel } from '../turn';

/*
 * The control channel's wire form. The turn's own validators (turn, agent event) live in
 * server/turn; this is only what the bus adds around them.
 */

const id = z.string().min(1);

/** The wire form of a cancel on the control channel; `type` leaves room for other control messages. */
export const controlCancelSchema = z.object({ type: z.literal('cancel'), roomId: id, turnId: id });

/** Checks the TurnCancel contract against its wire form. */
export const turnCancelSchema = controlCancelSchema.transform(({ roomId, turnId }): TurnCancel => ({
  roomId,
  turnId,
}));
