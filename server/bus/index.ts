/** Turn queue and event bus between rooms and agent workers: in-process by default, Redis when configured. */
export type { BusLogger } from './BusLogger';
export {
  DEFAULT_TURN_QUEUE_TIMING,
  TurnQueueClosedError,
  type ConsumeOptions,
  type DeadLetterHandler,
  type TurnConsumer,
  type TurnHandler,
  type TurnJob,
  type TurnQueue,
  type TurnQueueTiming,
} from './TurnQueue';
export { EventBusClosedError, type EventBus, type EventHandler, type Unsubscribe } from './EventBus';
export { MemoryTurnQueue, type MemoryTurnQueueOptions } from './MemoryTurnQueue';
export { RedisTurnQueue, type RedisTurnQueueOptions } from './RedisTurnQueue';
export { turnStreamKeys } from './TurnStream';
export { MemoryEventBus, type MemoryEventBusOptions } from './MemoryEventBus';
export { RedisEventBus, type RedisEventBusOptions } from './RedisEventBus';
export {
  CONTROL_CHANNEL,
  publishAgentEvent,
  publishCancel,
  roomChannel,
  subscribeCancels,
  subscribeRoom,
} from './agentEvents';
export { createBus, type Bus, type BusOptions } from './createBus';
