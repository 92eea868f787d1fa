import type { Redis } from 'ioredis';

/** Quits politely, but never waits long: an unreachable Redis must not hang a shutdown. */
export async function closeConnection(redis: Redis, graceMs = 1_000): Promise<void> {
  if (redis.status === 'end') return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const quit = redis.quit().then(
    () => 'quit' as const,
    () => 'failed' as const,
  );
  const outcome = await Promise.race([quit, timeout]);
  clearTimeout(timer);
  if (outcome !== 'quit') redis.disconnect();
}
