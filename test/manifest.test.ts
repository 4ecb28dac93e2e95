/**
 * manifest.yml validates against Slack's published manifest schema, and its scopes are exactly what
 * the code uses: every Web API method called in src/ is mapped to its scopes below (a new call fails
 * this test until it is added), and every scope in the manifest is needed by a call, an event or the
 * command.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import { COMMAND } from '../src/strings/slack';

const repoRoot = path.resolve(__dirname, '..');
const schemaPath = path.resolve(repoRoot, '..', 'shared', 'slack', 'manifest.schema.json');
const manifest = YAML.parse(fs.readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')) as {
  display_information: { name: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; description: string; usage_hint?: string }>;
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

/** Bot scopes each Web API method needs, for the conversation types the bot works in (Slack's method docs). */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'views.publish': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.replies': ['channels:history', 'groups:history', 'im:history'],
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.info': ['channels:read', 'groups:read', 'im:read'],
  'conversations.join': ['channels:join'],
};
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.im': ['im:history'],
  app_home_opened: [],
};
const COMMAND_SCOPES = ['commands'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** `client.chat.postMessage(`, `deps.client.conversations.info(`, `apiCall('x.y'` … in src/. */
function webApiMethodsCalledInSource(): Set<string> {
  const methods = new Set<string>();
  for (const file of sourceFiles(path.join(repoRoot, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\b[cC]lient\??\.([a-z]+)\.([a-zA-Z]+)(?:\.([a-zA-Z]+))?\(/g)) {
      methods.add([match[1], match[2], match[3]].filter(Boolean).join('.'));
    }
    for (const match of text.matchAll(/apiCall\(\s*['"]([\w.]+)['"]/g)) if (match[1]) methods.add(match[1]);
  }
  return methods;
}

test('manifest.yml validates against Slack’s published manifest schema', () => {
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const valid = validate(manifest);
  expect(validate.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  // The schema is strict enough to catch a mistake (so the check above means something).
  expect(validate({ ...manifest, settings: { ...manifest.settings, socket_mode: true } })).toBe(false);
  expect(validate({ ...manifest, features: { ...manifest.features, slash_commands: [{ command: 'alibaba', description: 'x' }] } })).toBe(false);
});

test('the manifest declares the command, events, interactivity, Home tab with messages, and Socket Mode', () => {
  expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: COMMAND, usage_hint: expect.any(String), description: expect.any(String) })]);
  expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(Object.keys(EVENT_SCOPES).sort());
  expect(manifest.settings.interactivity.is_enabled).toBe(true);
  expect(manifest.settings.socket_mode_enabled).toBe(true);
  expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  expect(manifest.features.bot_user.display_name).toBe('alibaba');
  expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
});

test('every Web API method the code calls is mapped to its scopes', () => {
  const called = webApiMethodsCalledInSource();
  // The scan must find the calls we know about, or it is not scanning anything.
  for (const known of ['chat.postMessage', 'views.publish', 'conversations.replies', 'auth.test']) expect(called.has(known)).toBe(true);
  const unmapped = [...called].filter((method) => !(method in METHOD_SCOPES));
  expect(unmapped).toEqual([]);
});

test('the bot scopes are exactly the ones the code needs: none missing, none unused', () => {
  const called = webApiMethodsCalledInSource();
  const needed = new Set<string>(COMMAND_SCOPES);
  for (const method of called) for (const scope of METHOD_SCOPES[method] ?? []) needed.add(scope);
  for (const event of manifest.settings.event_subscriptions.bot_events) for (const scope of EVENT_SCOPES[event] ?? []) needed.add(scope);
  const declared = manifest.oauth_config.scopes.bot;
  expect(new Set(declared).size).toBe(declared.length);
  expect([...declared].sort()).toEqual([...needed].sort());
});
