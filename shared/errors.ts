/**
 * Error codes the server sends in `error {code, message}` and join refusals the client can show.
 * The message always says what happened and what to do; the code lets the client react.
 */
export const ERROR_CODES = {
  invalidMessage: 'invalid_message',
  unknownMessage: 'unknown_message',
  forbidden: 'forbidden',
  rateLimited: 'rate_limited',
  muted: 'muted',
  queueFull: 'queue_full',
  /** The message broke the room's rules (moderation); nothing was posted. */
  moderated: 'moderated',
  notFound: 'not_found',
  agentFailed: 'agent_failed',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Codes a join is refused with (Colyseus matchmaking error codes live in 42xx; ours in 41xx). */
export const JOIN_ERRORS = {
  /** The client is older or newer than the server: reload the page. */
  protocolMismatch: 4100,
  /** Speaking needs an account, or the token is invalid or expired. */
  signInRequired: 4101,
  /** The link is invalid, expired, for another room, or was revoked by the host. */
  invalidLink: 4102,
  /** The room has no seat left for this role. */
  roomFull: 4103,
  /** The person was removed by the host and may not come back. */
  banned: 4104,
} as const;
export type JoinErrorCode = (typeof JOIN_ERRORS)[keyof typeof JOIN_ERRORS];

/** WebSocket close codes the server uses when it ends a session. */
export const CLOSE_CODES = {
  kicked: 4105,
  flood: 4106,
  /** The server is stopping (deploy, scale-in): reopen the room through its link and join again. */
  moving: 4107,
} as const;
