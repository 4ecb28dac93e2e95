/**
 * The only reader of environment variables. Validates everything at once and names every problem,
 * never echoing a secret's value.
 */
import path from 'node:path';

export type Mode = 'socket' | 'http' | 'console';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface SlackConfig {
  botToken: string;
  /** Socket Mode only. */
  appToken: string | null;
  /** HTTP mode only (Socket Mode does not need it). */
  signingSecret: string | null;
  /** Web API base URL ending in `/`, or null for Slack's default. */
  apiUrl: string | null;
}

export interface DigestConfig {
  /** Channels subscribed from configuration. */
  channels: string[];
  /** `HH:MM`, 24-hour. */
  time: string;
  /** IANA time zone. */
  timeZone: string;
}

export interface Config {
  mode: Mode;
  /** Present in `socket` and `http` modes, and for `web-api` purposes whenever a bot token is set. */
  slack: SlackConfig | null;
  port: number;
  logLevel: LogLevel;
  knowledgeDir: string;
  dataDir: string;
  digest: DigestConfig;
}

export class ConfigError extends Error {
  readonly code = 'alibaba_bot_config_error';
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isValidTime(time: string): boolean {
  return HH_MM.test(time);
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export interface LoadConfigOptions {
  /** Folder that relative paths are resolved against (default: the process's). */
  cwd?: string;
  /**
   * `app` (default): the bot, whose Slack variables must make a whole mode.
   * `web-api`: the command-line tools (digest, ask, knowledge:check, bench), which at most call the Web API:
   *   a bot token is enough, and no Slack variable is required.
   */
  purpose?: 'app' | 'web-api';
}

export function loadConfig(env: Env, options: LoadConfigOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const purpose = options.purpose ?? 'app';
  const problems: string[] = [];
  const botToken = read(env, 'SLACK_BOT_TOKEN');
  const appToken = read(env, 'SLACK_APP_TOKEN');
  const signingSecret = read(env, 'SLACK_SIGNING_SECRET');
  const apiUrlRaw = read(env, 'SLACK_API_URL');

  // Token values are never echoed: only which variable is wrong.
  if (botToken && !botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN must be a bot token starting with "xoxb-".');
  if (appToken && !appToken.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN must be an app-level token starting with "xapp-".');

  let mode: Mode = 'console';
  if (purpose === 'app' && (botToken || appToken || signingSecret)) {
    if (!botToken) problems.push('SLACK_BOT_TOKEN is missing (set it with SLACK_APP_TOKEN for Socket Mode, or with SLACK_SIGNING_SECRET for HTTP mode).');
    if (appToken) mode = 'socket';
    else if (signingSecret) mode = 'http';
    else problems.push('SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) is missing.');
  }

  let apiUrl: string | null = null;
  if (apiUrlRaw) {
    try {
      const url = new URL(apiUrlRaw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
      apiUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
    } catch {
      problems.push('SLACK_API_URL must be an http(s) URL, e.g. https://slack.com/api/.');
    }
  }

  const portRaw = read(env, 'PORT') ?? '3000';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535 (got "${portRaw}").`);

  const logLevelRaw = (read(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevelRaw as LogLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevelRaw}").`);

  const digestTime = read(env, 'DIGEST_TIME') ?? '09:00';
  if (!isValidTime(digestTime)) problems.push(`DIGEST_TIME must be HH:MM, 24-hour (got "${digestTime}").`);
  const digestZone = read(env, 'DIGEST_TZ') ?? 'UTC';
  if (!isValidTimeZone(digestZone)) problems.push(`DIGEST_TZ must be an IANA time zone such as Europe/Rome or UTC (got "${digestZone}").`);
  const digestChannels = (read(env, 'DIGEST_CHANNELS') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const badChannels = digestChannels.filter((c) => !/^[CGD][A-Z0-9]+$/.test(c));
  if (badChannels.length > 0) problems.push(`DIGEST_CHANNELS must be comma-separated channel IDs such as C0123ABCD (not: ${badChannels.join(', ')}).`);

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    mode,
    slack: botToken && (mode !== 'console' || purpose === 'web-api') ? { botToken, appToken: appToken ?? null, signingSecret: signingSecret ?? null, apiUrl } : null,
    port,
    logLevel: logLevelRaw as LogLevel,
    knowledgeDir: path.resolve(cwd, read(env, 'KNOWLEDGE_DIR') ?? 'knowledge'),
    dataDir: path.resolve(cwd, read(env, 'DATA_DIR') ?? 'data'),
    digest: { channels: digestChannels, time: digestTime, timeZone: digestZone },
  };
}
