import { describe, expect, it } from 'vitest';
import { espeakArgs, espeakSafeText, espeakVoice } from './espeakArgs';

describe('eSpeak arguments', () => {
  it("picks the language voice and keeps the character's variant or English accent", () => {
    expect(espeakVoice('en', undefined)).toBe('en-us');
    expect(espeakVoice('en', 'en-us+f3')).toBe('en-us+f3');
    expect(espeakVoice('en', 'en-gb')).toBe('en-gb');
    expect(espeakVoice('ja', 'en-us+f3')).toBe('ja+f3');
    expect(espeakVoice('en', 'alloy')).toBe('en-us');
  });

  it("scales pitch and speed from 1 = default, within eSpeak's ranges", () => {
    expect(espeakArgs('en', {}, false)).toEqual(['-v', 'en-us', '-p', '50', '-s', '175']);
    expect(espeakArgs('en', { pitch: 1.5, speed: 1.2 }, true)).toEqual([
      '-v',
      'en-us',
      '-p',
      '75',
      '-s',
      '210',
      '--ipa',
    ]);
    expect(espeakArgs('en', { pitch: 9, speed: 0.1 }, false)).toEqual([
      '-v',
      'en-us',
      '-p',
      '99',
      '-s',
      '80',
    ]);
  });

  it('never lets spoken text switch eSpeak into raw phoneme input', () => {
    expect(espeakSafeText("say [[h@l'oU]] now")).toBe("say h@l'oU now");
  });

  it('leaves kanji out of Japanese rather than have eSpeak say "Chinese letter"', () => {
    expect(espeakSafeText('今日は いい 天気 ですね', 'ja')).toBe('、は いい 、 ですね');
    expect(espeakSafeText('日本 English', 'en')).toBe('日本 English');
  });
});
