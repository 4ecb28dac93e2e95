import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/digest';
import { DATABASE_FILE, openStore } from '../../src/store';
import { visibleText } from '../support/knowledge-fixture';
import { startSlackApiStandIn, type SlackApiStandIn } from '../support/slack-api-stand-in';
import { tempDir } from '../digest/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(ROOT, 'src', 'cli', 'digest.ts');
const KNOWLEDGE = path.join(ROOT, 'knowledge');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { PATH: process.env.PATH ?? '', HOME: tempDir('alibaba-digest-home-'), KNOWLEDGE_DIR: KNOWLEDGE, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `npm run digest -- …`'s script in a clean folder (no .env) with only the given variables. */
function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return exec(TSX, [CLI, ...args], tempDir('alibaba-digest-cwd-'), env);
}

/** `npm run digest -- …` itself, from the project folder (DATA_DIR and KNOWLEDGE_DIR point elsewhere). */
function runNpmDigest(args: string[], env: Record<string, string>): Promise<Run> {
  return exec('npm', ['run', '--silent', 'digest', '--', ...args], ROOT, env);
}

function factSection(blocks: unknown): string {
  const section = (blocks as Array<{ type: string; text?: { text: string } }>).find((b) => b.type === 'section' && b.text?.text.includes('\n>'));
  if (!section?.text) throw new Error('no fact section in the posted digest');
  return section.text.text;
}

describe('npm run digest -- --once (end to end against the loopback Web API)', () => {
  let api: SlackApiStandIn;
  beforeAll(async () => {
    api = await startSlackApiStandIn();
  });
  afterAll(async () => {
    await api.close();
  });

  it('posts one digest to each channel, posts nothing on an identical second run, and quotes a different fact the next date', async () => {
    // From a clean state: DATA_DIR does not exist yet.
    const dataDir = path.join(tempDir(), 'not', 'yet', 'there');
    const env = { SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: api.url, DATA_DIR: dataDir, DIGEST_CHANNELS: 'C1,C2', DIGEST_TZ: 'Europe/Rome' };

    const first = await runNpmDigest(['--once', '--date', '2026-12-01'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^C1 posted \d+\.\d+$/), expect.stringMatching(/^C2 posted \d+\.\d+$/)]);
    const firstPosts = api.callsTo('chat.postMessage');
    expect(firstPosts.map((c) => c.params.channel)).toEqual(['C1', 'C2']);
    expect(firstPosts.every((c) => c.token === 'xoxb-cli-test')).toBe(true);
    expect(firstPosts[0]!.params.metadata).toEqual({ event_type: 'alibaba_digest', event_payload: { date: '2026-12-01', channel: 'C1' } });
    const day1Fact = factSection(firstPosts[0]!.params.blocks);

    // At the same time, on the same database file: the identical run, and two processes for the next date.
    const nextEnv = { ...env, DIGEST_CHANNELS: 'C1,C2,C3' };
    const [again, ...nextDay] = await Promise.all([runCli(['--once', '--date', '2026-12-01'], env), runCli(['--once', '--date', '2026-12-02'], nextEnv), runCli(['--once', '--date', '2026-12-02'], nextEnv)]);
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('\n')).toEqual(['C1 already delivered', 'C2 already delivered']);

    for (const run of nextDay) {
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^C1 (posted|already delivered)/), expect.stringMatching(/^C2 (posted|already delivered)/), expect.stringMatching(/^C3 (posted|already delivered)/)]);
    }
    // Between the two, each channel was posted by exactly one process.
    expect(nextDay.flatMap((r) => r.stdout.split('\n').filter((line) => / posted \d/.test(line)))).toHaveLength(3);
    const posts = api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(5);
    const day2C1 = posts.find((c) => c.params.channel === 'C1' && (c.params.metadata as { event_payload: { date: string } }).event_payload.date === '2026-12-02');
    const day2Fact = factSection(day2C1!.params.blocks);
    expect(day2Fact).not.toBe(day1Fact);

    const store = openStore(dataDir);
    try {
      expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(true);
      expect(store.factsShown('C1').map((f) => f.date)).toEqual(['2026-12-01', '2026-12-02']);
      expect(new Set(store.factsShown('C1').map((f) => f.factId)).size).toBe(2);
    } finally {
      store.close();
    }
  }, 30_000);

});

describe('digest command arguments and configuration (in process)', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err.push(String(chunk));
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const baseEnv = () => ({ DATA_DIR: tempDir(), KNOWLEDGE_DIR: KNOWLEDGE, DIGEST_CHANNELS: 'C1,C2' });

  it('exits 2 without --once, with a bad date or an unknown option', async () => {
    expect(await main([], baseEnv())).toBe(2);
    expect(err.join('')).toContain('Pass --once');
    expect(await main(['--once', '--date', '2026-02-30'], baseEnv())).toBe(2);
    expect(err.join('')).toContain('--date must be a calendar date written YYYY-MM-DD (got "2026-02-30")');
    expect(await main(['--once', '--channel', 'C1'], baseEnv())).toBe(2);
    expect(err.join('')).toContain('Usage: npm run digest -- --once');
  });

  it('exits 2 naming SLACK_BOT_TOKEN when it is missing or malformed, never printing its value', async () => {
    expect(await main(['--once'], baseEnv())).toBe(2);
    expect(err.join('')).toContain('SLACK_BOT_TOKEN is not set');
    err.length = 0;
    expect(await main(['--once'], { ...baseEnv(), SLACK_BOT_TOKEN: 'xoxp-secret-user-token' })).toBe(2);
    expect(err.join('')).toContain('SLACK_BOT_TOKEN');
    expect(err.join('')).not.toContain('secret');
    expect(await main(['--once', '--dry-run'], { ...baseEnv(), DIGEST_TZ: 'Mars/Base' })).toBe(2);
    expect(err.join('')).toContain('DIGEST_TZ');
  });

  it('exits 1 naming the failed channel, and a later run delivers only that one', async () => {
    const api = await startSlackApiStandIn();
    try {
      const env = { ...baseEnv(), SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: api.url, DIGEST_CHANNELS: 'CX1,CX2' };
      api.respond('chat.postMessage', (params) => {
        if (params.channel === 'CX1') return { body: { ok: false, error: 'not_in_channel' } };
        const message = api.addMessage(String(params.channel), { metadata: params.metadata });
        return { body: { ok: true, channel: params.channel, ts: message.ts } };
      });
      expect(await main(['--once', '--date', '2026-12-05'], env)).toBe(1);
      expect(out.join('').trim().split('\n')).toEqual(['CX1 failed: not_in_channel', expect.stringMatching(/^CX2 posted \d+\.\d+$/)]);
      expect(err.join('')).toContain('not_in_channel');
      api.respond('chat.postMessage', null);
      out.length = 0;
      expect(await main(['--once', '--date', '2026-12-05'], env)).toBe(0);
      expect(out.join('').trim().split('\n')).toEqual([expect.stringMatching(/^CX1 posted /), 'CX2 already delivered']);
      expect(api.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['CX1', 'CX2', 'CX1']);
    } finally {
      await api.close();
    }
  });

  it('--dry-run prints each channel\'s digest as text without a token, posting and recording nothing', async () => {
    const env = baseEnv();
    expect(await main(['--once', '--dry-run', '--date', '2026-12-01'], env)).toBe(0);
    const text = out.join('');
    expect(text).toContain('===== C1 · 2026-12-01 (dry run: not posted, not recorded) =====');
    expect(text).toContain('===== C2 · 2026-12-01');
    expect(text).toContain('Alibaba cloud digest · Tuesday 1 December 2026');
    expect(text).toMatch(/“.+”/);
    const store = openStore(env.DATA_DIR);
    try {
      expect(store.getDelivery('C1', '2026-12-01')).toBeNull();
      expect(store.factsShown('C1')).toEqual([]);
      expect(store.listSubscriptions()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('--dry-run with a token set still calls no Slack method', async () => {
    const api = await startSlackApiStandIn();
    try {
      const env = { ...baseEnv(), SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: api.url };
      expect(await main(['--once', '--dry-run', '--date', '2026-12-01'], env)).toBe(0);
      expect(out.join('')).toContain('===== C2 · 2026-12-01');
      expect(api.calls).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('does not wait an hour for a 429 with Retry-After: 3600: it gives up at once (exit 1) and records when to try again', async () => {
    const api = await startSlackApiStandIn();
    try {
      const env = { ...baseEnv(), SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: api.url };
      api.respond('chat.postMessage', { status: 429, headers: { 'retry-after': '3600' }, body: { ok: false, error: 'ratelimited' } });
      const started = Date.now();
      expect(await main(['--once', '--date', '2026-12-01'], env)).toBe(1);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(out.join('').trim().split('\n')).toEqual([
        expect.stringMatching(/^C1 failed: rate limited \(Retry-After 3600 s\) \(gave up: .*a later run delivers it\)$/),
        expect.stringMatching(/^C2 failed: rate limited \(Retry-After 3600 s\)/),
      ]);
      // A run within the hour does not knock again; Slack asked us to wait.
      out.length = 0;
      expect(await main(['--once', '--date', '2026-12-01'], env)).toBe(1);
      expect(out.join('')).toMatch(/C1 failed: not attempted: Slack asked us to wait until .*\(UTC\)/);
      expect(api.callsTo('chat.postMessage')).toHaveLength(2);
      const store = openStore(env.DATA_DIR);
      try {
        expect(store.getDelivery('C1', '2026-12-01')).toMatchObject({ state: 'failed', permanentError: false, retryAfter: expect.any(Date) });
        expect(store.getDelivery('C1', '2026-12-01')!.retryAfter!.getTime()).toBeGreaterThan(started + 3_500_000);
      } finally {
        store.close();
      }
    } finally {
      await api.close();
    }
  });

  it('exits 2 with a clear message when the database file is damaged, and leaves it alone', async () => {
    const env = { ...baseEnv(), SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: 'http://127.0.0.1:9/api/' };
    const file = path.join(env.DATA_DIR, DATABASE_FILE);
    fs.writeFileSync(file, 'this is not a database, just some text that happens to be long enough to look like a header '.repeat(20));
    expect(await main(['--once', '--date', '2026-12-01'], env)).toBe(2);
    const message = err.join('');
    expect(message).toContain(`digest: Could not open the database ${file}: the file is damaged or is not a SQLite database`);
    expect(message.split('\n').filter(Boolean)).toHaveLength(1);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^this is not a database/);
  });

  it('lists a document added to the knowledge folder between two dates once, in the next digest only', async () => {
    const knowledgeDir = tempDir('alibaba-digest-knowledge-');
    for (const name of fs.readdirSync(KNOWLEDGE)) fs.copyFileSync(path.join(KNOWLEDGE, name), path.join(knowledgeDir, name));
    const api = await startSlackApiStandIn();
    try {
      const env = { ...baseEnv(), KNOWLEDGE_DIR: knowledgeDir, SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: api.url, DIGEST_CHANNELS: 'C1' };
      const postedText = () => visibleText(api.callsTo('chat.postMessage').at(-1)!.params.blocks);
      expect(await main(['--once', '--date', '2026-12-01'], env)).toBe(0);
      expect(postedText()).toContain('In the knowledge base (1 document)');
      expect(await main(['--once', '--date', '2026-12-02'], env)).toBe(0);
      expect(postedText()).not.toContain('knowledge base (');

      fs.writeFileSync(path.join(knowledgeDir, 'alibaba-dubai.md'), '---\ntitle: "Alibaba Cloud apre a Dubai"\nlanguage: it\n---\n\nAlibaba Cloud ha aperto un centro dati a Dubai.\n');
      expect(await main(['--once', '--date', '2026-12-03'], env)).toBe(0);
      expect(postedText()).toContain('New in the knowledge base (1)');
      expect(postedText()).toContain('Alibaba Cloud apre a Dubai');
      expect(await main(['--once', '--date', '2026-12-04'], env)).toBe(0);
      expect(postedText()).not.toContain('Dubai');
      expect(api.callsTo('chat.postMessage')).toHaveLength(4);
    } finally {
      await api.close();
    }
  });
});
