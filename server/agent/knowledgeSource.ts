/**
 * Where the agent looks up a character's knowledge-base passages for a turn. A later issue
 * backs it with the vector store; the agent only needs this one call.
 */
export interface KnowledgeSource {
  /** Up to `k` passages relevant to `query`, best first; empty when nothing fits. */
  search(characterId: string, query: string, k: number): Promise<string[]>;
}

/** A knowledge source over fixed passages per character, ranked by shared words (tests, demos). */
export function staticKnowledge(passages: Record<string, string[]>): KnowledgeSource {
  return {
    async search(characterId, query, k) {
      const words = new Set(query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
      const scored = (passages[characterId] ?? [])
        .map((p) => ({
          p,
          score: (p.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((w) => words.has(w)).length,
        }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score);
      return scored.slice(0, k).map((x) => x.p);
    },
  };
}
