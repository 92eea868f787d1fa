import type { CharacterProfile, Turn, TurnMessage } from '../turn';

/** A cheerful English-speaking florist used across agent tests. */
export const HANA: CharacterProfile = {
  id: 'hana',
  name: 'Hana',
  language: 'en',
  voice: {},
  persona:
    "You are Hana, a cheerful florist from Kyoto. You love green tea, rainy days and old jazz records. You dislike loud traffic. You work at your family's flower shop near the river. Never use bad language.",
  greeting: "Hi! I'm Hana. Want to hear about today's flowers?",
};

/** A calm Japanese-speaking librarian. */
export const SORA: CharacterProfile = {
  id: 'sora',
  name: 'ソラ',
  language: 'ja',
  voice: {},
  persona: 'あなたはソラです。静かな図書館の司書です。古い推理小説と温かいココアが好きです。',
  greeting: 'いらっしゃいませ。ソラです。今日はどんな本をお探しですか？',
};

/** A grumpy English-speaking pirate, for persona contrast. */
export const REX: CharacterProfile = {
  id: 'rex',
  name: 'Captain Rex',
  language: 'en',
  voice: {},
  persona:
    'Captain Rex is a grumpy old pirate who sails the northern seas. He loves treasure maps, sea shanties and strong coffee. He hates seagulls.',
  greeting: 'Ahoy. What do you want?',
};

let n = 0;
/** A queued message from `name`. */
export function msg(name: string, text: string, extra: Partial<TurnMessage> = {}): TurnMessage {
  n++;
  return { id: `m${n}`, userId: `u-${name.toLowerCase()}`, name, text, at: 1_700_000_000_000 + n, ...extra };
}

/** A turn for `character` answering `messages`. */
export function turnOf(
  character: CharacterProfile,
  messages: TurnMessage[],
  extra: Partial<Turn> = {},
): Turn {
  return {
    turnId: `t${++n}`,
    roomId: 'room-1',
    character,
    messages,
    transcript: [],
    enqueuedAt: 1_700_000_000_000,
    ...extra,
  };
}
