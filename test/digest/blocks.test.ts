import type { Digest } from '../../src/digest/compose';
import { messageToText } from '../../src/console/render-text';
import { renderDigestBlocks } from '../../src/slack/blocks/digest';
import { LIMITS } from '../../src/slack/blocks/limits';
import type { KnownBlock } from '../../src/slack/blocks/message';
import { makeDocument, makeFact } from './fixtures';

function textsOf(block: KnownBlock): string[] {
  const b = block as { type: string; text?: { text: string }; elements?: Array<{ text?: string }> };
  return [b.text?.text ?? '', ...(b.elements ?? []).map((e) => e.text ?? '')].filter(Boolean);
}

function assertWithinLimits(blocks: KnownBlock[], text: string) {
  expect(text.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
  for (const block of blocks) {
    const b = block as { type: string; text?: { text: string } };
    if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    for (const t of textsOf(block)) expect(t.length).toBeLessThanOrEqual(LIMITS.sectionText);
  }
}

const document = makeDocument('alibaba-germania', { title: 'Alibaba punta all’Europa', url: 'https://example.com/articolo' });

function digest(overrides: Partial<Digest> = {}): Digest {
  return {
    date: '2026-12-01',
    channelId: 'C1',
    timeZone: 'Europe/Rome',
    fact: {
      fact: makeFact('vodafone', document.id, { quote: 'Alibaba ha stretto un’alleanza con Vodafone.', translation: 'Alibaba has formed an alliance with Vodafone.', topic: 'Vodafone alliance', section: 'Europa', paragraph: 3 }),
      document,
      cycle: 1,
      position: 4,
      cycleLength: 20,
    },
    newDocuments: [document],
    firstDigest: false,
    questions: { date: '2026-11-30', total: 3, mostAsked: [{ text: 'vodafone?', count: 2 }], unanswered: [{ text: 'bitcoin', count: 1 }] },
    ...overrides,
  };
}

describe('renderDigestBlocks', () => {
  it('renders the date header, the quoted fact with its rendering and citation, new documents and questions', () => {
    const message = renderDigestBlocks(digest());
    assertWithinLimits(message.blocks, message.text);
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Alibaba cloud digest · Tuesday 1 December 2026', emoji: true } });
    const all = message.blocks.flatMap(textsOf).join('\n');
    expect(all).toContain('*Fact of the day: Vodafone alliance*\n>Alibaba ha stretto un’alleanza con Vodafone.\n_Alibaba has formed an alliance with Vodafone._');
    expect(all).toContain('*Alibaba punta all’Europa* · section “Europa” · paragraph 3 · <https://example.com/articolo|Open the source> · fact 4 of 20');
    expect(all).toContain('New in the knowledge base (1)');
    expect(all).toContain('• vodafone? (×2)');
    expect(all).toContain('No answer found');
    expect(all).toContain('• bitcoin');
    expect(message.text).toBe('Alibaba cloud digest for 2026-12-01: Alibaba has formed an alliance with Vodafone.');
  });

  it('escapes user questions so they cannot ping anyone or inject links', () => {
    const message = renderDigestBlocks(
      digest({ questions: { date: '2026-11-30', total: 3, mostAsked: [{ text: '<!channel> hi & <@U123> <https://evil|x>', count: 3 }], unanswered: [{ text: '<!here>', count: 1 }] } }),
    );
    const all = message.blocks.flatMap(textsOf).join('\n');
    expect(all).toContain('&lt;!channel&gt; hi &amp; &lt;@U123&gt; &lt;https://evil|x&gt;');
    expect(all).toContain('&lt;!here&gt;');
    expect(all).not.toMatch(/<!channel>|<!here>|<@U123>/);
  });

  it('stays within Block Kit limits with a huge quote, a long title and many long questions and documents', () => {
    const long = 'parola '.repeat(2000);
    const documents = Array.from({ length: 60 }, (_, i) => makeDocument(`d${i}`, { title: `${'Titolo lunghissimo '.repeat(30)}${i}` }));
    const questions = Array.from({ length: 40 }, (_, i) => ({ text: `${'domanda <b> & '.repeat(100)}${i}`, count: 40 - i }));
    const message = renderDigestBlocks(
      digest({
        fact: { fact: makeFact('f', 'd0', { quote: long, translation: long, topic: 'T'.repeat(400) }), document: documents[0]!, cycle: 1, position: 1, cycleLength: 1 },
        newDocuments: documents,
        firstDigest: true,
        questions: { date: '2026-11-30', total: 500, mostAsked: questions, unanswered: questions },
      }),
    );
    assertWithinLimits(message.blocks, message.text);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    const all = message.blocks.flatMap(textsOf).join('\n');
    expect(all).toContain('In the knowledge base (60 documents)');
    expect(all).toContain('…and 50 more');
  });

  it('says so when there are no facts, and marks a preview', () => {
    const message = renderDigestBlocks(digest({ fact: null, newDocuments: [], questions: null }), { preview: true });
    const all = message.blocks.flatMap(textsOf).join('\n');
    expect(all).toContain('No curated facts yet');
    expect(all).toContain('Preview of the digest for 2026-12-01');
    expect(message.blocks.some((b) => b.type === 'divider')).toBe(false);
  });

  it('keeps markup characters in a URL or title from breaking out of the link', () => {
    const bad = makeDocument('bad', { title: 'Bad | <title>', url: 'https://x.test/a|b>c' });
    const message = renderDigestBlocks(digest({ newDocuments: [bad] }));
    const all = message.blocks.flatMap(textsOf).join('\n');
    expect(all).toContain('• <https://x.test/a%7Cb%3Ec|Bad ¦ &lt;title&gt;>');
    expect(all).not.toContain('a|b>c');
  });

  it('never links a URL that is not http(s)', () => {
    const bad = makeDocument('bad', { title: 'Sneaky', url: 'javascript:alert(1)' });
    const all = renderDigestBlocks(digest({ newDocuments: [bad] })).blocks.flatMap(textsOf).join('\n');
    expect(all).toContain('• Sneaky');
    expect(all).not.toContain('javascript:');
  });
});

describe('the digest as text (console preview and --dry-run)', () => {
  it('prints the same content as readable text', () => {
    const text = messageToText(renderDigestBlocks(digest()));
    expect(text).toContain('Alibaba cloud digest · Tuesday 1 December 2026');
    expect(text).toContain('> Alibaba ha stretto un’alleanza con Vodafone.');
    expect(text).toContain('Alibaba has formed an alliance with Vodafone.');
    expect(text).toContain('Alibaba punta all’Europa · section “Europa” · paragraph 3');
    expect(text).toContain('fact 4 of 20');
    expect(text).toContain('• vodafone? (×2)');
  });

  it('cites a fact quoted from the title without a paragraph number', () => {
    const titleFact = makeFact('headline', document.id, { quote: 'Alibaba punta all’Europa', translation: 'Alibaba aims at Europe', section: null, paragraph: 0 });
    const text = messageToText(renderDigestBlocks(digest({ fact: { fact: titleFact, document, cycle: 1, position: 1, cycleLength: 20 } })));
    expect(text).toContain('Alibaba punta all’Europa · ');
    expect(text).not.toMatch(/paragraph 0/);
  });
});
