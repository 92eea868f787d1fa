/** The turn's vocabulary: what a room asks of the agent, who the agent plays, and what it answers. */
export type {
  AgentEvent,
  CharacterProfile,
  Language,
  TranscriptLine,
  Turn,
  TurnCancel,
  TurnMessage,
  VoiceSettings,
} from './turn';
export {
  agentEventSchema,
  characterProfileSchema,
  transcriptLineSchema,
  turnMessageSchema,
  turnSchema,
  voiceSettingsSchema,
} from './schemas';
