/**
 * Remembers which (turnId, seq) events were applied, so a redelivered turn (a worker died and
 * another one took over) cannot double the character's words. Bounded: old turns are forgotten.
 */
export class SeenEvents {
  private readonly byTurn = new Map<string, Set<string>>();

  constructor(private readonly maxTurns = 64) {}

  /** True the first time a key is seen for a turn; false for a duplicate. */
  firstTime(turnId: string, key: string | number): boolean {
    let keys = this.byTurn.get(turnId);
    if (!keys) {
      keys = new Set();
      this.byTurn.set(turnId, keys);
      if (this.byTurn.size > this.maxTurns) this.byTurn.delete(this.byTurn.keys().next().value!);
    }
    const k = String(key);
    if (keys.has(k)) return false;
    keys.add(k);
    return true;
  }
}
