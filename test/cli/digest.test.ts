import { execFile } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/digest';
import { openStore } from '../../src/store';
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

/** Runs `npm run digest -- …`'s script in a clean folder (no .env) with only the given variables. */
function runCli(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd: tempDir('alibaba-digest-cwd-'), env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: KNOWLEDGE, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
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
    const dataDir = tempDir();
    const env = { SLACK_BOT_TOKEN: 'xoxb-cli-test', SLACK_API_URL: api.url, DATA_DIR: dataDir, DIGEST_CHANNELS: 'C1,C2', DIGEST_TZ: 'Europe/Rome' };

    const first = await runCli(['--once', '--date', '2026-12-01'], env);
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^C1 posted \d+\.\d+$/), expect.stringMatching(/^C2 posted \d+\.\d+$/)]);
    const firstPosts = api.callsTo('chat.postMessage');
    expect(firstPosts.map((c) => c.params.channel)).toEqual(['C1', 'C2']);
    expect(firstPosts.every((c) => c.token === 'xoxb-cli-test')).toBe(true);
    expect(firstPosts[0]!.params.metadata).toEqual({ event_type: 'alibaba_digest', event_payload: { date: '2026-12-01', channel: 'C1' } });
    const day1Fact = factSection(firstPosts[0]!.params.blocks);

    // The identical run and the next date's run at the same time, on the same database file.
    const [again, nextDay] = await Promise.all([
      runCli(['--once', '--date', '2026-12-01'], env),
      runCli(['--once', '--date', '2026-12-02'], { ...env, DIGEST_CHANNELS: 'C1,C2,C3' }),
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('\n')).toEqual(['C1 already delivered', 'C2 already delivered']);

    expect(nextDay.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^C1 posted /), expect.stringMatching(/^C2 posted /), expect.stringMatching(/^C3 posted /)]);
    expect(nextDay.code).toBe(0);
    const posts = api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(5);
    const day2C1 = posts.find((c) => c.params.channel === 'C1' && (c.params.metadata as { event_payload: { date: string } }).event_payload.date === '2026-12-02');
    const day2Fact = factSection(day2C1!.params.blocks);
    expect(day2Fact).not.toBe(day1Fact);

    const store = openStore(dataDir);
    try {
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
});
