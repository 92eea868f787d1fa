import type { Expression } from '@shared';
import type { FaceMixer } from './faceMixer';
import { easeInOut } from './pose';

/** The VRM expressions (canonical names) each wire-level expression turns on, in order of preference. */
export const EXPRESSION_PRESETS: Record<Expression, string[]> = {
  neutral: [],
  happy: ['joy'],
  angry: ['angry'],
  sad: ['sorrow'],
  relaxed: ['fun'],
  // VRM 1.0 has "surprised"; VRM 0.x only as a custom group (our avatars have one).
  surprised: ['surprised'],
};

const CONTROLLED = ['joy', 'angry', 'sorrow', 'fun', 'surprised'];

/** Options of the expression controller. */
export interface ExpressionControllerOptions {
  /** Cross-fade time in seconds (default 0.35). */
  blendSeconds?: number;
}

/**
 * Blends the face towards a target expression (neutral, happy, angry, sad, relaxed, surprised)
 * with an ease-in-out cross-fade. Expressions the avatar lacks resolve to no change.
 */
export class ExpressionController {
  private readonly blendSeconds: number;
  private from = new Map<string, number>();
  private to = new Map<string, number>();
  private elapsed = Infinity;
  private currentExpression: Expression = 'neutral';
  private intensity = 1;

  constructor(
    private readonly face: FaceMixer,
    options: ExpressionControllerOptions = {},
  ) {
    this.blendSeconds = options.blendSeconds ?? 0.35;
  }

  /** The expression being shown (or blended to). */
  get current(): Expression {
    return this.currentExpression;
  }

  /** Current weights of the VRM expressions this controller owns. */
  get weights(): Record<string, number> {
    return Object.fromEntries(CONTROLLED.map((n) => [n, this.weightOf(n)]));
  }

  /** True while a cross-fade is running. */
  get isBlending(): boolean {
    return this.elapsed < this.blendSeconds;
  }

  /** Starts blending to `expression` at `intensity` (0..1). */
  set(expression: Expression, intensity = 1): void {
    if (expression === this.currentExpression && intensity === this.intensity) return;
    this.from = new Map(CONTROLLED.map((n) => [n, this.weightOf(n)]));
    const preset = EXPRESSION_PRESETS[expression].find((n) => this.face.has(n));
    this.to = new Map(CONTROLLED.map((n) => [n, n === preset ? Math.min(1, Math.max(0, intensity)) : 0]));
    this.currentExpression = expression;
    this.intensity = intensity;
    this.elapsed = 0;
  }

  /** Advances the cross-fade and writes the weights to the face. */
  update(dt: number): void {
    this.elapsed += dt;
    for (const name of CONTROLLED) this.face.set(name, this.weightOf(name));
  }

  /** Returns to neutral immediately (for a character switch). */
  reset(): void {
    this.from.clear();
    this.to.clear();
    this.currentExpression = 'neutral';
    this.elapsed = Infinity;
    for (const name of CONTROLLED) this.face.set(name, 0);
  }

  dispose(): void {
    this.reset();
  }

  private weightOf(name: string): number {
    const to = this.to.get(name) ?? 0;
    if (this.elapsed >= this.blendSeconds) return to;
    const from = this.from.get(name) ?? 0;
    return from + (to - from) * easeInOut(this.elapsed / this.blendSeconds);
  }
}
