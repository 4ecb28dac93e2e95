/**
 * The ask command as other tools use it: a real process, real knowledge folder, stdout parsed as JSON.
 * Spawns are few (each costs about a second); argument parsing is tested in-process.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { answerToJson, answerToText, parseAskArguments, UsageError } from '../../src/cli/ask';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const KNOWLEDGE = path.join(ROOT, 'knowledge');

function runAsk(args: string[], input?: string) {
  return spawnSync(TSX, [path.join(ROOT, 'src', 'cli', 'ask.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: KNOWLEDGE },
    timeout: 30_000,
  });
}

describe('npm run ask (process)', () => {
  it('--json "vodafon" prints one JSON document with the Vodafone alliance first and its citation', () => {
    const run = runAsk(['--json', 'vodafon']);
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(Object.keys(output)).toEqual(['query', 'results']);
    expect(output.query).toBe('vodafon');
    expect(output.results[0]).toEqual({
      quote: 'Per l’occasione Alibaba ha stretto un’alleanza commerciale con Vodafone',
      translation: expect.stringContaining('Vodafone'),
      score: expect.any(Number),
      source: {
        id: 'alibaba-europa-server-farm-germania',
        title: expect.stringContaining('Alibaba'),
        url: null,
        section: 'alleanza con Vodafone',
        paragraph: 2,
      },
    });
  });

  it('--stdin answers each line with one JSON line, until end of input', () => {
    const run = runAsk(['--stdin', '--limit', '2', '--knowledge', KNOWLEDGE], 'singels day\r\nbitcoin price\n\n');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(lines.map((l) => l.query)).toEqual(['singels day', 'bitcoin price', '']);
    expect(lines[0].results[0].quote).toContain('Singles’ Day');
    expect(lines[0].results.length).toBeLessThanOrEqual(2);
    expect(lines[1].results).toEqual([]);
    expect(lines[2].results).toEqual([]);
  });
});

describe('parseAskArguments', () => {
  it('reads the question, --json, --limit and --knowledge', () => {
    expect(parseAskArguments(['--json', '--limit', '3', '--knowledge', 'k', 'data', 'centers'])).toEqual({
      json: true,
      stdin: false,
      limit: 3,
      knowledgeDir: 'k',
      question: 'data centers',
      help: false,
    });
  });

  it.each([[[]], [['--limit', '0', 'x']], [['--limit', '2.5', 'x']], [['--limit', 'ten', 'x']], [['--stdin', 'x']], [['--nope', 'x']], [['--knowledge']]])(
    'rejects %j with a usage error',
    (args) => {
      expect(() => parseAskArguments(args)).toThrow(UsageError);
    },
  );
});

describe('output formats', () => {
  const answer = {
    query: 'vodafone',
    truncated: false,
    results: [
      {
        quote: 'Alibaba ha stretto un’alleanza con Vodafone',
        translation: 'Alibaba formed an alliance with Vodafone',
        score: 1.23456789,
        source: { id: 'doc', title: 'Titolo', url: null, section: 'alleanza con Vodafone', paragraph: 2 },
        factId: 'vodafone-alliance',
      },
    ],
  };

  it('JSON has exactly the contract fields', () => {
    expect(JSON.parse(answerToJson(answer))).toEqual({
      query: 'vodafone',
      results: [{ quote: answer.results[0]!.quote, translation: answer.results[0]!.translation, score: 1.234568, source: answer.results[0]!.source }],
    });
  });

  it('text shows the quote, the English rendering and the citation', () => {
    const text = answerToText(answer);
    expect(text).toContain('“Alibaba ha stretto un’alleanza con Vodafone”');
    expect(text).toContain('English: Alibaba formed an alliance with Vodafone');
    expect(text).toContain('“Titolo” — section “alleanza con Vodafone”, paragraph 2');
    expect(answerToText({ query: 'pizza', truncated: false, results: [] })).toContain('No relevant answer');
  });
});
