/**
 * Block Kit's published limits and the safe truncation used by every renderer. A message over a limit
 * is rejected by Slack (invalid_blocks), so nothing is sent without passing through these.
 */
import type { KnownBlock, SlackMessage } from './message';

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  /** Slack truncates longer message text; we keep fallback text far below that. */
  fallbackText: 3000,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` UTF-16 code units, ending with an ellipsis, without splitting a surrogate
 * pair, an `&amp;`-style entity or a `<…>` control sequence (which would leave broken markup).
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let cut = max - ELLIPSIS.length;
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  // An entity like `&amp;` cut in the middle.
  const amp = head.lastIndexOf('&');
  if (amp !== -1 && amp >= head.length - 6 && !head.slice(amp).includes(';')) head = head.slice(0, amp);
  // A `<…>` sequence (link or mention) cut in the middle.
  const open = head.lastIndexOf('<');
  if (open !== -1 && head.indexOf('>', open) === -1) head = head.slice(0, open);
  // Markdown emphasis left open: prefer cutting at the last whitespace when it is close.
  const space = head.search(/\s\S*$/);
  if (space > 0 && head.length - space < 20) head = head.slice(0, space);
  return `${head.trimEnd()}${ELLIPSIS}`;
}

type TextObject = { type: 'mrkdwn' | 'plain_text'; text: string };

function fitTextObject<T extends TextObject | undefined>(object: T, max: number): T {
  if (!object || object.text.length <= max) return object;
  return { ...object, text: truncateText(object.text, max) };
}

/**
 * A last line of defence applied to every outgoing message: trims texts to their limits, caps the
 * block count (keeping a trailing actions block, which carries the buttons) and fills in fallback text.
 */
export function fitToLimits(message: SlackMessage, maxBlocks: number = LIMITS.blocksPerMessage): SlackMessage {
  let blocks = message.blocks.map(fitBlock);
  if (blocks.length > maxBlocks) {
    const last = blocks[blocks.length - 1];
    blocks = last && last.type === 'actions' ? [...blocks.slice(0, maxBlocks - 1), last] : blocks.slice(0, maxBlocks);
  }
  const text = truncateText(message.text.trim() || 'alibaba', LIMITS.fallbackText);
  return { text, blocks };
}

function fitBlock(block: KnownBlock): KnownBlock {
  switch (block.type) {
    case 'section':
      return {
        ...block,
        ...(block.text ? { text: fitTextObject(block.text, LIMITS.sectionText) } : {}),
        ...(block.fields ? { fields: block.fields.slice(0, 10).map((f) => fitTextObject(f, 2000)) } : {}),
      };
    case 'header':
      return { ...block, text: { ...block.text, text: truncateText(block.text.text, LIMITS.headerText) } };
    case 'context':
      return {
        ...block,
        elements: block.elements.slice(0, LIMITS.contextElements).map((e) => ('text' in e && typeof e.text === 'string' ? fitTextObject(e as TextObject, LIMITS.contextText) : e)) as typeof block.elements,
      };
    case 'actions':
      return {
        ...block,
        elements: block.elements.slice(0, LIMITS.actionsElements).map((e) =>
          e.type === 'button'
            ? { ...e, text: { ...e.text, text: truncateText(e.text.text, LIMITS.buttonText) }, ...(e.value !== undefined ? { value: e.value.slice(0, LIMITS.buttonValue) } : {}) }
            : e,
        ),
      };
    default:
      return block;
  }
}

/** Problems with a message against Block Kit's limits; empty when it is valid. Used by tests and as a guard. */
export function limitViolations(message: SlackMessage, maxBlocks: number = LIMITS.blocksPerMessage): string[] {
  const problems: string[] = [];
  if (!message.text || message.text.trim() === '') problems.push('missing fallback text');
  if (message.blocks.length > maxBlocks) problems.push(`${message.blocks.length} blocks (max ${maxBlocks})`);
  message.blocks.forEach((block, i) => {
    if (block.type === 'section') {
      if (block.text && block.text.text.length > LIMITS.sectionText) problems.push(`block ${i}: section text ${block.text.text.length}`);
      if (block.text && block.text.text.length === 0) problems.push(`block ${i}: empty section text`);
    }
    if (block.type === 'header' && block.text.text.length > LIMITS.headerText) problems.push(`block ${i}: header ${block.text.text.length}`);
    if (block.type === 'context') {
      if (block.elements.length > LIMITS.contextElements) problems.push(`block ${i}: ${block.elements.length} context elements`);
      for (const e of block.elements) if ('text' in e && typeof e.text === 'string' && e.text.length > LIMITS.contextText) problems.push(`block ${i}: context text ${e.text.length}`);
    }
    if (block.type === 'actions') {
      for (const e of block.elements) {
        if (e.type !== 'button') continue;
        if (e.text.text.length > LIMITS.buttonText) problems.push(`block ${i}: button text ${e.text.text.length}`);
        if (e.value !== undefined && e.value.length > LIMITS.buttonValue) problems.push(`block ${i}: button value ${e.value.length}`);
        if (e.action_id !== undefined && e.action_id.length > LIMITS.actionId) problems.push(`block ${i}: action_id ${e.action_id.length}`);
      }
    }
  });
  return problems;
}
