import { describe, expect, it } from 'vitest';
import type { CharacterProfile } from '../../turn';
import { extractPersona, firstPersonEn } from './personaFacts';

const character = (over: Partial<CharacterProfile>): CharacterProfile => ({
  id: 'c',
  name: 'Hana',
  language: 'en',
  voice: {},
  persona: '',
  greeting: '',
  ...over,
});

describe('extractPersona', () => {
  it('reads a second-person persona into first-person facts, skipping style rules', () => {
    const p = extractPersona(
      character({
        persona:
          "You are Hana, a cheerful florist from Kyoto. You love green tea, rainy days and old jazz records. You dislike loud traffic. You work at your family's flower shop. Never use bad language. You speak warmly.",
        greeting: "Hi! I'm Hana. Want to hear about today's flowers?",
      }),
    );
    expect(p).toEqual({
      name: 'Hana',
      description: 'a cheerful florist from Kyoto',
      likes: ['green tea', 'rainy days', 'old jazz records'],
      dislikes: ['loud traffic'],
      facts: ["I work at my family's flower shop."],
      salutation: 'Hi',
      greetingRest: ["I'm Hana.", "Want to hear about today's flowers?"],
    });
  });

  it('reads a third-person persona', () => {
    const p = extractPersona(
      character({
        name: 'Captain Rex',
        persona:
          'Captain Rex is a grumpy old pirate. He loves maps and strong coffee. He hates seagulls. He watches the sea every night.',
      }),
    );
    expect(p.description).toBe('a grumpy old pirate');
    expect(p.likes).toEqual(['maps', 'strong coffee']);
    expect(p.dislikes).toEqual(['seagulls']);
    expect(p.facts).toEqual(['I watch the sea every night.']);
  });

  it('reads a Japanese persona', () => {
    const p = extractPersona(
      character({
        name: 'ソラ',
        language: 'ja',
        persona:
          'あなたはソラです。静かな図書館の司書です。古い推理小説と温かいココアが好きです。雷が苦手です。',
        greeting: 'いらっしゃいませ。ソラです。',
      }),
    );
    expect(p).toMatchObject({
      description: '静かな図書館の司書',
      likes: ['古い推理小説', '温かいココア'],
      dislikes: ['雷'],
      salutation: 'いらっしゃいませ',
      greetingRest: ['ソラです。'],
    });
  });
});

describe('firstPersonEn', () => {
  it.each([
    ['You are kind to your friends.', false, "I'm kind to my friends."],
    ['She studies the stars.', true, 'I study the stars.'],
    ['He has a parrot named Polly.', true, 'I have a parrot named Polly.'],
    ['Rex watches his ship.', true, 'I watch my ship.'],
  ])('%s', (input, third, expected) => {
    expect(firstPersonEn(input, 'Captain Rex', third)).toBe(expected);
  });
});
