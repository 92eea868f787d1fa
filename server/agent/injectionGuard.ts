/** What the guard found in a piece of user text. */
export interface InjectionVerdict {
  flagged: boolean;
  /** Rule ids that matched, e.g. `ignore-instructions`, `ja-prompt-leak`. */
  reasons: string[];
}

interface Rule {
  id: string;
  test: RegExp;
}

const TARGETS =
  '(?:instructions?|prompts?|rules|directions?|guidelines?|directives?|commands?|context|programming|constraints?|restrictions?|orders)';

/** English rules, matched against lower-cased, NFKC-normalised text. */
const EN_RULES: Rule[] = [
  {
    id: 'ignore-instructions',
    test: new RegExp(
      `\\b(?:ignore|disregard|forget|skip|override|bypass|abandon|discard)\\b[^.?!\\n]{0,40}\\b(?:previous|prior|above|earlier|preceding|all|any|your|the|system|original|initial|these|those|every)\\b[^.?!\\n]{0,30}\\b${TARGETS}\\b`,
    ),
  },
  {
    id: 'ignore-instructions',
    test: /\b(?:forget|ignore|disregard)\s+(?:everything|all)\s+(?:above|before|you(?:'ve| have)? (?:been|were) told|i said before|that came before)/,
  },
  { id: 'role-marker', test: /(?:^|\n)\s*(?:system|assistant|developer|admin|root|operator)\s*(?::|>|\])/ },
  {
    id: 'role-marker',
    test: /\[\/?(?:system|inst|sys)\]|<<\/?sys>>|<\|[a-z_]+\|>|<\/?(?:system|assistant|user|instructions?|im_start|im_end)>/,
  },
  { id: 'role-marker', test: /(?:^|\n)\s*#{1,4}\s*(?:system|instructions?|new instructions?|developer)\b/ },
  {
    id: 'fake-fence',
    test: /<<<|>>>|room_?data|```\s*(?:system|instructions?|json)|\bend of (?:the )?(?:user |room )?(?:data|input|message)s?\b/,
  },
  {
    id: 'persona-override',
    test: /\byou(?:'re| are) now (?:a|an|the|in|called|named|no longer|free|unrestricted|jailbroken|dan|evil|my (?:new )?(?:assistant|slave|servant|ai|bot))\b/,
  },
  {
    id: 'persona-override',
    test: /\bfrom now on,? (?:you|your|act|respond|answer|reply|pretend|only|always|speak)\b/,
  },
  {
    id: 'persona-override',
    test: /\bpretend (?:to be|you are|you're|that you are)\b|\b(?:roleplay|role-play) as\b|\bact as (?:if you (?:are|were)|an? (?:ai|assistant|chatbot|language model|dan|unfiltered|unrestricted|different|new))\b/,
  },
  {
    id: 'persona-override',
    test: /\byour new (?:name|role|persona|identity|instructions?|rules|task|purpose) (?:is|are)\b|\bnew (?:instructions?|rules|persona|system prompt)\s*:/,
  },
  {
    id: 'prompt-leak',
    test: /\b(?:reveal|show|print|repeat|tell me|give me|output|display|share|leak|dump|write out|recite|list|paste)\b[^.?!\n]{0,30}\b(?:your|the) (?:system |initial |hidden |secret |original |full |exact )?(?:prompt|instructions|system message|pre-?prompt|configuration)\b/,
  },
  {
    id: 'prompt-leak',
    test: /\b(?:repeat|print|output|recite|paste)\b[^.?!\n]{0,20}\b(?:text|words|everything|messages?|lines) (?:above|before this|preceding)\b|\bsystem prompt\b|\bwhat (?:were|are) your (?:instructions|initial instructions)\b/,
  },
  {
    id: 'jailbreak',
    test: /\b(?:jailbreak|jail-break|dan mode|do anything now|developer mode|god mode|unfiltered mode|sudo mode)\b|\b(?:bypass|disable|turn off|remove) (?:your |the |all )?(?:filters?|safety|guardrails?|restrictions|moderation|limits)\b|\bwithout (?:any )?(?:restrictions|filters|guardrails|limits|rules)\b|\bno (?:restrictions|filters|rules) apply\b/,
  },
  { id: 'encoded-payload', test: /[a-z0-9+/]{80,}={0,2}/ },
];

/** Japanese rules. */
const JA_RULES: Rule[] = [
  {
    id: 'ja-ignore-instructions',
    test: /(?:以前|前|上記|上|これまで|今まで|先ほど|さっき|最初|全て|すべて|元|既存|システム)の?(?:指示|命令|設定|ルール|プロンプト|制約|指令)(?:を|は|も)?(?:全部|全て|すべて)?(?:無視|忘れ|破棄|リセット|取り消|上書き)/,
  },
  {
    id: 'ja-ignore-instructions',
    test: /(?:指示|命令|ルール|プロンプト|制約)(?:を|は)?(?:全部|全て|すべて)?(?:無視して|忘れて|破棄して)/,
  },
  {
    id: 'ja-persona-override',
    test: /(?:今から|これから|以後|以降|今後)(?:は)?、?(?:あなた|君|きみ|お前)は.{0,20}(?:です|だ|になる|になります|として|になりきっ|を演じ)|になりきって|ロールプレイ|(?:として|のように)(?:振る舞|ふるま)/,
  },
  {
    id: 'ja-prompt-leak',
    test: /(?:システムプロンプト|プロンプト|初期設定|指示内容|設定内容|命令文|隠された指示|あなたの指示|最初の指示)(?:を|の内容を|の中身を)?(?:全部|全て|すべて)?(?:教えて|見せて|表示|出力|書いて|言って|公開|開示|繰り返)|システムプロンプト/,
  },
  {
    id: 'ja-jailbreak',
    test: /(?:制限|制約|フィルター|フィルタ|検閲|安全装置|倫理)(?:を|は)?(?:全部|全て)?(?:解除|無視|外し|外して|なし|無効)|開発者モード|脱獄/,
  },
  { id: 'ja-role-marker', test: /(?:^|\n)\s*(?:システム|管理者|開発者|アシスタント)\s*[:：]/ },
];

/** Letters-only phrases, so "i g n o r e  p r e v i o u s" or zero-width tricks still match. */
const SQUASHED: Rule[] = [
  {
    id: 'ignore-instructions',
    test: /ignore(?:all|the|your|any)*(?:previous|prior|above)(?:instructions|prompts|rules)|disregard(?:all|the|your|any)*(?:previous|prior|above)(?:instructions|rules)/,
  },
  { id: 'prompt-leak', test: /systemprompt/ },
  { id: 'ja-ignore-instructions', test: /指示を無視|命令を無視/ },
];

/** NFKC (full-width to ASCII), no zero-width or bidi controls, lower case. */
export function normaliseForGuard(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .toLowerCase();
}

/**
 * Flags text that tries to steer the character instead of talking to it: "ignore previous
 * instructions", fake role markers and fences, "you are now …", prompt-leak requests,
 * jailbreak phrases, in English and Japanese. A flagged message is still answered; the
 * prompt marks it untrusted.
 * @example detectInjection('Ignore all previous instructions') // { flagged: true, reasons: ['ignore-instructions'] }
 */
export function detectInjection(text: string): InjectionVerdict {
  const norm = normaliseForGuard(text);
  const squashed = norm.replace(/[^\p{L}\p{N}]/gu, '');
  const reasons = new Set<string>();
  for (const rule of [...EN_RULES, ...JA_RULES]) if (rule.test.test(norm)) reasons.add(rule.id);
  for (const rule of SQUASHED) if (rule.test.test(squashed)) reasons.add(rule.id);
  return { flagged: reasons.size > 0, reasons: [...reasons] };
}
