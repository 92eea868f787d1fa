import type { Language } from '../turn';
import type { SpokenSentence } from './speechSegmenter';

/** Failures where "ask me again in a moment" is the honest advice. */
const BUSY = /rate_limited|server|timeout|connection/;

const LINES: Record<Language, { busy: string; other: string }> = {
  en: {
    busy: 'Sorry, my thoughts are a little slow right now. Could you ask me again in a moment?',
    other: 'Sorry, I lost my train of thought. Could you say that again?',
  },
  ja: {
    busy: 'ごめんなさい、いま少し調子が悪いみたいです。少ししてから、もう一度聞いてください。',
    other: 'ごめんなさい、考えがまとまりませんでした。もう一度言ってもらえますか？',
  },
};

const DEFLECTIONS: Record<Language, string> = {
  en: "Hmm, I'd rather not say that. Let's talk about something else!",
  ja: 'うーん、それは言わないでおきますね。別のお話をしましょう！',
};

/** Spoken instead of a sentence the moderator flagged, so the reply goes on without it. */
export function deflectionFor(language: Language): SpokenSentence {
  return { text: DEFLECTIONS[language], expression: 'neutral' };
}

/** The in-character line spoken when a turn fails, so nobody is left waiting in silence. */
export function apologyFor(language: Language, errorCode: string): SpokenSentence {
  const lines = LINES[language];
  return { text: BUSY.test(errorCode) ? lines.busy : lines.other, expression: 'sad', gesture: 'bow' };
}
