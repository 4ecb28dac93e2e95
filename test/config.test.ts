import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

const BOT = 'xoxb-1111-2222-secretbot';
const APP = 'xapp-1-A111-secretapp';
const SECRET = 'signing-secret-value-1234';

function problemsOf(env: Record<string, string>, purpose?: 'app' | 'web-api'): string[] {
  try {
    loadConfig(env, { cwd: '/srv/bot', ...(purpose ? { purpose } : {}) });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: which mode', () => {
  it('opens the console when no Slack variable is set, with every default', () => {
    const config = loadConfig({}, { cwd: '/srv/bot' });
    expect(config).toEqual({
      mode: 'console',
      slack: null,
      port: 3000,
      logLevel: 'info',
      knowledgeDir: path.resolve('/srv/bot', 'knowledge'),
      dataDir: path.resolve('/srv/bot', 'data'),
      digest: { channels: [], time: '09:00', timeZone: 'UTC' },
    });
  });

  it('picks Socket Mode with a bot and an app token', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }, { cwd: '/srv/bot' });
    expect(config.mode).toBe('socket');
    expect(config.slack).toEqual({ botToken: BOT, appToken: APP, signingSecret: null, apiUrl: null });
  });

  it('picks HTTP mode with a bot token and a signing secret but no app token', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' }, { cwd: '/srv/bot' });
    expect(config.mode).toBe('http');
    expect(config.port).toBe(8080);
    expect(config.slack?.signingSecret).toBe(SECRET);
  });

  it('treats blank values as unset, as an untouched .env.example leaves them', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '  ', DIGEST_TIME: '' }, { cwd: '/srv/bot' }).mode).toBe('console');
  });

  it('normalises SLACK_API_URL to end in a slash', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: 'http://127.0.0.1:4000/api' });
    expect(config.slack?.apiUrl).toBe('http://127.0.0.1:4000/api/');
  });
});

describe('loadConfig: half-configured setups stop with every problem named', () => {
  it('a bot token alone names both ways to finish the setup', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: BOT });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
  });

  it('an app token without a bot token names SLACK_BOT_TOKEN', () => {
    expect(problemsOf({ SLACK_APP_TOKEN: APP }).join('\n')).toMatch(/SLACK_BOT_TOKEN is missing/);
  });

  it('a signing secret alone names SLACK_BOT_TOKEN', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: SECRET }).join('\n')).toMatch(/SLACK_BOT_TOKEN is missing/);
  });

  it('names every problem at once and never echoes a secret', () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxp-user-token-not-a-bot-secret',
      SLACK_APP_TOKEN: 'not-an-app-token-secret',
      SLACK_SIGNING_SECRET: SECRET,
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DIGEST_TIME: '25:00',
      DIGEST_TZ: 'Mars/Base',
      DIGEST_CHANNELS: 'C1,general',
      SLACK_API_URL: 'ftp://example.com',
    };
    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'PORT', 'LOG_LEVEL', 'DIGEST_TIME', 'DIGEST_TZ', 'DIGEST_CHANNELS', 'SLACK_API_URL']) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('xoxp-user-token-not-a-bot-secret');
    expect(message).not.toContain('not-an-app-token-secret');
    expect(message).not.toContain(SECRET);
  });
});

describe('loadConfig: the command-line tools (purpose web-api)', () => {
  it('accept a bot token alone and keep it for the Web API', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT, DIGEST_CHANNELS: 'C1, C2', DIGEST_TZ: 'Europe/Rome', DIGEST_TIME: '07:30' }, { purpose: 'web-api' });
    expect(config.slack?.botToken).toBe(BOT);
    expect(config.digest).toEqual({ channels: ['C1', 'C2'], time: '07:30', timeZone: 'Europe/Rome' });
  });

  it('need no Slack variable at all', () => {
    expect(loadConfig({ KNOWLEDGE_DIR: 'kb' }, { cwd: '/srv/bot', purpose: 'web-api' }).knowledgeDir).toBe(path.resolve('/srv/bot', 'kb'));
  });

  it('still refuse a malformed token, without echoing it', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'xoxp-secret-user-token' }, 'web-api');
    expect(problems.join('\n')).toContain('SLACK_BOT_TOKEN');
    expect(problems.join('\n')).not.toContain('xoxp-secret-user-token');
  });
});
