import path from 'node:path';
import fc from 'fast-check';
import { makeAsk } from '../../src/answers/ask';
import { replyToLine } from '../../src/console/console';
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { createSearchIndex } from '../../src/search/engine';
import { limitViolations } from '../../src/slack/blocks/limits';
import { createMemoryLogger } from '../../src/slack/logger';
import { makeReplies, parseInput } from '../../src/slack/replies';
import { MemoryLogs, visibleText } from '../support';

describe('parseInput', () => {
  test.each([
    ['', { kind: 'help' }],
    ['  help ', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['sources', { kind: 'sources' }],
    ['digest', { kind: 'digest', args: '' }],
    ['digest   subscribe 08:30  Europe/Rome', { kind: 'digest', args: 'subscribe 08:30 Europe/Rome' }],
    ['Digest now', { kind: 'digest', args: 'now' }],
    ['digestion of data centers', { kind: 'question', question: 'digestion of data centers' }],
    ['help me find the datacenters', { kind: 'question', question: 'help me find the datacenters' }],
    ['  who   are the competitors? ', { kind: 'question', question: 'who are the competitors?' }],
  ])('%j', (text, expected) => {
    expect(parseInput(text)).toEqual(expected);
  });
});

describe('replies over the real knowledge base', () => {
  const knowledge = loadKnowledgeBase(path.resolve(__dirname, '..', '..', 'knowledge'));
  const ask = makeAsk({ knowledge, index: createSearchIndex(knowledge) });
  const logs = new MemoryLogs();
  const replies = makeReplies({ ask, knowledge, queryLog: logs, clock: () => new Date(), logger: createMemoryLogger() });

  test('a query log that throws costs a log line, not the answer', () => {
    const logger = createMemoryLogger();
    const failing = makeReplies({ ask, knowledge, queryLog: { recordQuery: () => { throw new Error('disk full'); } }, clock: () => new Date(), logger });
    const message = failing.answer('vodafone', { channelId: 'C1', userId: 'U1' }, 'command', 'ephemeral');
    expect(visibleText(message)).toContain('Vodafone');
    expect(logger.lines.join('\n')).toContain('disk full');
  });

  test('property: nothing a user types crashes a reply, and every reply is within limits with echoes escaped', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 700 }), fc.constantFrom('<!channel>', '<!everyone> vodafone', '<@U1|x>', '&amp;&lt;', '\u0000\u200b', '🙂'.repeat(400))),
        fc.constantFrom('/alibaba ', '@alibaba ', ''),
        async (text, prefix) => {
          const message = await replyToLine(`${prefix}${text}`, replies);
          if (message === null) return;
          expect(limitViolations(message)).toEqual([]);
          expect(visibleText(message)).not.toMatch(/<!(channel|here|everyone)>|<@U1\|x>/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
