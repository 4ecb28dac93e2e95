/**
 * The running bot (`npm start` in HTTP mode, as a process) posts each configured channel's digest
 * on its own, and a restart on the same DATA_DIR does not post it again.
 */
import { localDate } from '../../src/digest/time';
import { openStore } from '../../src/store';
import { spawnMain } from '../support/spawn-main';
import { startSlackApiStandIn } from '../support/slack-api-stand-in';
import { tempDir } from './fixtures';

const BOT_TOKEN = 'xoxb-digest-bot-test';

describe('the digest scheduler inside the running bot', () => {
  it("posts today's digest to each DIGEST_CHANNELS channel once its time has passed, and not again after a restart", async () => {
    const api = await startSlackApiStandIn({ acceptedTokens: [BOT_TOKEN] });
    const dataDir = tempDir();
    // 00:00 UTC has always passed: the first tick's catch-up owes today's digest.
    const env = { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: 'digest-bot-secret', SLACK_API_URL: api.url, PORT: '0', DATA_DIR: dataDir, DIGEST_CHANNELS: 'C1,C2', DIGEST_TIME: '00:00', DIGEST_TZ: 'UTC' };
    const today = localDate(new Date(), 'UTC');
    const digestPosts = () => api.callsTo('chat.postMessage').filter((c) => (c.params.metadata as { event_type?: string } | undefined)?.event_type === 'alibaba_digest');

    let bot = spawnMain(env);
    try {
      await api.waitForCalls('chat.postMessage', 2, 15_000);
      expect(digestPosts().map((c) => [c.params.channel, (c.params.metadata as { event_payload: { date: string } }).event_payload.date])).toEqual([
        ['C1', today],
        ['C2', today],
      ]);
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);

      bot = spawnMain(env);
      const [, port] = await bot.waitForStderr(/listening on port (\d+)/);
      // The restarted bot's first tick runs right after it starts listening; give it a round trip.
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(digestPosts()).toHaveLength(2);

      const store = openStore(dataDir);
      try {
        expect(store.listSubscriptions().map((s) => [s.channelId, s.source])).toEqual([
          ['C1', 'config'],
          ['C2', 'config'],
        ]);
        expect(store.getDelivery('C1', today)?.state).toBe('posted');
      } finally {
        store.close();
      }
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await api.close();
    }
  }, 30_000);
});
