/**
 * A generic Block Kit → plain text renderer for the local console: the same messages Slack would get,
 * readable in a terminal (quotes keep their "> ", buttons show as [Label], links as "label (url)").
 */
import type { KnownBlock, SlackMessage } from '../slack/blocks/message';
import { unescapeSlackText } from '../slack/escape';

// Emphasis as Slack reads it: a marker pair around non-space text, at word edges (so 2*3*4 and
// snake_case_name stay as they are).
const BEFORE = String.raw`(^|[\s(“"'‘>•|])`;
const AFTER = String.raw`(?=$|[\s).,;:!?”"'’…>])`;
const EMPHASIS = ['*', '_', '~'].map((marker) => {
  const m = `\\${marker}`;
  return new RegExp(`${BEFORE}${m}(?=\\S)([^${m}\\n]*?\\S)${m}${AFTER}`, 'gm');
});

/** `*bold*`, `_italic_` and `~strike~` as their plain words (a terminal shows the text, not the markers). */
export function stripEmphasis(mrkdwn: string): string {
  return EMPHASIS.reduce((text, pattern) => text.replace(pattern, '$1$2'), mrkdwn);
}

/** mrkdwn to terminal text: emphasis markers go, control sequences become readable, entities are unescaped last. */
export function mrkdwnToText(mrkdwn: string): string {
  const readable = stripEmphasis(mrkdwn)
    .replace(/<(https?:\/\/[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:\/\/[^>]+)>/g, '$1')
    .replace(/<mailto:([^|>]+)\|([^>]+)>/g, '$2 <$1>')
    .replace(/<@([A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, name?: string) => `@${name ?? id}`)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<!subteam\^([A-Z0-9]+)(?:\|([^>]+))?>/g, (_m, id: string, name?: string) => name ?? `@${id}`)
    .replace(/<!date\^\d+\^[^|>]*\|([^>]+)>/g, '$1')
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, '@$1')
    // A quote marker always reads "> " (Slack also accepts ">text"); user text's ">" arrives as &gt;.
    .replace(/^>(?!\s)/gm, '> ');
  return unescapeSlackText(readable);
}

function textOf(object: { type: string; text: string } | undefined): string {
  if (!object) return '';
  return object.type === 'mrkdwn' ? mrkdwnToText(object.text) : object.text;
}

function elementText(element: unknown): string {
  const e = element as { type?: string; text?: unknown; alt_text?: string; placeholder?: { text?: string } };
  if (e.type === 'button' && e.text && typeof e.text === 'object') return `[${(e.text as { text: string }).text}]`;
  if (e.type === 'image') return e.alt_text ? `[image: ${e.alt_text}]` : '';
  if ((e.type === 'mrkdwn' || e.type === 'plain_text') && typeof e.text === 'string') return textOf(e as { type: string; text: string });
  if (e.placeholder?.text) return `[${e.placeholder.text}]`;
  return '';
}

function richText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { type?: string; text?: string; elements?: unknown[]; url?: string; user_id?: string; channel_id?: string; name?: string };
  switch (n.type) {
    case 'text':
      return n.text ?? '';
    case 'link':
      return n.text ? `${n.text} (${n.url ?? ''})` : (n.url ?? '');
    case 'user':
      return `@${n.user_id ?? ''}`;
    case 'channel':
      return `#${n.channel_id ?? ''}`;
    case 'emoji':
      return `:${n.name ?? ''}:`;
    case 'rich_text_quote':
      return (n.elements ?? []).map(richText).join('').split('\n').map((line) => `> ${line}`).join('\n');
    case 'rich_text':
      return (n.elements ?? []).map(richText).join('\n');
    case 'rich_text_list':
      return (n.elements ?? []).map((item) => `• ${richText(item)}`).join('\n');
    default:
      return (n.elements ?? []).map(richText).join('');
  }
}

export function blockToText(block: KnownBlock): string {
  const b = block as KnownBlock & Record<string, unknown>;
  switch (block.type) {
    case 'header':
      return `== ${block.text.text} ==`;
    case 'section': {
      const parts = [textOf(block.text)];
      if (block.fields) parts.push(block.fields.map((f) => textOf(f)).join('\n'));
      if (block.accessory) parts.push(elementText(block.accessory));
      return parts.filter(Boolean).join('\n');
    }
    case 'context':
      return block.elements.map(elementText).filter(Boolean).join('  ');
    case 'divider':
      return '----';
    case 'actions':
      return block.elements.map(elementText).filter(Boolean).join(' ');
    case 'image':
      return `[image: ${block.alt_text}]`;
    case 'rich_text':
      return richText(block);
    default:
      return typeof b.text === 'object' && b.text ? textOf(b.text as { type: string; text: string }) : '';
  }
}

/** A message as readable text: its blocks one after another, or the fallback text when it has none. */
export function messageToText(message: SlackMessage): string {
  if (message.blocks.length === 0) return mrkdwnToText(message.text);
  return message.blocks
    .map(blockToText)
    .filter((t) => t.length > 0)
    .join('\n');
}
