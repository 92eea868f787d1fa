import { type BusLogger, silentLogger } from './BusLogger';
import type { EventBus, Unsubscribe } from './EventBus';
import { agentEventSchema, type AgentEvent, type TurnCancel } from '../turn';
import { controlCancelSchema, turnCancelSchema } from './schemas';

/** The channel carrying one room's agent events. */
export function roomChannel(roomId: string): string {
  return `room:${roomId}`;
}

/** The channel carrying cancels (and future control messages) to every worker. */
export const CONTROL_CHANNEL = 'control';

/** Publishes an agent event on its room's channel. */
export function publishAgentEvent(bus: EventBus, event: AgentEvent): Promise<void> {
  return bus.publish(roomChannel(event.roomId), event);
}

/**
 * Receives the agent events of one room. Events come from other processes, so each is validated;
 * malformed ones, and events of another room, are dropped with a warning instead of reaching the room.
 */
export function subscribeRoom(
  bus: EventBus,
  roomId: string,
  handler: (event: AgentEvent) => void,
  log: BusLogger = silentLogger,
): Promise<Unsubscribe> {
  const channel = roomChannel(roomId);
  return bus.subscribe(channel, (raw) => {
    const parsed = agentEventSchema.safeParse(raw);
    if (!parsed.success) return warnDropped(log, channel, parsed.error.issues);
    if (parsed.data.roomId !== roomId)
      return warnDropped(log, channel, `event for room ${parsed.data.roomId}`);
    handler(parsed.data);
  });
}

/** Asks whichever worker runs the turn to stop (host interrupt). */
export function publishCancel(bus: EventBus, cancel: TurnCancel): Promise<void> {
  const message = controlCancelSchema.parse({ type: 'cancel', roomId: cancel.roomId, turnId: cancel.turnId });
  return bus.publish(CONTROL_CHANNEL, message);
}

/** Receives cancels for every room; malformed control messages are dropped with a warning. */
export function subscribeCancels(
  bus: EventBus,
  handler: (cancel: TurnCancel) => void,
  log: BusLogger = silentLogger,
): Promise<Unsubscribe> {
  return bus.subscribe(CONTROL_CHANNEL, (raw) => {
    const parsed = turnCancelSchema.safeParse(raw);
    if (!parsed.success) return warnDropped(log, CONTROL_CHANNEL, parsed.error.issues);
    handler(parsed.data);
  });
}

function warnDropped(log: BusLogger, channel: string, reason: unknown): void {
  log.warn({ channel, reason }, 'Dropped a malformed event from the bus.');
}
