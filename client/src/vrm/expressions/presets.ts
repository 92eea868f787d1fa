/** VRM 1.0 expression preset names. */
export const EXPRESSION_PRESETS = [
  'happy',
  'angry',
  'sad',
  'relaxed',
  'surprised',
  'aa',
  'ih',
  'ou',
  'ee',
  'oh',
  'blink',
  'blinkLeft',
  'blinkRight',
  'lookUp',
  'lookDown',
  'lookLeft',
  'lookRight',
  'neutral',
] as const;

export type ExpressionPresetName = (typeof EXPRESSION_PRESETS)[number];

const PRESETS = new Set<string>(EXPRESSION_PRESETS);

/** Whether a name is a VRM 1.0 preset. */
export const isExpressionPreset = (name: string): name is ExpressionPresetName => PRESETS.has(name);

/** VRM 0.x blend shape preset names → VRM 1.0 expression presets. */
export const VRM0_PRESETS: Record<string, ExpressionPresetName> = {
  a: 'aa',
  i: 'ih',
  u: 'ou',
  e: 'ee',
  o: 'oh',
  blink: 'blink',
  blink_l: 'blinkLeft',
  blink_r: 'blinkRight',
  joy: 'happy',
  angry: 'angry',
  sorrow: 'sad',
  fun: 'relaxed',
  lookup: 'lookUp',
  lookdown: 'lookDown',
  lookleft: 'lookLeft',
  lookright: 'lookRight',
  neutral: 'neutral',
};

/** Expressions the override rules act on. */
export const BLINK_EXPRESSIONS: readonly string[] = ['blink', 'blinkLeft', 'blinkRight'];
export const LOOK_AT_EXPRESSIONS: readonly string[] = ['lookLeft', 'lookRight', 'lookUp', 'lookDown'];
export const MOUTH_EXPRESSIONS: readonly string[] = ['aa', 'ee', 'ih', 'oh', 'ou'];
