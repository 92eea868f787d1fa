/**
 * Message names and limits of the wire contract, without validators: importing this module
 * costs no zod and no Schema classes, so browser pages can use the names and stay small.
 * `messages.ts` re-exports everything here.
 */

/** The Colyseus room every character session lives in. */
export const ROOM_NAME = 'character';

/** Message names a client sends. */
export const CLIENT_MESSAGES = {
  say: 'say',
  react: 'react',
  typing: 'typing',
  vote: 'vote',
  host: 'host',
  time: 'time',
} as const;
export type ClientMessageName = (typeof CLIENT_MESSAGES)[keyof typeof CLIENT_MESSAGES];

/** Message names the server sends. */
export const SERVER_MESSAGES = {
  /** A chat line, sent the moment it is accepted (state carries it too, a patch later). */
  chat: 'chat',
  utterance: 'utterance',
  subtitle: 'subtitle',
  interrupt: 'interrupt',
  reaction: 'reaction',
  time: 'time',
  error: 'error',
  /** New links, sent to the host after `revokeLinks`. */
  links: 'links',
} as const;
export type ServerMessageName = (typeof SERVER_MESSAGES)[keyof typeof SERVER_MESSAGES];

/** Longest chat message, in characters after trimming. */
export const SAY_MAX_LENGTH = 500;

/** Reactions anyone (spectators included) may send. */
export const REACTIONS = ['👏', '❤️', '😂', '😮', '😢', '🎉', '👍', '🤔'] as const;
export type Reaction = (typeof REACTIONS)[number];
