/** The agent core: one turn → prompt → LLM stream → sentences with tags → voice → room events. */
export { runTurn, type RunTurnDeps, type RunTurnOptions, type TurnLogger, type TurnResult } from './runTurn';
export {
  buildPrompt,
  isUntrusted,
  DEFAULT_PROMPT_LIMITS,
  type PromptInput,
  type PromptLimits,
} from './buildPrompt';
export { systemPrompt } from './systemPrompt';
export { detectInjection, normaliseForGuard, type InjectionVerdict } from './injectionGuard';
export {
  ROOM_DATA_OPEN,
  ROOM_DATA_CLOSE,
  encodeRoomData,
  fenceRoomData,
  parseRoomData,
} from './roomDataFence';
export { staticKnowledge, type KnowledgeSource } from './knowledgeSource';
export { SentenceCutter, type CutSentence, type SentenceCutterOptions } from './sentenceCutter';
export { TagParser, cueOf, type PerformanceCue, type TagSegment } from './tagParser';
export { SpeechSegmenter, type SegmentStep, type SpokenSentence } from './speechSegmenter';
export { UtterancePipeline, type UtteranceSink } from './UtterancePipeline';
export { estimateSpeech, type SpeakFn, type SpeakRequest, type SpeechAudio } from './speech';
export { apologyFor } from './apology';
export { createTurnMetrics, type TurnMetrics, type TurnOutcome, type TurnTimings } from './turnMetrics';
