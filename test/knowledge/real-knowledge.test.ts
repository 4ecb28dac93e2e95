import fs from 'node:fs';
import path from 'node:path';
import { parseTextDocument } from '../../src/knowledge/documents';
import { loadKnowledgeBase } from '../../src/knowledge/load';

const KNOWLEDGE_DIR = path.join(__dirname, '../../knowledge');
const SOURCE_TXT = path.join(__dirname, '../fixtures/knowledge/alibaba-europa-server-farm-germania.txt');
const ARTICLE_ID = 'alibaba-europa-server-farm-germania';

const knowledge = loadKnowledgeBase(KNOWLEDGE_DIR);

describe('the real knowledge folder', () => {
  it('loads with zero problems', () => {
    expect(knowledge.problems).toEqual([]);
  });

  it('holds the article with its verbatim headline, its language and no invented metadata', () => {
    const article = knowledge.documents.find((d) => d.id === ARTICLE_ID);
    expect(article).toMatchObject({
      title: 'Alibaba punta all’Europa, inaugurata una server farm in Germania. La sfida ad Amazon diventa globale.',
      language: 'it',
      url: null,
      publisher: null,
      published: null,
      sections: ['alleanza con Vodafone', 'OBOR, One Belt One Road', 'oltre l’europa'],
    });
  });

  it('keeps the article body verbatim: the same paragraphs as the source text, typos included', () => {
    const source = parseTextDocument({ id: ARTICLE_ID, path: SOURCE_TXT, text: fs.readFileSync(SOURCE_TXT, 'utf8') });
    const article = knowledge.documents.find((d) => d.id === ARTICLE_ID);
    expect(article?.paragraphs).toEqual(source.document?.paragraphs);
    const body = article?.paragraphs.map((p) => p.text).join(' ') ?? '';
    for (const typo of ['cluod', 'Shangai.a', 'potremo', 'Singles’ Day', 'l’occasione']) expect(body).toContain(typo);
  });

  it('splits the article into 2 title and 15 body passages', () => {
    const passages = knowledge.passages.filter((p) => p.documentId === ARTICLE_ID);
    expect(passages.filter((p) => p.paragraph === 0)).toHaveLength(2);
    expect(passages.filter((p) => p.paragraph > 0)).toHaveLength(15);
    expect(passages.find((p) => p.id === `${ARTICLE_ID}#p6s3`)?.text).toBe('Alibaba del resto è quotato anche a Wall Street, non soltanto alla Borsa di Shangai.a');
    expect(passages.find((p) => p.id === `${ARTICLE_ID}#p6s4`)?.text).toMatch(/^Bisognerà comunque vedere/u);
  });

  it('resolves every curated fact to a location whose passage holds the start of its quote', () => {
    const curatedIds = fs
      .readdirSync(KNOWLEDGE_DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.facts.yaml'))
      .flatMap((f) => [...fs.readFileSync(path.join(KNOWLEDGE_DIR, f), 'utf8').matchAll(/^\s+- id: (\S+)/gmu)].map((m) => m[1]));
    expect(knowledge.facts.map((f) => f.id).sort()).toEqual([...curatedIds].sort());
    for (const fact of knowledge.facts) {
      const passage = knowledge.passages.find((p) => p.id === `${fact.documentId}#p${fact.paragraph}s${fact.sentence}`);
      expect(passage).toBeDefined();
      expect(passage?.section).toBe(fact.section);
      expect(passage?.text).toContain(fact.quote.slice(0, 20));
    }
  });

  it('curates every sentence of the article body as (part of) some fact', () => {
    const facts = knowledge.facts.filter((f) => f.documentId === ARTICLE_ID);
    expect(facts.length).toBeGreaterThanOrEqual(20);
    const body = knowledge.passages.filter((p) => p.documentId === ARTICLE_ID && p.paragraph > 0);
    const uncovered = body.filter((p) => !facts.some((f) => f.paragraph === p.paragraph && (p.text.includes(f.quote) || f.quote.includes(p.text) || f.sentence === p.sentence)));
    expect(uncovered.map((p) => p.id)).toEqual([]);
  });

  it('places the key facts where they stand in the article', () => {
    const at = (id: string) => {
      const fact = knowledge.facts.find((f) => f.id === id);
      return fact && [fact.section, fact.paragraph, fact.sentence];
    };
    expect(at('germany-server-farm')).toEqual([null, 1, 2]);
    expect(at('vodafone-alliance')).toEqual(['alleanza con Vodafone', 2, 1]);
    expect(at('singles-day-record')).toEqual(['alleanza con Vodafone', 3, 1]);
    expect(at('obor-xi-jinping')).toEqual(['OBOR, One Belt One Road', 4, 2]);
    expect(at('wall-street-shanghai-listing')).toEqual(['oltre l’europa', 6, 3]);
    expect(at('challenge-to-amazon-global')).toEqual([null, 0, 2]);
  });

  it('gives every fact a topic, an English rendering and a useful set of keywords', () => {
    for (const fact of knowledge.facts) {
      expect(fact.topic).toEqual(expect.any(String));
      expect(fact.translation.length).toBeGreaterThan(10);
      expect(fact.keywords.length).toBeGreaterThanOrEqual(8);
      expect(new Set(fact.keywords.map((k) => k.toLowerCase())).size).toBe(fact.keywords.length);
    }
  });

  it('has a glossary of 40+ groups pairing English with Italian and common variants', () => {
    expect(knowledge.glossary.length).toBeGreaterThanOrEqual(40);
    for (const group of knowledge.glossary) expect(group.length).toBeGreaterThanOrEqual(2);
    const together = (...terms: string[]) => knowledge.glossary.some((group) => terms.every((t) => group.includes(t)));
    expect(together('datacenter', 'data centre', 'DC', 'server farm', 'centro dati')).toBe(true);
    expect(together('competitors', 'concorrenti', 'rivals')).toBe(true);
    expect(together('customers', 'clienti', 'clientela')).toBe(true);
    expect(together('stock exchange', 'borsa')).toBe(true);
    expect(together('Shanghai', 'Shangai')).toBe(true);
    expect(together('cloud', 'cluod')).toBe(true);
    expect(together('United States', 'Stati Uniti', 'USA')).toBe(true);
  });
});
