/**
 * A small pool of worker threads running eSpeak NG (WebAssembly). The 18 MB module is compiled
 * once per process and handed to every worker; each worker keeps one instance and restores its
 * start-up memory before every run. A call costs the synthesis plus a few milliseconds, and the
 * server's event loop never waits on eSpeak.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { VoiceError, type VoiceErrorCode } from '../voiceError';

const compiled = new Map<string, Promise<WebAssembly.Module | undefined>>();

/** The package's compiled module, shared by all workers; undefined if it cannot be found (the worker then explains). */
function compiledModule(packageName: string): Promise<WebAssembly.Module | undefined> {
  let module = compiled.get(packageName);
  if (!module) {
    module = (async () => {
      const entry = createRequire(import.meta.url).resolve(packageName);
      return WebAssembly.compile(await readFile(new URL('espeak-ng.wasm', pathToFileURL(entry))));
    })().catch(() => undefined);
    compiled.set(packageName, module);
  }
  return module;
}

/** Settings of the eSpeak worker pool. */
export interface EspeakEngineOptions {
  /** Worker threads (each holds ~60 MB). Default 1: one sentence at a time is ≥ 20× real time. */
  poolSize?: number;
  /** A call that takes longer than this fails with `timeout` and its worker is replaced. */
  callTimeoutMs?: number;
  /** The npm package to load (default `espeak-ng`); a test seam for "not installed". */
  packageName?: string;
}

/** Output of one eSpeak run: the WAV file (if asked for) and what it printed (phonemes). */
export interface EspeakRun {
  wav?: Uint8Array;
  lines: string[];
}

interface Pending {
  resolve: (run: EspeakRun) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}
interface Reply {
  id: number;
  ok: boolean;
  wav?: Uint8Array;
  lines?: string[];
  code?: VoiceErrorCode;
  message?: string;
}

class EspeakWorker {
  private worker: Worker | undefined;
  private starting: Promise<Worker> | undefined;
  readonly pending = new Map<number, Pending>();
  /** Calls accepted but not yet posted (waiting for the worker to start). */
  queued = 0;

  constructor(
    private readonly timeoutMs: number,
    private readonly packageName: string,
  ) {}

  async call(id: number, message: object): Promise<EspeakRun> {
    this.queued++;
    let worker: Worker;
    try {
      worker = await this.ensure();
    } finally {
      this.queued--;
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.fail(
            new VoiceError(
              'timeout',
              `eSpeak did not answer within ${this.timeoutMs} ms; its worker was restarted.`,
              'espeak',
            ),
          ),
        this.timeoutMs,
      );
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, ...message });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.fail(new VoiceError('aborted', 'The eSpeak engine was closed.', 'espeak'));
    await worker?.terminate();
  }

  private ensure(): Promise<Worker> {
    if (this.worker) return Promise.resolve(this.worker);
    this.starting ??= compiledModule(this.packageName).then((wasm) => {
      this.starting = undefined;
      return this.worker ?? this.spawn(wasm);
    });
    return this.starting;
  }

  private spawn(wasm: WebAssembly.Module | undefined): Worker {
    const worker = new Worker(new URL('./espeakWorker.mjs', import.meta.url), {
      workerData: { packageName: this.packageName, wasm },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) =>
      this.fail(
        new VoiceError('provider_error', `The eSpeak worker crashed: ${error.message}`, 'espeak', {
          cause: error,
        }),
      ),
    );
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    const entry = this.pending.get(reply.id);
    if (!entry) return;
    this.pending.delete(reply.id);
    clearTimeout(entry.timer);
    if (reply.ok) entry.resolve({ wav: reply.wav, lines: reply.lines ?? [] });
    else
      entry.reject(
        new VoiceError(reply.code ?? 'provider_error', reply.message ?? 'eSpeak failed.', 'espeak'),
      );
  }

  /** Reject everything in flight and drop the worker (a fresh one starts on the next call). */
  private fail(error: VoiceError): void {
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(error);
    }
    this.pending.clear();
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}

/** Runs eSpeak NG command lines in worker threads. */
export class EspeakEngine {
  private readonly workers: EspeakWorker[];
  private nextId = 1;

  constructor(options: EspeakEngineOptions = {}) {
    const size = Math.max(1, Math.floor(options.poolSize ?? 1));
    this.workers = Array.from(
      { length: size },
      () => new EspeakWorker(options.callTimeoutMs ?? 15_000, options.packageName ?? 'espeak-ng'),
    );
  }

  /** Run eSpeak with CLI `args` on `input` text; `wav: true` also returns the audio. */
  run(args: readonly string[], input: string, wav: boolean): Promise<EspeakRun> {
    return this.leastBusy().call(this.nextId++, { args, input, wav });
  }

  /** Load the module and prepare an instance in every worker (call at boot to hide the first ~0.5 s). */
  async warmUp(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.call(this.nextId++, { warm: true })));
  }

  /** Stop the workers; calls in flight fail with `aborted`. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private leastBusy(): EspeakWorker {
    const load = (worker: EspeakWorker) => worker.pending.size + worker.queued;
    return this.workers.reduce((best, worker) => (load(worker) < load(best) ? worker : best));
  }
}
