import { isCommonEnglishWord } from '../../src/search/english-words';

describe('common English words', () => {
  it('knows everyday words in neutral, American and British spelling', () => {
    for (const word of ['lunch', 'shapes', 'country', 'color', 'colour', 'centre', 'center']) expect(isCommonEnglishWord(word)).toBe(true);
  });

  it('does not know typos, brand names or Italian words', () => {
    for (const word of ['vodafon', 'germny', 'singels', 'raod', 'alibaba', 'vodafone', 'clienti', '']) expect(isCommonEnglishWord(word)).toBe(false);
  });
});
