import {
  publishAgentEvent,
  subscribeCancels,
  type Bus,
  type TurnConsumer,
  type TurnJob,
  type Unsubscribe,
} from '../bus';
import { runTurn, type KnowledgeSource, type SpeakFn, type TurnMetrics } from '../agent';
import type { LlmProvider } from '../llm';
import type { Moderator } from '../moderation';
import type { Logger } from '../observability';
import { WorkerTrace } from './workerTrace';

/** What an agent worker needs. */
export interface AgentWorkerDeps {
  bus: Bus;
  llm: LlmProvider;
  log: Logger;
  /** Turns this worker runs at once. */
  concurrency: number;
  speak?: SpeakFn;
  knowledge?: KnowledgeSource;
  /** Screens each sentence before it is spoken. */
  moderator?: Moderator;
  metrics?: TurnMetrics;
  /** How often a running turn tells the queue it is alive (well under the visibility timeout). */
  heartbeatMs?: number;
  now?: () => number;
}

/**
 * Takes turns from the queue and runs each through the agent pipeline, publishing its events on
 * the room's channel. A host interrupt (a cancel on the control channel) aborts the turn's LLM and
 * voice calls; a turn cancelled before it started is skipped.
 */
export class AgentWorker {
  private consumer: TurnConsumer | undefined;
  private unsubscribe: Unsubscribe | undefined;
  private readonly running = new Map<string, AbortController>();
  /** Recently cancelled turn ids, so a turn cancelled while still queued is not started. */
  private readonly cancelled = new Set<string>();

  constructor(private readonly deps: AgentWorkerDeps) {}

  async start(): Promise<void> {
    this.unsubscribe = await subscribeCancels(
      this.deps.bus.events,
      ({ turnId }) => this.cancel(turnId),
      this.deps.log,
    );
    this.consumer = this.deps.bus.queue.consume((job) => this.handle(job), {
      concurrency: this.deps.concurrency,
    });
    this.deps.log.info(
      `Agent worker started: ${this.deps.llm.name}${this.deps.llm.offline ? ' (offline persona engine)' : ''}, ${this.deps.concurrency} turns at once.`,
    );
  }

  /** Stops taking turns and waits for the running ones. */
  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.unsubscribe?.();
  }

  private cancel(turnId: string): void {
    this.cancelled.add(turnId);
    if (this.cancelled.size > 1000) this.cancelled.delete(this.cancelled.values().next().value!);
    this.running.get(turnId)?.abort();
  }

  private async handle(job: TurnJob): Promise<void> {
    const { turn } = job;
    if (this.cancelled.has(turn.turnId)) return;
    const controller = new AbortController();
    const onTakenOver = () => controller.abort();
    job.signal.addEventListener('abort', onTakenOver);
    this.running.set(turn.turnId, controller);
    const heartbeat = setInterval(() => void job.heartbeat(), this.deps.heartbeatMs ?? 5000);
    const now = this.deps.now ?? Date.now;
    const traced = new WorkerTrace(turn, job.attempt, now(), now, this.deps.metrics);
    try {
      const result = await runTurn(turn, {
        llm: this.deps.llm,
        emit: (event) => publishAgentEvent(this.deps.bus.events, event),
        signal: controller.signal,
        now,
        speak: traced.wrap(this.deps.speak),
        knowledge: this.deps.knowledge,
        moderator: this.deps.moderator,
        metrics: this.deps.metrics,
        // runTurn's one line per turn carries these ids too.
        logger: this.deps.log.child({
          attempt: job.attempt,
          messageIds: turn.messages.map((m) => m.id),
          ...(traced.traceId ? { traceId: traced.traceId } : {}),
        }),
      });
      traced.end(result);
    } finally {
      clearInterval(heartbeat);
      job.signal.removeEventListener('abort', onTakenOver);
      this.running.delete(turn.turnId);
    }
  }
}
