import type { MemberView } from '../../net/room';
import { ROLE_BADGES, type Badge } from './chatModel';
import { COLORS, nameColor } from './palette';

/** One row of the member list. */
export interface MemberRowModel {
  sessionId: string;
  name: string;
  nameColor: number;
  badge: Badge | null;
  /** Dot colour: online, muted, or away (dropped, within the reconnection window). */
  dot: number;
  status: string;
  isMe: boolean;
}

/** The member list: people who talk first; spectators are summarised past `maxRows`. */
export interface MemberListModel {
  rows: MemberRowModel[];
  /** People not listed (a big audience), e.g. "+ 480 watching". */
  more: string;
  title: string;
}

/** Builds the member list for the HUD. */
export function memberModel(
  members: readonly MemberView[],
  mySessionId: string,
  maxRows: number,
): MemberListModel {
  const shown = members.slice(0, maxRows);
  const rest = members.length - shown.length;
  const watching = members.filter((m) => m.role === 'spectator').length;
  return {
    title:
      [
        members.length - watching > 0 ? `${members.length - watching} talking` : '',
        watching > 0 ? `${watching} watching` : '',
      ]
        .filter(Boolean)
        .join(' · ') || 'Nobody here yet',
    more: rest > 0 ? `+ ${rest} more` : '',
    rows: shown.map((m) => ({
      sessionId: m.sessionId,
      name: m.sessionId === mySessionId ? `${m.name} (you)` : m.name,
      nameColor: nameColor(m.userId || m.name),
      badge: ROLE_BADGES[m.role],
      dot: !m.connected ? COLORS.warn : m.muted ? COLORS.bad : COLORS.ok,
      status: !m.connected ? 'reconnecting' : m.muted ? 'muted' : m.typing ? 'typing' : '',
      isMe: m.sessionId === mySessionId,
    })),
  };
}
