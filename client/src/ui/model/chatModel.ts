import type { ChatEntry, MemberView } from '../../net/room';
import { COLORS, nameColor } from './palette';

/** A role badge next to a name. */
export interface Badge {
  label: string;
  color: number;
}

/** One chat line as the HUD draws it. */
export interface ChatLineModel {
  id: string;
  name: string;
  nameColor: number;
  badge: Badge | null;
  text: string;
  kind: ChatEntry['kind'];
}

/** Badges by role (participants get none: they are the default). */
export const ROLE_BADGES = {
  host: { label: 'HOST', color: COLORS.host },
  participant: null,
  spectator: { label: 'VIEWER', color: COLORS.spectator },
  character: { label: 'AI', color: COLORS.character },
} as const satisfies Record<string, Badge | null>;

/**
 * The last `max` chat lines with names, name colours and role badges (the role is looked up
 * from the member list by user id; people who left keep their name, without a badge).
 */
export function chatModel(
  chat: readonly ChatEntry[],
  members: readonly MemberView[],
  max: number,
): ChatLineModel[] {
  const roleOf = new Map<string, MemberView['role']>();
  for (const m of members)
    if (m.userId && (!roleOf.has(m.userId) || m.role === 'host')) roleOf.set(m.userId, m.role);
  return chat.slice(-max).map((line) => {
    if (line.kind === 'character')
      return {
        id: line.id,
        name: line.name,
        nameColor: COLORS.character,
        badge: ROLE_BADGES.character,
        text: line.text,
        kind: line.kind,
      };
    if (line.kind === 'system')
      return {
        id: line.id,
        name: '',
        nameColor: COLORS.system,
        badge: null,
        text: line.text,
        kind: line.kind,
      };
    const role = roleOf.get(line.userId);
    return {
      id: line.id,
      name: line.name,
      nameColor: nameColor(line.userId || line.name),
      badge: role ? ROLE_BADGES[role] : null,
      text: line.text,
      kind: line.kind,
    };
  });
}

/** "Aiko is typing…", "Aiko and Ben are typing…", "4 people are typing…", or '' (never yourself). */
export function typingText(members: readonly MemberView[], mySessionId: string): string {
  const names = members
    .filter((m) => m.typing && m.connected && m.sessionId !== mySessionId)
    .map((m) => m.name);
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}
