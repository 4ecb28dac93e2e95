import { analyze, foldText, indexTerms, stem, withoutChatAddressing } from '../../src/search/normalize';

describe('analyze', () => {
  it('lowercases, strips accents and splits on typographic and straight apostrophes', () => {
    expect(analyze('all’Europa').map((t) => t.surface)).toEqual(['all', 'europa']);
    expect(analyze("dell'Università PIÙ").map((t) => t.surface)).toEqual(['dell', 'universita', 'piu']);
    expect(foldText('Perché È così')).toBe('perche e cosi');
  });

  it('marks English and Italian stopwords and keeps content words', () => {
    const tokens = analyze('What is the new server farm of Alibaba in Germania?');
    expect(tokens.filter((t) => !t.stopword).map((t) => t.surface)).toEqual(['new', 'server', 'farm', 'alibaba', 'germania']);
    expect(indexTerms('il più grande sito del mondo')).toEqual(['grand', 'sito', 'mond']);
  });

  it('splits numbers from letters and keeps them, and drops one-letter words', () => {
    expect(analyze('$17bn, 50% e 650k').map((t) => t.surface)).toEqual(['17', 'bn', '50', '650']);
  });

  it('keeps an all-capitals acronym that is also a stopword only in mixed-case text or keywords', () => {
    expect(analyze('the US market').find((t) => t.surface === 'us')?.stopword).toBe(false);
    expect(analyze('tell us more').find((t) => t.surface === 'us')?.stopword).toBe(true);
    expect(analyze('TELL US MORE').find((t) => t.surface === 'us')?.stopword).toBe(true);
    expect(analyze('US', { acronyms: 'always' })[0]?.stopword).toBe(false);
    expect(analyze('U.S. politics').map((t) => t.surface)).toEqual(['us', 'politics']);
  });

  it('joins a one-letter hyphenated prefix: e-commerce is ecommerce', () => {
    expect(indexTerms('e-commerce')).toEqual(indexTerms('ecommerce'));
  });

  it('never returns empty stems, whatever the input', () => {
    for (const text of ['', '   ', '!!!', '\u0000\u0007', '🙂🙂', 'a e i o u', '\u0301\u0301']) {
      expect(analyze(text).every((t) => t.stem.length > 0)).toBe(true);
    }
  });
});

describe('stem', () => {
  it.each([
    ['datacenters', 'datacenter'],
    ['clienti', 'cliente'],
    ['customers', 'customer'],
    ['germania', 'germany'],
    ['centre', 'center'],
    ['datacentres', 'datacenters'],
    ['europa', 'europe'],
    ['stati', 'states'],
    ['opened', 'opening'],
    ['planned', 'plans'],
    ['planning', 'plan'],
    ['stopped', 'stop'],
  ])('conflates %s and %s', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it.each([
    ['cloud', 'clienti'],
    ['server', 'service'],
    ['amazon', 'america'],
    ['called', 'cal'],
    ['passed', 'pas'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  it('leaves short words and numbers alone', () => {
    expect(stem('day')).toBe('day');
    expect(stem('ibm')).toBe('ibm');
    expect(stem('2016')).toBe('2016');
  });
});

describe('withoutChatAddressing', () => {
  const words = (text: string) => indexTerms(withoutChatAddressing(text));

  it("drops Slack's encoded mentions, channel links and broadcasts", () => {
    expect(words('<@U07BOT123> where is the new server farm')).toEqual(words('where is the new server farm'));
    expect(words('<@U07BOT123|alibababot> vodafone')).toEqual(['vodafon']);
    expect(words('<#C024BE91L|general> vodafone <!here> <!subteam^S1|@team>')).toEqual(['vodafon']);
  });

  it('drops mentions and channel names as typed or decoded by the Slack layer', () => {
    expect(words('@U07BOT123 @alice, #general: vodafone')).toEqual(['vodafon']);
    expect(words('hey @ethan.yu-test what about #random-news')).toEqual(words('hey what about'));
  });

  it('keeps "#1"-style numbers, e-mail addresses and words with a "#" or "@" inside', () => {
    expect(words('the #1 site')).toEqual(indexTerms('the 1 site'));
    expect(words('the #1 site')).toContain('1');
    expect(words('bob@example.com')).toEqual(indexTerms('bob@example.com'));
    expect(words('C# and F#')).toEqual(indexTerms('C# and F#'));
  });
});
