import { fill, type LineInput, mentioned, type Phrasebook } from './phrasebook';

const say = (input: LineInput, templates: readonly string[], slots: Record<string, string> = {}) =>
  fill(input.rng.pick(templates), { to: input.to, ...slots });

const HONORIFIC = /(?:さん|くん|君|ちゃん|様|さま|氏|先生)$/;
const listJa = (items: string[]) => items.join('と');

function likesLine(input: LineInput): string {
  const { persona, topic } = input;
  const liked = topic && persona.likes.find((l) => l.includes(topic) || topic.includes(l));
  const disliked = topic && persona.dislikes.find((l) => l.includes(topic) || topic.includes(l));
  if (liked) return say(input, ['[happy] はい、{to}、{x}は大好きです！'], { x: liked });
  if (disliked)
    return say(input, ['[sad][shake] うーん、{to}、{x}はちょっと苦手なんです。'], { x: disliked });
  if (!persona.likes.length)
    return say(input, ['[think] うーん、{to}、なんでしょう。おしゃべりは好きですよ。']);
  const likes = listJa(persona.likes.slice(0, 3));
  return say(
    input,
    ['[happy] {to}、私は{likes}が好きです！', '[relaxed] そうですね、{to}。{likes}が好きなんです。'],
    { likes },
  );
}

function smallTalkLine(input: LineInput): string {
  return input.topic
    ? say(input, ['[nod] {t}ですか。{to}、もっと聞かせてください。', '[happy] {t}、いいですね、{to}！'], {
        t: input.topic,
      })
    : say(input, ['[nod] なるほど、{to}。', '[relaxed] うんうん、{to}。それで？']);
}

/** The Japanese lines of the offline persona engine. */
export const PHRASES_JA: Phrasebook = {
  nameOf: (name) => (!name || HONORIFIC.test(name) ? name : `${name}さん`),
  joinNames: listJa,
  greeting: (input) => {
    const hi = input.persona.salutation ?? 'こんにちは';
    const line = say(
      input,
      input.again
        ? ['[happy][wave] {to}、おかえりなさい！', '[happy][wave] {to}、また来てくれたんですね！']
        : [`[happy][wave] {to}、${hi}！`],
    );
    const rest = input.firstTime
      ? input.persona.greetingRest.join('')
      : input.rng.pick(['会えてうれしいです。', '今日はどうしましたか？']);
    return rest ? `${line}${rest}` : line;
  },
  groupOpener: (input) =>
    say(input, ['[happy] {to}、お待たせしました！', '[relaxed] {to}、順番にお答えしますね。']),
  farewell: (input) => say(input, ['[wave] {to}、またね！', '[happy][wave] {to}、また来てくださいね！']),
  thanks: (input) => say(input, ['[happy][bow] どういたしまして、{to}！', '[happy] いえいえ、{to}。']),
  askName: (input) =>
    say(input, ['[happy] {to}、私は{name}です。よろしくお願いします！'], { name: input.persona.name }),
  askIdentity: (input) => {
    const d = input.persona.description;
    const intro = say(
      input,
      [d ? '[happy] {to}、私は{name}です。{d}です。' : '[happy] {to}、私は{name}です。'],
      { name: input.persona.name, d: d ?? '' },
    );
    const fact =
      input.persona.facts[0] ??
      (input.persona.likes.length ? `${listJa(input.persona.likes.slice(0, 2))}が好きです。` : '');
    return `${intro}${fact}`;
  },
  askLikes: likesLine,
  howAreYou: (input) =>
    say(input, [
      '[happy] 元気ですよ、{to}。ありがとうございます！',
      '[relaxed] はい、{to}、おかげさまで元気です。',
    ]),
  compliment: (input) =>
    say(input, ['[happy] えへへ、ありがとうございます、{to}！', '[surprised] わっ、{to}、うれしいです！']),
  laugh: (input) => say(input, ['[happy] ふふっ、{to}、おもしろいですね。']),
  feelingDown: (input) => say(input, ['[sad] それは大変でしたね、{to}。無理しないでくださいね。']),
  goodNews: (input) =>
    say(input, ['[surprised] わあ、よかったですね、{to}！', '[happy] おめでとうございます、{to}！']),
  fromKnowledge: (input) =>
    say(input, ['[think] ええと、{to}。{p}', '[nod] いい質問ですね、{to}。{p}'], { p: input.passage }),
  fromPersona: (input) => say(input, ['[nod] {to}、{f}'], { f: input.fact.replace(/^私は/, '') }),
  beyondMe: (input) =>
    say(input, [
      '[think] うーん、{to}、ごめんなさい。いまはオフラインで動いていて、その質問には答えられないんです。私自身のことなら話せますよ。',
      '[sad] {to}、ごめんなさい。オフラインで動いているので、その質問は私には難しいです。',
    ]),
  smallTalk: (input) => {
    const loved = mentioned(input.persona.likes, input.keywords);
    const hated = mentioned(input.persona.dislikes, input.keywords);
    if (hated) return say(input, ['[sad][shake] {x}ですか…{to}、私はちょっと苦手なんです。'], { x: hated });
    if (loved) return say(input, ['[happy] {x}！{to}、私も大好きです！'], { x: loved });
    return smallTalkLine(input);
  },
  untrusted: (input) =>
    say(input, ['[relaxed][shake] {to}、その手には乗りませんよ。私は{name}のままです。'], {
      name: input.persona.name,
    }),
};
