import { blockToText, messageToText, mrkdwnToText } from '../../src/console/render-text';
import { renderAnswer } from '../../src/slack/blocks/answer';
import { renderHelp } from '../../src/slack/blocks/help';

describe('Block Kit → text', () => {
  test('mrkdwn control sequences become readable; escaped user text shows as typed', () => {
    expect(mrkdwnToText('<https://e.com/a|Open the source> <https://e.com/b> <@U123> <#C1|general> <!here> <!subteam^S1|@team>')).toBe(
      'Open the source (https://e.com/a) https://e.com/b @U123 #general @here @team',
    );
    expect(mrkdwnToText('You asked: &lt;!channel&gt; &amp; co')).toBe('You asked: <!channel> & co');
    expect(mrkdwnToText('&amp;lt;')).toBe('&lt;');
  });

  test('bold, italic and strike markers go, at word edges only; quotes always read "> "', () => {
    expect(mrkdwnToText('*Best answer* and _in italics_, ~struck~ (*bold*).')).toBe('Best answer and in italics, struck (bold).');
    expect(mrkdwnToText('2*3*4 = 24, snake_case_name, a * b, *unclosed')).toBe('2*3*4 = 24, snake_case_name, a * b, *unclosed');
    expect(mrkdwnToText('<https://e.com/_x_|the _source_>')).toBe('the source (https://e.com/_x_)');
    expect(mrkdwnToText('>quoted\n> already\nYou asked: &gt;5')).toBe('> quoted\n> already\nYou asked: >5');
    // Escaped user text keeps its stars: they were typed, not mrkdwn.
    expect(mrkdwnToText('You asked: why*')).toBe('You asked: why*');
  });

  test('an answer prints its quote with "> ", its rendering, citation and buttons in brackets', () => {
    const message = renderAnswer(
      {
        query: 'vodafone',
        truncated: false,
        results: [
          { quote: 'Alleanza con Vodafone.', translation: 'Alliance with Vodafone.', score: 1, factId: 'f', source: { id: 'd', title: 'Title', url: 'https://e.com', section: 'S', paragraph: 2 } },
        ],
      },
      { surface: 'ephemeral' },
    );
    expect(messageToText(message)).toBe(
      [
        'You asked: vodafone',
        'Best answer',
        '> Alleanza con Vodafone.',
        'English: Alliance with Vodafone.',
        'Title · section “S” · paragraph 2 · Open the source (https://e.com)',
        '[Share in channel] [Helpful] [Not helpful]',
      ].join('\n'),
    );
  });

  test('headers, dividers, fields, accessories, images and rich text all print something readable', () => {
    expect(blockToText({ type: 'header', text: { type: 'plain_text', text: 'Hello' } })).toBe('== Hello ==');
    expect(blockToText({ type: 'divider' })).toBe('----');
    expect(
      blockToText({
        type: 'section',
        text: { type: 'mrkdwn', text: '*a*' },
        fields: [{ type: 'mrkdwn', text: 'f1' }, { type: 'plain_text', text: 'f2' }],
        accessory: { type: 'button', action_id: 'x', text: { type: 'plain_text', text: 'Go' } },
      }),
    ).toBe('a\nf1\nf2\n[Go]');
    expect(blockToText({ type: 'image', image_url: 'https://e.com/i.png', alt_text: 'chart' })).toBe('[image: chart]');
    expect(
      blockToText({
        type: 'rich_text',
        elements: [
          { type: 'rich_text_section', elements: [{ type: 'text', text: 'Hi ' }, { type: 'user', user_id: 'U1' }] },
          { type: 'rich_text_quote', elements: [{ type: 'text', text: 'quoted' }] },
        ],
      }),
    ).toBe('Hi @U1\n> quoted');
  });

  test('a message without blocks prints its fallback text; help prints every line', () => {
    expect(messageToText({ text: 'plain &amp; simple', blocks: [] })).toBe('plain & simple');
    const help = messageToText(renderHelp());
    expect(help).toContain('/alibaba digest now');
    expect(help.startsWith('== ')).toBe(true);
  });
});
