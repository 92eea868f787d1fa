/** LLM providers behind one streaming interface: OpenAI, any OpenAI-compatible server, and the offline persona engine. */
export type { ChatMessage, LlmProvider, LlmRequest, SleepFn, TurnContext } from './types';
export { LlmError, isLlmError, LLM_ERROR_CODES, type LlmErrorCode } from './LlmError';
export { OpenAiProvider, type OpenAiProviderOptions } from './OpenAiProvider';
export { backoffDelayMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryPolicy';
export { realSleep } from './sleep';
export {
  createLlmProvider,
  DEFAULT_OPENAI_MODEL,
  type LlmProviderOptions,
  type RemoteLlmTuning,
} from './createLlmProvider';
export {
  OfflinePersonaProvider,
  DEFAULT_OFFLINE_PACING,
  type OfflinePacing,
  type OfflinePersonaOptions,
} from './offline';
