import { CLOSE_CODES, JOIN_ERRORS } from '@shared/errors';

/** What the room page does about a refused join. */
export type JoinRemedy = 'reload' | 'signIn' | 'lobby' | 'retry';

/** A refused join, in words a person can act on. */
export interface JoinProblem {
  code: number;
  title: string;
  message: string;
  remedy: JoinRemedy;
}

// Colyseus's own matchmaking codes (ErrorCode in @colyseus/core), which the client also sees.
const COLYSEUS = { invalidRoomId: 4212, expired: 4214, authFailed: 4215 } as const;

/** Turns a join refusal code (our 41xx JOIN_ERRORS or Colyseus's 42xx) into a message and a remedy. */
export function describeJoinError(code: number | undefined, serverMessage = ''): JoinProblem {
  const c = code ?? 0;
  switch (c) {
    case JOIN_ERRORS.protocolMismatch:
      return {
        code: c,
        title: 'A new version is out',
        message: 'This page is older than the server. Please reload to get the latest version.',
        remedy: 'reload',
      };
    case JOIN_ERRORS.signInRequired:
    case COLYSEUS.authFailed:
      return {
        code: c,
        title: 'Enter a name to join',
        message: 'Talking to the character needs a name. Pick one and you are in.',
        remedy: 'signIn',
      };
    case JOIN_ERRORS.invalidLink:
      return {
        code: c,
        title: 'This link no longer works',
        message: 'The link is invalid, expired or was replaced by the host. Ask the host for a new one.',
        remedy: 'lobby',
      };
    case JOIN_ERRORS.roomFull:
      return {
        code: c,
        title: 'The room is full',
        message: 'There is no seat left right now. Try again in a little while.',
        remedy: 'retry',
      };
    case JOIN_ERRORS.banned:
      return {
        code: c,
        title: 'You were removed from this room',
        message: 'The host removed you from this room.',
        remedy: 'lobby',
      };
    case COLYSEUS.invalidRoomId:
    case 404:
      return {
        code: c,
        title: 'Room not found',
        message: 'This room has ended or never existed.',
        remedy: 'lobby',
      };
    case COLYSEUS.expired:
      return {
        code: c,
        title: 'Could not join in time',
        message: 'Joining took too long. Please try again.',
        remedy: 'retry',
      };
    default:
      return {
        code: c,
        title: 'Could not join the room',
        message: serverMessage || 'Something went wrong while joining. Please try again.',
        remedy: 'retry',
      };
  }
}

/** Why a session ended for good (no reconnection), or null when a reconnection is worth trying. */
export function describeFinalClose(code: number): JoinProblem | null {
  if (code === CLOSE_CODES.kicked)
    return {
      code,
      title: 'You were removed',
      message: 'The host removed you from this room.',
      remedy: 'lobby',
    };
  if (code === CLOSE_CODES.flood)
    return {
      code,
      title: 'Disconnected',
      message: 'Too many messages in a short time. Wait a moment, then rejoin.',
      remedy: 'retry',
    };
  if (code === 4000)
    return { code, title: 'You left the room', message: 'You left the room.', remedy: 'lobby' };
  if (code === 1000)
    return { code, title: 'The room has closed', message: 'This session has ended.', remedy: 'lobby' };
  return null;
}
