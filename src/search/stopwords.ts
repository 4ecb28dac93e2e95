/**
 * Closed-class words of English and Italian (articles, prepositions, pronouns, auxiliaries, question
 * words, and the light verbs and fillers of spoken questions: "get", "going", "really") that carry no topic. Written accent-free and lowercase, as the normaliser produces them.
 * Content words never belong here: a word that could be the subject of a question stays searchable.
 */
const ENGLISH = `
a about above after again against all am an and any are aren as at be because been before being below
between both but by can cannot could couldn did didn do does doesn doing don down during each few for from
further had hadn has hasn have haven having he her here hers herself him himself his how i if in into is
isn it its itself just let me more most mustn my myself no nor not of off on once only or other ought our
ours ourselves us out over own same shan she should shouldn so some such than that the their theirs them
themselves then there these they this those through to too under until up very was wasn we were weren
what when where which while who whom why will with won would wouldn you your yours yourself yourselves
tell please know anything something thing things much many any also does s t d ll m re ve
get gets got getting go goes going gone went make makes made making take takes took give gives gave
happen happens happened happening like really actually currently now still ever even whether lot lots kind
vs versus via per etc
`;

/**
 * The conversational frame of a question put to a bot: greetings, politeness, and the verbs and nouns
 * that point at the source rather than at a topic ("what does the article say about", "give me the news
 * on", "could you tell me a bit about"). They carry no topic, so like stopwords they neither match nor
 * count against a match. Words that name a topic of the news ("said" in an interview) are not here.
 */
const CONVERSATIONAL_ENGLISH = `
hey hi hello hiya yo thanks thank cheers pls plz bot assistant dear folks guys
say says tells knows knew mention mentions mentioned talk talks talking write writes wrote written
article articles piece story stories news report reports text source page info information details detail
bit little quick question questions answer wondering wonder curious need want wants wanted
show find explain describe summarize summarise summary remind look looking read learn see
could would might may shall
`;

/**
 * Aboutness words: they point at a topic without naming one ("what's the vodafone *angle*", "any
 * *update* on the Dubai plans", "*background* on OBOR", "give me an *overview*"), like "tell me about".
 * A word the knowledge base uses for what it says stays a content word: "deal" is an alliance, and
 * "latest" (the latest Singles' Day) is an everyday modifier (general-words.ts), not filler.
 */
const ABOUTNESS_ENGLISH = `
angle angles story stories update updates overview overviews summary summaries details detail info
context background situation status recap rundown lowdown gist
`;

const ABOUTNESS_ITALIAN = `
novita aggiornamento aggiornamenti riassunto sintesi panoramica dettagli dettaglio contesto situazione
storia retroscena
`;

const CONVERSATIONAL_ITALIAN = `
ciao salve buongiorno buonasera grazie prego favore bot
dimmi dici dice dicono dica sai sapere so sapete sapresti puoi potresti potete vorrei voglio volevo vuoi vuole vogliamo volete vogliono
spiegami spiega mostrami mostra parlami parla parlano racconta raccontami scrive scritto leggere
articolo articoli pezzo notizia notizie testo fonte info informazioni dettagli qualcosa po domanda
trova trovano trovare trovi cerca cercare fammi sapere
`;

const ITALIAN = `
a ad al allo ai agli all alla alle agl con col coi da dal dallo dai dagli dall dalla dalle di del dello dei
degli dell della delle in nel nello nei negli nell nella nelle su sul sullo sui sugli sull sulla sulle per
tra fra il lo la i gli le l un uno una un e ed o od ma se che chi cui non ne ci vi si io tu lui lei noi
voi loro mi ti me te lo sua suo sue suoi mio mia miei mie tuo tua tuoi tue nostro nostra nostri nostre
vostro vostra vostri vostre questo questa questi queste quello quella quelli quelle quel quei sono sei
siamo siete era erano essere stato stata stati state sia siano ho hai ha abbiamo avete hanno avere avuto
come cosa dove quando qual quale quali quanto quanta quanti quante perche anche piu molto poco tutto tutti
ogni altro altra altri altre gia ancora pero infatti ovvero oppure quindi dunque cioe c e
cos com dov quant quand
`;

/** The words of whitespace-separated lists, as one set (the word lists here and in general-words.ts). */
export function toSet(...lists: string[]): ReadonlySet<string> {
  return new Set(lists.flatMap((list) => list.split(/\s+/)).filter(Boolean));
}

/**
 * Function words only Italian has ("il", "della", "che", "dimmi"): a question with one of them is
 * Italian, and its unknown words are more likely inflections the knowledge base words differently than
 * names it does not know (see plan.ts).
 */
export const ITALIAN_ONLY_WORDS: ReadonlySet<string> = (() => {
  const english = toSet(ENGLISH, CONVERSATIONAL_ENGLISH, ABOUTNESS_ENGLISH);
  return new Set([...toSet(ITALIAN, CONVERSATIONAL_ITALIAN, ABOUTNESS_ITALIAN)].filter((word) => word.length >= 2 && !english.has(word)));
})();

export const STOPWORDS: ReadonlySet<string> = toSet(ENGLISH, ITALIAN, CONVERSATIONAL_ENGLISH, CONVERSATIONAL_ITALIAN, ABOUTNESS_ENGLISH, ABOUTNESS_ITALIAN);
