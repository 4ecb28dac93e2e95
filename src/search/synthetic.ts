/**
 * Deterministic synthetic corpora for the benchmark and scale tests: Italian and English news-like
 * sentences over a Zipf-distributed vocabulary (real domain words, accented words, proper nouns and a
 * long tail of invented words), so that index size, posting-list lengths and typo candidates behave
 * like a real collection of articles.
 */
import type { Fact, KnowledgeBase, KnowledgeDocument, Passage } from '../knowledge/types';

/** mulberry32: small, fast, seedable; the same seed always gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAIN_WORDS = `
cloud server farm datacenter data center region mercato market clienti customers imprese aziende business
servizi services strategia strategy crescita growth investimento investment infrastruttura infrastructure
rete network sicurezza security energia energy latenza latency archiviazione storage piattaforma platform
ecommerce commercio elettronico vendite sales fatturato revenue profitto profit azioni shares borsa exchange
quotazione listing investitori investors concorrenti competitors concorrenza competition alleanza alliance
accordo agreement partnership collaborazione telecomunicazioni telecom operatore operator governo government
politica policy presidente president elezioni election campagna campaign dazi tariffs commercio trade
esportazioni exports importazioni imports prodotti products merci goods logistica logistics consegne delivery
pagamenti payments banca bank finanza finance credito credit intelligenza artificiale intelligence artificial
algoritmo algorithm software hardware chip semiconduttori semiconductors processore processor memoria memory
utenti users abbonati subscribers prezzi prices costi costs tariffa pricing sconto discount offerta offer
espansione expansion apertura opening inaugurazione launch annuncio announcement dichiarazione statement
intervista interview dirigente executive direttore director amministratore manager fondatore founder
sede office uffici headquarters filiale branch dipendenti employees lavoro jobs assunzioni hiring
regolamentazione regulation normativa privacy protezione protection antitrust indagine investigation
trimestre quarter bilancio results utile earnings perdita loss debito debt obbligazioni bonds valuta currency
dollari dollars euro miliardi billion milioni million migliaia thousand percento percent quota share
futuro future prospettiva outlook rischio risk incertezza uncertainty opportunità opportunity sfida challenge
continente continent regione territory paese country città city capitale capital porto port aeroporto airport
`;

const ACCENTED_WORDS = 'più già città perché così università attività qualità società capacità novità sarà potrà dovrà è però finché'.split(' ');

const PROPER_NOUNS = `
Alibaba Amazon Google Microsoft IBM Oracle Tencent Baidu Huawei Vodafone Telecom Orange Deutsche Siemens SAP
Germania Francia Italia Spagna Giappone Australia Dubai Singapore Cina India Brasile Messico Canada Germany France
Italy Spain Japan China Europe Europa Asia Africa America Londra London Parigi Paris Berlino Berlin Francoforte
Frankfurt Milano Milan Roma Rome Tokyo Sydney Shanghai Pechino Beijing Hangzhou Shenzhen Bloomberg Reuters Trump
Xi Jinping Jack Ma Bezos Pichai Nadella
`;

const STOP_IT = 'il lo la i gli le un una di del della dei delle a al alla ai da dal in nel nella con su per tra che e è non ma anche come più si ha sono'.split(' ');
const STOP_EN = 'the a an of to in on for with and or but that is are was were has have it its by from at as this these'.split(' ');
const ELISIONS = ['l’', 'dell’', 'all’', 'un’', 'nell’', 'sull’'];

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'tr', 'st', 'pr', 'ch', 'gr', 'sc', 'pl', 'cr', 'fl'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ia', 'io', 'ea', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 't', 'nt', 'rs', 'm'];
const SUFFIXES = ['', '', 'zione', 'mente', 'ing', 'ed', 'er', 'ers', 'ity', 'ale', 'ali', 'ico', 'ici', 'ore', 'ori', 'tion', 's', 'i', 'e'];

export interface SyntheticOptions {
  articles: number;
  sentencesPerArticle?: number;
  seed?: number;
  /** Distinct invented words in the long tail (default 40,000). */
  inventedWords?: number;
  /** Curated facts per article (default 1). */
  factsPerArticle?: number;
}

export interface SyntheticCorpus {
  knowledge: KnowledgeBase;
  /** Distinct content words, most frequent first, for building queries. */
  vocabulary: string[];
}

function inventWords(count: number, random: () => number): string[] {
  const words = new Set<string>();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  while (words.size < count) {
    const syllables = 2 + Math.floor(random() * 3);
    let word = '';
    for (let s = 0; s < syllables; s += 1) word += pick(ONSETS) + pick(VOWELS);
    word += pick(CODAS) + pick(SUFFIXES);
    words.add(word);
  }
  return [...words];
}

/** Cumulative Zipf weights (exponent ~1, like word frequencies in text) for sampling by binary search. */
function zipfTable(size: number, exponent = 1.05): Float64Array {
  const table = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank += 1) {
    total += 1 / Math.pow(rank + 1, exponent);
    table[rank] = total;
  }
  for (let rank = 0; rank < size; rank += 1) table[rank]! /= total;
  return table;
}

function sample(table: Float64Array, random: () => number): number {
  const target = random();
  let low = 0;
  let high = table.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (table[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function generateCorpus(options: SyntheticOptions): SyntheticCorpus {
  const random = seededRandom(options.seed ?? 42);
  const sentencesPerArticle = options.sentencesPerArticle ?? 20;
  const factsPerArticle = options.factsPerArticle ?? 1;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const real = DOMAIN_WORDS.split(/\s+/).filter(Boolean);
  const nouns = PROPER_NOUNS.split(/\s+/).filter(Boolean);
  // Real words take the frequent ranks, invented ones the long tail, as in a real collection.
  const vocabulary = [...real, ...ACCENTED_WORDS, ...nouns, ...inventWords(options.inventedWords ?? 40000, random)];
  const zipf = zipfTable(vocabulary.length);

  const sentence = (): string => {
    const length = 10 + Math.floor(random() * 16);
    const words: string[] = [];
    for (let i = 0; i < length; i += 1) {
      const roll = random();
      if (roll < 0.35) words.push(pick(random() < 0.6 ? STOP_IT : STOP_EN));
      else if (roll < 0.4) words.push(pick(ELISIONS) + vocabulary[sample(zipf, random)]!);
      else words.push(vocabulary[sample(zipf, random)]!);
      if (random() < 0.06) words[words.length - 1] += ',';
      if (random() < 0.02) words.push(`${Math.floor(random() * 1000)}%`);
    }
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1).replace(/,$/, '')}.`;
  };

  const documents: KnowledgeDocument[] = [];
  const passages: Passage[] = [];
  const facts: Fact[] = [];
  for (let a = 0; a < options.articles; a += 1) {
    const id = `synthetic/article-${String(a + 1).padStart(5, '0')}`;
    const sections = [`${pick(nouns)} ${vocabulary[sample(zipf, random)]}`, `${vocabulary[sample(zipf, random)]} ${pick(nouns)}`];
    const paragraphs: KnowledgeDocument['paragraphs'] = [];
    const perParagraph = 5;
    for (let start = 0; start < sentencesPerArticle; start += perParagraph) {
      const paragraph = paragraphs.length + 1;
      const section = paragraph <= 2 ? null : sections[paragraph <= 3 ? 0 : 1]!;
      const sentences: string[] = [];
      for (let s = 0; s < Math.min(perParagraph, sentencesPerArticle - start); s += 1) {
        const text = sentence();
        sentences.push(text);
        passages.push({ id: `${id}#p${paragraph}s${s + 1}`, documentId: id, section, paragraph, sentence: s + 1, text });
      }
      paragraphs.push({ section, text: sentences.join(' ') });
    }
    const title = sentence().replace(/\.$/, '');
    documents.push({ id, title, language: random() < 0.7 ? 'it' : 'en', url: null, publisher: null, published: null, path: `${id}.md`, sections, paragraphs });
    for (let f = 0; f < factsPerArticle; f += 1) {
      const passage = passages[passages.length - 1 - Math.floor(random() * sentencesPerArticle)]!;
      facts.push({
        id: `${id.replace(/\W/g, '-')}-fact-${f + 1}`,
        documentId: id,
        section: passage.section,
        paragraph: passage.paragraph,
        sentence: passage.sentence,
        quote: passage.text,
        translation: sentence(),
        keywords: Array.from({ length: 8 }, () => vocabulary[sample(zipf, random)]!),
        topic: `${pick(nouns)} ${vocabulary[sample(zipf, random)]}`,
      });
    }
  }
  return { knowledge: { documents, passages, facts, glossary: [], problems: [] }, vocabulary };
}

/** The corpus as knowledge files (Markdown with front matter), to measure start-up through the real loader. */
export function toMarkdownFiles(knowledge: KnowledgeBase): Array<{ path: string; content: string }> {
  return knowledge.documents.map((document) => {
    const body: string[] = [];
    let section: string | null = null;
    for (const paragraph of document.paragraphs) {
      if (paragraph.section !== section && paragraph.section) body.push(`## ${paragraph.section}`, '');
      section = paragraph.section;
      body.push(paragraph.text, '');
    }
    return { path: `${document.id}.md`, content: `---\ntitle: ${JSON.stringify(document.title)}\nlanguage: ${document.language ?? 'it'}\n---\n\n${body.join('\n')}` };
  });
}

/** A query mix: common and rare words, phrases with stopwords, typos, and off-topic questions. */
export function generateQueries(vocabulary: string[], count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const zipf = zipfTable(vocabulary.length);
  const word = () => vocabulary[sample(zipf, random)]!;
  const typo = (w: string): string => {
    if (w.length < 5) return w;
    const i = 1 + Math.floor(random() * (w.length - 2));
    const kind = Math.floor(random() * 3);
    if (kind === 0) return w.slice(0, i) + w.slice(i + 1);
    if (kind === 1) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    return w.slice(0, i) + 'x' + w.slice(i + 1);
  };
  const offTopic = ['bitcoin price', 'pizza recipe', 'weather in Paris tomorrow', 'how do I bake bread', 'football results', 'quantum gravity lecture notes'];
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = i % 6;
    if (kind === 0) queries.push(word());
    else if (kind === 1) queries.push(`${word()} ${word()}`);
    else if (kind === 2) queries.push(`what did ${word()} say about ${word()} and ${word()}?`);
    else if (kind === 3) queries.push(typo(word()));
    else if (kind === 4) queries.push(`${typo(word())} ${word()} ${word()}`);
    else queries.push(offTopic[Math.floor(random() * offTopic.length)]!);
  }
  return queries;
}
