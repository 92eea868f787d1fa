import type { QueueEntry, RoomMode } from '@shared';

/** A message waiting for the character (plain data; the room mirrors it into state). */
export type QueuedMessage = QueueEntry;

/** How the queue shares the character among people. */
export interface QueuePolicy {
  /** Pending messages one person may have at once. */
  perUserCap: number;
  /** At most this many messages are answered together in one reply. */
  maxMerge: number;
  /** Only messages up to this length are merged with others. */
  mergeMaxChars: number;
}

export const DEFAULT_QUEUE_POLICY: QueuePolicy = { perUserCap: 3, maxMerge: 3, mergeMaxChars: 160 };

/** Whether a person may add one more message. */
export function canEnqueue(
  queue: readonly Pick<QueuedMessage, 'userId'>[],
  userId: string,
  policy: QueuePolicy,
): { ok: true } | { ok: false; message: string } {
  const pending = queue.filter((m) => m.userId === userId).length;
  if (pending < policy.perUserCap) return { ok: true };
  return {
    ok: false,
    message: `You already have ${pending} messages waiting for the character; wait for an answer before sending more.`,
  };
}

/**
 * The messages the character answers next, or none. Open mode: the oldest message of whoever
 * was answered least recently (so one chatty person cannot starve the others), merged with other
 * short waiting messages into one reply. Hosted mode: only what the host picked, in pick order.
 */
export function nextBatch(
  queue: readonly QueuedMessage[],
  mode: RoomMode,
  lastAnsweredAt: ReadonlyMap<string, number>,
  policy: QueuePolicy,
): QueuedMessage[] {
  if (mode === 'hosted') {
    const picked = queue.find((m) => m.picked);
    return picked ? [picked] : [];
  }
  const head = fairHead(queue, lastAnsweredAt);
  if (!head) return [];
  if (head.text.length > policy.mergeMaxChars) return [head];
  const batch = [head];
  for (const m of queue) {
    if (batch.length >= policy.maxMerge) break;
    if (m === head || m.text.length > policy.mergeMaxChars) continue;
    if (batch.some((b) => b.userId === m.userId)) continue; // one message per person per reply
    batch.push(m);
  }
  return batch.sort((a, b) => a.at - b.at);
}

function fairHead(
  queue: readonly QueuedMessage[],
  lastAnsweredAt: ReadonlyMap<string, number>,
): QueuedMessage | undefined {
  let best: QueuedMessage | undefined;
  for (const m of queue) {
    if (!best) {
      best = m;
      continue;
    }
    const a = lastAnsweredAt.get(m.userId) ?? 0;
    const b = lastAnsweredAt.get(best.userId) ?? 0;
    if (a < b || (a === b && m.at < best.at)) best = m;
  }
  return best;
}
