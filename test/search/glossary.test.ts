import { compileGlossary, findPhrases } from '../../src/search/glossary';
import { createSearchIndex } from '../../src/search/engine';
import { fact, knowledgeBase, passage } from './fixtures';

const GLOSSARY = [
  ['data center', 'datacenter', 'server farm', 'centro dati'],
  ['stock exchange', 'borsa'],
  ['customers', 'clienti'],
  ['most important', 'più grande'],
  ['importance', 'importanza'],
];

describe('compileGlossary and findPhrases', () => {
  const glossary = compileGlossary(GLOSSARY);
  const phrasesIn = (stems: string[]) => findPhrases(glossary, stems.length, (i) => stems[i]!).map((m) => [m.start, m.end]);

  it('matches multi-word terms as whole phrases, longest first, without overlaps', () => {
    expect(phrasesIn(['where', 'stock', 'exchang'])).toEqual([[1, 3]]);
    expect(phrasesIn(['stock', 'market'])).toEqual([]);
    expect(phrasesIn(['server', 'farm', 'borsa'])).toEqual([[0, 2]]);
  });

  it('keeps stopwords inside phrases, so "most important" does not collapse to "important"', () => {
    const groups = (stems: string[]) => findPhrases(glossary, stems.length, (i) => stems[i]!).map((m) => m.groups);
    expect(groups(['most', 'important'])).toEqual([[3]]);
    expect(groups(['important'])).toEqual([]);
  });

  it('ignores malformed groups and entries', () => {
    const compiled = compileGlossary([['ok', 'fine'], 'oops' as unknown as string[], [42 as unknown as string, '', '!!!']]);
    expect(compiled.groups[0]!.map((t) => t.terms)).toEqual([['ok'], ['fine']]);
  });
});

describe('glossary expansion in search', () => {
  const farm = passage(1, 1, 'Alibaba ha scelto la Germania per la sua nuova server farm.');
  const borsa = passage(2, 1, 'Alibaba è quotato anche alla Borsa di Shanghai.');
  const clienti = passage(3, 1, 'Alibaba punta ad avere un milione di clienti business.');
  const knowledge = knowledgeBase({ passages: [farm, borsa, clienti], glossary: GLOSSARY });
  const index = createSearchIndex(knowledge);

  it('finds Italian text from an English term (and back) through the glossary', () => {
    expect(index.search('data center')[0]?.id).toBe(farm.id);
    expect(index.search('stock exchange')[0]?.id).toBe(borsa.id);
    expect(index.search('customers')[0]?.id).toBe(clienti.id);
  });

  it('weights an expansion below the original word', () => {
    const synonymKnowledge = knowledgeBase({
      passages: [passage(1, 1, 'The new datacenter opened.'), passage(2, 1, 'The new server farm opened.')],
      glossary: GLOSSARY,
    });
    const hits = createSearchIndex(synonymKnowledge).search('server farm');
    expect(hits.map((h) => h.id)).toEqual([`${farm.documentId}#p2s1`, `${farm.documentId}#p1s1`]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('does not expand the words of a phrase on their own', () => {
    const knowledgeWithStock = knowledgeBase({ passages: [borsa, passage(4, 1, 'The stock of servers grew.')], glossary: GLOSSARY });
    const hits = createSearchIndex(knowledgeWithStock).search('stock');
    expect(hits.map((h) => h.id)).toEqual([`${borsa.documentId}#p4s1`]);
  });

  it('expands a typo once corrected: a misspelt glossary word still reaches its synonyms', () => {
    const withFact = knowledgeBase({
      passages: [clienti],
      facts: [fact('customers-goal', clienti, { translation: 'Alibaba aims to have one million business customers.' })],
      glossary: GLOSSARY,
    });
    expect(createSearchIndex(withFact).search('clientti')[0]?.id).toBe('customers-goal');
  });

  it('reaches a glossary family from a derived word ("compete" → competitor → concorrenti) below a direct synonym', () => {
    const rivals = passage(5, 1, 'Alibaba sfida i concorrenti americani.');
    const index = createSearchIndex(knowledgeBase({ passages: [rivals], glossary: [['competitor', 'competitors', 'concorrente', 'concorrenti']] }));
    expect(index.search('compete')[0]?.id).toBe(rivals.id);
    const weights = index.plan('compete').slots[0]!.alternatives;
    const viaFamily = weights.find((a) => a.terms.join(' ') === 'concorrent')!.weight;
    const direct = index.plan('competitors').slots[0]!.alternatives.find((a) => a.terms.join(' ') === 'concorrent')!.weight;
    expect(viaFamily).toBeLessThan(direct);
  });
});
