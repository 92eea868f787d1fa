import { MemoryTurnQueue } from './MemoryTurnQueue';
import { describeTurnQueueContract } from './turnQueue.contract';

describeTurnQueueContract({
  name: 'the in-process queue',
  available: true,
  async setup(options) {
    // One process: every "process" of the contract shares the single queue.
    const queue = new MemoryTurnQueue(options);
    return { open: () => queue, teardown: () => queue.close() };
  },
});
