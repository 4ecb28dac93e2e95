import { allowedEdits, createTypoCorrector, editDistance } from '../../src/search/typos';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('vodafon', 'vodafone', 2)).toBe(1);
    expect(editDistance('germny', 'germany', 2)).toBe(1);
    expect(editDistance('singels', 'singles', 2)).toBe(1);
    expect(editDistance('datacentres', 'datacenters', 2)).toBe(1);
    expect(editDistance('cloud', 'cloud', 2)).toBe(0);
  });

  it('stops early past the maximum', () => {
    expect(editDistance('bitcoin', 'vodafone', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });
});

describe('allowedEdits', () => {
  it('allows no edit below 5 letters, one up to 8, two from 9', () => {
    expect([4, 5, 8, 9, 12].map(allowedEdits)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe('createTypoCorrector', () => {
  const vocabulary = new Map([
    ['vodafone', 3],
    ['germany', 5],
    ['germania', 4],
    ['singles', 2],
    ['jinping', 1],
    ['datacenters', 2],
    ['bread', 1],
    ['break', 9],
  ]);

  it.each([
    ['germny', 'germany'],
    ['singels', 'singles'],
    ['jinpin', 'jinping'],
    ['datacentres', 'datacenters'],
    ['vodafoen', 'vodafone'],
  ])('corrects %s to %s', (typo, word) => {
    expect(createTypoCorrector(vocabulary).correct(typo)[0]?.word).toBe(word);
  });

  it('prefers the more frequent of equally close words', () => {
    expect(createTypoCorrector(vocabulary).correct('breat').map((c) => c.word)).toEqual(['break', 'bread']);
  });

  it('corrects a short word only for a swap of neighbouring letters', () => {
    const corrector = createTypoCorrector(new Map([['day', 4], ['dry', 1], ['ibm', 2]]));
    expect(corrector.correct('dya')).toEqual([{ word: 'day', distance: 1 }]);
    expect(corrector.correct('bim')).toEqual([{ word: 'ibm', distance: 1 }]);
    expect(corrector.correct('dax')).toEqual([]);
    expect(corrector.correct('dy')).toEqual([]);
  });

  it('restores a letter missing from a 4-letter word only when one word fits', () => {
    expect(createTypoCorrector(new Map([['japan', 2], ['cloud', 5]])).correct('japn')).toEqual([{ word: 'japan', distance: 1 }]);
    // Two words are one letter away: a short word has too many neighbours to guess.
    expect(createTypoCorrector(new Map([['cloud', 5], ['clout', 1]])).correct('clou')).toEqual([]);
    // Bucketed vocabularies (by first letter and length) find it too.
    const large = new Map([...Array.from({ length: 40 }, (_, i) => [`word${String.fromCharCode(97 + (i % 26))}${i}`, 1] as [string, number]), ['japan', 2]]);
    expect(createTypoCorrector(large, { singleBucketLimit: 10 }).correct('japn')).toEqual([{ word: 'japan', distance: 1 }]);
  });

  it('does not correct short words or words too far from any', () => {
    const corrector = createTypoCorrector(vocabulary);
    expect(corrector.correct('brd')).toEqual([]);
    expect(corrector.correct('bitcoin')).toEqual([]);
    expect(corrector.correct('x'.repeat(500))).toEqual([]);
  });

  it('finds the same corrections when a large vocabulary is split into buckets', () => {
    const big = new Map(vocabulary);
    for (let i = 0; i < 3000; i += 1) big.set(`filler${i.toString(36)}word`, 1);
    const bucketed = createTypoCorrector(big, { singleBucketLimit: 100 });
    expect(bucketed.correct('germny')[0]?.word).toBe('germany');
    expect(bucketed.correct('egrmany')[0]?.word).toBe('germany');
    expect(bucketed.correct('vodafoen')[0]?.word).toBe('vodafone');
  });
});
