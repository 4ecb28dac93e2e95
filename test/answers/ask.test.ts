import { makeAsk, prepareQuestion } from '../../src/answers/ask';
import type { SearchHit, SearchIndex } from '../../src/search/types';
import { createSearchIndex } from '../../src/search/engine';
import { DOC_ID, fact, knowledgeBase, passage } from '../search/fixtures';

const title = passage(0, 2, 'La sfida ad Amazon diventa globale.');
const farm = passage(1, 2, 'Il più grande sito di ecommerce del mondo ha scelto la Germania per la sua nuova   server farm.');
const borsa = passage(4, 1, 'Alibaba è quotato anche a Wall Street, non soltanto alla Borsa di Shangai.a', 'oltre l’europa');
const knowledge = knowledgeBase({
  passages: [title, farm, borsa],
  facts: [
    fact('farm', farm, { translation: 'The  biggest ecommerce site chose Germany for its new server farm.', keywords: ['data center'] }),
    fact('amazon', title, { translation: 'The challenge to Amazon goes global.', keywords: ['competition'] }),
  ],
  title: 'Alibaba punta all’Europa. La sfida ad Amazon diventa globale.',
});

/** A search index that records what it was asked and returns fixed hits. */
function recordingIndex(hits: SearchHit[]): SearchIndex & { queries: Array<[string, number | undefined]> } {
  const queries: Array<[string, number | undefined]> = [];
  return { queries, search: (query, options) => (queries.push([query, options?.limit]), hits) };
}

describe('makeAsk', () => {
  it('maps a fact hit to its quote, English rendering, score and citation', () => {
    const ask = makeAsk({ knowledge, index: createSearchIndex(knowledge) });
    const answer = ask('  data center in Germany  ');
    expect(answer.query).toBe('data center in Germany');
    expect(answer.truncated).toBe(false);
    expect(answer.results[0]).toEqual({
      quote: 'Il più grande sito di ecommerce del mondo ha scelto la Germania per la sua nuova server farm.',
      translation: 'The biggest ecommerce site chose Germany for its new server farm.',
      score: expect.any(Number),
      source: { id: DOC_ID, title: 'Alibaba punta all’Europa. La sfida ad Amazon diventa globale.', url: null, section: null, paragraph: 1 },
      factId: 'farm',
    });
  });

  it('gives a bare passage no translation and cites its section and paragraph', () => {
    const ask = makeAsk({ knowledge, index: createSearchIndex(knowledge) });
    const [result] = ask('Wall Street').results;
    expect(result).toMatchObject({ quote: borsa.text, translation: null, factId: null, source: { section: 'oltre l’europa', paragraph: 4 } });
  });

  it('cites a quote from the title with no paragraph number', () => {
    const ask = makeAsk({ knowledge, index: createSearchIndex(knowledge) });
    expect(ask('sfida Amazon').results[0]).toMatchObject({ factId: 'amazon', source: { section: null, paragraph: null } });
  });

  it('cuts a question longer than the maximum and says so', () => {
    const index = recordingIndex([]);
    const ask = makeAsk({ knowledge, index, maxQuestionLength: 10 });
    const answer = ask('server farm in Germania');
    expect(answer).toEqual({ query: 'server far', truncated: true, results: [] });
    expect(index.queries).toEqual([['server far', 5]]);
  });

  it('counts characters, not UTF-16 units, and never splits an emoji', () => {
    expect(prepareQuestion('🙂'.repeat(5), 5)).toEqual({ query: '🙂'.repeat(5), truncated: false });
    expect(prepareQuestion('🙂'.repeat(6), 5)).toEqual({ query: '🙂'.repeat(5), truncated: true });
  });

  it('does not search for an empty question', () => {
    const index = recordingIndex([{ kind: 'fact', id: 'farm', score: 1 }]);
    expect(makeAsk({ knowledge, index })(' \n\t ')).toEqual({ query: '', truncated: false, results: [] });
    expect(index.queries).toEqual([]);
  });

  it('passes the limit (default 5) and skips hits the knowledge base does not know', () => {
    const index = recordingIndex([
      { kind: 'fact', id: 'missing', score: 3 },
      { kind: 'fact', id: 'farm', score: 2 },
      { kind: 'passage', id: borsa.id, score: 1 },
    ]);
    const ask = makeAsk({ knowledge, index });
    expect(ask('anything').results.map((r) => r.factId)).toEqual(['farm', null]);
    expect(ask('anything', { limit: 1 }).results).toHaveLength(1);
    expect(index.queries.map(([, limit]) => limit)).toEqual([5, 1]);
  });

  it('answers nothing rather than throwing when the index fails', () => {
    const failing: SearchIndex = {
      search: () => {
        throw new Error('index broken');
      },
    };
    expect(makeAsk({ knowledge, index: failing })('server farm').results).toEqual([]);
  });
});
