import './testing/avatarScene';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Utterance } from '@shared';
import type { Avatar } from '../scene';
import { avatarScene, faceInfluence } from './testing/avatarScene';
import { FaceMixer } from './faceMixer';
import { ExpressionController } from './expressionController';
import { LipSyncPlayer } from './lipSyncPlayer';

let avatar: Avatar;
let dispose: () => void;
beforeAll(async () => {
  const s = await avatarScene('kotoha');
  avatar = s.avatar;
  dispose = s.dispose;
});
afterAll(() => dispose());

const influences = (names: string[]) => Object.fromEntries(names.map((n) => [n, faceInfluence(avatar, n)]));

describe('face mixer', () => {
  it('writes expression weights to the bound morph targets and sums layers', () => {
    const face = new FaceMixer(avatar);
    face.set('a', 0.6);
    face.set('blink', 1);
    face.apply();
    expect(influences(['A', 'Blink', 'O'])).toEqual({ A: 0.6, Blink: 1, O: 0 });
    face.set('a', 0);
    face.apply();
    expect(faceInfluence(avatar, 'A')).toBe(0);
    face.clear();
  });

  it('lets a smile suppress blinking and damps vowels under an emotion', () => {
    const face = new FaceMixer(avatar);
    face.set('joy', 1);
    face.set('blink', 1);
    face.set('a', 1);
    face.apply();
    expect(faceInfluence(avatar, 'Blink')).toBe(0);
    expect(faceInfluence(avatar, 'A')).toBeCloseTo(0.7, 5);
    face.clear();
    expect(faceInfluence(avatar, 'Joy')).toBe(0);
  });
});

describe('expression controller', () => {
  let face: FaceMixer;
  let expr: ExpressionController;
  beforeEach(() => {
    face = new FaceMixer(avatar);
    expr = new ExpressionController(face, { blendSeconds: 0.4 });
  });
  const step = (seconds: number) => {
    expr.update(seconds);
    face.apply();
  };

  it('eases from neutral to happy (Joy) and settles at full weight', () => {
    expr.set('happy');
    step(0.1);
    const early = faceInfluence(avatar, 'Joy');
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(0.5);
    step(0.1);
    expect(faceInfluence(avatar, 'Joy')).toBeCloseTo(0.5, 1);
    step(0.3);
    expect(influences(['Joy', 'Sorrow', 'Angry'])).toEqual({ Joy: 1, Sorrow: 0, Angry: 0 });
    expect(expr.isBlending).toBe(false);
  });

  it('cross-fades from one emotion to another, and maps every wire expression', () => {
    expr.set('happy');
    step(1);
    expr.set('sad');
    step(0.2);
    const mid = influences(['Joy', 'Sorrow']);
    expect(mid.Joy).toBeGreaterThan(0.2);
    expect(mid.Sorrow).toBeGreaterThan(0.2);
    for (const [expression, target] of [
      ['angry', 'Angry'],
      ['relaxed', 'Fun'],
      ['surprised', 'Surprised'],
      ['sad', 'Sorrow'],
    ] as const) {
      expr.set(expression);
      step(1);
      expect(faceInfluence(avatar, target), expression).toBe(1);
    }
    expr.set('neutral');
    step(1);
    expect(influences(['Joy', 'Sorrow', 'Angry', 'Fun', 'Surprised'])).toEqual({
      Joy: 0,
      Sorrow: 0,
      Angry: 0,
      Fun: 0,
      Surprised: 0,
    });
  });

  it('leaves the face alone for an expression the model lacks', () => {
    const lacking = new ExpressionController({
      has: () => false,
      set: (n: string, v: number) => face.set(n, v),
    } as unknown as FaceMixer);
    lacking.set('surprised');
    lacking.update(1);
    face.apply();
    expect(faceInfluence(avatar, 'Surprised')).toBe(0);
  });
});

describe('lip-sync player', () => {
  let now = 0;
  let face: FaceMixer;
  let lips: LipSyncPlayer;
  const line = (over: Partial<Utterance> = {}): Utterance => ({
    turnId: 't1',
    seq: 0,
    text: 'hello',
    expression: 'neutral',
    audioUrl: '',
    durationMs: 800,
    startAt: 10_000,
    visemes: [
      [0, 'A', 1],
      [200, 'O', 0.8],
      [400, 'I', 0.9],
      [600, 'I', 0],
    ],
    ...over,
  });
  beforeEach(() => {
    now = 0;
    face = new FaceMixer(avatar);
    lips = new LipSyncPlayer(face, () => now);
  });
  const at = (t: number, dt = 1 / 60) => {
    now = t;
    lips.update(dt);
    face.apply();
    return influences(['A', 'I', 'U', 'E', 'O']);
  };

  it('waits for the server time, then moves the right mouth shapes at the right times', () => {
    lips.play(line());
    expect(at(9_000)).toEqual({ A: 0, I: 0, U: 0, E: 0, O: 0 });
    expect(lips.isSpeaking).toBe(false);
    expect(at(10_000)).toMatchObject({ A: 1, O: 0 });
    expect(lips.isSpeaking).toBe(true);
    const between = at(10_100);
    expect(between.A).toBeCloseTo(0.5, 2);
    expect(between.O).toBeCloseTo(0.4, 2);
    expect(at(10_200)).toMatchObject({ A: 0, O: 0.8 });
    expect(at(10_400)).toMatchObject({ O: 0, I: 0.9 });
    expect(lips.weights).toMatchObject({ I: 0.9 });
  });

  it('starts a late joiner mid-sentence and closes the mouth at the end', () => {
    lips.play(line());
    expect(at(10_400).I).toBe(0.9);
    at(10_790);
    const after = at(10_900, 0.11);
    expect(Math.max(...Object.values(after))).toBeLessThan(0.05);
    expect(lips.hasPending).toBe(false);
  });

  it('closes the mouth at once on interrupt and forgets the queued lines', () => {
    lips.play(line());
    lips.play(line({ seq: 1, startAt: 10_800 }));
    expect(at(10_000).A).toBe(1);
    lips.stop();
    expect(at(10_050, 0.1).A).toBeLessThan(0.05);
    expect(at(10_250, 0.2).A).toBe(0);
    expect(at(10_900).A).toBe(0);
    expect(lips.hasPending).toBe(false);
  });

  it('stops only the interrupted turn', () => {
    lips.play(line());
    lips.play(
      line({
        turnId: 't2',
        startAt: 10_800,
        visemes: [
          [0, 'E', 1],
          [300, 'E', 1],
        ],
      }),
    );
    lips.stop('t1');
    expect(at(10_100).A).toBe(0);
    expect(at(10_900).E).toBe(1);
  });

  it('plays queued lines back to back and ignores a duplicate', () => {
    lips.play(
      line({
        seq: 1,
        startAt: 10_800,
        visemes: [
          [0, 'U', 0.7],
          [300, 'U', 0.7],
        ],
      }),
    );
    lips.play(line());
    lips.play(line());
    expect(at(10_000).A).toBe(1);
    expect(at(10_900).U).toBeCloseTo(0.7, 5);
  });

  it('falls back to the audio level driving A when a line has no viseme track', () => {
    let level = 0;
    lips.play(line({ visemes: [] }), () => level);
    expect(at(10_010).A).toBe(0);
    level = 0.8;
    for (let t = 10_020; t < 10_200; t += 16) at(t, 0.016);
    expect(faceInfluence(avatar, 'A')).toBeGreaterThan(0.6);
    expect(faceInfluence(avatar, 'O')).toBe(0);
    level = 0;
    for (let t = 10_200; t < 10_600; t += 16) at(t, 0.016);
    expect(faceInfluence(avatar, 'A')).toBeLessThan(0.05);
  });
});
