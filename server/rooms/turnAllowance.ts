import { allowanceNotice } from '../billing/allowanceNotice';
import type { Turn } from '../turn';
import type { RoomHost } from './RoomHost';

/**
 * Takes a turn from the room host's daily AI-turn allowance before it goes to the agent. Past the
 * allowance the character says so, in character, as a chat line everyone in the room sees, and no
 * LLM call is made: answers false. Should the check itself fail (database away), the turn goes ahead.
 */
export async function takeTurnAllowance(host: RoomHost, turn: Turn): Promise<boolean> {
  const { deps, state } = host;
  if (!deps.accounts) return true;
  let refusal;
  try {
    refusal = await deps.accounts.takeAiTurn(host.record.ownerId);
  } catch (err) {
    deps.log.warn(
      { err, roomId: host.roomId },
      'Could not check the daily reply allowance; answering anyway.',
    );
    return true;
  }
  if (!refusal || state.activeTurnId !== turn.turnId) return !refusal;
  host.appendChat({
    kind: 'character',
    userId: '',
    name: state.character.name,
    text: allowanceNotice(deps.accounts.plans, refusal, turn.character.language),
  });
  return false;
}
