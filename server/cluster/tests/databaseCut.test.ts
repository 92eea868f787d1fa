import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, guestWithRoom, joinVia } from '../../../test-support/clusterClient';
import { createScratchDatabase } from '../../../test-support/databases';
import { postgresUrl, serviceAvailable } from '../../../test-support/services';
import { startTcpProxy, viaProxy, type TcpProxy } from '../../../test-support/tcpProxy';
import { startTestCluster, type TestCluster } from '../../../test-support/testCluster';

const OUTAGE_MS = 10_000;

describe.runIf(serviceAvailable('PostgreSQL', postgresUrl))(
  'PostgreSQL unreachable for 10 s under a cluster',
  () => {
    let databaseUrl: string;
    let cut: TcpProxy;
    let cluster: TestCluster;
    beforeAll(async () => {
      databaseUrl = await createScratchDatabase();
      cut = await startTcpProxy('127.0.0.1', Number(new URL(databaseUrl).port || 5432));
      cluster = await startTestCluster({
        servers: 1,
        workers: 1,
        databaseUrl: viaProxy(databaseUrl, cut),
        env: {
          TTS_PROVIDER: 'none',
          ROOM_SAY_BURST: '100',
          ROOM_SAY_PER_SECOND: '100',
          ROOM_QUEUE_PER_USER: '1000',
        },
      });
    }, 180_000);
    afterAll(async () => {
      await cluster?.stop();
      await cut?.close();
    });

    it('keeps the room chatting and answering; afterwards every accepted line is stored once', async () => {
      const r = await guestWithRoom(cluster.url, 'Olivia');
      const host = await joinVia(cluster.url, r.roomId, { token: r.token });
      const accepted: string[] = [];
      const say = async (text: string) => {
        host.room.send('say', { text });
        await eventually(
          () => host.received.some((m) => m.type === 'chat' && m.payload.text === text),
          `"${text}"`,
        );
        accepted.push(text);
      };
      await say('before the outage');
      cut.cut();
      const cutAt = Date.now();
      for (let i = 0; Date.now() - cutAt < OUTAGE_MS; i++) await say(`during the outage ${i}`);
      expect((await fetch(`${cluster.url}/healthz`)).status).toBe(503);
      // The agent does not need the database: replies keep coming.
      await eventually(
        () => host.room.state.chat.some((l) => l.kind === 'character'),
        'a reply during the outage',
      );
      cut.restore();
      await say('after the outage');
      await eventually(
        async () => (await fetch(`${cluster.url}/healthz`)).status === 200,
        'healthz 200 again',
      );

      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        await eventually(async () => {
          const { rows } = await db.query<{ n: string }>(
            `select count(*) as n from messages where kind = 'user'`,
          );
          return Number(rows[0]!.n) >= accepted.length;
        }, 'every line written');
        const { rows } = await db.query<{ text: string; n: string }>(
          `select text, count(*) as n from messages where kind = 'user' group by text`,
        );
        const stored = new Map(rows.map((row) => [row.text, Number(row.n)]));
        expect(accepted.length).toBeGreaterThan(10);
        for (const text of accepted) expect(stored.get(text), text).toBe(1);
        expect(stored.size).toBe(accepted.length);
      } finally {
        await db.end();
      }
      await host.room.leave();
    });
  },
);
