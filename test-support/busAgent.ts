import { publishAgentEvent } from '../server/bus';
import type { AgentEvent, Turn } from '../server/turn';
import type { TestServer } from './testServer';

/**
 * Plays the agent worker's side of the bus in room tests: takes turns from the server's real
 * turn queue and publishes the events a worker would, as the test scripts them.
 */
export interface BusAgent {
  turns: Turn[];
  /** Resolves with the next turn taken from the queue (of `roomId`, when given). */
  nextTurn(timeoutMs?: number, roomId?: string): Promise<Turn>;
  publish(event: AgentEvent): Promise<void>;
  /** Publishes a whole reply: subtitle, one utterance per sentence, done. */
  reply(turn: Turn, sentences: string[], durationMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function startBusAgent(server: TestServer): BusAgent {
  const { queue, events } = server.services.bus;
  const turns: Turn[] = [];
  const consumed = new Set<Turn>();
  const waiters = new Set<() => void>();
  const consumer = queue.consume(
    async ({ turn }) => {
      turns.push(turn);
      for (const w of [...waiters]) w();
    },
    { concurrency: 4 },
  );
  const take = (roomId?: string) => {
    const turn = turns.find((t) => !consumed.has(t) && (!roomId || t.roomId === roomId));
    if (turn) consumed.add(turn);
    return turn;
  };
  return {
    turns,
    nextTurn(timeoutMs = 5000, roomId?: string) {
      const ready = take(roomId);
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const check = () => {
          const turn = take(roomId);
          if (!turn) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(turn);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('no turn reached the queue'));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    publish: (event) => publishAgentEvent(events, event),
    async reply(turn, sentences, durationMs = 200) {
      const { roomId, turnId } = turn;
      const text = sentences.join(' ');
      await publishAgentEvent(events, { type: 'subtitle', roomId, turnId, seq: 0, delta: text, text });
      for (const [seq, sentence] of sentences.entries()) {
        await publishAgentEvent(events, {
          type: 'utterance',
          roomId,
          turnId,
          seq,
          text: sentence,
          expression: 'happy',
          audioUrl: '',
          durationMs,
          visemes: [
            [0, 'A', 0.8],
            [durationMs, 'A', 0],
          ],
        });
      }
      await publishAgentEvent(events, { type: 'done', roomId, turnId, text, utterances: sentences.length });
    },
    stop: () => consumer.stop(),
  };
}
