/**
 * Every message the daily digest shows: the digest itself (Slack and text), the `/alibaba digest`
 * replies, and the one-shot command's output.
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-12-01` → `Tuesday 1 December 2026`. */
export function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${day} ${MONTHS[month - 1]} ${year}`;
}

const times = (count: number): string => (count > 1 ? ` (×${count})` : '');

export const digestStrings = {
  header: (date: string) => `Alibaba cloud digest · ${longDate(date)}`,
  fallback: (date: string, factLine: string | null) => `Alibaba cloud digest for ${date}${factLine ? `: ${factLine}` : ''}`,
  factTitle: 'Fact of the day',
  factTopic: (topic: string) => `Fact of the day: ${topic}`,
  factPosition: (position: number, length: number) => `fact ${position} of ${length}`,
  noFacts: 'No curated facts yet: add some to knowledge/*.facts.yaml and they will rotate here.',
  newDocumentsTitle: (count: number) => `New in the knowledge base (${count})`,
  firstDigestDocumentsTitle: (count: number) => `In the knowledge base (${count} document${count === 1 ? '' : 's'})`,
  moreDocuments: (count: number) => `…and ${count} more`,
  questionsTitle: (date: string, total: number) => `Asked here on ${longDate(date)} (${total} question${total === 1 ? '' : 's'})`,
  mostAskedTitle: 'Most asked',
  unansweredTitle: 'No answer found (worth adding to the knowledge base)',
  questionLine: (text: string, count: number) => `• ${text}${times(count)}`,
  footer: 'Ask me anything about Alibaba Cloud with `/alibaba <question>` · `/alibaba digest status` for this channel\'s schedule',
  previewNote: (date: string) => `Preview of the digest for ${date}: only you can see this, and nothing was posted or recorded.`,

  help: [
    '*The daily digest* posts a fact of the day, new sources and yesterday\'s questions in a channel.',
    '• `/alibaba digest subscribe [HH:MM] [time zone]` subscribes this channel (e.g. `/alibaba digest subscribe 08:30 Europe/Rome`)',
    '• `/alibaba digest unsubscribe` stops it',
    '• `/alibaba digest status` shows the time, zone, next and last digest, and any problem',
    '• `/alibaba digest now` previews today\'s digest, privately',
  ].join('\n'),
  helpFallback: 'Daily digest commands: subscribe [HH:MM] [time zone], unsubscribe, status, now',
  badTime: (value: string) => `"${value}" is not a time: write it as HH:MM, 24-hour, e.g. 08:30 or 17:00.`,
  badZone: (value: string) => `"${value}" is not a time zone I know: use an IANA name such as Europe/Rome, America/New_York or UTC.`,
  tooManyArguments: 'Use `/alibaba digest subscribe [HH:MM] [time zone]`, e.g. `/alibaba digest subscribe 08:30 Europe/Rome`.',
  subscribed: (time: string, zone: string, next: string) => `Subscribed: this channel gets the digest every day at ${time} (${zone}). Next one: ${next}.`,
  joinedAndSubscribed: (time: string, zone: string, next: string) => `I joined this channel. It gets the digest every day at ${time} (${zone}). Next one: ${next}.`,
  inviteFirst: (botUserId: string | null) =>
    `I am not a member of this channel, so I cannot post the digest here. Invite me first${botUserId ? ` with \`/invite <@${botUserId}>\`` : ' (`/invite @alibaba`)'}, then subscribe again.`,
  cannotCheckChannel: (error: string) => `I could not check this channel (${error}), so it is not subscribed. Invite me, then try again.`,
  consoleNoSubscribe: 'Subscriptions belong to Slack channels: run this command in the channel that should get the digest. Here, `/alibaba digest now` shows a preview.',
  unsubscribed: 'Unsubscribed: this channel no longer gets the daily digest.',
  unsubscribedButConfigured: 'This channel\'s own schedule is removed, but it is still subscribed by the bot\'s configuration (DIGEST_CHANNELS) at the default time; ask whoever runs the bot to remove it there.',
  configuredCannotUnsubscribe: 'This channel is subscribed by the bot\'s configuration (DIGEST_CHANNELS): ask whoever runs the bot to remove it there.',
  notSubscribed: 'This channel is not subscribed to the daily digest. Subscribe with `/alibaba digest subscribe [HH:MM] [time zone]`.',
  statusTitle: 'Daily digest',
  statusSchedule: (time: string, zone: string, source: 'config' | 'slack', by: string | null) =>
    `Every day at *${time}* (${zone}), ${source === 'config' ? 'from the bot\'s configuration' : by ? `subscribed by <@${by}>` : 'subscribed in Slack'}.`,
  statusNext: (when: string) => `Next digest: ${when}`,
  statusLast: (date: string, state: string, detail: string | null) => `Last digest: ${date}, ${state}${detail ? ` (${detail})` : ''}`,
  statusNoDelivery: 'No digest posted here yet.',
  statusFlag: (error: string, since: string) => `:warning: The last attempt to post here failed with \`${error}\` (${since}). Fix it (invite me, unarchive the channel) and the next digest will try again.`,
  statusAll: (count: number) => (count === 0 ? 'No channel is subscribed.' : `${count} channel${count === 1 ? '' : 's'} subscribed:`),
  statusAllLine: (channel: string, time: string, zone: string, source: string) => `• ${channel} at ${time} (${zone}), ${source}`,
  deliveryStates: { posted: 'posted', claimed: 'being posted', failed: 'failed' } as Record<string, string>,
  unknownSubcommand: (word: string) => `I do not know \`digest ${word}\`. These are the digest commands:`,

  /** Why a delivery failed, as stored, shown by `digest status` and printed by the one-shot command. */
  failures: {
    rateLimited: (retryAfterSeconds: number | null) => `rate limited (Retry-After ${retryAfterSeconds ?? '?'} s)`,
    http: (status: number | null) => `HTTP ${status ?? '?'}`,
    network: (message: string | null) => `network error: ${message ?? 'request failed'}`,
    composeFailed: (message: string) => `could not compose the digest: ${message}`,
    gaveUpAfterAttempts: (description: string, attempts: number) => `${description} (gave up after ${attempts} attempts)`,
    gaveUpTimeLimit: (description: string) => `${description} (gave up: waiting would pass this run's time limit; a later run delivers it)`,
    notAttemptedTimeLimit: 'not attempted: this run reached its one-minute time limit; a later run delivers it',
    waitingForSlack: (until: string) => `not attempted: Slack asked us to wait until ${until} (rate limit)`,
    unexpected: (message: string) => `unexpected error: ${message}`,
    historyIncomplete: 'could not finish reading the channel history in time to rule out an earlier post',
  },
  /** Recorded when a claimed delivery is given up on purpose (after it had already tried to post). */
  notSent: { unsubscribed: 'unsubscribed while the digest was being posted', stopped: 'the bot stopped before the digest was posted' },

  store: {
    cannotOpen: (file: string, reason: string) => `Could not open the database ${file}: ${reason}`,
    damaged: 'the file is damaged or is not a SQLite database. Move it aside (the bot creates a fresh one) or restore a backup.',
    locked: 'another process holds a lock on it for too long. Try again in a moment; if it persists, look for a stuck process using DATA_DIR.',
  },

  cli: {
    usage: 'Usage: npm run digest -- --once [--date YYYY-MM-DD] [--dry-run]',
    needOnce: 'Pass --once: the command posts one round of digests and exits (the running bot schedules them itself).',
    badDate: (value: string) => `--date must be a calendar date written YYYY-MM-DD (got "${value}").`,
    missingToken: 'SLACK_BOT_TOKEN is not set: it is needed to post (or use --dry-run to print the digests).',
    noChannels: 'No channel is subscribed: set DIGEST_CHANNELS or use `/alibaba digest subscribe` in Slack.',
    posted: (channel: string, ts: string) => `${channel} posted ${ts}`,
    recovered: (channel: string, ts: string) => `${channel} posted ${ts} (found in the channel's history, recorded)`,
    alreadyDelivered: (channel: string) => `${channel} already delivered`,
    inProgress: (channel: string) => `${channel} in progress (another process is still posting it; run again to confirm)`,
    failed: (channel: string, error: string) => `${channel} failed: ${error}`,
    notSent: (channel: string, reason: string) => `${channel} not posted: ${reason}`,
    cannotRun: (message: string) => `digest: ${message}`,
    dryRunHeader: (channel: string, date: string) => `===== ${channel} · ${date} (dry run: not posted, not recorded) =====`,
  },
};

/** An instant as a person in `timeZone` reads it: `Tue, 1 Dec 2026, 09:00 (Europe/Rome)`. */
export function formatWhen(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return `${text} (${timeZone})`;
}
