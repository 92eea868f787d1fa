import type { ExpressionOverride } from '../definition';

/** A weighted contribution to a channel (see channels.ts): adds `weight × its delta` when applied. */
export interface ExpressionBind {
  kind: 'morphTarget' | 'materialColor' | 'textureTransform';
  apply(weight: number): void;
}

/** Which override rule of an expression. */
export type OverrideKind = 'blink' | 'lookAt' | 'mouth';

/**
 * One expression: its weight (0..1) and the binds it drives. `isBinary` snaps the applied
 * weight to 0 or 1 at 0.5; the override rules say how much it suppresses blink, look-at and
 * mouth expressions while it is on (VRM 1.0; VRM 0.x has none).
 */
export class VrmExpression {
  private value = 0;
  readonly binds: ExpressionBind[] = [];

  constructor(
    readonly name: string,
    readonly isPreset: boolean,
    readonly isBinary: boolean,
    readonly overrides: Readonly<Record<OverrideKind, ExpressionOverride>>,
  ) {}

  get weight(): number {
    return this.value;
  }

  set weight(w: number) {
    this.value = Number.isFinite(w) ? Math.min(1, Math.max(0, w)) : 0;
  }

  /** The weight its binds get: snapped when binary. */
  get appliedWeight(): number {
    return this.isBinary ? (this.value > 0.5 ? 1 : 0) : this.value;
  }

  /** How much this expression takes away from the overridden kind right now (0..1). */
  overrideAmount(kind: OverrideKind): number {
    const rule = this.overrides[kind];
    if (rule === 'block') return this.appliedWeight > 0 ? 1 : 0;
    if (rule === 'blend') return this.appliedWeight;
    return 0;
  }

  /** Whether it declares any override rule. */
  get hasOverrides(): boolean {
    return Object.values(this.overrides).some((r) => r !== 'none');
  }

  apply(multiplier: number): void {
    const w = this.appliedWeight * multiplier;
    if (w <= 0) return;
    for (const bind of this.binds) bind.apply(w);
  }
}
