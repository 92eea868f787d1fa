import type { RoomView } from '../../net/room';
import type { Badge } from './chatModel';
import { COLORS } from './palette';

/** The connection pill: a dot, a label and, when live, the round trip. */
export interface ConnectionModel {
  label: string;
  color: number;
}

/** "Live · 23 ms", "Connecting…", "Reconnecting…", "Offline". */
export function connectionModel(view: Pick<RoomView, 'connection' | 'latencyMs'>): ConnectionModel {
  switch (view.connection.status) {
    case 'connected': {
      const ms = view.latencyMs;
      if (ms === null) return { label: 'Live', color: COLORS.ok };
      return { label: `Live · ${Math.round(ms)} ms`, color: ms > 250 ? COLORS.warn : COLORS.ok };
    }
    case 'reconnecting':
      return { label: 'Reconnecting…', color: COLORS.warn };
    case 'connecting':
      return { label: 'Connecting…', color: COLORS.warn };
    case 'idle':
      return { label: 'Not connected', color: COLORS.muted };
    default:
      return { label: 'Offline', color: COLORS.bad };
  }
}

/** The character's nameplate: its name and what is special about the room now. */
export interface NameplateModel {
  name: string;
  badges: Badge[];
}

/** Nameplate badges: offline AI, hosted mode, paused, and "watching" for spectators. */
export function nameplateModel(view: Pick<RoomView, 'character' | 'mode' | 'paused' | 'me'>): NameplateModel {
  const badges: Badge[] = [];
  if (view.character.offline) badges.push({ label: 'OFFLINE AI', color: COLORS.warn });
  if (view.mode === 'hosted') badges.push({ label: 'HOSTED', color: COLORS.accent2 });
  if (view.paused) badges.push({ label: 'PAUSED', color: COLORS.bad });
  if (view.me?.role === 'spectator') badges.push({ label: 'WATCHING', color: COLORS.participant });
  return { name: view.character.name || 'Character', badges };
}

/** What the text box offers this person. */
export interface ComposerModel {
  /** say: type to the character; watch: reactions only; muted: the host muted you; offline: not connected. */
  state: 'say' | 'watch' | 'muted' | 'offline';
  placeholder: string;
}

/** The composer for this person's role and state. */
export function composerModel(
  view: Pick<RoomView, 'me' | 'connection' | 'mode' | 'character' | 'paused'>,
): ComposerModel {
  if (view.connection.status !== 'connected')
    return {
      state: 'offline',
      placeholder: view.connection.status === 'reconnecting' ? 'Reconnecting…' : 'Not connected',
    };
  if (!view.me || view.me.role === 'spectator')
    return { state: 'watch', placeholder: 'You are watching: react with the buttons' };
  if (view.me.muted) return { state: 'muted', placeholder: 'The host has muted you' };
  const who = view.character.name || 'the character';
  if (view.mode === 'hosted' && view.me.role !== 'host')
    return { state: 'say', placeholder: `Ask ${who} a question (the host picks)…` };
  return {
    state: 'say',
    placeholder: view.paused ? `${who} is paused; your message will wait…` : `Say something to ${who}…`,
  };
}
