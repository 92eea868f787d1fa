import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, eventually, guestWithRoom, joinVia } from '../../test-support/clusterClient';
import { postgresUrl, serviceAvailable } from '../../test-support/services';
import { startTestCluster, type TestCluster } from '../../test-support/testCluster';

describe.runIf(serviceAvailable('PostgreSQL', postgresUrl))(
  'npm run cluster: two servers, a worker, the proxy',
  () => {
    let cluster: TestCluster;
    beforeAll(async () => {
      cluster = await startTestCluster({ servers: 2, workers: 1 });
    }, 180_000);
    afterAll(async () => {
      await cluster?.stop();
    });

    it('routes each room’s matchmaking and socket to the process holding it, and replies come back', async () => {
      const holders = new Map<string, Awaited<ReturnType<typeof guestWithRoom>>>();
      // New rooms go to the process with the fewest rooms; a few tries put one on each.
      for (let i = 0; i < 10 && holders.size < 2; i++) {
        const r = await guestWithRoom(cluster.url, `Owner ${i}`);
        const holder = await cluster.holderOf(r.roomId);
        if (holder && !holders.has(holder)) holders.set(holder, r);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect([...holders.keys()].sort()).toEqual(['server-1', 'server-2']);
      for (const [holder, r] of holders) {
        const page = await fetch(`${cluster.url}/r/${r.roomId}?link=${r.participant}`);
        expect(page.status, `room page of a room on ${holder}`).toBe(200);
        const summary = await api(cluster.url, 'GET', `/api/rooms/${r.roomId}`, undefined, r.token);
        expect(summary.roomId).toBe(r.roomId);
        const host = await joinVia(cluster.url, r.roomId, { token: r.token });
        host.room.send('say', { text: `Hello from a room on ${holder}` });
        await eventually(() => host.room.state.chat.some((l) => l.kind === 'character'), 'the reply', 60_000);
        expect(host.received.some((m) => m.type === 'utterance')).toBe(true);
        await host.room.leave();
      }
    });
  },
);
