import { describeEventBusContract } from './eventBus.contract';
import { MemoryEventBus } from './MemoryEventBus';

describeEventBusContract({
  name: 'the in-process bus',
  available: true,
  async setup(log) {
    const bus = new MemoryEventBus({ log });
    return {
      open: () => bus,
      publishRaw: (channel, value) => bus.publish(channel, value),
      teardown: () => bus.close(),
    };
  },
});
