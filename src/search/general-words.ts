/**
 * Everyday words of English and Italian that say nothing specific about a topic: time and place in
 * general, people, common verbs and adjectives, daily life. Kept as data, accent-free and lowercase as
 * the normaliser writes them. The engine uses it in three ways (see plan.ts and engine.ts):
 *
 * - such a word, when the knowledge base never uses it ("which *country*", "in quale *città*"), counts
 *   less against a record that matches a strong anchor of the question (a glossary phrase, or two
 *   specific words; for an everyday verb, one specific word is enough: see EVERYDAY_VERBS);
 * - a record needs at least one matched word that is not of this list: everyday words alone
 *   ("what's for lunch today") never make an answer;
 * - such a word is spelt as intended: it is never "corrected" to a vocabulary word ("lunch" is not
 *   "launch").
 *
 * Topic words of business news (market, company, cloud, price, stock, sales...) are deliberately not
 * here: they are what questions to this bot are about.
 */
import { toSet } from './stopwords';

const ENGLISH = `
buy bought pay paid win won lose lost
time times day days week weeks month months year years today tomorrow yesterday tonight morning evening
night hour hours minute minutes moment date age ago later early late soon recently
place places country countries city cities town towns area areas location locations located site where
home house room street road way side part parts point end start beginning middle
people person man men woman women child children kid kids family friend friends guy someone everyone
thing things stuff lot kind sort type number numbers amount
big bigger biggest small smaller smallest large larger largest good better best bad worse worst great little long short high low old
young right wrong true false real sure able possible important main major different same whole full
nice fine happy sad interesting boring amazing cool awesome strange weird easy simple hot cold warm weather rain sun sunny sky cloudy snow wind
food lunch dinner breakfast meal eat eating drink coffee tea water pizza bread recipe cook cooking
game games play playing sport sports football soccer music song movie movies film tv show
car cars bus train trip travel holiday vacation map maps direction directions station airport
money cash joke jokes funny fun love life world help idea ideas reason problem problems fact facts case example
first second third last latest newest next previous current recent future past
`;

const ITALIAN = `
comprare pagare vincere perdere vale valere
tempo giorno giorni settimana settimane mese mesi anno anni oggi domani ieri stasera mattina sera
notte ora ore minuto minuti momento eta fa dopo prima presto tardi recentemente
posto posti luogo luoghi paese paesi nazione nazioni citta zona zone area parte parti punto fine inizio
casa strada via lato mezzo
gente persona persone uomo uomini donna donne bambino bambini famiglia amico amici qualcuno tutti
roba tipo numero numeri quantita genere
grande grandi piccolo piccola grosso grossa buono buona meglio migliore cattivo peggio peggiore lungo
corto alto basso vecchio vecchia giovane giusto sbagliato vero falso sicuro possibile principale diverso
stesso intero bello bella brutto interessante noioso divertente strano facile semplice caldo freddo meteo pioggia sole cielo neve vento
cibo pranzo cena colazione pasto mangiare bere caffe acqua pizza pane ricetta cucinare
gioco giochi giocare sport calcio musica canzone film televisione
macchina auto treno viaggio viaggi vacanza vacanze mappa mappe direzione indicazioni stazione aeroporto
soldi denaro barzelletta barzellette scherzo vita aiuto idea idee motivo problema problemi fatto fatti caso esempio
piano piani lavoro scelta
primo prima secondo seconda terzo ultimo ultima ultimi ultime prossimo prossima precedente attuale recente passato
zero uno due tre quattro cinque sei sette otto nove dieci venti cento mille
`;

/**
 * Everyday verbs: what someone does, not what the question is about ("what are they *building* in
 * Japan", "why does the cloud *matter*", "which country did they *pick*"). They are everyday words too;
 * in addition, one specific concept matched in full is anchor enough to discount such a verb when the
 * knowledge base never uses it, because the verb only frames a question about that concept. Nouns of
 * daily life are different: "what *time* is it in Dubai" asks about the time, not about Dubai; so are the
 * verbs of money and contests ("how much does it *cost*", "who *won*"), which name what is asked.
 */
const ENGLISH_VERBS = `
pick picks picked picking choose chooses chose chosen choosing decide decides decided plan planned
use uses used using try tries tried trying work works worked working call called ask asked keep kept put
leave left bring brought turn move moves moved moving come comes came coming begin began begun become
becomes became seem seemed feel felt think thought mean means meant run ran walk open close build builds building built construct constructs constructing constructed
set sets setting put putting do doing done matter matters mattered count counts happen happens
happened happening planning
`;

const ITALIAN_VERBS = `
scegliere sceglie scelto decidere deciso usare usato provare lavorare chiamare chiedere
tenere mettere lasciare portare girare muovere venire viene venuto iniziare diventare sembrare sentire
pensare significa correre camminare costruire
costruisce costruiscono costruendo costruito costruita stanno sta fanno fa fare facendo conta contano
contare succede succedendo
`;

/**
 * Everyday adjectives that qualify a concept rather than name one ("the *main* obstacle", "il problema
 * più *grosso*"): like everyday verbs, one specific concept is anchor enough to discount them.
 */
const MODIFIERS = `
big bigger biggest small smaller smallest large larger largest good better best bad worse worst great
main major important different real whole full high low long short latest newest recent
grande grandi piccolo piccola grosso grossa buono buona meglio migliore principale diverso ultimo ultima ultimi ultime
`;

/**
 * Attribute nouns: a property asked of an entity ("xi jinping *age*", "wall street opening *hours*",
 * "when was it *founded*", "the *population* of germany", "his *salary*", "the office's *address*").
 * Where the knowledge base never uses such a word, no record gives that property, however well it
 * knows the entity: the word counts against every record in full and more (see engine.ts), never
 * discounted beside an anchor as "which *country*" is. Money words the knowledge base can answer
 * ("worth", "vale": the Singles' Day figure) are not attributes.
 */
const ATTRIBUTES = `
age aged birthday birth born hours founded founding founder founders population inhabitants salary salaries
wage wages address addresses phone telephone email height
eta compleanno nascita nato nata ore orari orario fondata fondato fondazione fondatore fondatori
popolazione abitanti stipendio stipendi salario indirizzo indirizzi telefono altezza
`;

export const ATTRIBUTE_WORDS: ReadonlySet<string> = toSet(ATTRIBUTES);

/** Everyday verbs and modifiers: words that frame a question about a concept (see ENGLISH_VERBS). */
export const FRAME_WORDS: ReadonlySet<string> = toSet(ENGLISH_VERBS, ITALIAN_VERBS, MODIFIERS);
export const GENERAL_WORDS: ReadonlySet<string> = toSet(ENGLISH, ITALIAN, ENGLISH_VERBS, ITALIAN_VERBS);
