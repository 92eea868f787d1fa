/**
 * Sentences for the voice stage's calibration, tuning and measurement, kept apart so that
 * figures are reported on text the analysis was never tuned on.
 */

/** Used only by voiceCalibration.ts to derive the vowel templates (eSpeak, one voice). */
export const CALIBRATION_SENTENCES_EN = [
  'Good morning, everybody. It is a lovely day for a walk in the park.',
  'The children were laughing at the silly cartoon on the television.',
  'Could you pass me the salt and pepper, please?',
  'We drove all the way to the coast and watched the waves roll in.',
  'My brother bought a new bicycle with bright red wheels.',
  'I usually drink a cup of tea before going to bed.',
  'The train to the city leaves at half past seven every evening.',
  'Nobody knew where the old man had hidden the golden key.',
  'Put the books back on the shelf when you are done reading.',
  'Her voice was soft, but everyone in the room could hear it.',
  'Turn left at the bakery, then walk straight until you see the bridge.',
  'Autumn leaves fall slowly from the tall oak trees.',
  'Do you remember the name of that little hotel by the lake?',
  'He looked at the map again and shook his head.',
  'A thousand stars were shining above the quiet village.',
  'Please wait here while I check the schedule.',
  'Music makes everything feel a little bit better.',
  'The cat jumped onto the window and stared at the birds outside.',
  'You should try the soup; it is really good today.',
  'Our team worked hard, and in the end we won the game.',
];

/** Used only by voiceCalibration.ts (kana: the vowels are known from the text). */
export const CALIBRATION_SENTENCES_JA = [
  'おはようございます。きょうは いい てんき ですね。',
  'わたしは まいにち こうえんで さんぽを します。',
  'この りんごは とても あまくて おいしい です。',
  'あしたの あさ、えきの まえで あいましょう。',
  'ねこが まどの そとを じっと みています。',
  'すみません、この みちは どこへ いきますか？',
];

/** What the analysis was tuned on (flite and eSpeak); figures here are optimistic. */
export const DEVELOPMENT_SENTENCES_EN = [
  'Hello there, how are you today? I am fine, thank you.',
  'The quick brown fox jumps over the lazy dog.',
  'Would you like to see the old castle on the hill before it gets dark?',
  'I think we should meet again tomorrow morning, around nine.',
  'She sells sea shells by the sea shore, and the shells are very pretty.',
  'My favourite food is pizza, but I also love noodles and fresh fruit.',
  'Please speak slowly. Everyone is listening to your story.',
  'Boots, book, bought, bat, but, bet, bait, beat, bit, boat.',
];

/** Held out: never used while tuning. The tests and the reported figures use these. */
export const TEST_SENTENCES_EN = [
  'Welcome back! I missed you while you were away.',
  'Let me think about that for a moment, then I will answer.',
  'The weather is getting colder, so bring a warm coat.',
  'Thank you all for coming to the show tonight.',
  'Which one do you prefer, the blue dress or the green one?',
  'Honestly, I have no idea what happened after that.',
];

/** Held out Japanese (kana) for the speed benchmark and smoke checks. */
export const TEST_SENTENCES_JA = [
  'みなさん、こんにちは。きょうも よろしく おねがいします。',
  'それは とても おもしろい しつもん ですね。',
  'ちょっと まって ください、いま かんがえて います。',
];
