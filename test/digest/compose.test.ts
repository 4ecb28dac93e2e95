import { composeDigest, digestContent, pickFactOfTheDay } from '../../src/digest/compose';
import { addDays } from '../../src/digest/time';
import { renderDigestBlocks } from '../../src/slack/blocks/digest';
import { openStore, type Store } from '../../src/store';
import { makeDocument, makeKnowledge } from './fixtures';

/** Records a digest as posted, the way a delivery does. */
function post(store: Store, channelId: string, date: string, content: ReturnType<typeof digestContent>) {
  store.claimDelivery(channelId, date, 'test', new Date(`${date}T09:00:00Z`), 60_000);
  store.recordAttempt(channelId, date, 'test', content, new Date(`${date}T09:00:00Z`));
  store.markPosted(channelId, date, `${Date.parse(date) / 1000}.000100`, new Date(`${date}T09:00:01Z`));
}

describe('fact of the day', () => {
  let store: Store;
  beforeEach(() => {
    store = openStore(':memory:');
  });
  afterEach(() => store.close());

  it('shows every fact once per cycle, then starts a new cycle, with no fact two days running', () => {
    const knowledge = makeKnowledge(7);
    const shown: string[] = [];
    let date = '2026-12-01';
    for (let day = 0; day < 21; day += 1) {
      const digest = composeDigest({ date, channelId: 'C1', timeZone: 'UTC', knowledge, store });
      shown.push(digest.fact!.fact.id);
      expect(digest.fact!.cycle).toBe(Math.floor(day / 7) + 1);
      expect(digest.fact!.position).toBe((day % 7) + 1);
      post(store, 'C1', date, digestContent(digest));
      date = addDays(date, 1);
    }
    for (let cycle = 0; cycle < 3; cycle += 1) {
      expect(new Set(shown.slice(cycle * 7, cycle * 7 + 7)).size).toBe(7);
    }
    for (let i = 1; i < shown.length; i += 1) expect(shown[i]).not.toBe(shown[i - 1]);
  });

  it('rotates independently per channel, in a different order', () => {
    const knowledge = makeKnowledge(12);
    const order = (channelId: string) => {
      const ids: string[] = [];
      let date = '2026-12-01';
      for (let day = 0; day < 12; day += 1) {
        const digest = composeDigest({ date, channelId, timeZone: 'UTC', knowledge, store });
        ids.push(digest.fact!.fact.id);
        post(store, channelId, date, digestContent(digest));
        date = addDays(date, 1);
      }
      return ids;
    };
    const c1 = order('C1');
    const c2 = order('C2');
    expect(new Set(c1).size).toBe(12);
    expect(new Set(c2).size).toBe(12);
    expect(c1).not.toEqual(c2);
  });

  it('is stable: composing the same date again gives the same fact, before and after it is posted', () => {
    const knowledge = makeKnowledge(5);
    const first = composeDigest({ date: '2026-12-01', channelId: 'C1', timeZone: 'UTC', knowledge, store });
    expect(composeDigest({ date: '2026-12-01', channelId: 'C1', timeZone: 'UTC', knowledge, store }).fact!.fact.id).toBe(first.fact!.fact.id);
    post(store, 'C1', '2026-12-01', digestContent(first));
    expect(composeDigest({ date: '2026-12-01', channelId: 'C1', timeZone: 'UTC', knowledge, store }).fact!.fact.id).toBe(first.fact!.fact.id);
    expect(composeDigest({ date: '2026-12-02', channelId: 'C1', timeZone: 'UTC', knowledge, store }).fact!.fact.id).not.toBe(first.fact!.fact.id);
  });

  it('copes with facts added and removed mid-cycle', () => {
    const knowledge = makeKnowledge(3);
    let date = '2026-12-01';
    const seen: string[] = [];
    for (let day = 0; day < 2; day += 1) {
      const digest = composeDigest({ date, channelId: 'C1', timeZone: 'UTC', knowledge, store });
      seen.push(digest.fact!.fact.id);
      post(store, 'C1', date, digestContent(digest));
      date = addDays(date, 1);
    }
    const grown = makeKnowledge(5);
    grown.facts = grown.facts.filter((f) => f.id !== seen[0]);
    const remaining = new Set(grown.facts.map((f) => f.id).filter((id) => !seen.includes(id)));
    for (let day = 0, days = remaining.size; day < days; day += 1) {
      const digest = composeDigest({ date, channelId: 'C1', timeZone: 'UTC', knowledge: grown, store });
      expect(remaining.has(digest.fact!.fact.id)).toBe(true);
      remaining.delete(digest.fact!.fact.id);
      expect(digest.fact!.cycle).toBe(1);
      post(store, 'C1', date, digestContent(digest));
      date = addDays(date, 1);
    }
    expect(composeDigest({ date, channelId: 'C1', timeZone: 'UTC', knowledge: grown, store }).fact!.cycle).toBe(2);
  });

  it('has no fact of the day when there are no facts', () => {
    expect(pickFactOfTheDay('C1', '2026-12-01', [], store)).toBeNull();
    const digest = composeDigest({ date: '2026-12-01', channelId: 'C1', timeZone: 'UTC', knowledge: makeKnowledge(0), store });
    expect(digest.fact).toBeNull();
  });
});

describe('new documents', () => {
  it('lists every document on the first digest, then only documents added since the previous one', () => {
    const store = openStore(':memory:');
    try {
      const knowledge = makeKnowledge(4, 2);
      const first = composeDigest({ date: '2026-12-01', channelId: 'C1', timeZone: 'UTC', knowledge, store });
      expect(first.firstDigest).toBe(true);
      expect(first.newDocuments.map((d) => d.id)).toEqual(['doc-1', 'doc-2']);
      expect(first.fact?.document?.id).toMatch(/^doc-/);
      post(store, 'C1', '2026-12-01', digestContent(first));

      const second = composeDigest({ date: '2026-12-02', channelId: 'C1', timeZone: 'UTC', knowledge, store });
      expect(second.firstDigest).toBe(false);
      expect(second.newDocuments).toEqual([]);
      post(store, 'C1', '2026-12-02', digestContent(second));

      knowledge.documents.push(makeDocument('doc-3', { title: 'Alibaba apre a Dubai' }));
      const third = composeDigest({ date: '2026-12-03', channelId: 'C1', timeZone: 'UTC', knowledge, store });
      expect(third.newDocuments.map((d) => d.title)).toEqual(['Alibaba apre a Dubai']);
      // Another channel that never had a digest sees all three.
      expect(composeDigest({ date: '2026-12-03', channelId: 'C2', timeZone: 'UTC', knowledge, store }).newDocuments).toHaveLength(3);
    } finally {
      store.close();
    }
  });
});

describe("yesterday's questions", () => {
  it("counts the channel's questions of the previous local day, normalised, with the unanswered ones", () => {
    const store = openStore(':memory:');
    try {
      const ask = (iso: string, query: string, resultCount: number, channelId = 'C1') =>
        store.recordQuery({ at: new Date(iso), channelId, userId: 'U1', surface: 'command', query, resultCount });
      // In Europe/Rome, 30 November runs from 29 Nov 23:00Z to 30 Nov 23:00Z.
      ask('2026-11-29T22:59:00Z', 'too early', 1);
      ask('2026-11-29T23:10:00Z', 'Vodafone?', 1);
      ask('2026-11-30T08:00:00Z', 'vodafone', 1);
      ask('2026-11-30T09:00:00Z', 'VODAFONE!', 1);
      ask('2026-11-30T10:00:00Z', 'datacenter Germania', 3);
      ask('2026-11-30T11:00:00Z', 'bitcoin price', 0);
      ask('2026-11-30T12:00:00Z', 'Bitcoin price?', 0);
      ask('2026-11-30T13:00:00Z', 'pizza', 0);
      ask('2026-11-30T14:00:00Z', 'other channel', 0, 'C2');
      ask('2026-11-30T23:00:00Z', 'today already', 1);
      const digest = composeDigest({ date: '2026-12-01', channelId: 'C1', timeZone: 'Europe/Rome', knowledge: makeKnowledge(2), store });
      expect(digest.questions).toEqual({
        date: '2026-11-30',
        total: 7,
        mostAsked: [
          { text: 'VODAFONE!', count: 3 },
          { text: 'Bitcoin price?', count: 2 },
          { text: 'datacenter Germania', count: 1 },
          { text: 'pizza', count: 1 },
        ],
        unanswered: [
          { text: 'Bitcoin price?', count: 2 },
          { text: 'pizza', count: 1 },
        ],
      });
    } finally {
      store.close();
    }
  });

  it('leaves the section out when nobody asked anything the day before', () => {
    const store = openStore(':memory:');
    try {
      store.recordQuery({ at: new Date('2026-11-28T10:00:00Z'), channelId: 'C1', userId: 'U1', surface: 'command', query: 'old', resultCount: 0 });
      expect(composeDigest({ date: '2026-12-01', channelId: 'C1', timeZone: 'UTC', knowledge: makeKnowledge(1), store }).questions).toBeNull();
    } finally {
      store.close();
    }
  });
});

describe('a busy channel and a large knowledge base', () => {
  it('keeps the digest to the top questions and within Block Kit limits with 5,000 questions and 500 documents', () => {
    const store = openStore(':memory:');
    try {
      const knowledge = makeKnowledge(3, 500);
      for (let i = 0; i < 5000; i += 1) {
        const query = `${'<!channel> quanto costa il cloud & perché '.repeat(20)}${i % 300}`;
        store.recordQuery({ at: new Date(Date.parse('2026-11-30T00:00:00Z') + i * 1000), channelId: 'C1', userId: 'U1', surface: 'command', query, resultCount: i % 2 });
      }
      const digest = composeDigest({ date: '2026-12-01', channelId: 'C1', timeZone: 'UTC', knowledge, store });
      expect(digest.questions!.total).toBe(5000);
      expect(digest.questions!.mostAsked).toHaveLength(5);
      expect(digest.questions!.unanswered).toHaveLength(5);
      expect(digest.newDocuments).toHaveLength(500);
      const message = renderDigestBlocks(digest);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const block of message.blocks) {
        const text = (block as { text?: { text: string } }).text?.text ?? '';
        expect(text.length).toBeLessThanOrEqual(3000);
        expect(text).not.toContain('<!channel>');
      }
      expect(JSON.stringify(message.blocks)).toContain('&lt;!channel&gt;');
    } finally {
      store.close();
    }
  });
});
