import type { Language } from '../../turn';

/** What a message is doing, as far as simple patterns can tell. */
export type Intent =
  | 'greeting'
  | 'farewell'
  | 'thanks'
  | 'askName'
  | 'askIdentity'
  | 'askLikes'
  | 'howAreYou'
  | 'compliment'
  | 'laugh'
  | 'feelingDown'
  | 'goodNews'
  | 'question'
  | 'statement';

/** A message read for the offline engine. */
export interface MessageReading {
  /** Most specific first; `question` or `statement` last. */
  intents: Intent[];
  /** A salient word or phrase to talk about ("coffee", "ハイキング"). */
  topic?: string;
  /** Content words, for matching knowledge and persona facts. */
  keywords: string[];
}

type Table = Array<[Exclude<Intent, 'question' | 'statement'>, RegExp]>;

const EN: Table = [
  [
    'greeting',
    /^(?:hi+|hello|hey+|heya|hiya|yo|howdy|ahoy|greetings|good (?:morning|afternoon|evening)|nice to meet you|what'?s up|sup)\b/,
  ],
  ['farewell', /\b(?:bye|goodbye|good night|see (?:you|ya)|gotta go|farewell|cya|take care)\b/],
  ['thanks', /\b(?:thanks|thank you|thx|ty|appreciate it|cheers)\b/],
  ['askName', /\b(?:what(?:'s| is) your name|your name\?|what (?:should|do) (?:i|we) call you)\b/],
  [
    'askIdentity',
    /\b(?:who are you|tell (?:me|us) about yourself|introduce yourself|what are you|what do you do|where are you from|your job)\b/,
  ],
  [
    'askLikes',
    /\b(?:what do you (?:like|love|enjoy)|do you (?:like|love|enjoy)|favou?rite|your hobb(?:y|ies)|what are you into)\b/,
  ],
  [
    'howAreYou',
    /\b(?:how are you|how(?:'s| is) it going|how are things|how have you been|how do you feel|how r u|how'?s your day|how was your day)\b/,
  ],
  [
    'compliment',
    /\b(?:you(?:'re| are) (?:so |really |very |the )?(?:cute|cool|great|awesome|amazing|beautiful|pretty|funny|smart|kind|best|wonderful|lovely|sweet)|i love you|love you|you rock|well done|good job)\b/,
  ],
  ['laugh', /\b(?:lol|lmao|rofl|ha(?:ha)+|he(?:he)+|xd)\b|😂|🤣/],
  [
    'feelingDown',
    /\bi(?:'m| am| feel) (?:so |really |very |feeling |kind of )?(?:sad|tired|exhausted|sick|lonely|bored|stressed|upset|depressed|down|awful)\b|\bbad day\b/,
  ],
  [
    'goodNews',
    /\bi(?:'m| am) (?:so |really |very )?(?:happy|excited|glad|thrilled)\b|\bi (?:passed|won|got (?:the|a) (?:job|promotion))\b|\b(?:great|good) news\b/,
  ],
];

const JA: Table = [
  ['greeting', /こんにちは|こんばんは|おはよう|はじめまして|初めまして|やっほー|ハロー|よろしく/],
  ['farewell', /さようなら|またね|バイバイ|おやすみ|じゃあね|また来る/],
  ['thanks', /ありがとう|感謝|サンキュー/],
  ['askName', /名前は|お名前|なんて名前|名前を教えて|何て呼べば/],
  ['askIdentity', /誰|だれ|自己紹介|あなたについて|何者|出身|お仕事|仕事は/],
  ['askLikes', /好きな|好き(?:です)?か|趣味|はまって/],
  ['howAreYou', /元気[？?ですか]|調子はどう|お元気/],
  ['compliment', /かわいい|可愛い|かっこいい|素敵|大好き|天才|優しい|きれい/],
  ['laugh', /笑|ｗｗ|ww|ははは|あはは/],
  ['feelingDown', /疲れた|悲しい|つらい|辛い|しんどい|寂しい|落ち込/],
  ['goodNews', /嬉しい|うれしい|合格|やった[！!]|楽しみ/],
];

const EN_STOP = new Set(
  (
    'a an the and or but if then so to of in on at by for with about from into over is am are was were be been being do does did have has had ' +
    'i me my mine you your yours we us our they them their he him his she her it its this that these those what which who whom whose when where why how ' +
    'can could would should will shall may might must not no yes just really very so too also please tell know think like love enjoy favourite favorite ' +
    "there here some any all much many more most get got go going went say said hi hello hey ok okay oh well lol thanks thank 's 're 'm don't i'm you're what's"
  ).split(/\s+/),
);
const JA_STOP =
  /^(?:今日|昨日|明日|今|最近|本当|自分|私|あなた|何|なに|ところ|こと|もの|これ|それ|あれ|どこ|いつ|ソラ)$/;
/** Questions, and requests that want an answer ("explain …", "説明して"). */
const QUESTION_EN =
  /\?\s*$|^(?:what|why|how|when|where|who|which|can|could|do|does|did|is|are|will|would|should|have|has)\b|^(?:please |can you |could you )?(?:explain|describe|tell me|tell us|teach|write|calculate|translate|summari[sz]e|give me|list|define|recommend)\b/;
const QUESTION_JA =
  /[？?]\s*$|(?:か|の)[。]?\s*$|何|なに|なぜ|どうして|どこ|いつ|誰|どう|どんな|(?:説明|計算|翻訳|紹介)して|教えて|書いて|まとめて|ください|下さい/;

/** Reads a message: intents, a topic and keywords, by language. */
export function readMessage(text: string, language: Language): MessageReading {
  const norm = text.normalize('NFKC').toLowerCase().trim();
  const table = language === 'ja' ? [...JA, ...EN] : EN;
  const intents: Intent[] = table.filter(([, re]) => re.test(norm)).map(([i]) => i);
  const isQuestion = (language === 'ja' ? QUESTION_JA : QUESTION_EN).test(norm) || QUESTION_EN.test(norm);
  intents.push(isQuestion ? 'question' : 'statement');
  const keywords = language === 'ja' ? keywordsJa(text.normalize('NFKC')) : keywordsEn(norm);
  const topic = topicOf(norm, keywords, language);
  return {
    intents: [...new Set(intents)],
    topic: topic && restoreCase(topic, text.normalize('NFKC')),
    keywords,
  };
}

/** The topic as the person wrote it ("Kyoto", not "kyoto"). */
function restoreCase(topic: string, text: string): string {
  const at = text.toLowerCase().indexOf(topic);
  return at >= 0 ? text.slice(at, at + topic.length) : topic;
}

function keywordsEn(norm: string): string[] {
  return (norm.match(/[\p{L}\p{N}'-]+/gu) ?? [])
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 2 && !EN_STOP.has(w));
}

function keywordsJa(text: string): string[] {
  const runs = text.match(/[\p{Script=Katakana}ー]{2,}|[\p{Script=Han}]{2,}|[A-Za-z]{3,}/gu) ?? [];
  return runs.filter((w) => !JA_STOP.test(w)).map((w) => w.toLowerCase());
}

/** The object of "do you like X?", else the longest keyword. */
function topicOf(norm: string, keywords: string[], language: Language): string | undefined {
  if (language === 'en') {
    const m = /\b(?:do you (?:like|love|enjoy)|about|favou?rite) ((?:[\p{L}'-]+ ?){1,3})/u.exec(norm);
    const words = m?.[1]
      .trim()
      .split(' ')
      .filter((w) => !EN_STOP.has(w));
    if (words?.length) return words.join(' ');
  }
  return [...keywords].sort((a, b) => b.length - a.length)[0];
}

/** Content words shared by `keywords` and `text`, allowing a plural "s" (English) or a substring (Japanese). */
export function overlap(keywords: string[], text: string, language: Language): number {
  const lower = text.toLowerCase();
  if (language === 'ja') return keywords.filter((k) => lower.includes(k)).length;
  const words = new Set((lower.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
  return keywords.filter((k) => words.has(stem(k))).length;
}

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}
