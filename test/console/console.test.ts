import { PassThrough } from 'node:stream';
import { runConsole, replyToLine } from '../../src/console/console';
import { messageToText } from '../../src/console/render-text';
import { createMemoryLogger } from '../../src/slack/logger';
import { makeReplies } from '../../src/slack/replies';
import type { DigestCommandRequest } from '../../src/digest/types';
import { fixtureKnowledge, keywordAsk, MemoryLogs, spawnMain } from '../support';

function setup(digest?: (request: DigestCommandRequest) => Promise<{ text: string; blocks: [] }>) {
  const knowledge = fixtureKnowledge();
  const logs = new MemoryLogs();
  const replies = makeReplies({ ask: keywordAsk(knowledge), knowledge, queryLog: logs, clock: () => new Date('2026-12-01T09:00:00Z'), logger: createMemoryLogger(), ...(digest ? { digest } : {}) });
  return { replies, logs, knowledge };
}

async function drive(lines: string, interactive = false, digest?: Parameters<typeof setup>[0]) {
  const { replies, logs } = setup(digest);
  const input = new PassThrough();
  const output = new PassThrough();
  const errorOutput = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (chunk: Buffer) => (out += chunk.toString()));
  errorOutput.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = runConsole({ replies, input, output, errorOutput, interactive, summary: { documents: 1, passages: 2, facts: 2 } });
  input.end(lines);
  await done;
  return { out, err, logs };
}

describe('the console', () => {
  test('piped input: one reply per line on stdout, banner on stderr, no prompt', async () => {
    const { out, err, logs } = await drive('/alibaba vodafone\n\n@alibaba germany?\nwhat about the vodafone alliance\n/alibaba help\n/alibaba sources\n');
    expect(out).not.toContain('alibaba>');
    expect(err).toContain('local console');
    expect(out).toContain('» /alibaba vodafone\nYou asked: vodafone\nBest answer\n> Alibaba ha stretto un’alleanza commerciale con Vodafone.\nEnglish: Alibaba formed a commercial alliance with Vodafone.');
    expect(out).toContain('Alibaba opens a server farm in Germany · section “alleanza con Vodafone” · paragraph 2 · Open the source (https://example.com/news/alibaba-germany)');
    expect(out).not.toMatch(/\*(Best answer|English:)/);
    expect(out).toContain('[Share in channel] [Helpful] [Not helpful]');
    expect(out).toContain('» @alibaba germany?\nYou asked: germany?');
    expect(out).toContain('» what about the vodafone alliance');
    expect(out).toContain('/alibaba digest subscribe');
    expect(out).toContain('2 facts');
    expect(logs.queries.map((q) => [q.surface, q.query])).toEqual([
      ['console', 'vodafone'],
      ['console', 'germany?'],
      ['console', 'what about the vodafone alliance'],
    ]);
  });

  test('interactive: prompts on stdout', async () => {
    const { out } = await drive('/alibaba vodafone\n', true);
    expect(out).toContain('local console');
    expect(out).toContain('alibaba> ');
    expect(out).toContain('> Alibaba ha stretto');
  });

  test('/alibaba digest now goes to the digest handler as the console channel', async () => {
    const requests: DigestCommandRequest[] = [];
    const { out } = await drive('/alibaba digest now\n', false, async (request) => {
      requests.push(request);
      return { text: 'Digest preview', blocks: [] };
    });
    expect(requests).toEqual([{ channelId: 'console', userId: 'UCONSOLE', args: 'now', surface: 'console' }]);
    expect(out).toContain('Digest preview');
  });

  test('a bare @alibaba explains how to ask; unknown questions get suggestions; a blank line nothing', async () => {
    const { replies } = setup();
    expect(messageToText((await replyToLine('@alibaba', replies))!)).toContain('Mention me with a question');
    expect(messageToText((await replyToLine('/alibaba bitcoin', replies))!)).toContain('German server farm');
    expect(await replyToLine('   ', replies)).toBeNull();
  });
});

test('npm start without Slack credentials, piped: prints both answers with citations and the digest preview as readable text, and exits 0', async () => {
  const main = spawnMain({}, { stdin: '/alibaba datacenters\n@alibaba who are the competitors?\n/alibaba digest now\n' });
  expect(await main.exited).toBe(0);
  const out = main.stdout();
  expect(out).toContain('» /alibaba datacenters');
  expect(out).toMatch(/> .*server farm/);
  expect(out).toContain('» @alibaba who are the competitors?');
  expect(out).toMatch(/> .*Amazon.*Google/);
  expect(out).toMatch(/\nAlibaba punta all’Europa.*· paragraph \d/);
  expect(out).toContain('» /alibaba digest now\n== ');
  expect(out).toMatch(/Preview of the digest[^\n]*\n[^\n]*\n> \S/);
  expect(out).not.toMatch(/\*Best answer\*|_[A-Z][^_\n]*_\n/);
  expect(out).not.toContain('alibaba> ');
  expect(main.stderr()).toContain('local console');
});
