/**
 * Query planning details that the question set only shows indirectly: conversational filler, joined
 * compounds, abbreviations inside a glossary phrase, real words left uncorrected, and the question's
 * word sequence used for the adjacency bonus.
 */
import { createSearchIndex } from '../../src/search/engine';
import { fact, knowledgeBase, passage } from './fixtures';

const listing = passage(1, 1, 'Alibaba è quotato anche a Wall Street, non soltanto alla Borsa di Shangai.');
const farm = passage(1, 2, 'Il più grande sito di ecommerce del mondo ha scelto la Germania per la sua nuova server farm.');
const launch = passage(2, 1, 'Alibaba annuncia il launch di nuovi servizi e le shares salgono.');

const index = createSearchIndex(
  knowledgeBase({
    passages: [listing, farm, launch],
    facts: [
      fact('listing', listing, { translation: 'Alibaba is also listed on Wall Street, not only on the Shanghai stock exchange.', keywords: ['stock exchange'] }),
      fact('farm', farm, { translation: "The world's biggest ecommerce site chose Germany for its new server farm.", keywords: ['data center'] }),
    ],
    glossary: [['Wall Street', 'NYSE'], ['data center', 'server farm']],
  }),
);
const slotTexts = (question: string) => index.plan(question).slots.map((slot) => slot.text);

describe('query plan', () => {
  it('drops the conversational frame of a question, English and Italian', () => {
    expect(slotTexts('hey bot, could you please tell me a bit about what the article says on Germany?')).toEqual(['germany']);
    expect(slotTexts('ciao, dimmi qualcosa delle notizie sulla Germania')).toEqual(['germania']);
    expect(slotTexts('hello, thanks!')).toEqual([]);
    // Elided Italian question words ("cos'è", "dov'è") are the question words they stand for.
    expect(slotTexts("cos'è la Germania? dov'è?")).toEqual(['germania']);
  });

  it('drops aboutness words, which point at a topic without naming one, English and Italian', () => {
    expect(slotTexts("what's the Germany angle here? any update, background, overview or context?")).toEqual(['germany']);
    expect(slotTexts('novità, riassunto e contesto sulla situazione in Germania')).toEqual(['germania']);
    expect(slotTexts('give me the story, a summary and the details')).toEqual([]);
  });

  it('reads "latest" as an everyday modifier framing a concept, not as filler', () => {
    const latest = index.plan('the latest on Germany').slots.find((slot) => slot.text === 'latest');
    expect(latest).toMatchObject({ general: true, frame: true });
    expect(index.search('the latest on Germany')[0]?.id).toBe('farm');
  });

  it('splits a joined compound into the known words it is made of', () => {
    expect(slotTexts('wallstreet')).toEqual(['wall street']);
    expect(slotTexts('serverfarm Germania')).toEqual(['server farm', 'germania']);
    expect(index.search('wallstreet')[0]?.id).toBe('listing');
  });

  it('leaves alone a word that is unknown as a whole but not two known words', () => {
    expect(slotTexts('blockchain')).toEqual(['blockchain']);
  });

  it('reads a short word after the start of a glossary phrase as an abbreviation of it', () => {
    expect(slotTexts('wall st')).toEqual(['wall st']);
    expect(index.search('alibaba wall st')[0]?.id).toBe('listing');
    // Not an abbreviation where no phrase starts with the word before it.
    expect(index.plan('shangai st').slots.find((slot) => slot.text === 'st')?.alternatives.map((a) => a.terms.join(' '))).toEqual(['st']);
  });

  it('does not "correct" a real word into a vocabulary word', () => {
    const alternatives = (question: string) => index.plan(question).slots[0]!.alternatives.map((a) => a.terms.join(' '));
    expect(alternatives('lunch')).not.toContain('launch');
    expect(alternatives('shapes')).not.toContain('shar');
    // A misspelt word that is no real word still is.
    expect(alternatives('lanuch')).toContain('launch');
  });

  it('marks everyday words and glossary phrases', () => {
    const slots = index.plan('which country has the new server farm').slots;
    expect(slots.find((slot) => slot.text === 'country')).toMatchObject({ general: true, phrase: false });
    expect(slots.find((slot) => slot.text === 'server farm')).toMatchObject({ general: false, phrase: true });
  });

  it('marks everyday verbs and modifiers as frames, and a word found in most records as ubiquitous', () => {
    const slots = index.plan('what are they building on the main Borsa').slots;
    expect(slots.find((slot) => slot.text === 'building')).toMatchObject({ general: true, frame: true });
    expect(slots.find((slot) => slot.text === 'main')).toMatchObject({ general: true, frame: true });
    expect(slots.find((slot) => slot.text === 'borsa')).toMatchObject({ general: false, frame: false, ubiquitous: false });
    // "Alibaba" is in two of the three records.
    expect(index.plan('Alibaba').slots[0]).toMatchObject({ ubiquitous: true });
    // A number: half weight when the knowledge base has it, full weight when it has it nowhere.
    expect(index.plan('2031').slots[0]).toMatchObject({ numeric: true, importance: 1 });
  });

  it('weighs a phrase of several words above each of its words alone', () => {
    const importance = (question: string) => index.plan(question).slots[0]!.importance;
    expect(importance('server farm')).toBeGreaterThan(importance('server'));
    expect(importance('server farm')).toBeGreaterThan(importance('farm'));
  });

  it('counts an unambiguous correction of a rare word in full for coverage, but ranks it below the exact word', () => {
    const corrected = index.plan('germny').slots[0]!.alternatives.find((a) => a.terms.includes('german'));
    expect(corrected).toMatchObject({ credit: 1 });
    expect(corrected!.weight).toBeLessThan(1);
  });

  it('lists the question words in order (as stems) with their typo corrections, for adjacency', () => {
    expect(index.plan('the Germny server farm').sequence).toEqual([['germn', 'german'], ['server'], ['farm']]);
  });
});
