/**
 * Questions a person might ask, in English, Italian, with typos and mixed, with the curated fact that
 * must rank first, or `null` when nothing in the knowledge base is relevant. Written from the article's
 * content, not from the facts' keyword lists; the engine is never tuned to a single line here.
 */
export interface QuestionCase {
  question: string;
  expected: string | null;
  kind: 'english' | 'italian' | 'typo' | 'mixed' | 'off-topic';
}

export const QUESTIONS: QuestionCase[] = [
  // The German server farm
  { question: 'Where did Alibaba open its new data center?', expected: 'germany-server-farm', kind: 'english' },
  { question: 'germny', expected: 'germany-server-farm', kind: 'typo' },
  { question: 'Dove ha aperto Alibaba la nuova server farm?', expected: 'germany-server-farm', kind: 'italian' },
  { question: 'datacenter germania', expected: 'germany-server-farm', kind: 'mixed' },
  // Next server farms
  { question: 'Which countries will get the next server farms?', expected: 'next-server-farms-japan-australia-dubai', kind: 'english' },
  { question: 'nuove server farm in Giappone e Australia', expected: 'next-server-farms-japan-australia-dubai', kind: 'italian' },
  { question: 'datacentres in Dubai soon', expected: 'next-server-farms-japan-australia-dubai', kind: 'english' },
  // Vodafone
  { question: 'vodafon', expected: 'vodafone-alliance', kind: 'typo' },
  { question: 'Who is Alibaba partnering with in telecoms?', expected: 'vodafone-alliance', kind: 'english' },
  { question: "alleanza commerciale con vodafone", expected: 'vodafone-alliance', kind: 'italian' },
  // Competitors and market share
  { question: 'Who controls more than half of the cloud market?', expected: 'cloud-competitors-market-share', kind: 'english' },
  { question: 'market share of Amazon, IBM and Google', expected: 'cloud-competitors-market-share', kind: 'english' },
  { question: 'chi sono i concorrenti nel cloud?', expected: 'cloud-competitors-market-share', kind: 'italian' },
  { question: 'googel ibm amazn', expected: 'cloud-competitors-market-share', kind: 'typo' },
  // Challenge to Amazon
  { question: 'Is the rivalry with Amazon going global?', expected: 'challenge-to-amazon-global', kind: 'english' },
  { question: 'la sfida ad Amazon diventa globale', expected: 'challenge-to-amazon-global', kind: 'italian' },
  { question: 'How does Alibaba compete with Amazon globally?', expected: 'challenge-to-amazon-global', kind: 'english' },
  // European market
  { question: 'Is Alibaba ready to invade the European market?', expected: 'europe-market-entry', kind: 'english' },
  { question: 'Alibaba pronta per il mercato europeo', expected: 'europe-market-entry', kind: 'italian' },
  // Reference point for businesses
  { question: 'What does Alibaba want to become for companies in the cloud sector?', expected: 'cloud-reference-point-for-businesses', kind: 'english' },
  { question: 'punto di riferimento per le imprese', expected: 'cloud-reference-point-for-businesses', kind: 'italian' },
  // Ethan Yu
  { question: 'What did Ethan Yu tell Bloomberg?', expected: 'ethan-yu-global-clientele', kind: 'english' },
  { question: 'ethan yu bloomber', expected: 'ethan-yu-global-clientele', kind: 'typo' },
  { question: 'cosa ha dichiarato il general manager?', expected: 'ethan-yu-global-clientele', kind: 'italian' },
  // Singles' Day
  { question: 'singels day', expected: 'singles-day-record', kind: 'typo' },
  { question: "How much merchandise was sold on Singles' Day?", expected: 'singles-day-record', kind: 'english' },
  { question: 'record di 17 miliardi di dollari', expected: 'singles-day-record', kind: 'italian' },
  // European offices
  { question: 'How many offices does Alibaba have in Europe?', expected: 'european-offices', kind: 'english' },
  { question: 'quante sedi ha Alibaba in Europa?', expected: 'european-offices', kind: 'italian' },
  // OBOR and Xi Jinping
  { question: 'xi jinpin', expected: 'obor-xi-jinping', kind: 'typo' },
  { question: 'What is One Belt One Road?', expected: 'obor-xi-jinping', kind: 'english' },
  { question: 'la nuova via della seta del presidente cinese', expected: 'obor-xi-jinping', kind: 'italian' },
  // Cannot sell outside China
  { question: 'Can Alibaba sell its products outside China?', expected: 'cannot-sell-outside-china', kind: 'english' },
  { question: 'vendere prodotti fuori dalla Cina', expected: 'cannot-sell-outside-china', kind: 'italian' },
  // Strategic importance of the cloud
  { question: 'Why are cloud services strategically important?', expected: 'cloud-strategic-importance', kind: 'english' },
  { question: "importanza strategica dei servizi in cloud", expected: 'cloud-strategic-importance', kind: 'italian' },
  // One million customers
  { question: 'How many business customers does Alibaba want for its cloud?', expected: 'million-cloud-customers-goal', kind: 'english' },
  { question: 'un milione di clienti business', expected: 'million-cloud-customers-goal', kind: 'italian' },
  { question: 'how many cloud custmers today', expected: 'million-cloud-customers-goal', kind: 'typo' },
  // Europe no longer the centre
  { question: 'Is Europe still the centre of the world?', expected: 'europe-no-longer-centre', kind: 'english' },
  { question: 'il vecchio continente', expected: 'europe-no-longer-centre', kind: 'italian' },
  // Asia
  { question: 'Will the business stay focused on Asia?', expected: 'asia-focus', kind: 'english' },
  { question: 'continente asiatico', expected: 'asia-focus', kind: 'italian' },
  // United States
  { question: 'What about the American market?', expected: 'united-states-unknown', kind: 'english' },
  { question: "l'incognita degli Stati Uniti", expected: 'united-states-unknown', kind: 'italian' },
  // Listings
  { question: 'Where is Alibaba listed on the stock exchange?', expected: 'wall-street-shanghai-listing', kind: 'english' },
  { question: 'wall stret', expected: 'wall-street-shanghai-listing', kind: 'typo' },
  { question: 'borsa di Shanghai', expected: 'wall-street-shanghai-listing', kind: 'italian' },
  // Trump
  { question: 'What will Trump do about China?', expected: 'trump-stance-on-china', kind: 'english' },
  { question: 'le mosse di Trump verso la Cina', expected: 'trump-stance-on-china', kind: 'italian' },
  // Campaign promises
  { question: 'election promises versus day to day politics', expected: 'campaign-promises-vs-politics', kind: 'english' },
  { question: 'promesse elettorali', expected: 'campaign-promises-vs-politics', kind: 'italian' },
  // Conversational phrasing: filler words and words the article never uses must not sink a good match
  { question: 'which country did alibaba pick for its new server farm', expected: 'germany-server-farm', kind: 'english' },
  { question: 'in quale nazione si trova il nuovo data center di alibaba?', expected: 'germany-server-farm', kind: 'italian' },
  { question: 'hi bot, can you explain where the new datacenter is located?', expected: 'germany-server-farm', kind: 'english' },
  { question: 'how many more data centres are coming?', expected: 'next-server-farms-japan-australia-dubai', kind: 'english' },
  { question: 'hey, could you tell me a bit about alibaba in australia please?', expected: 'next-server-farms-japan-australia-dubai', kind: 'english' },
  { question: 'ciao bot, mi dici qualcosa sulle server farm in Giappone?', expected: 'next-server-farms-japan-australia-dubai', kind: 'italian' },
  { question: 'what does the article say about the deal with vodafone?', expected: 'vodafone-alliance', kind: 'english' },
  { question: 'show me the news about vodafone please', expected: 'vodafone-alliance', kind: 'english' },
  { question: "cosa dice l'articolo sull'accordo con vodafone?", expected: 'vodafone-alliance', kind: 'italian' },
  { question: 'can you find what the piece says about the new york stock exchange', expected: 'wall-street-shanghai-listing', kind: 'english' },
  { question: 'what is the main obstacle for alibaba?', expected: 'cannot-sell-outside-china', kind: 'english' },
  { question: 'qual è il problema più grosso di alibaba secondo l articolo', expected: 'cannot-sell-outside-china', kind: 'italian' },
  { question: 'how big was singles day this year?', expected: 'singles-day-record', kind: 'english' },
  { question: 'quanto ha fatturato alibaba nel singles day?', expected: 'singles-day-record', kind: 'italian' },
  { question: 'who are the main rivals in the cloud business?', expected: 'cloud-competitors-market-share', kind: 'english' },
  { question: 'please explain what the bot knows about bloomberg', expected: 'ethan-yu-global-clientele', kind: 'english' },
  { question: 'dimmi qualcosa sul presidente Xi', expected: 'obor-xi-jinping', kind: 'italian' },
  // Typos that are not one keystroke on a long word: swaps in short words, joined and abbreviated words
  { question: 'belt and raod', expected: 'obor-xi-jinping', kind: 'typo' },
  { question: 'one blet one road', expected: 'obor-xi-jinping', kind: 'typo' },
  { question: 'is alibaba on wallstreet?', expected: 'wall-street-shanghai-listing', kind: 'typo' },
  { question: 'alibaba listing on wall st', expected: 'wall-street-shanghai-listing', kind: 'typo' },
  { question: 'the new serverfarm in germany', expected: 'germany-server-farm', kind: 'typo' },
  { question: 'singlesday sales', expected: 'singles-day-record', kind: 'typo' },
  { question: 'vodafoen alliance', expected: 'vodafone-alliance', kind: 'typo' },
  { question: 'strategia di xi jinpng', expected: 'obor-xi-jinping', kind: 'typo' },
  { question: 'in che paese è stata aperta la server farm?', expected: 'germany-server-farm', kind: 'italian' },
  { question: 'quali sono i prossimi paesi per i data center', expected: 'next-server-farms-japan-australia-dubai', kind: 'italian' },
  { question: 'chi controlla il mercato del cloud', expected: 'cloud-competitors-market-share', kind: 'italian' },
  { question: "cos'è la via della seta", expected: 'obor-xi-jinping', kind: 'italian' },
  { question: "perché alibaba non può vendere all'estero", expected: 'cannot-sell-outside-china', kind: 'italian' },
  { question: 'does alibaba trade on the nyse', expected: 'wall-street-shanghai-listing', kind: 'english' },
  { question: 'alibaba shares', expected: 'wall-street-shanghai-listing', kind: 'english' },
  { question: 'how much money was made on singles day', expected: 'singles-day-record', kind: 'english' },
  { question: 'alibaba germnay', expected: 'germany-server-farm', kind: 'typo' },
  { question: 'the serverfarms in japan', expected: 'next-server-farms-japan-australia-dubai', kind: 'typo' },
  // Ranking: the fact whose quote holds the question's words in order comes first
  { question: 'il presidente cinese', expected: 'obor-xi-jinping', kind: 'italian' },
  { question: 'la sfida ad amazon', expected: 'challenge-to-amazon-global', kind: 'italian' },
  { question: 'who are the big players of the cloud market?', expected: 'cloud-competitors-market-share', kind: 'english' },
  { question: 'the biggest companies in cloud computing', expected: 'cloud-competitors-market-share', kind: 'english' },
  { question: 'the new president of the USA', expected: 'trump-stance-on-china', kind: 'english' },
  { question: 'servizi in cloud', expected: 'cloud-strategic-importance', kind: 'italian' },
  // Section headings: a heading (or its English rendering) finds the facts of its section
  { question: "Alibaba oltre l'Europa", expected: 'europe-no-longer-centre', kind: 'italian' },
  { question: 'oltre l europa?', expected: 'europe-no-longer-centre', kind: 'italian' },
  { question: 'alibaba looking beyond europe', expected: 'europe-no-longer-centre', kind: 'english' },
  { question: "l'alleanza di alibaba", expected: 'vodafone-alliance', kind: 'italian' },
  // Paraphrases sharing few words with the fact: pronouns, everyday verbs, a region for its cities
  { question: 'which companies is alibaba partnering with in europe?', expected: 'vodafone-alliance', kind: 'english' },
  { question: "who is alibaba's european partner?", expected: 'vodafone-alliance', kind: 'english' },
  { question: 'chi è il partner di alibaba in europa?', expected: 'vodafone-alliance', kind: 'italian' },
  { question: 'what are they building in japan?', expected: 'next-server-farms-japan-australia-dubai', kind: 'english' },
  { question: 'any plans for the middle east?', expected: 'next-server-farms-japan-australia-dubai', kind: 'english' },
  { question: 'alibaba arriva in medio oriente?', expected: 'next-server-farms-japan-australia-dubai', kind: 'italian' },
  { question: 'why does the cloud matter to alibaba?', expected: 'cloud-strategic-importance', kind: 'english' },
  { question: 'perché il cloud è così importante?', expected: 'cloud-strategic-importance', kind: 'italian' },
  { question: 'is alibaba teaming up with vodafone?', expected: 'vodafone-alliance', kind: 'english' },
  { question: 'con chi collabora alibaba in europa?', expected: 'vodafone-alliance', kind: 'italian' },
  { question: 'quali sono i piani di alibaba in giappone?', expected: 'next-server-farms-japan-australia-dubai', kind: 'italian' },
  { question: 'does alibaba have data centres in the middle east?', expected: 'next-server-farms-japan-australia-dubai', kind: 'english' },
  // Two typos in one short question, where each correction is the only close word
  { question: 'data centres in austrlia and dubaii', expected: 'next-server-farms-japan-australia-dubai', kind: 'typo' },
  { question: 'servr farms in japn', expected: 'next-server-farms-japan-australia-dubai', kind: 'typo' },
  { question: 'vodafon allince', expected: 'vodafone-alliance', kind: 'typo' },
  { question: 'nuove sedi in giapone e australa', expected: 'next-server-farms-japan-australia-dubai', kind: 'typo' },
  // Ranking: a glossary phrase of several words outweighs a single common word
  { question: 'which nation did alibaba choose for its european data centre?', expected: 'germany-server-farm', kind: 'english' },
  { question: 'in quale paese europeo si trova la server farm di alibaba?', expected: 'germany-server-farm', kind: 'italian' },
  { question: "qual è l'obiettivo della nuova server farm?", expected: 'cloud-reference-point-for-businesses', kind: 'italian' },
  { question: 'what is the aim of the new datacenter?', expected: 'cloud-reference-point-for-businesses', kind: 'english' },
  // Off-topic: nothing relevant must come back
  { question: 'bitcoin price', expected: null, kind: 'off-topic' },
  { question: 'pizza recipe', expected: null, kind: 'off-topic' },
  { question: 'weather in Paris tomorrow', expected: null, kind: 'off-topic' },
  { question: 'how do I bake bread', expected: null, kind: 'off-topic' },
  { question: 'ricetta della carbonara', expected: null, kind: 'off-topic' },
  { question: 'who won the football world cup?', expected: null, kind: 'off-topic' },
  { question: 'Tesla electric cars battery range', expected: null, kind: 'off-topic' },
  { question: 'what is the', expected: null, kind: 'off-topic' },
  // Off-topic near misses: one word shared with the domain is not a match
  { question: "what's for lunch today", expected: null, kind: 'off-topic' },
  { question: 'amazon rainforest deforestation', expected: null, kind: 'off-topic' },
  { question: 'google maps directions to the station', expected: null, kind: 'off-topic' },
  { question: 'tesla stock price today', expected: null, kind: 'off-topic' },
  { question: 'what is kubernetes', expected: null, kind: 'off-topic' },
  { question: 'hello', expected: null, kind: 'off-topic' },
  { question: 'thanks bot!', expected: null, kind: 'off-topic' },
  { question: 'what time is it in dubai', expected: null, kind: 'off-topic' },
  { question: 'cloud shapes in the sky', expected: null, kind: 'off-topic' },
  { question: 'tell me a joke', expected: null, kind: 'off-topic' },
  { question: 'dimmi una barzelletta', expected: null, kind: 'off-topic' },
  { question: 'che tempo fa a Roma domani', expected: null, kind: 'off-topic' },
  { question: 'best road trip in australia', expected: null, kind: 'off-topic' },
  { question: 'how to launch a rocket', expected: null, kind: 'off-topic' },
  { question: 'new york pizza places', expected: null, kind: 'off-topic' },
  { question: 'how is the weather in germany today', expected: null, kind: 'off-topic' },
  { question: 'who is the ceo of vodafone', expected: null, kind: 'off-topic' },
  { question: 'tell me something interesting', expected: null, kind: 'off-topic' },
  { question: 'amazon prime video subscription price', expected: null, kind: 'off-topic' },
  { question: 'what is the population of japan', expected: null, kind: 'off-topic' },
  { question: 'grazie mille', expected: null, kind: 'off-topic' },
  { question: 'google stock forecast', expected: null, kind: 'off-topic' },
  // Off-topic near misses about Alibaba itself: a topic the knowledge base never covers, or a year it never mentions
  { question: 'alibaba stock price right now', expected: null, kind: 'off-topic' },
  { question: 'prezzo delle azioni alibaba', expected: null, kind: 'off-topic' },
  { question: 'alibaba profits 2022', expected: null, kind: 'off-topic' },
  { question: 'fatturato di alibaba nel 2021', expected: null, kind: 'off-topic' },
  { question: 'how many staff work for alibaba?', expected: null, kind: 'off-topic' },
  { question: 'quanti dipendenti ha alibaba', expected: null, kind: 'off-topic' },
  { question: 'who is the ceo of alibaba', expected: null, kind: 'off-topic' },
  { question: 'alibaba earnings per share', expected: null, kind: 'off-topic' },
  { question: 'when was alibaba founded', expected: null, kind: 'off-topic' },
  { question: 'alibaba headquarters', expected: null, kind: 'off-topic' },
  { question: 'amazon web services pricing', expected: null, kind: 'off-topic' },
  { question: 'amazon revenue 2022', expected: null, kind: 'off-topic' },
  { question: 'how much does alibaba cloud cost', expected: null, kind: 'off-topic' },
  { question: 'is there a server farm in france?', expected: null, kind: 'off-topic' },
  { question: 'alibaba data center in india', expected: null, kind: 'off-topic' },
];
