import { createSearchIndex } from '../../src/search/engine';
import { DOC_ID, fact, knowledgeBase, passage } from './fixtures';

const GLOSSARY = [
  ['data center', 'datacenter', 'server farm'],
  ['Germany', 'Germania'],
  ['alliance', 'partnership', 'alleanza'],
];

const title = passage(0, 1, 'Alibaba punta all’Europa con una server farm in Germania.');
const farm = passage(1, 1, 'Il più grande sito di ecommerce del mondo ha scelto la Germania per la sua nuova server farm.');
const next = passage(1, 2, 'A breve arriveranno nuove server farm in Giappone, Australia e Dubai.');
const heading = passage(2, 1, 'alleanza con Vodafone', 'alleanza con Vodafone');
const vodafone = passage(3, 1, 'Per l’occasione Alibaba ha stretto un’alleanza commerciale con Vodafone perché dovrà vedersela con Amazon.', 'alleanza con Vodafone');
const borsa = passage(4, 1, 'Alibaba è quotato anche a Wall Street, non soltanto alla Borsa di Shangai.');

function article() {
  return knowledgeBase({
    passages: [title, farm, next, heading, vodafone, borsa],
    facts: [
      fact('germany-farm', farm, { translation: "The world's biggest ecommerce site chose Germany for its new server farm.", keywords: ['data center', 'Frankfurt'] }),
      fact('vodafone', vodafone, {
        quote: 'Per l’occasione Alibaba ha stretto un’alleanza commerciale con Vodafone',
        translation: 'For the occasion Alibaba formed a commercial alliance with Vodafone',
        keywords: ['partnership', 'telecom'],
      }),
    ],
    glossary: GLOSSARY,
    title: 'Alibaba punta all’Europa con una server farm in Germania.',
    sections: ['alleanza con Vodafone'],
  });
}

describe('relevance floor', () => {
  const index = createSearchIndex(article());

  it.each(['bitcoin price', 'pizza recipe', 'weather in Paris tomorrow', 'how do I bake bread'])('returns nothing for the off-topic "%s"', (question) => {
    expect(index.search(question)).toEqual([]);
  });

  it.each(['', '   ', 'the of and', 'il la di che', '?!', '\u0000'])('returns nothing for a question of no meaningful word: %j', (question) => {
    expect(index.search(question)).toEqual([]);
  });

  it('rejects a record that answers only half of the question, accepts it when it answers more', () => {
    expect(index.search('Vodafone umbrella')).toEqual([]);
    expect(index.search('Vodafone alliance umbrella')[0]?.id).toBe('vodafone');
  });

  it('counts a name the knowledge base does not know, or an attribute it never gives, against every record beside known words', () => {
    // "umbrella" is a real word the article happens not to use; "Tencent" is a name it does not know.
    expect(index.search('Vodafone alliance umbrella')[0]?.id).toBe('vodafone');
    expect(index.search('Vodafone alliance Tencent')).toEqual([]);
    expect(index.search('Vodafone alliance salary')).toEqual([]);
    expect(index.search('Vodafone alliance age')).toEqual([]);
    // A typo of a known word is no unknown name, and an Italian question's unknown word may be an inflection.
    expect(index.search('Vodafone alliance Germny')[0]?.id).toBe('vodafone');
    expect(index.search('la alleanza con Vodafone stipulata')[0]?.id).toBe('vodafone');
  });

  it('takes a proper name of several words from the keywords as one concept of the question', () => {
    const knowledge = article();
    knowledge.facts[1]!.keywords.push('Ethan Yu');
    const named = createSearchIndex(knowledge);
    expect(named.plan('ethan yu vodafone').slots.map((slot) => slot.text)).toEqual(['ethan yu', 'vodafone']);
    expect(named.search('ethan yu')[0]?.id).toBe('vodafone');
    expect(named.search('ethan yu salary')).toEqual([]);
  });

  it('accepts a little less when two specific words of the question meet in one record', () => {
    // Words are specific when few records have them: give the article some unrelated company.
    const knowledge = article();
    const topics = ['Tencent', 'Baidu', 'Huawei', 'Oracle', 'Microsoft', 'Siemens', 'Orange', 'Telefonica'];
    topics.forEach((name, i) => knowledge.passages.push(passage(10 + i, 1, `${name} pubblica i risultati del trimestre a Pechino.`)));
    const bigger = createSearchIndex(knowledge);
    expect(bigger.search('Vodafone alleanza umbrella violin')[0]?.id).toBe('vodafone');
    expect(bigger.search('Vodafone umbrella violin')).toEqual([]);
    expect(bigger.search('Vodafone alleanza umbrella violin mining wallet')).toEqual([]);
    // Not beside a name the knowledge base does not know: the question is about that name.
    expect(bigger.search('Vodafone alleanza bitcoin blockchain')).toEqual([]);
  });

  it('is a setting: a lower floor lets partial matches through', () => {
    expect(createSearchIndex(article(), { relevanceFloor: 0.3 }).search('Vodafone umbrella')[0]?.id).toBe('vodafone');
  });
});

describe('typo correction', () => {
  const index = createSearchIndex(article());

  it('maps a typo to the real word and finds it', () => {
    expect(index.search('vodafon')[0]?.id).toBe('vodafone');
    expect(index.search('germny')[0]?.id).toBe('germany-farm');
  });

  it('weights a corrected word below an exact one', () => {
    const [slot] = index.plan('vodafoen').slots;
    const corrected = slot!.alternatives.find((a) => a.terms.includes('vodafon'));
    expect(corrected!.weight).toBeLessThan(1);
    expect(index.search('vodafone')[0]!.score).toBeGreaterThan(index.search('vodafoen')[0]!.score);
  });
});

describe('ranking', () => {
  it('prefers a curated fact over a bare sentence with the same words', () => {
    const bare = passage(5, 1, 'Vodafone e Alibaba: un’alleanza commerciale per il cloud.', null);
    const knowledge = article();
    knowledge.passages.push(bare);
    const hits = createSearchIndex(knowledge).search('alleanza Vodafone');
    expect(hits[0]?.id).toBe('vodafone');
    expect(hits.map((h) => h.id)).toContain(bare.id);
  });

  it('does not return a passage that a fact quotes (whole, or across several facts)', () => {
    const ids = createSearchIndex(article()).search('server farm Germania', { limit: 10 }).map((h) => h.id);
    expect(ids).toContain('germany-farm');
    expect(ids).not.toContain(farm.id);
  });

  it('drops a sentence ranked below a fact quoting part of it', () => {
    const ids = createSearchIndex(article()).search('Vodafone', { limit: 10 }).map((h) => h.id);
    expect(ids[0]).toBe('vodafone');
    expect(ids).not.toContain(vodafone.id);
  });

  it('prefers a sentence over its section heading and the title', () => {
    const knowledge = knowledgeBase({ passages: [heading, passage(3, 1, 'Alibaba ha firmato un accordo con Vodafone per il cloud europeo.', 'alleanza con Vodafone')], sections: ['alleanza con Vodafone'] });
    const hits = createSearchIndex(knowledge).search('Vodafone');
    expect(hits.map((h) => h.id)).toEqual([`${DOC_ID}#p3s1`, heading.id]);

    const withTitle = knowledgeBase({ passages: [title, next], title: title.text });
    expect(createSearchIndex(withTitle).search('server farm')[0]?.id).toBe(next.id);
  });

  it('ranks records matching more of the question first', () => {
    const hits = createSearchIndex(article()).search('nuove server farm Giappone Dubai');
    expect(hits[0]?.id).toBe(next.id);
  });

  it('regression: a fixed corpus and questions give this exact ranking', () => {
    const index = createSearchIndex(article());
    const ranking = (question: string) => index.search(question, { limit: 10 }).map((h) => h.id);
    expect(ranking('server farm')).toEqual(['germany-farm', next.id, title.id]);
    expect(ranking('data center Germany')).toEqual(['germany-farm', title.id]);
    expect(ranking('Alibaba Shangai Wall Street')).toEqual([borsa.id]);
    expect(ranking('partnership')).toEqual(['vodafone']);
  });

  it('honours the limit and returns scores sorted from best', () => {
    const index = createSearchIndex(article());
    const hits = index.search('Alibaba', { limit: 2 });
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
  });
});

describe('scorers', () => {
  it('gives the same ranking with the compact index and with MiniSearch', () => {
    const compact = createSearchIndex(article());
    const minisearch = createSearchIndex(article(), { scorer: 'minisearch' });
    for (const question of ['server farm', 'vodafon', 'Germania', 'alleanza commerciale', 'Borsa Shangai', 'bitcoin']) {
      expect(minisearch.search(question).map((h) => h.id)).toEqual(compact.search(question).map((h) => h.id));
    }
  });
});

describe('everyday words and anchors', () => {
  const index = createSearchIndex(article());

  it('lets an everyday word the knowledge base never uses count less when a glossary phrase anchors the match', () => {
    expect(index.search('which country has the new server farm')[0]?.id).toBe('germany-farm');
    expect(index.search('in quale città si trova la nuova server farm')[0]?.id).toBe('germany-farm');
  });

  it('counts such a word in full without an anchor: one place name is not enough', () => {
    expect(index.search('what is happening in Dubai')[0]?.id).toBe(next.id);
    expect(index.search('what time is it in Dubai')).toEqual([]);
  });

  it('never answers on everyday words alone', () => {
    const knowledge = article();
    knowledge.passages.push(passage(6, 1, 'Today Alibaba has more news for its customers.'));
    const withToday = createSearchIndex(knowledge);
    expect(withToday.search("what's for lunch today")).toEqual([]);
    expect(withToday.search('customers today')[0]?.id).toBe(`${DOC_ID}#p6s1`);
    // Not even when the everyday word is the whole question: it names no topic.
    expect(withToday.search('today')).toEqual([]);
    expect(withToday.search('more news today')).toEqual([]);
  });
});

describe('adjacency', () => {
  it('ranks first the record whose own text has the question words side by side, in order', () => {
    const xi = passage(1, 1, 'Una strategia in linea con quella del presidente cinese Xi Jinping.');
    const trump = passage(1, 2, 'Le mosse del nuovo presidente degli USA verso i cinesi e la Cina.');
    const knowledge = knowledgeBase({
      passages: [xi, trump],
      facts: [
        fact('xi', xi, { translation: 'A strategy in line with that of Chinese President Xi Jinping.' }),
        // Keywords that repeat the question's words, scattered: without the bonus this fact wins.
        fact('trump', trump, { translation: "The moves of the new US president towards the Chinese and China.", keywords: ['presidente', 'Cina'] }),
      ],
    });
    const index = createSearchIndex(knowledge);
    expect(index.search('presidente cinese').map((hit) => hit.id)).toEqual(['xi', 'trump']);
    expect(index.search('cinese presidente')[0]?.id).toBe('trump');
  });
});

describe('headings as context', () => {
  const underVodafone = passage(3, 2, 'Amazon e Google controllano più del 50% del mercato del cloud.', 'alleanza con Vodafone');
  const beyond = passage(5, 1, 'Il vecchio continente non è più il centro del mondo.', 'oltre l’europa');
  const east = passage(5, 2, 'Alibaba punta decisamente a Est.', 'oltre l’europa');
  const knowledge = () =>
    knowledgeBase({
      passages: [title, farm, next, heading, vodafone, underVodafone, borsa, beyond, east],
      glossary: [...GLOSSARY, ['beyond', 'oltre'], ['Europe', 'Europa', 'old continent', 'vecchio continente']],
      title: title.text,
    });

  it('finds the records of a section from its heading, in Italian or in English', () => {
    const index = createSearchIndex(knowledge());
    expect(index.search('oltre l’europa', { limit: 10 }).map((h) => h.id)).toEqual(expect.arrayContaining([beyond.id]));
    expect(index.search('beyond Europe')[0]?.id).toBe(beyond.id);
  });

  it('ranks the sentence that says the words above the records that only stand under them', () => {
    const ids = createSearchIndex(knowledge()).search('Vodafone', { limit: 10 }).map((h) => h.id);
    expect(ids[0]).toBe(vodafone.id);
  });

  it('does not let a heading word carry a record that answers nothing else of the question', () => {
    // The market-share sentence stands under "alleanza con Vodafone" and speaks of the cloud, not of bitcoin.
    expect(createSearchIndex(knowledge()).search('Vodafone cloud bitcoin')).toEqual([]);
    expect(createSearchIndex(knowledge()).search('Vodafone cloud Google')[0]?.id).toBe(underVodafone.id);
  });

  it('answers from the document title a question whose sentence does not repeat it', () => {
    // "Europe" is only in the title of an article about Alibaba in Europe.
    const index = createSearchIndex(knowledge());
    expect(index.search('Vodafone in Europa')[0]?.id).toBe(vodafone.id);
  });
});

describe('ubiquitous concepts, numbers and everyday verbs', () => {
  const records = [
    passage(1, 1, 'Alibaba apre una server farm in Germania.'),
    passage(1, 2, 'Alibaba arriverà presto in Giappone.'),
    passage(2, 1, 'Alibaba ha stretto un’alleanza con Vodafone.'),
    passage(2, 2, 'Alibaba è quotata a Wall Street.'),
    passage(3, 1, 'Il Singles Day di Alibaba ha fatto 17 miliardi.'),
  ];
  const index = createSearchIndex(knowledgeBase({ passages: records, glossary: GLOSSARY }));

  it('takes a word found in most records as no evidence beside a word found nowhere', () => {
    expect(index.search('Alibaba bitcoin')).toEqual([]);
    expect(index.search('Alibaba Vodafone')[0]?.id).toBe(records[2]!.id);
    // Alone, it still finds something.
    expect(index.search('Alibaba').length).toBeGreaterThan(0);
  });

  it('counts a number the knowledge base never mentions against a match, not one it has', () => {
    expect(index.search('Vodafone 2031')).toEqual([]);
    expect(index.search('Singles Day 17')[0]?.id).toBe(records[4]!.id);
    // Beside a strong anchor (a phrase), an unknown year is incidental.
    expect(index.search('Singles Day 2016')[0]?.id).toBe(records[4]!.id);
  });

  it('lets one specific word frame an everyday verb the knowledge base never uses, not an everyday noun', () => {
    expect(index.search('what are they building in Giappone')[0]?.id).toBe(records[1]!.id);
    expect(index.search('what time is it in Giappone')).toEqual([]);
    expect(index.search('weather in Giappone')).toEqual([]);
  });
});
