/**
 * The whole pipeline through a server process: a fake OpenAI-compatible LLM (fixed time to first
 * token and token rate) in this process, the server with its in-process worker in another, and
 * real colyseus.js clients here. All clocks are this process's performance.now().
 *
 *   npx tsx bench/roomPipeline.ts [--turns 30] [--clients 10] [--voice none|espeak]
 *
 * Prints P50/P95/P99 of: LLM first words written → first subtitle at every client, and sentence
 * complete (the LLM wrote its last chunk) → its utterance at every client. With `--voice espeak`
 * the second figure includes synthesis and viseme analysis.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { PROTOCOL_VERSION, type RoomState } from '@shared';
import { chunksOf, startFakeOpenAi } from '../test-support/fakeOpenAi';
import { startServerProcess } from '../test-support/serverProcess';
import { percentiles, printTable } from './stats';

const REPLY =
  '[happy] Hi Aiko, thanks for asking! Hydrangeas bloom in June, and they turn blue in acid soil. [relaxed] Come and see them sometime.';
const CHUNKS = chunksOf(REPLY);
const spoken = (s: string) => s.replace(/\[[^\]]*\]/g, '');
const FIRST_WORDS = CHUNKS.findIndex((c) => spoken(c).trim().length > 0);

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function post(base: string, path: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return res.json();
}

/** When the LLM finished writing the text of an utterance: the chunk that completes it. */
function completedAt(chunkWrites: number[], text: string): number | undefined {
  let sofar = '';
  for (let i = 0; i < CHUNKS.length; i++) {
    sofar += spoken(CHUNKS[i]);
    if (sofar.replace(/\s+/g, ' ').includes(text.trim())) return chunkWrites[i];
  }
  return undefined;
}

async function main(): Promise<void> {
  const turns = Number(arg('turns', '30'));
  const clientCount = Number(arg('clients', '10'));
  const voice = arg('voice', 'none');
  const fake = await startFakeOpenAi({
    fallback: { chunks: CHUNKS, firstChunkDelayMs: 200, chunkDelayMs: 20 },
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'kotodama-bench-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    EMBEDDED_DATABASE: 'memory',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'bench-secret-'.padEnd(40, 'x'),
    LLM_BASE_URL: fake.baseURL,
    LLM_MODEL: 'bench',
    TTS_PROVIDER: voice,
    ROOM_SAY_BURST: '1000',
    ROOM_SAY_PER_SECOND: '1000',
    ROOM_QUEUE_PER_USER: '1000',
  });
  const subtitleLag: number[] = [];
  const utteranceLag: number[] = [];
  try {
    const owner = await post(server.url, '/api/auth/guest', { name: 'Aiko' });
    const created = await post(server.url, '/api/rooms', {}, owner.accessToken);
    const ws = server.url.replace('http', 'ws');
    const spectator = new URL(created.links.spectator).searchParams.get('link');
    const host = await new Client(ws).joinById<RoomState>(created.roomId, {
      protocol: PROTOCOL_VERSION,
      token: owner.accessToken,
    });
    const clients: Room<RoomState>[] = [host];
    for (let i = 1; i < clientCount; i++)
      clients.push(
        await new Client(ws).joinById<RoomState>(created.roomId, {
          protocol: PROTOCOL_VERSION,
          link: spectator,
        }),
      );
    for (let t = 0; t < turns; t++) {
      const before = fake.requests.length;
      const arrivals = clients.map((c) => watchTurn(c));
      host.send('say', { text: `Question ${t}: when do hydrangeas bloom?` });
      const seen = await Promise.all(arrivals);
      const request = fake.requests[before];
      const firstWords = request?.chunkWrites[FIRST_WORDS];
      for (const s of seen) {
        if (firstWords !== undefined) subtitleLag.push(s.firstSubtitle - firstWords);
        for (const u of s.utterances) {
          const done = completedAt(request.chunkWrites, u.text);
          if (done !== undefined) utteranceLag.push(u.at - done);
        }
      }
      process.stdout.write(`\rturn ${t + 1}/${turns}`);
    }
    await Promise.all(clients.map((c) => c.leave()));
  } finally {
    await server.stop();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  const row = (name: string, v: number[]) => ({ stage: name, ...percentiles(v) });
  printTable(
    `Pipeline through a server process (${clientCount} clients, voice: ${voice}, fake LLM 200 ms to first token, 20 ms per token)`,
    [
      row('LLM first words → first subtitle at each client (ms)', subtitleLag),
      row('sentence complete → its utterance at each client (ms)', utteranceLag),
    ],
  );
}

/** Resolves when this client has the reply's first subtitle and all its utterances (after `done`). */
function watchTurn(
  room: Room<RoomState>,
): Promise<{ firstSubtitle: number; utterances: { text: string; at: number }[] }> {
  return new Promise((resolve) => {
    let firstSubtitle = NaN;
    const utterances: { text: string; at: number }[] = [];
    const offSub = room.onMessage('subtitle', () => {
      if (Number.isNaN(firstSubtitle)) firstSubtitle = performance.now();
    });
    const offUtt = room.onMessage('utterance', (u: { text: string }) =>
      utterances.push({ text: u.text, at: performance.now() }),
    );
    const offChat = room.onMessage('chat', (line: { kind: string }) => {
      if (line.kind !== 'character') return;
      offSub();
      offUtt();
      offChat();
      resolve({ firstSubtitle, utterances });
    });
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
