/**
 * Fan-out benchmark: one room, N participants + M spectators as real colyseus.js clients on
 * loopback, in this process; the server runs in its own process. Participants chat at a steady
 * total rate; every client times each chat line from send to arrival.
 *
 *   npx tsx bench/fanout.ts                 # (20 + 100) and (20 + 500)
 *   npx tsx bench/fanout.ts 20 500 30       # participants, spectators, seconds
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import { PROTOCOL_VERSION, type RoomState } from '@shared';
import { startServerProcess, type ServerProcess } from '../test-support/serverProcess';
import { percentiles, printTable } from './stats';

const LINES_PER_SECOND = 10;

interface Scenario {
  participants: number;
  spectators: number;
  seconds: number;
}

async function post(base: string, path: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return res.json();
}

async function scrape(server: ServerProcess): Promise<{ lagP99: number; cpu: number }> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const read = (name: string) => Number(text.match(new RegExp(`^${name} ([0-9.e+-]+)`, 'm'))?.[1] ?? NaN);
  return {
    lagP99: read('kotodama_event_loop_lag_p99_seconds') * 1000,
    cpu: read('process_cpu_seconds_total'),
  };
}

async function joinAll(
  server: ServerProcess,
  roomId: string,
  links: { participant: string; spectator: string },
  s: Scenario,
) {
  const ws = server.url.replace('http', 'ws');
  const joinTimes: number[] = [];
  const join = async (options: object) => {
    const t = performance.now();
    const room = await new Client(ws).joinById<RoomState>(roomId, { protocol: PROTOCOL_VERSION, ...options });
    joinTimes.push(performance.now() - t);
    return room;
  };
  const participants: Room<RoomState>[] = [];
  for (let i = 0; i < s.participants; i++) {
    const { accessToken } = await post(server.url, '/api/auth/guest', { name: `P${i}` });
    participants.push(await join({ token: accessToken, link: links.participant }));
  }
  const spectators: Room<RoomState>[] = [];
  for (let i = 0; i < s.spectators; i += 25) {
    const batch = Array.from({ length: Math.min(25, s.spectators - i) }, () =>
      join({ link: links.spectator }),
    );
    spectators.push(...(await Promise.all(batch)));
  }
  return { participants, spectators, joinTimes };
}

async function runScenario(server: ServerProcess, s: Scenario): Promise<Record<string, string | number>> {
  const owner = await post(server.url, '/api/auth/guest', { name: 'Host' });
  const created = await post(server.url, '/api/rooms', {}, owner.accessToken);
  const link = (role: 'participant' | 'spectator') => new URL(created.links[role]).searchParams.get('link')!;
  const { participants, spectators, joinTimes } = await joinAll(
    server,
    created.roomId,
    { participant: link('participant'), spectator: link('spectator') },
    s,
  );
  const everyone = [...participants, ...spectators];
  const latencies: number[] = [];
  const received = new Map<string, number>();
  for (const room of everyone) {
    room.onMessage('chat', (line: { text: string }) => {
      const m = /^bench (\d+) ([\d.]+)$/.exec(line.text);
      if (!m) return;
      latencies.push(performance.timeOrigin + performance.now() - Number(m[2]));
      received.set(m[1], (received.get(m[1]) ?? 0) + 1);
    });
    room.onMessage('*', () => undefined);
  }
  const before = await scrape(server);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const total = s.seconds * LINES_PER_SECOND;
  for (let i = 0; i < total; i++) {
    const sender = participants[i % participants.length];
    sender.send('say', { text: `bench ${i} ${(performance.timeOrigin + performance.now()).toFixed(3)}` });
    await new Promise((r) => setTimeout(r, 1000 / LINES_PER_SECOND));
  }
  await new Promise((r) => setTimeout(r, 2000));
  loop.disable();
  const after = await scrape(server);
  const expected = total * everyone.length;
  const lat = percentiles(latencies);
  const joins = percentiles(joinTimes);
  await Promise.all(everyone.map((r) => r.leave().catch(() => undefined)));
  return {
    clients: `${s.participants} + ${s.spectators}`,
    'chat P50 ms': lat.p50,
    P95: lat.p95,
    P99: lat.p99,
    max: lat.max,
    'lines lost': expected - latencies.length,
    'join P50 ms': joins.p50,
    'join P95': joins.p95,
    'server lag P99 ms': after.lagP99.toFixed(1),
    'server CPU %': (((after.cpu - before.cpu) / (s.seconds + 2)) * 100).toFixed(0),
    'bench-side lag P99 ms': (loop.percentile(99) / 1e6).toFixed(1),
  };
}

async function main(): Promise<void> {
  const [p, m, sec] = process.argv.slice(2).map(Number);
  const scenarios: Scenario[] = p
    ? [{ participants: p, spectators: m ?? 0, seconds: sec || 20 }]
    : [
        { participants: 20, spectators: 100, seconds: 20 },
        { participants: 20, spectators: 500, seconds: 20 },
      ];
  const dataDir = await mkdtemp(join(tmpdir(), 'kotodama-bench-'));
  const rows: Record<string, string | number>[] = [];
  for (const s of scenarios) {
    const server = await startServerProcess({
      DATA_DIR: dataDir,
      EMBEDDED_DATABASE: 'memory',
      EMBEDDED_WORKER: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'bench-secret-'.padEnd(40, 'x'),
      ROOM_QUEUE_PER_USER: '10000',
      ROOM_SAY_BURST: '100',
      ROOM_SAY_PER_SECOND: '100',
    });
    try {
      console.log(
        `running ${s.participants} participants + ${s.spectators} spectators for ${s.seconds} s at ${LINES_PER_SECOND} lines/s…`,
      );
      rows.push(await runScenario(server, s));
    } finally {
      await server.stop();
    }
  }
  await rm(dataDir, { recursive: true, force: true });
  printTable('Chat fan-out (chat line → every client)', rows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
