/**
 * Voice stage benchmark: offline synthesis speed, viseme analysis speed, keyframe density and
 * lip-sync accuracy, printed as figures.
 *
 *   npx tsx bench/voice.ts                  # everything (~3 min)
 *   npx tsx bench/voice.ts --speed-only     # skip the accuracy section
 *   npx tsx bench/voice.ts --broadcast-only # only sentence → broadcast [--runs 3] [--turns 10] [--clients 3] [--voice none]
 *
 * Speeds are multiples of real time (audio duration / processing time) per sentence, given at
 * the median (P50) and at the slow tail (P95 of processing time per second of audio). Every
 * sentence is processed ROUNDS times: "first" uses the first round, "best" each sentence's
 * fastest round (the code's own cost, less the neighbours' on a shared machine). Wall and CPU
 * time are both shown.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, type Room } from 'colyseus.js';
import { PROTOCOL_VERSION, type RoomState, type Utterance, type VisemeKeyframe, VISEMES } from '@shared';
import { EspeakTtsProvider } from '../server/voice/espeak/EspeakTtsProvider';
import { computeVisemeTrack } from '../server/voice/lipsync/computeVisemeTrack';
import { type SynthesizedSpeech } from '../server/voice/types';
import {
  emptyScores,
  FLITE_VOICES,
  fliteAvailable,
  keyframesPerSecond,
  onsetDelaysMs,
  overall,
  pauseClosure,
  scoreSustained,
  scoreVowelCentres,
  sustainedVowelClip,
  synthesizeWithFlite,
  type LabelledSpeech,
  type ShapeScores,
} from '../test-support/voiceCorpus';
import { chunksOf, startFakeOpenAi } from '../test-support/fakeOpenAi';
import { startServerProcess } from '../test-support/serverProcess';
import {
  CALIBRATION_SENTENCES_EN,
  CALIBRATION_SENTENCES_JA,
  DEVELOPMENT_SENTENCES_EN,
  TEST_SENTENCES_EN,
  TEST_SENTENCES_JA,
} from '../test-support/voiceSentences';
import { percentiles } from './stats';

const SENTENCES: { text: string; language: 'en' | 'ja' }[] = [
  ...[...TEST_SENTENCES_EN, ...DEVELOPMENT_SENTENCES_EN].map((text) => ({ text, language: 'en' as const })),
  ...[...TEST_SENTENCES_JA, ...CALIBRATION_SENTENCES_JA].map((text) => ({ text, language: 'ja' as const })),
];
const ROUNDS = 3;
const HELD_OUT_VOICES = [
  'en-us+f1',
  'en-us+f2',
  'en-us+f4',
  'en-us+f5',
  'en-us+m2',
  'en-us+m3',
  'en-us+m5',
  'en-us+m7',
];

interface Sample {
  audioMs: number;
  wallMs: number;
  cpuMs: number;
}

/** Per sentence, its first round and its fastest round. */
function firstAndBest(rounds: Sample[][]): { first: Sample[]; best: Sample[] } {
  const first = rounds.map((r) => r[0]);
  const best = rounds.map((r) => ({
    audioMs: r[0].audioMs,
    wallMs: Math.min(...r.map((x) => x.wallMs)),
    cpuMs: Math.min(...r.map((x) => x.cpuMs)),
  }));
  return { first, best };
}

function printSpeeds(rounds: Sample[][], target: string): void {
  const { first, best } = firstAndBest(rounds);
  console.log(`  wall, first:  ${multiples(first, 'wallMs')} real time   (target ${target})`);
  console.log(`  wall, best:   ${multiples(best, 'wallMs')}`);
  console.log(`  CPU, best:    ${multiples(best, 'cpuMs')}`);
}

/** Wall and process CPU time of `work` (CPU includes the eSpeak worker thread, the main thread being idle meanwhile). */
async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** "P50 ×N, P95 ×M" where P95 is the slow tail (95th percentile of time per audio second). */
function multiples(samples: Sample[], key: 'wallMs' | 'cpuMs'): string {
  const perSecond = samples.map((s) => s[key] / s.audioMs);
  return `P50 ×${(1 / quantile(perSecond, 0.5)).toFixed(0)}, P95 ×${(1 / quantile(perSecond, 0.95)).toFixed(0)}`;
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

function perShape(scores: ShapeScores): string {
  return VISEMES.map((v) => `${v} ${percent(scores[v].right / scores[v].total)} (${scores[v].total})`).join(
    ', ',
  );
}

async function synthesisSpeed(voice: EspeakTtsProvider): Promise<SynthesizedSpeech[]> {
  const cold = await timed(() => voice.synthesize({ text: 'Hello.', language: 'en', voice: {} }));
  const rounds: Sample[][] = SENTENCES.map(() => []);
  const speech: SynthesizedSpeech[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, { text, language }] of SENTENCES.entries()) {
      // Sequential, as the agent speaks one sentence after another.
      const run = await timed(() => voice.synthesize({ text, language, voice: {} }));
      rounds[k].push({ audioMs: run.value.durationMs, wallMs: run.wallMs, cpuMs: run.cpuMs });
      speech[k] = run.value;
    }
  }
  const audio = speech.reduce((n, s) => n + s.durationMs, 0) / 1000;
  const first = rounds.map((r) => r[0].wallMs);
  console.log(
    `\nOffline synthesis (eSpeak NG WASM, 1 worker thread, ${SENTENCES.length} sentences, ${audio.toFixed(1)} s of audio, en + ja)`,
  );
  console.log(`  first call after start (loads and compiles the module):  ${cold.wallMs.toFixed(0)} ms`);
  printSpeeds(rounds, '≥ ×20');
  console.log(
    `  per sentence (first round): P50 ${quantile(first, 0.5).toFixed(0)} ms, P95 ${quantile(first, 0.95).toFixed(0)} ms`,
  );
  return speech;
}

async function analysisSpeed(
  speech: {
    pcm: Float32Array;
    sampleRate: number;
    durationMs: number;
    text: string;
    language: 'en' | 'ja';
    phonemes?: string[];
  }[],
): Promise<void> {
  for (const s of speech.slice(0, 5)) computeVisemeTrack(s); // JIT warm-up
  const rounds: Sample[][] = speech.map(() => []);
  const density: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, s] of speech.entries()) {
      let track: VisemeKeyframe[] = [];
      const run = await timed(() => {
        track = computeVisemeTrack(s);
      });
      rounds[k].push({ audioMs: s.durationMs, wallMs: run.wallMs, cpuMs: run.cpuMs });
      if (round === 0) density.push(keyframesPerSecond(track, s.durationMs));
    }
  }
  console.log(`\nViseme analysis (${speech.length} utterances with their text, main thread)`);
  printSpeeds(rounds, '≥ ×200');
  console.log(
    `  keyframes per second: P50 ${quantile(density, 0.5).toFixed(1)}, P95 ${quantile(density, 0.95).toFixed(1)}, max ${Math.max(...density).toFixed(1)}   (budget ≤ 30)`,
  );
}

async function accuracy(voice: EspeakTtsProvider): Promise<void> {
  console.log('\nLip-sync accuracy (held-out voices and sentences)');
  const sustained = emptyScores();
  for (const v of HELD_OUT_VOICES) {
    for (const pitch of [30, 75]) {
      const clip = await sustainedVowelClip(voice.engine, v, pitch);
      scoreSustained(
        computeVisemeTrack({ ...clip, text: '', language: 'en', audioOnly: true }),
        clip.spans,
        sustained,
      );
    }
  }
  console.log(
    `  eSpeak sustained vowels, ${HELD_OUT_VOICES.length} voices × 2 pitches, frames right: ${percent(overall(sustained))}   (target ≥ 90 %)`,
  );
  console.log(`    ${perShape(sustained)}`);
  if (!fliteAvailable()) {
    console.log('  flite speech: skipped (flite not installed: apt-get install -y flite)');
    return;
  }
  const corpus: LabelledSpeech[] = [];
  for (const v of FLITE_VOICES)
    for (const text of TEST_SENTENCES_EN) corpus.push(await synthesizeWithFlite(text, v));
  const phonemes = new Map<string, string[]>();
  for (const text of TEST_SENTENCES_EN) phonemes.set(text, await voice.phonemize(text, 'en'));
  const modes = {
    'text (eSpeak phonemes)': emptyScores(),
    'text (spelling rules)': emptyScores(),
    'audio only': emptyScores(),
  };
  let closed = 0,
    pauseFrames = 0;
  const delays: number[] = [];
  for (const s of corpus) {
    const base = { pcm: s.pcm, sampleRate: s.sampleRate, text: s.text, language: 'en' as const };
    const aligned = computeVisemeTrack({ ...base, phonemes: phonemes.get(s.text) });
    scoreVowelCentres(aligned, s.phones, modes['text (eSpeak phonemes)']);
    scoreVowelCentres(computeVisemeTrack(base), s.phones, modes['text (spelling rules)']);
    scoreVowelCentres(computeVisemeTrack({ ...base, audioOnly: true }), s.phones, modes['audio only']);
    const p = pauseClosure(aligned, s.phones);
    closed += p.closed;
    pauseFrames += p.total;
    delays.push(...onsetDelaysMs(aligned, s.phones));
  }
  console.log(
    `  flite speech (${FLITE_VOICES.join(', ')}), ${TEST_SENTENCES_EN.length} held-out sentences each, vowel centres right:`,
  );
  for (const [mode, scores] of Object.entries(modes))
    console.log(`    ${mode.padEnd(24)} ${percent(overall(scores))}   ${perShape(scores)}`);
  console.log('    (targets: ≥ 70 % with text alignment, ≥ 60 % audio only)');
  console.log(
    `  pause frames (pauses ≥ 100 ms) closed: ${percent(closed / pauseFrames)} of ${pauseFrames}   (target ≥ 99 %)`,
  );
  console.log(
    `  voice onset → mouth open (≥ 0.2): P50 ${quantile(delays, 0.5)} ms, P95 ${quantile(delays, 0.95)} ms, max ${Math.max(...delays)} ms over ${delays.length} onsets   (target ≤ 30 ms)`,
  );
}

/** English lines for the broadcast run: each turn says three no earlier turn said, so the speech cache never answers. */
const BROADCAST_LINES = [...CALIBRATION_SENTENCES_EN, ...DEVELOPMENT_SENTENCES_EN, ...TEST_SENTENCES_EN];
const LINES_PER_TURN = 3;
const TURN_TIMEOUT_MS = 60_000;
const spoken = (s: string) => s.replace(/\[[^\]]*\]/g, '');

/** The fake LLM's reply to request `index` (request 0 is the unmeasured warm-up turn). */
function replyChunks(index: number): string[] {
  const line = (k: number) => BROADCAST_LINES[(index * LINES_PER_TURN + k) % BROADCAST_LINES.length];
  return chunksOf(`[happy] ${line(0)} ${line(1)} [relaxed] ${line(2)}`);
}

/** When the LLM finished writing `text`: the write time of the chunk that completes it (as bench/roomPipeline.ts). */
function completedAt(chunks: string[], writes: number[], text: string): number | undefined {
  const wanted = text.replace(/\s+/g, ' ').trim();
  let sofar = '';
  for (let i = 0; i < chunks.length; i++) {
    sofar += spoken(chunks[i]);
    if (sofar.replace(/\s+/g, ' ').includes(wanted)) return writes[i];
  }
  return undefined;
}

/** Resolves with this client's utterances (and their arrival times) once the reply's chat line arrives. */
function watchTurn(room: Room<RoomState>): Promise<{ text: string; at: number }[]> {
  return new Promise((resolve, reject) => {
    const utterances: { text: string; at: number }[] = [];
    const timer = setTimeout(() => {
      off();
      reject(new Error('a turn did not finish within a minute'));
    }, TURN_TIMEOUT_MS);
    const offUtt = room.onMessage('utterance', (u: Utterance) =>
      utterances.push({ text: u.text, at: performance.now() }),
    );
    const offChat = room.onMessage('chat', (line: { kind: string }) => {
      if (line.kind === 'character') {
        off();
        resolve(utterances);
      }
    });
    const off = () => {
      clearTimeout(timer);
      offUtt();
      offChat();
    };
  });
}

/** The server's event-loop delay P99 (ms) since its previous scrape (the gauge resets when read). */
async function loopLagP99Ms(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = /^kotodama_event_loop_lag_p99_seconds (\S+)$/m.exec(text);
  return match ? Number(match[1]) * 1000 : NaN;
}

interface BroadcastRun {
  lagsMs: number[];
  loopP99Ms: number;
  unmatched: number;
}

/** One server process with `voice` (eSpeak; `none` as a control): a warm-up turn, then `turns` measured turns. */
async function broadcastRun(turns: number, clientCount: number, voice: string): Promise<BroadcastRun> {
  const fake = await startFakeOpenAi({
    fallback: (_req, index) => ({ chunks: replyChunks(index), firstChunkDelayMs: 200, chunkDelayMs: 20 }),
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
  const post = async (path: string, body: unknown, token?: string) =>
    (
      await fetch(`${server.url}${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      })
    ).json();
  const result: BroadcastRun = { lagsMs: [], loopP99Ms: NaN, unmatched: 0 };
  try {
    const owner = await post('/api/auth/guest', { name: 'Aiko' });
    const created = await post('/api/rooms', {}, owner.accessToken);
    const ws = server.url.replace('http', 'ws');
    const spectator = new URL(created.links.spectator).searchParams.get('link');
    const join = async (options: object) => {
      const room = await new Client(ws).joinById<RoomState>(created.roomId, {
        protocol: PROTOCOL_VERSION,
        ...options,
      });
      room.onMessage('*', () => {}); // subtitles and the rest: not measured here
      return room;
    };
    const clients = [await join({ token: owner.accessToken })];
    for (let i = 1; i < clientCount; i++) clients.push(await join({ link: spectator }));
    for (let t = 0; t <= turns; t++) {
      if (t === 1) await loopLagP99Ms(server.url); // the warm-up turn is over: reset the gauge
      const index = fake.requests.length;
      const arrivals = clients.map((c) => watchTurn(c));
      clients[0].send('say', { text: `Question ${t}: tell me something.` });
      const seen = await Promise.all(arrivals);
      if (t === 0) continue;
      const writes = fake.requests[index].chunkWrites;
      for (const u of seen.flat()) {
        const done = completedAt(replyChunks(index), writes, u.text);
        if (done === undefined) result.unmatched++;
        else result.lagsMs.push(u.at - done);
      }
    }
    result.loopP99Ms = await loopLagP99Ms(server.url);
    await Promise.all(clients.map((c) => c.leave()));
  } catch (error) {
    throw new Error(
      `${(error as Error).message}; the server wrote: ${server.output().slice(-300) || 'nothing'}`,
    );
  } finally {
    await server.stop();
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  return result;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/**
 * Sentence complete (the fake LLM wrote its last chunk) → its utterance at each client, through
 * a server process with the default eSpeak voice (synthesis, viseme analysis, audio stored,
 * published, broadcast), and the server's event-loop lag P99 over the measured turns.
 */
async function sentenceToBroadcast(): Promise<void> {
  const runs = Number(arg('runs', '3')),
    turns = Number(arg('turns', '10')),
    clients = Number(arg('clients', '3')),
    voice = arg('voice', 'espeak');
  console.log(
    `\nSentence complete → utterance broadcast (server process, voice ${voice}, ${clients} clients, ${turns} turns of 3 lines after a warm-up turn, ${runs} runs;`,
  );
  console.log('  fake LLM 200 ms to first token, 20 ms per token; each run a fresh server)');
  if ((turns + 1) * LINES_PER_TURN > BROADCAST_LINES.length)
    console.log(
      `  note: lines repeat after ${Math.floor(BROADCAST_LINES.length / LINES_PER_TURN)} turns and the speech cache answers repeats`,
    );
  const results: { p50: number; p95: number; lag: number }[] = [];
  for (let r = 0; r < runs; r++) {
    const run = await broadcastRun(turns, clients, voice).catch((error: Error) => error);
    if (run instanceof Error) {
      console.log(`  run ${r + 1}: failed (${run.message.split('\n')[0]})`);
      continue;
    } // a boot can time out on a busy machine
    const p = percentiles(run.lagsMs);
    results.push({ p50: p.p50, p95: p.p95, lag: run.loopP99Ms });
    const missing = run.unmatched ? `, ${run.unmatched} not matched to the reply` : '';
    console.log(
      `  run ${r + 1}: P50 ${p.p50} ms, P95 ${p.p95} ms, max ${p.max} ms (${p.n} arrivals${missing}); server event-loop lag P99 ${run.loopP99Ms.toFixed(1)} ms   (load ${loadavg()[0].toFixed(1)})`,
    );
  }
  if (results.length === 0) return;
  const best = (key: 'p50' | 'p95' | 'lag') => Math.min(...results.map((x) => x[key])).toFixed(1);
  console.log(
    `  best of ${results.length}: P50 ${best('p50')} ms, P95 ${best('p95')} ms; event-loop lag P99 ${best('lag')} ms   (target lag P99 < 20 ms)`,
  );
}

async function main(): Promise<void> {
  console.log(
    `Voice benchmark — Node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  if (!process.argv.includes('--broadcast-only')) {
    const voice = new EspeakTtsProvider({ poolSize: 1 });
    try {
      const speech = await synthesisSpeed(voice);
      await analysisSpeed(speech.map((s, k) => ({ ...s, ...SENTENCES[k] })));
      if (!process.argv.includes('--speed-only')) await accuracy(voice);
    } finally {
      await voice.close();
    }
  }
  await sentenceToBroadcast();
}

await main();
