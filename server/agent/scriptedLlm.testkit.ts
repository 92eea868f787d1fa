import { LlmError, type LlmProvider, type LlmRequest } from '../llm';

/** A script for a fake in-process LLM. */
export interface LlmScript {
  tokens: string[];
  /** Pause before each token, ms. */
  delayMs?: number;
  /** Throw this after yielding `failAfter` tokens. */
  fail?: { after: number; error: Error };
}

/** An in-process LLM that yields scripted tokens and records what it was asked. */
export function scriptedLlm(
  script: LlmScript,
): LlmProvider & { requests: LlmRequest[]; finishedAt?: number } {
  const provider = {
    name: 'scripted',
    offline: false,
    requests: [] as LlmRequest[],
    finishedAt: undefined as number | undefined,
    async *stream(req: LlmRequest): AsyncGenerator<string> {
      provider.requests.push(req);
      for (let i = 0; i < script.tokens.length; i++) {
        if (script.fail && i === script.fail.after) throw script.fail.error;
        if (script.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
        if (req.signal.aborted) throw new LlmError('aborted', 'aborted');
        yield script.tokens[i];
      }
      if (script.fail && script.fail.after >= script.tokens.length) throw script.fail.error;
      provider.finishedAt = performance.now();
    },
  };
  return provider;
}
