/**
 * Cuts a reply into pieces the size of LLM tokens: words with their leading space, tags in
 * three pieces ("[", "happy", "]") as real models emit them, and 1–3 characters of Japanese.
 */
export function streamTokens(text: string, pick: (min: number, max: number) => number): string[] {
  const out: string[] = [];
  for (const piece of text.match(/\[[^\]]*\]|\s*[^\s[]+|\s+/g) ?? []) {
    if (piece.startsWith('[')) out.push('[', piece.slice(1, -1), ']');
    else if (/[\u3000-\u9fff\uff00-\uffef]/.test(piece)) out.push(...cjkPieces(piece, pick));
    else out.push(piece);
  }
  return out;
}

function cjkPieces(text: string, pick: (min: number, max: number) => number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length;) {
    const n = pick(1, 3);
    out.push(chars.slice(i, i + n).join(''));
    i += n;
  }
  return out;
}
