import type { Turn } from '../turn';

/** A complete, realistic turn; `n` makes its ids unique within a test. */
export function sampleTurn(n: number, roomId = 'room-1'): Turn {
  return {
    turnId: `turn-${n}`,
    roomId,
    character: {
      id: 'char-1',
      name: 'Hana',
      persona: 'A cheerful guide.',
      greeting: 'Hi!',
      language: 'en',
      voice: { provider: 'espeak', voice: 'en-us+f3', pitch: 1, speed: 1 },
    },
    messages: [
      { id: `msg-${n}`, userId: 'user-1', name: 'Aiko', text: `Question ${n}?`, at: 1_700_000_000_000 + n },
    ],
    transcript: [
      { kind: 'user', name: 'Aiko', text: 'Hello there' },
      { kind: 'character', name: 'Hana', text: 'Hi Aiko!' },
    ],
    enqueuedAt: 1_700_000_000_000 + n,
  };
}

/** A promise with its resolve function, for handlers a test holds open. */
export interface Gate {
  promise: Promise<void>;
  open(): void;
}

/** Creates a closed gate. */
export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
