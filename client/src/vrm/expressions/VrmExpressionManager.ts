import type { ExpressionChannel } from './channels';
import { BLINK_EXPRESSIONS, LOOK_AT_EXPRESSIONS, MOUTH_EXPRESSIONS } from './presets';
import type { OverrideKind, VrmExpression } from './VrmExpression';

/**
 * The model's expressions by name (VRM 1.0 names: `aa`, `happy`, `blinkLeft`…, or custom).
 * Set weights with `setValue`; `update()` applies them: each channel back to its loaded value,
 * the override rules (an expression that blocks or blends blink, look-at or mouth expressions
 * scales them down), every expression's binds added, and the channels written.
 */
export class VrmExpressionManager {
  private readonly byName = new Map<string, VrmExpression>();
  private dirty = true;

  constructor(
    readonly expressions: readonly VrmExpression[],
    private readonly channels: readonly ExpressionChannel[],
  ) {
    for (const e of expressions) this.byName.set(e.name, e);
  }

  get(name: string): VrmExpression | null {
    return this.byName.get(name) ?? null;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** Whether any expression declares override rules (VRM 1.0 files may; 0.x never do). */
  get hasOverrides(): boolean {
    return this.expressions.some((e) => e.hasOverrides);
  }

  /** Sets an expression's weight (clamped to 0..1); unknown names are ignored. */
  setValue(name: string, weight: number): void {
    const e = this.byName.get(name);
    if (!e) return;
    const before = e.weight;
    e.weight = weight;
    if (e.weight !== before) this.dirty = true;
  }

  getValue(name: string): number {
    return this.byName.get(name)?.weight ?? 0;
  }

  resetValues(): void {
    for (const e of this.expressions) e.weight = 0;
    this.dirty = true;
  }

  /** Writes the weights to morph targets, material colours and texture transforms (when any changed). */
  update(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const multiplier: Record<OverrideKind, number> = { blink: 1, lookAt: 1, mouth: 1 };
    for (const e of this.expressions)
      for (const kind of ['blink', 'lookAt', 'mouth'] as const) multiplier[kind] -= e.overrideAmount(kind);
    for (const c of this.channels) c.reset();
    for (const e of this.expressions) {
      let m = 1;
      if (BLINK_EXPRESSIONS.includes(e.name)) m *= Math.max(0, multiplier.blink);
      if (LOOK_AT_EXPRESSIONS.includes(e.name)) m *= Math.max(0, multiplier.lookAt);
      if (MOUTH_EXPRESSIONS.includes(e.name)) m *= Math.max(0, multiplier.mouth);
      e.apply(m);
    }
    for (const c of this.channels) c.flush();
  }
}
