/**
 * Block Kit renderers as pure functions: content, escaping, and Block Kit's limits under stress.
 */
import fc from 'fast-check';
import type { Answer, AnswerResult } from '../../src/answers/types';
import { ACTION_IDS, decodeAnswerRef, encodeAnswerRef } from '../../src/slack/blocks/action-ids';
import { renderAnswer, renderCitation } from '../../src/slack/blocks/answer';
import { renderHelp } from '../../src/slack/blocks/help';
import { renderHome } from '../../src/slack/blocks/home';
import { LIMITS, fitToLimits, limitViolations, truncateText } from '../../src/slack/blocks/limits';
import type { SlackMessage } from '../../src/slack/blocks/message';
import { renderSources } from '../../src/slack/blocks/sources';
import { escapeSlackText, slackTextToPlain, stripBotMention, unescapeSlackText } from '../../src/slack/escape';
import { coveredTopics } from '../../src/slack/topics';
import { fixtureDocument, fixtureFact, fixtureKnowledge, visibleText } from '../support';

function result(overrides: Partial<AnswerResult> = {}): AnswerResult {
  return {
    quote: 'Alibaba ha stretto un’alleanza commerciale con Vodafone.',
    translation: 'Alibaba formed a commercial alliance with Vodafone.',
    score: 1,
    factId: 'vodafone-alliance',
    source: { id: 'doc', title: 'Alibaba in Europe', url: 'https://example.com/a', section: 'alleanza con Vodafone', paragraph: 2 },
    ...overrides,
  };
}

function answer(results: AnswerResult[], query = 'vodafone', truncated = false): Answer {
  return { query, truncated, results };
}

function buttons(message: SlackMessage): Array<{ action_id?: string; value?: string; text: { text: string } }> {
  return message.blocks.flatMap((b) => (b.type === 'actions' ? (b.elements as Array<{ action_id?: string; value?: string; text: { text: string } }>) : []));
}

describe('renderAnswer', () => {
  test('the best answer: block quote, English rendering, citation with title, section, paragraph and link', () => {
    const message = renderAnswer(answer([result()]), { surface: 'ephemeral' });
    const text = visibleText(message);
    expect(text).toContain('> Alibaba ha stretto un’alleanza commerciale con Vodafone.');
    expect(text).toContain('*English:* Alibaba formed a commercial alliance with Vodafone.');
    expect(text).toContain('*Alibaba in Europe* · section “alleanza con Vodafone” · paragraph 2 · <https://example.com/a|Open the source>');
    expect(message.text).toContain('Alibaba ha stretto');
    expect(limitViolations(message)).toEqual([]);
  });

  test('private answers carry Share, Helpful and Not helpful; public ones only the feedback; Home none', () => {
    const ids = (surface: 'ephemeral' | 'public' | 'home') => buttons(renderAnswer(answer([result()]), { surface })).map((b) => b.action_id);
    expect(ids('ephemeral')).toEqual([ACTION_IDS.share, ACTION_IDS.helpful, ACTION_IDS.notHelpful]);
    expect(ids('public')).toEqual([ACTION_IDS.helpful, ACTION_IDS.notHelpful]);
    expect(ids('home')).toEqual([]);
    const [share] = buttons(renderAnswer(answer([result()]), { surface: 'ephemeral' }));
    expect(decodeAnswerRef(share!.value)).toEqual({ q: 'vodafone', f: 'vodafone-alliance', d: 'doc' });
  });

  test('shows the best result and at most two more, compact', () => {
    const many = Array.from({ length: 40 }, (_, i) => result({ quote: `Quote number ${i}.`, factId: `f${i}` }));
    const message = renderAnswer(answer(many), { surface: 'ephemeral' });
    const text = visibleText(message);
    expect(text).toContain('Quote number 0.');
    expect(text).toContain('Quote number 1.');
    expect(text).toContain('Quote number 2.');
    expect(text).not.toContain('Quote number 3.');
    expect(limitViolations(message)).toEqual([]);
  });

  test('a passage without a curated rendering, without section, paragraph or URL, still cites honestly', () => {
    const bare = result({ translation: null, factId: null, source: { id: 'd', title: 'Title only', url: null, section: null, paragraph: null } });
    const text = visibleText(renderAnswer(answer([bare]), { surface: 'public' }));
    expect(text).not.toContain('English:');
    expect(text).toContain('*Title only*');
    expect(text).not.toContain('paragraph');
    expect(text).not.toContain('Open the source');
  });

  test('very long quotes, translations, titles and questions stay within every limit', () => {
    const huge = 'Lorem ipsum & <dolor> sit amet '.repeat(2000);
    const message = renderAnswer(
      answer(
        [result({ quote: huge, translation: huge, source: { id: 'x'.repeat(3000), title: huge, url: `https://example.com/${'a'.repeat(5000)}`, section: huge, paragraph: 9 } }), result({ quote: huge }), result({ quote: huge })],
        huge.slice(0, 500),
        true,
      ),
      { surface: 'ephemeral' },
    );
    expect(limitViolations(message)).toEqual([]);
    for (const button of buttons(message)) expect(decodeAnswerRef(button.value)).not.toBeNull();
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  test('a cut question is flagged in the reply', () => {
    expect(visibleText(renderAnswer(answer([result()], 'q'.repeat(500), true), { surface: 'ephemeral' }))).toContain('longer than 500 characters');
  });

  test('no result: says so plainly, suggests topics, echoes the question escaped', () => {
    const message = renderAnswer(answer([], 'bitcoin <!here>'), { surface: 'ephemeral', topics: ['Vodafone alliance', 'German server farm'] });
    const text = visibleText(message);
    expect(text).toContain('couldn');
    expect(text).toContain('bitcoin &lt;!here&gt;');
    expect(text).not.toContain('<!here>');
    expect(text).toContain('• Vodafone alliance');
    expect(buttons(message)).toEqual([]);
    expect(limitViolations(message)).toEqual([]);
  });

  test('the knowledge text itself is escaped too (a document may contain < or &)', () => {
    const text = visibleText(renderAnswer(answer([result({ quote: 'A <b> & <!channel>', source: { ...result().source, title: 'T <@U1>' } })]), { surface: 'public' }));
    expect(text).toContain('A &lt;b&gt; &amp; &lt;!channel&gt;');
    expect(text).toContain('T &lt;@U1&gt;');
  });

  test('citations never link anything but http(s) and cannot break out of the link', () => {
    expect(renderCitation({ id: 'd', title: 't', url: 'javascript:alert(1)', section: null, paragraph: null })).not.toContain('javascript');
    expect(renderCitation({ id: 'd', title: 't', url: 'https://e.com/a|b>c', section: null, paragraph: null })).toContain('<https://e.com/a%7Cb%3Ec|Open the source>');
  });

  test('property: any question and any results render within limits with escaped echoes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.array(fc.record({ quote: fc.string({ maxLength: 4000 }), translation: fc.option(fc.string({ maxLength: 4000 })) }), { maxLength: 8 }), fc.boolean(), (query, rows, truncated) => {
        const message = renderAnswer(answer(rows.map((r) => result({ quote: r.quote, translation: r.translation })), query, truncated), { surface: 'ephemeral', topics: ['a'] });
        expect(limitViolations(message)).toEqual([]);
        expect(visibleText(message)).not.toMatch(/<!(channel|here|everyone)>/);
      }),
      { numRuns: 150 },
    );
  });
});

describe('help, sources and Home', () => {
  test('help covers asking, mentions, DMs, sources and every digest command', () => {
    const text = visibleText(renderHelp());
    for (const needle of ['/alibaba <question>', '@alibaba', 'direct message', '/alibaba sources', 'digest subscribe', 'digest unsubscribe', 'digest status', 'digest now']) expect(text).toContain(needle);
    expect(limitViolations(renderHelp())).toEqual([]);
  });

  test('sources lists each document with its fact count, link and publisher', () => {
    const text = visibleText(renderSources(fixtureKnowledge()));
    expect(text).toContain('<https://example.com/news/alibaba-germany|Alibaba opens a server farm in Germany>');
    expect(text).toContain('Example News · 2016-11-20 · 2 facts');
    expect(text).toContain('1 document, 2 passages, 2 curated facts.');
  });

  test('sources with thousands of documents stays within limits and says how many more there are', () => {
    const knowledge = fixtureKnowledge();
    knowledge.documents = Array.from({ length: 5000 }, (_, i) => fixtureDocument({ id: `doc-${i}`, title: `A rather long document title number ${i} `.repeat(4) }));
    const message = renderSources(knowledge);
    expect(limitViolations(message)).toEqual([]);
    expect(visibleText(message)).toMatch(/…and \d+ more documents\./);
  });

  test('the Home tab: what it knows, how to ask, example buttons from the topics, and an answer on top when asked', () => {
    const knowledge = fixtureKnowledge();
    const examples = coveredTopics(knowledge, 5);
    expect(examples).toEqual(['German server farm', 'Vodafone alliance', 'alleanza con Vodafone', 'Alibaba opens a server farm in Germany']);
    const home = renderHome(knowledge, { examples });
    expect(home.type).toBe('home');
    const homeMessage: SlackMessage = { text: 'home', blocks: home.blocks as SlackMessage['blocks'] };
    expect(limitViolations(homeMessage)).toEqual([]);
    const actionIds = buttons(homeMessage).map((b) => b.action_id);
    expect(new Set(actionIds).size).toBe(actionIds.length);
    expect(buttons(homeMessage).map((b) => b.value)).toEqual(examples);
    const withAnswer = renderHome(knowledge, { examples, answer: { question: 'vodafone <!here>', message: renderAnswer(answer([result()]), { surface: 'home' }) } });
    const text = visibleText(withAnswer);
    expect(text).toContain('*Answer to:* vodafone &lt;!here&gt;');
    expect(text.indexOf('Answer to')).toBeLessThan(text.indexOf('How to ask'));
  });

  test('topics fall back to sections and titles when no fact has a topic, without duplicates', () => {
    const knowledge = fixtureKnowledge();
    knowledge.facts = [fixtureFact({ id: 'a', quote: 'q', topic: null })];
    expect(coveredTopics(knowledge, 10)).toEqual(['alleanza con Vodafone', 'Alibaba opens a server farm in Germany']);
  });
});

describe('limits and escaping helpers', () => {
  test('truncateText never splits an entity, a <…> sequence or a surrogate pair', () => {
    expect(truncateText('abc &amp; def', 7)).toBe('abc…');
    expect(truncateText('see <https://example.com|link> now', 12)).toBe('see…');
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
    expect(truncateText('short', 10)).toBe('short');
  });

  test('property: truncateText respects the maximum and keeps short text intact', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 320 }), (text, max) => {
        const cut = truncateText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(cut).toBe(text);
      }),
    );
  });

  test('fitToLimits caps blocks at 50 keeping the buttons, and trims oversized texts', () => {
    const message: SlackMessage = {
      text: '',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(400) } },
        ...Array.from({ length: 80 }, () => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text: 's'.repeat(5000) } })),
        { type: 'actions', elements: [{ type: 'button', action_id: 'x', text: { type: 'plain_text', text: 'b'.repeat(100) }, value: 'v' }] },
      ],
    };
    const fitted = fitToLimits(message);
    expect(limitViolations(fitted)).toEqual([]);
    expect(fitted.blocks).toHaveLength(50);
    expect(fitted.blocks[49]?.type).toBe('actions');
    expect(fitted.text).not.toBe('');
  });

  test('escapeSlackText escapes &, < and > (and only those); unescape reverses it', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeSlackText(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(unescapeSlackText(escaped)).toBe(text);
      }),
    );
    expect(escapeSlackText('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  test('stripBotMention removes only the bot’s mention', () => {
    expect(stripBotMention('<@U0BOT> who is <@U123>?', 'U0BOT')).toBe('who is <@U123>?');
    expect(stripBotMention('hey <@U0BOT|alibaba>  vodafone', 'U0BOT')).toBe('hey vodafone');
  });

  test('slackTextToPlain reads Slack’s markup as a person would, and escaping it again never yields a control sequence', () => {
    expect(slackTextToPlain('<@U123|maria> <@U456> <#C1|general> <#C2> <!here> <!channel|@channel> <!subteam^S1|@devs> <!subteam^S2>')).toBe('@maria @U456 #general #C2 @here @channel @devs @S2');
    expect(slackTextToPlain('<https://example.com|link> <https://example.com/a?b=1&amp;c=2> <mailto:a@b.co|mail me> <!date^1392734382^{date}|Feb 18>')).toBe('link https://example.com/a?b=1&c=2 mail me Feb 18');
    expect(slackTextToPlain('  AT&amp;T &lt;b&gt; :cloud: 🙂\n  caffè ')).toBe('AT&T <b> :cloud: 🙂 caffè');
    expect(slackTextToPlain('&amp;lt;')).toBe('&lt;');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(escapeSlackText(slackTextToPlain(text))).not.toMatch(/[<>]/);
      }),
    );
  });

  test('button values round-trip and stay within 2,000 characters even for long questions', () => {
    const ref = { q: '"\\'.repeat(700), f: 'fact', d: 'doc' };
    const value = encodeAnswerRef(ref);
    expect(value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    const decoded = decodeAnswerRef(value);
    expect(decoded?.f).toBe('fact');
    expect(ref.q.startsWith(decoded!.q)).toBe(true);
    expect(decodeAnswerRef('not json')).toBeNull();
    expect(decodeAnswerRef('{"x":1}')).toBeNull();
  });
});
