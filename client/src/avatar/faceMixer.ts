import type { MorphTarget } from '@babylonjs/core/Morph/morphTarget';
import type { Avatar } from '../scene';

/** Expression names (canonical, see ExpressionDef.name) of emotions that take over the face. */
const EMOTIONS = ['joy', 'angry', 'sorrow', 'fun', 'surprised'] as const;
const VOWELS = ['a', 'i', 'u', 'e', 'o'] as const;
const BLINKS = ['blink', 'blink_l', 'blink_r'] as const;

/**
 * Sums expression weights into morph-target influences once per frame. Controllers `set` the
 * expressions they own; `apply` writes every bound morph target (so several expressions that
 * touch one target add up instead of overwriting each other, unlike babylon-vrm-loader's
 * `morphing`). Two rules keep faces sane: emotions damp the vowels a little, and smiling
 * (joy, which closes the eyes on most VRM 0.x models) suppresses blinking.
 */
export class FaceMixer {
  private readonly values = new Map<string, number>();
  private readonly targets = new Map<MorphTarget, number>();

  constructor(private readonly avatar: Avatar) {
    for (const binding of avatar.expressions.values())
      for (const b of binding.binds) this.targets.set(b.target, 0);
  }

  /** Whether the avatar has this expression (with at least one bind or a preset entry). */
  has(name: string): boolean {
    return this.avatar.expressions.has(name);
  }

  /** Sets an expression's weight (0..1) for this frame and the next ones. */
  set(name: string, value: number): void {
    this.values.set(name, Math.min(1, Math.max(0, value)));
  }

  /** The weight last set for an expression (0 when never set). */
  get(name: string): number {
    return this.values.get(name) ?? 0;
  }

  /** The weight actually applied to an expression after the mixing rules. */
  effective(name: string): number {
    const v = this.get(name);
    if ((VOWELS as readonly string[]).includes(name)) return v * (1 - 0.3 * this.emotion());
    if ((BLINKS as readonly string[]).includes(name))
      return v * (1 - Math.min(1, this.get('joy') + 0.5 * this.get('fun')));
    return v;
  }

  /** Writes all morph-target influences. */
  apply(): void {
    for (const target of this.targets.keys()) this.targets.set(target, 0);
    for (const [name, binding] of this.avatar.expressions) {
      let value = this.effective(name);
      if (binding.isBinary) value = value > 0.5 ? 1 : 0;
      if (value <= 0) continue;
      for (const b of binding.binds)
        this.targets.set(b.target, (this.targets.get(b.target) ?? 0) + value * b.weight);
    }
    for (const [target, influence] of this.targets) target.influence = Math.min(1, Math.max(0, influence));
  }

  /** Sets every weight to 0 and applies. */
  clear(): void {
    this.values.clear();
    this.apply();
  }

  private emotion(): number {
    let e = 0;
    for (const name of EMOTIONS) e = Math.max(e, this.get(name));
    return e;
  }
}
