/**
 * The composition root as a process: configuration errors, HTTP mode end to end, graceful stop.
 */
import { eventually, postSlashCommand, spawnMain, startResponseUrlStandIn, startSlackApiStandIn, startSocketModeStandIn, visibleText } from './support';

const SECRET = 'main-test-signing-secret-9f8e7d';
const BOT_TOKEN = 'xoxb-main-test-token-1234567890';

describe('configuration problems exit 1 with one message naming what is missing, never a secret', () => {
  test.concurrent('half-configured setups', async () => {
    const tokenOnly = spawnMain({ SLACK_BOT_TOKEN: BOT_TOKEN });
    const secretAndBadAppToken = spawnMain({ SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: 'not-an-app-token-secretish' });
    const [codeA, codeB] = await Promise.all([tokenOnly.exited, secretAndBadAppToken.exited]);
    expect(codeA).toBe(1);
    expect(tokenOnly.stderr()).toMatch(/SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET \(HTTP mode\) is missing/);
    expect(tokenOnly.stderr()).not.toContain(BOT_TOKEN);
    expect(codeB).toBe(1);
    expect(secretAndBadAppToken.stderr()).toContain('SLACK_BOT_TOKEN is missing');
    expect(secretAndBadAppToken.stderr()).toContain('SLACK_APP_TOKEN must be an app-level token');
    expect(secretAndBadAppToken.stderr()).not.toContain(SECRET);
    expect(secretAndBadAppToken.stderr()).not.toContain('not-an-app-token-secretish');
    expect(tokenOnly.stdout() + secretAndBadAppToken.stdout()).toBe('');
  });
});

describe('HTTP mode as a process', () => {
  test.concurrent('answers a signed /alibaba vodafon with the Vodafone quote, serves /healthz, stops on SIGTERM', async () => {
    const api = await startSlackApiStandIn({ acceptedTokens: [BOT_TOKEN] });
    const responses = await startResponseUrlStandIn();
    const main = spawnMain({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url, PORT: '0' });
    try {
      const [, port] = await main.waitForStderr(/listening on port (\d+)/);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, documents: 1, facts: 20 });

        await postSlashCommand(`http://127.0.0.1:${port}/slack/events`, { text: 'vodafon', response_url: responses.urlFor('vodafon') }, { secret: SECRET });
      const [post] = await responses.waitForPosts(1, 'vodafon');
        expect(visibleText(post!.body)).toContain('> Per l’occasione Alibaba ha stretto un’alleanza commerciale con Vodafone');
      expect(api.callsTo('auth.test')).toHaveLength(1);

      main.child.kill('SIGTERM');
      expect(await main.exited).toBe(0);
      expect(main.stderr()).not.toContain(SECRET);
      expect(main.stderr()).not.toContain(BOT_TOKEN);
    } finally {
      if (main.child.exitCode === null) main.child.kill('SIGKILL');
      await responses.close();
      await api.close();
    }
  });

  test.concurrent('a token Slack rejects (invalid_auth) exits 1 with a message, quickly', async () => {
    const api = await startSlackApiStandIn({ acceptedTokens: ['xoxb-some-other-token'] });
    const main = spawnMain({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url, PORT: '0' });
    try {
      expect(await main.exited).toBe(1);
      expect(main.stderr()).toContain('invalid_auth');
      expect(main.stderr()).toContain('SLACK_BOT_TOKEN');
      expect(main.stderr()).not.toContain(BOT_TOKEN);
      await eventually(() => api.callsTo('auth.test').length === 1);
    } finally {
      if (main.child.exitCode === null) main.child.kill('SIGKILL');
      await api.close();
    }
  });
});

describe('Socket Mode as a process', () => {
  test.concurrent('connects through SLACK_API_URL with the app token, answers a slash command, stops on SIGINT', async () => {
    const appToken = 'xapp-1-main-test-app-token';
    const api = await startSlackApiStandIn({ acceptedTokens: [BOT_TOKEN, appToken] });
    const socket = await startSocketModeStandIn(api);
    const responses = await startResponseUrlStandIn();
    const main = spawnMain({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: appToken, SLACK_API_URL: api.url });
    try {
      await main.waitForStderr(/connected in Socket Mode/);
      await socket.connected();
      expect(api.callsTo('apps.connections.open')[0]?.token).toBe(appToken);
      await socket.push('slash_commands', { command: '/alibaba', text: 'singels day', channel_id: 'C1', user_id: 'U1', team_id: 'T0STANDIN', response_url: responses.urlFor('sd'), trigger_id: '1' });
      const [post] = await responses.waitForPosts(1, 'sd');
      expect(visibleText(post!.body)).toContain('Singles’ Day');
      main.child.kill('SIGINT');
      expect(await main.exited).toBe(0);
      expect(main.stderr()).not.toContain(appToken);
    } finally {
      if (main.child.exitCode === null) main.child.kill('SIGKILL');
      await socket.close();
      await responses.close();
      await api.close();
    }
  });
});
