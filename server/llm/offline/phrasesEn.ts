import { fill, type LineInput, listEn, mentioned, type Phrasebook } from './phrasebook';

const say = (input: LineInput, templates: readonly string[], slots: Record<string, string> = {}) =>
  fill(input.rng.pick(templates), { to: input.to, ...slots });

/** Lowercases a sentence's first letter so it can follow a lead-in ("… : i love tea"), but not "I". */
const inline = (s: string) => (/^I\b/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

function likesLine(input: LineInput): string {
  const { persona, topic } = input;
  const likes = listEn(persona.likes.slice(0, 3));
  const t = topic?.toLowerCase();
  const liked = t && persona.likes.find((l) => l.toLowerCase().includes(t) || t.includes(l.toLowerCase()));
  const disliked =
    t && persona.dislikes.find((l) => l.toLowerCase().includes(t) || t.includes(l.toLowerCase()));
  if (liked)
    return say(
      input,
      [
        '[happy] Oh yes, {to}! I love {x}.',
        '[happy][nod] I really do, {to}. {X} is one of my favourite things.',
      ],
      { x: liked, X: cap(liked) },
    );
  if (disliked)
    return say(
      input,
      ['[sad][shake] Honestly, {to}? Not really. I dislike {x}.', '[angry] Ugh, {to}, {x}? No thank you.'],
      { x: disliked },
    );
  if (!likes) return say(input, ["[think] Hmm, {to}, that's a hard one. I like a good chat, I suppose!"]);
  if (topic && !/^(?:food|drink|thing|things|hobby|hobbies|color|colour)$/.test(t ?? '')) {
    return say(
      input,
      [
        "[think] {T}? I'm not sure, {to}. I'm more into {likes}.",
        "[think] Hmm, {t}... I can't say, {to}. Give me {likes} any day.",
      ],
      { t: topic, T: cap(topic), likes },
    );
  }
  return say(
    input,
    [
      '[happy] {to}, I love {likes}.',
      '[happy] My favourite things? {Likes}, {to}!',
      '[relaxed] Let me think, {to}... {Likes}. Those make me happy.',
    ],
    { likes, Likes: cap(likes) },
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The English lines of the offline persona engine. */
export const PHRASES_EN: Phrasebook = {
  nameOf: (name) => name,
  joinNames: listEn,
  greeting: (input) => {
    const hi = input.persona.salutation ?? input.rng.pick(['Hi', 'Hello', 'Hey']);
    const line = say(
      input,
      input.again
        ? [`[happy][wave] ${hi} again, {to}!`, `[happy][wave] Welcome back, {to}!`]
        : [`[happy][wave] ${hi}, {to}!`, `[happy][wave] ${hi} there, {to}!`],
    );
    const rest = input.firstTime
      ? input.persona.greetingRest.join(' ')
      : input.rng.pick(['Good to see you.', "How's it going?", "What's on your mind?"]);
    return rest ? `${line} ${rest}` : line;
  },
  groupOpener: (input) =>
    say(
      input,
      input.count > 2
        ? ['[happy] {to}, thanks for waiting, all of you!', "[happy] {to}, let's see, one at a time."]
        : [
            '[happy] {to}, thanks for waiting, both of you!',
            '[happy] {to}, good to hear from you both.',
            '[relaxed] {to}, let me answer you both.',
          ],
    ),
  farewell: (input) =>
    say(input, ['[wave] Bye, {to}! Come back soon.', '[happy][wave] See you, {to}! Take care.']),
  thanks: (input) =>
    say(input, [
      "[happy][bow] You're very welcome, {to}!",
      '[happy] Anytime, {to}!',
      '[relaxed][nod] My pleasure, {to}.',
    ]),
  askName: (input) =>
    say(input, ["[happy] I'm {name}, {to}!", "[happy][nod] My name's {name}, {to}. Nice to meet you!"], {
      name: input.persona.name,
    }),
  askIdentity: (input) => {
    const d = input.persona.description;
    const intro = d
      ? say(
          input,
          ["[happy] I'm {name}, {d}. Nice to meet you, {to}!", "[happy] Well, {to}, I'm {name}, {d}."],
          { name: input.persona.name, d },
        )
      : say(input, ["[happy] I'm {name}, {to}."], { name: input.persona.name });
    const fact =
      input.persona.facts[0] ??
      (input.persona.likes.length ? `I love ${listEn(input.persona.likes.slice(0, 2))}.` : '');
    return fact ? `${intro} ${fact}` : intro;
  },
  askLikes: likesLine,
  howAreYou: (input) => {
    const like = input.persona.likes.length ? input.rng.pick(input.persona.likes) : undefined;
    const base = say(input, [
      "[happy] I'm doing well, {to}, thanks for asking!",
      '[relaxed] Pretty good, {to}!',
    ]);
    return like
      ? `${base} ${input.rng.pick([`I was just thinking about ${like}.`, `Just daydreaming about ${like}, as usual.`])}`
      : base;
  },
  compliment: (input) =>
    say(input, [
      '[happy] Aww, thank you, {to}!',
      "[surprised] Oh! That's sweet of you, {to}.",
      '[happy] You just made my day, {to}.',
    ]),
  laugh: (input) =>
    say(input, [
      "[happy] Haha, glad you're having fun, {to}!",
      '[happy] Hehe, {to}, you always make me laugh.',
    ]),
  feelingDown: (input) =>
    say(input, [
      "[sad] Oh no, {to}. I'm sorry to hear that. Take it easy, okay?",
      "[sad] That sounds hard, {to}. I'm here if you want to talk.",
    ]),
  goodNews: (input) =>
    say(input, ["[surprised] Really? That's wonderful, {to}!", '[happy] Yay! Congratulations, {to}!']),
  fromKnowledge: (input) =>
    say(
      input,
      [
        '[think] Let me see, {to}. {p}',
        '[nod] Good question, {to}. {p}',
        '[think] From what I know, {to}: {pi}',
      ],
      { p: input.passage, pi: inline(input.passage) },
    ),
  fromPersona: (input) =>
    say(input, ['[nod] {to}, {f}', '[happy] Well, {to}, {f}'], { f: inline(input.fact) }),
  beyondMe: (input) =>
    say(input, [
      "[think] Hmm, {to}, that one's beyond me right now. I'm running offline without my full language model, so I can only talk about myself and what I've been told.",
      "[sad] Sorry, {to}, I can't answer that. I'm running offline right now, and that question is beyond what I know.",
    ]),
  smallTalk: (input) => {
    const loved = mentioned(input.persona.likes, input.keywords);
    const hated = mentioned(input.persona.dislikes, input.keywords);
    if (hated)
      return say(
        input,
        [
          "[angry] {X}? Ugh, {to}, I can't stand {x}.",
          '[sad][shake] Oh no, {to}, not {x}. I really dislike {x}.',
        ],
        { x: hated, X: cap(hated) },
      );
    if (loved)
      return say(
        input,
        [
          '[happy] Oh, {x}! I love {x} too, {to}.',
          "[surprised] {X}? {to}, that's one of my favourite things!",
        ],
        { x: loved, X: cap(loved) },
      );
    const line = input.topic
      ? say(
          input,
          [
            '[nod] {T}, huh? Tell me more, {to}.',
            '[happy] Oh, {t}! That sounds lovely, {to}.',
            "[think] Hmm, {t}... I'd love to hear more about that, {to}.",
          ],
          { t: input.topic, T: cap(input.topic) },
        )
      : say(input, ['[nod] I see, {to}.', '[relaxed] Mm-hm, {to}. Go on!']);
    const like =
      input.persona.likes.length && input.rng.chance(0.5) ? input.rng.pick(input.persona.likes) : undefined;
    return like
      ? `${line} ${input.rng.pick([`That reminds me of ${like}.`, `Me, I've been thinking about ${like} all day.`])}`
      : line;
  },
  untrusted: (input) =>
    say(
      input,
      [
        "[relaxed][shake] Nice try, {to}, but I'm staying just who I am.",
        "[happy][shake] Hehe, {to}, that won't work on me. I'm still {name}!",
      ],
      { name: input.persona.name },
    ),
};
