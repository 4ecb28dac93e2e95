/**
 * End to end with the real knowledge/ folder, search engine and makeAsk behind the real HTTP receiver.
 */
import path from 'node:path';
import { makeAsk } from '../../src/answers/ask';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { createSearchIndex } from '../../src/search/engine';
import { coveredTopics } from '../../src/slack/topics';
import { eventCallback, postEvent, postSlashCommand, startSlackAppHarness, TEST_SIGNING_SECRET, visibleText, type SlackAppHarness } from '../support';

const knowledge = loadKnowledgeBase(path.resolve(__dirname, '..', '..', 'knowledge'));
const ask = makeAsk({ knowledge, index: createSearchIndex(knowledge) });
const vodafone = knowledge.facts.find((f) => f.id === 'vodafone-alliance');

describe('with the real knowledge base', () => {
  let h: SlackAppHarness;
  beforeAll(async () => {
    h = await startSlackAppHarness({ knowledge, ask });
  });
  afterAll(() => h.close());

  test('the curated Vodafone fact exists (the tests below depend on it)', () => {
    expect(vodafone).toBeDefined();
  });

  test('a signed /alibaba vodafon gets the Vodafone alliance quote with its citation', async () => {
    const response = await postSlashCommand(h.eventsUrl, { text: 'vodafon', response_url: h.responses.urlFor('vodafon') }, { secret: TEST_SIGNING_SECRET });
    // Acknowledged empty at once; the answer follows through response_url.
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const [post] = await h.responses.waitForPosts(1, 'vodafon');
    const text = visibleText(post!.body);
    const bestSection = visibleText((post!.body.blocks as unknown[]).find((b) => JSON.stringify(b).includes('*Best answer*')));
    expect(bestSection).toContain(`> ${vodafone!.quote}`);
    expect(bestSection).toContain(vodafone!.translation);
    expect(text).toContain('Alibaba punta all’Europa');
    expect(text).toContain('section “alleanza con Vodafone”');
    expect(text).toContain(`paragraph ${vodafone!.paragraph}`);
  });

  test('a mention asking about competitors is answered in the thread with Amazon, IBM and Google', async () => {
    await postEvent(h.eventsUrl, eventCallback({ type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> who are the competitors?', ts: '1700003000.000100', channel: 'C0GENERAL' }), { secret: TEST_SIGNING_SECRET });
    const [call] = await h.api.waitForCalls('chat.postMessage', 1);
    expect(call!.params.thread_ts).toBe('1700003000.000100');
    expect(String(call!.params.text)).toMatch(/Amazon/);
    expect(String(call!.params.text)).toMatch(/Google/);
  });

  test('an off-topic question gets an honest no-answer with topics from the curated facts', async () => {
    await postSlashCommand(h.eventsUrl, { text: 'pizza recipe', response_url: h.responses.urlFor('pizza') }, { secret: TEST_SIGNING_SECRET });
    const [post] = await h.responses.waitForPosts(1, 'pizza');
    const text = visibleText(post!.body);
    expect(text).toContain('couldn');
    expect(text).toContain(vodafone!.topic!);
  });

  test('every example question the Home tab offers finds an answer', () => {
    const examples = coveredTopics(knowledge, 10);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect({ example, results: ask(example, { limit: 1 }).results.length }).toEqual({ example, results: 1 });
  });
});
