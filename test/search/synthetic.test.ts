import { createSearchIndex } from '../../src/search/engine';
import { generateCorpus, generateQueries, toMarkdownFiles } from '../../src/search/synthetic';

describe('synthetic corpus (bench input)', () => {
  it('is deterministic for a seed and has articles of 20 sentences', () => {
    const a = generateCorpus({ articles: 5, seed: 9, inventedWords: 500 });
    const b = generateCorpus({ articles: 5, seed: 9, inventedWords: 500 });
    expect(a.knowledge).toEqual(b.knowledge);
    expect(a.knowledge.passages).toHaveLength(100);
    expect(generateCorpus({ articles: 5, seed: 10, inventedWords: 500 }).knowledge.passages[0]!.text).not.toBe(a.knowledge.passages[0]!.text);
    expect(toMarkdownFiles(a.knowledge)[0]!.content).toMatch(/^---\ntitle: ".+"\nlanguage: (it|en)\n---\n/);
  });
});

describe('the engine over 4,000 generated passages (bucketed typo correction)', () => {
  const { knowledge, vocabulary } = generateCorpus({ articles: 200, seed: 11, inventedWords: 8000 });
  const index = createSearchIndex(knowledge);

  it('indexes every passage a fact does not quote, and a large vocabulary', () => {
    expect(index.stats.passages + index.stats.skippedPassages).toBe(4000);
    expect(index.stats.vocabulary).toBeGreaterThan(1000);
  });

  it('finds a rare word, the same word mistyped, and nothing for an off-topic question', () => {
    const rare = vocabulary.slice(2000).find((word) => word.length >= 7 && /^[a-z]+$/.test(word) && index.search(word).length > 0)!;
    const top = index.search(rare)[0]!;
    const typo = rare.slice(0, 3) + rare[4] + rare[3] + rare.slice(5);
    expect(index.search(typo)[0]?.id).toBe(top.id);
    expect(index.search('bitcoin price')).toEqual([]);
  });

  it('answers every generated query without error, scores finite and sorted', () => {
    for (const query of generateQueries(vocabulary, 120, 3)) {
      const hits = index.search(query);
      hits.forEach((hit, i) => {
        expect(Number.isFinite(hit.score)).toBe(true);
        if (i > 0) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hit.score);
      });
    }
  });
});
