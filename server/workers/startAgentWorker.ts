import { createTurnMetrics } from '../agent';
import type { Bus } from '../bus';
import type { Config } from '../config';
import { createLlmProvider } from '../llm';
import type { FileStorage } from '../media/storage';
import { moderatorFromConfig } from '../moderation';
import type { Logger, Metrics } from '../observability';
import { VisemeAnalyzer, type VoiceService } from '../voice';
import { AgentWorker } from './AgentWorker';
import { speakWithVoice, voiceFromConfig } from './speakWithVoice';

/** A started agent worker with the voice stage it speaks through; `stop` releases all of it. */
export interface AgentWorkerRuntime {
  worker: AgentWorker;
  voice: VoiceService | null;
  /** Worker threads for viseme analysis, so it stays off the rooms' event loop. */
  visemes: VisemeAnalyzer | null;
  stop(): Promise<void>;
}

export interface AgentWorkerParts {
  log: Logger;
  bus: Bus;
  metrics: Metrics;
  storage: FileStorage;
}

/**
 * The same worker for the server's embedded mode and for `npm run worker`: LLM, voice and
 * viseme analysis and output moderation from the configuration, utterance audio written to the
 * configured storage.
 */
export async function startAgentWorker(
  config: Readonly<Config>,
  p: AgentWorkerParts,
): Promise<AgentWorkerRuntime> {
  const voice = voiceFromConfig(config);
  void voice
    ?.warmUp()
    .catch((err: unknown) =>
      p.log.warn({ err }, 'The offline voice could not start; replies will be text only until it does.'),
    );
  const visemes = voice ? new VisemeAnalyzer({ log: p.log }) : null;
  void visemes?.warmUp();
  const worker = new AgentWorker({
    bus: p.bus,
    log: p.log,
    llm: createLlmProvider(config.llm),
    concurrency: config.agent.concurrency,
    // Well inside the visibility timeout, so a live turn is never taken over.
    heartbeatMs: Math.min(5_000, Math.round(config.cluster.turnVisibilityTimeoutMs / 3)),
    moderator: moderatorFromConfig(config, p.log),
    metrics: createTurnMetrics(p.metrics.registry),
    speak: voice ? speakWithVoice(voice, p.storage, visemes ?? undefined) : undefined,
  });
  await worker.start();
  return {
    worker,
    voice,
    visemes,
    stop: async () => {
      await worker.stop();
      await voice?.close();
      await visemes?.close();
    },
  };
}
