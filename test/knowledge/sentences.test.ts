import fs from 'node:fs';
import path from 'node:path';
import { sentenceSpans, splitSentences } from '../../src/knowledge/sentences';
import { normalizeWhitespace } from '../../src/knowledge/text';

describe('splitSentences', () => {
  it('splits the source\'s "Shangai.a Bisognerà" into two sentences', () => {
    const text =
      'Alibaba del resto è quotato anche a Wall Street, non soltanto alla Borsa di Shangai.a Bisognerà comunque vedere quali saranno ora le mosse di Trump.';
    expect(splitSentences(text, 'it')).toEqual([
      'Alibaba del resto è quotato anche a Wall Street, non soltanto alla Borsa di Shangai.a',
      'Bisognerà comunque vedere quali saranno ora le mosse di Trump.',
    ]);
  });

  it('splits ordinary sentence ends, including ? ! and ellipses', () => {
    expect(splitSentences('Prima frase. Seconda frase? Terza! Quarta... Quinta.', 'it')).toEqual([
      'Prima frase.',
      'Seconda frase?',
      'Terza!',
      'Quarta...',
      'Quinta.',
    ]);
  });

  it('splits where the space after a period is missing', () => {
    expect(splitSentences('Il progetto è partito.Poi è arrivato Vodafone.', 'it')).toEqual(['Il progetto è partito.', 'Poi è arrivato Vodafone.']);
  });

  it.each([
    ['decimals', 'Il mercato è cresciuto del 3.5 per cento nel 2016. Poi basta.', 2],
    ['amounts', 'La cifra record di 17 miliardi di dollari. Altro.', 2],
    ['acronyms', 'Il nuovo Presidente degli USA in campagna elettorale parlava. Altro.', 2],
    ['dotted acronyms mid-sentence', 'Il presidente degli U.S.A. ha parlato ieri. Altro.', 2],
    ['abbreviations followed by lowercase', 'Server, storage, database ecc. e altri servizi. Fine.', 2],
    ['initials', 'Lo ha detto J. R. R. Tolkien ieri. Poi no.', 2],
    ['titles before names', 'Il Dott. Rossi e il Sig. Bianchi parlano. Mr. Ma ascolta.', 2],
    ['domain names', 'Il sito alibaba.com vende. Altro.', 2],
  ])('does not split inside %s', (_name, text, count) => {
    const sentences = splitSentences(text, 'it');
    expect(sentences).toHaveLength(count);
    expect(sentences.join(' ')).toBe(text);
  });

  it('returns spans whose offsets slice the input back', () => {
    const text = 'Uno due tre. Quattro cinque. Sei.';
    const spans = sentenceSpans(text, 'it');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Uno due tre.', 'Quattro cinque.', 'Sei.']);
  });

  it('falls back gracefully on an invalid language tag and on empty text', () => {
    expect(splitSentences('One. Two.', 'not a tag!!')).toEqual(['One.', 'Two.']);
    expect(splitSentences('   ', 'it')).toEqual([]);
  });

  it('finds the 15 sentences of the real article body, with every word kept', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../knowledge/alibaba-europa-server-farm-germania.md'), 'utf8');
    const paragraphs = source
      .split('---\n')[2]!
      .split(/\n\s*\n/u)
      .map((p) => normalizeWhitespace(p))
      .filter((p) => p && !p.startsWith('## '));
    const counts = paragraphs.map((p) => splitSentences(p, 'it').length);
    expect(counts).toEqual([4, 2, 1, 2, 2, 4]);
    for (const p of paragraphs) expect(splitSentences(p, 'it').join(' ')).toBe(p);
  });
});
