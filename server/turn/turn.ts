import type { CharacterLanguage, UtterancePlan, VoiceProvider } from '@shared';

/** Languages the character can speak; decides sentence cutting, voice and viseme analysis. */
export type Language = CharacterLanguage;

/** How a character sounds; `provider` absent means the configured default. */
export interface VoiceSettings {
  provider?: VoiceProvider;
  /** Provider-specific voice name, e.g. `en-us+f3` for eSpeak or `alloy` for OpenAI. */
  voice?: string;
  /** Relative pitch and speed, 1 = the voice's default. */
  pitch?: number;
  speed?: number;
  /** Koeiromap's speaker position and style. */
  speakerX?: number;
  speakerY?: number;
  style?: string;
}

/** What the agent needs to know about the character it plays. */
export interface CharacterProfile {
  id: string;
  name: string;
  /** Who the character is, how it talks and what it must not do. Written by the creator. */
  persona: string;
  greeting: string;
  language: Language;
  voice: VoiceSettings;
  /** Knowledge-base id, when the character has one. */
  knowledgeBaseId?: string;
}

/** One message a person sent, as queued for the character. */
export interface TurnMessage {
  id: string;
  userId: string;
  name: string;
  text: string;
  /** Server time the message was accepted (ms since the epoch). */
  at: number;
  /** Set by the injection guard: the text looks like an attempt to steer the character. */
  flagged?: boolean;
}

/** A line of the recent room transcript, oldest first. */
export interface TranscriptLine {
  kind: 'user' | 'character' | 'system';
  name: string;
  text: string;
}

/** A unit of work for the agent: one reply to one or more queued messages. */
export interface Turn {
  turnId: string;
  roomId: string;
  character: CharacterProfile;
  /** Usually one message; several when short queued messages are merged into one reply. */
  messages: TurnMessage[];
  transcript: TranscriptLine[];
  /** Server time the turn was put on the queue. */
  enqueuedAt: number;
  /** W3C trace context of the room's `turn` span, so the worker's spans join the same trace. */
  traceparent?: string;
}

/** What the agent publishes on a room's channel while it works on a turn. */
export type AgentEvent =
  | { type: 'subtitle'; roomId: string; turnId: string; seq: number; delta: string; text: string }
  | ({ type: 'utterance'; roomId: string } & UtterancePlan)
  | { type: 'done'; roomId: string; turnId: string; text: string; utterances: number }
  | { type: 'error'; roomId: string; turnId: string; code: string; message: string };

/** A request to stop working on a turn (host interrupt); published on the control channel. */
export interface TurnCancel {
  roomId: string;
  turnId: string;
}
