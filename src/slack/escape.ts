/**
 * Slack treats `<…>` as control sequences (`<!channel>`, `<@U123>`, `<!subteam^…>`, links) and `&` as the
 * start of an entity, so any text we did not write ourselves goes through escapeSlackText before it
 * lands in `text` or mrkdwn. Only &, < and > need escaping (Slack's documented rule).
 */
export function escapeSlackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A URL safe to put inside `<url|label>`: `|` and `>` would end the link early. */
export function escapeSlackUrl(url: string): string {
  return url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C').replace(/ /g, '%20');
}

/** Allows only absolute http(s) URLs in links; anything else is shown as text, not linked. */
export function isLinkableUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Removes mentions of the bot (`<@U0BOT>` or `<@U0BOT|alibaba>`) from an incoming message, so the
 * question is what remains.
 */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  const escapedId = botUserId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`<@${escapedId}(\\|[^>]*)?>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Slack sends message text with &, < and > escaped; the question searched is the plain text
 * (so `AT&amp;T` is searched as `AT&T`). It is re-escaped whenever it is echoed.
 */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Slack's markup in text it sends, as the plain text a person reads: `<@U123|name>` → `@name`,
 * `<#C123|general>` → `#general`, `<https://x|label>` → `label`, `<!here>` → `@here`, `<!date^…|fallback>`
 * → fallback, then the &amp; / &lt; / &gt; entities. This is what gets searched; it is escaped again
 * whenever it is echoed, so a decoded `@here` never pings anyone.
 */
export function slackTextToPlain(text: string): string {
  const decoded = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? '' : inner.slice(bar + 1);
    if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
    if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : target;
    if (target.startsWith('!subteam^')) return label ? `@${label.replace(/^@/, '')}` : `@${target.slice('!subteam^'.length)}`;
    if (target.startsWith('!date^')) return label;
    if (target.startsWith('!')) return `@${target.slice(1)}`;
    if (/^(https?|mailto|tel):/i.test(target)) return label || target.replace(/^mailto:/i, '');
    return label || target;
  });
  return unescapeSlackText(decoded).replace(/\s+/g, ' ').trim();
}
