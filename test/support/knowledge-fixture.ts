/**
 * A small hand-built knowledge base and a transparent keyword `ask` over it, for Slack and console tests
 * that should not depend on the search engine's ranking. (End-to-end tests use the real knowledge/ folder.)
 */
import type { Answer, AnswerResult, Ask } from '../../src/answers/types';
import type { Fact, KnowledgeBase, KnowledgeDocument, Passage } from '../../src/knowledge/types';
import type { FeedbackLog, FeedbackRecord, QueryLog, QueryRecord } from '../../src/store/types';

export function fixtureDocument(overrides: Partial<KnowledgeDocument> = {}): KnowledgeDocument {
  return {
    id: 'cloud-news',
    title: 'Alibaba opens a server farm in Germany',
    language: 'it',
    url: 'https://example.com/news/alibaba-germany',
    publisher: 'Example News',
    published: '2016-11-20',
    path: '/knowledge/cloud-news.md',
    sections: ['alleanza con Vodafone'],
    paragraphs: [
      { section: null, text: 'Alibaba ha scelto la Germania per la sua nuova server farm.' },
      { section: 'alleanza con Vodafone', text: 'Alibaba ha stretto un’alleanza commerciale con Vodafone.' },
    ],
    ...overrides,
  };
}

export function fixtureFact(overrides: Partial<Fact> & Pick<Fact, 'id' | 'quote'>): Fact {
  return {
    documentId: 'cloud-news',
    section: null,
    paragraph: 1,
    sentence: 1,
    translation: `English: ${overrides.quote}`,
    keywords: [],
    topic: null,
    ...overrides,
  };
}

export function fixtureKnowledge(): KnowledgeBase {
  const document = fixtureDocument();
  const passages: Passage[] = document.paragraphs.map((p, i) => ({
    id: `${document.id}#p${i + 1}s1`,
    documentId: document.id,
    section: p.section,
    paragraph: i + 1,
    sentence: 1,
    text: p.text,
  }));
  return {
    documents: [document],
    passages,
    facts: [
      fixtureFact({
        id: 'germany-server-farm',
        quote: 'Alibaba ha scelto la Germania per la sua nuova server farm.',
        translation: 'Alibaba chose Germany for its new server farm.',
        keywords: ['germany', 'germania', 'datacenter', 'datacenters', 'server farm'],
        topic: 'German server farm',
      }),
      fixtureFact({
        id: 'vodafone-alliance',
        quote: 'Alibaba ha stretto un’alleanza commerciale con Vodafone.',
        translation: 'Alibaba formed a commercial alliance with Vodafone.',
        keywords: ['vodafone', 'alliance', 'alleanza', 'partner'],
        topic: 'Vodafone alliance',
        section: 'alleanza con Vodafone',
        paragraph: 2,
      }),
    ],
    glossary: [],
    problems: [],
  };
}

/**
 * A transparent stand-in for makeAsk: a fact matches when a keyword appears among the question's
 * words; cuts questions at `max` characters like the real one.
 */
export function keywordAsk(knowledge: KnowledgeBase, max = 500): Ask {
  return (question, options) => {
    const trimmed = question.trim();
    const truncated = trimmed.length > max;
    const query = truncated ? trimmed.slice(0, max) : trimmed;
    const words = query.toLowerCase();
    const results: AnswerResult[] = [];
    for (const fact of knowledge.facts) {
      const score = fact.keywords.filter((k) => words.includes(k)).length;
      if (score === 0) continue;
      const document = knowledge.documents.find((d) => d.id === fact.documentId);
      results.push({
        quote: fact.quote,
        translation: fact.translation,
        score,
        factId: fact.id,
        source: { id: fact.documentId, title: document?.title ?? fact.documentId, url: document?.url ?? null, section: fact.section, paragraph: fact.paragraph },
      });
    }
    results.sort((a, b) => b.score - a.score);
    const answer: Answer = { query, truncated, results: results.slice(0, options?.limit ?? 5) };
    return answer;
  };
}

export class MemoryLogs implements QueryLog, FeedbackLog {
  readonly queries: QueryRecord[] = [];
  readonly feedback: FeedbackRecord[] = [];
  recordQuery(record: QueryRecord): void {
    this.queries.push(record);
  }
  recordFeedback(record: FeedbackRecord): void {
    this.feedback.push(record);
  }
}

/** Every string Slack would display from a message or blocks (text objects), not button values. */
export function visibleText(value: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown, key: string | null): void => {
    if (typeof node === 'string') {
      if (key === 'text') out.push(node);
      return;
    }
    if (Array.isArray(node)) node.forEach((child) => walk(child, key === 'elements' || key === 'blocks' || key === 'fields' ? null : key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'value') walk(v, k);
  };
  walk(value, null);
  return out.join('\n');
}
