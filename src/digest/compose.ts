/**
 * What a channel's digest holds for a date, worked out from the knowledge base and what the store
 * remembers about the channel. Pure apart from reading the store: composing the same date twice
 * gives the same digest, so a retried delivery posts what the first attempt meant to.
 */
import { createHash } from 'node:crypto';
import type { Fact, KnowledgeBase, KnowledgeDocument } from '../knowledge/types';
import type { Store } from '../store/sqlite';
import { addDays, dayBounds } from './time';

/** The part of the store a digest is composed from. */
export type DigestHistory = Pick<Store, 'factsShown' | 'documentsSeenBefore' | 'previousDigestDate' | 'queriesBetween'>;

export interface DigestFact {
  fact: Fact;
  document: KnowledgeDocument | null;
  /** Rotation cycle the fact belongs to (1 for the first pass over all facts). */
  cycle: number;
  /** 1-based position of this fact in its cycle, and the cycle's length. */
  position: number;
  cycleLength: number;
}

export interface QuestionCount {
  /** As a user typed it (the latest wording of the normalised question): user text, escape before display. */
  text: string;
  count: number;
}

export interface DigestQuestions {
  /** The local day the questions were asked on. */
  date: string;
  total: number;
  mostAsked: QuestionCount[];
  unanswered: QuestionCount[];
}

export interface Digest {
  date: string;
  channelId: string;
  timeZone: string;
  fact: DigestFact | null;
  /** Documents the channel's previous digests have not listed (all of them for a first digest). */
  newDocuments: KnowledgeDocument[];
  /** True when the channel has never had a digest before this date. */
  firstDigest: boolean;
  /** Null when nobody asked the bot anything in the channel the day before. */
  questions: DigestQuestions | null;
}

export interface ComposeDigestInput {
  date: string;
  channelId: string;
  /** Zone whose "day before" the questions come from. */
  timeZone: string;
  knowledge: KnowledgeBase;
  store: DigestHistory;
}

/** At most this many entries in each question list. */
const MAX_QUESTIONS = 5;

function rank(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}\u0000${id}`).digest('hex');
}

/**
 * The fact of the day: the one already shown on `date` if there is one; otherwise the next fact of
 * the channel's current cycle, in an order shuffled per channel and cycle but stable, so that no
 * fact repeats until every current fact has been shown; then a new cycle starts.
 */
export function pickFactOfTheDay(channelId: string, date: string, facts: readonly Fact[], history: DigestHistory): Omit<DigestFact, 'document'> | null {
  if (facts.length === 0) return null;
  const byId = new Map(facts.map((f) => [f.id, f]));
  const shown = history.factsShown(channelId).filter((s) => byId.has(s.factId));
  const order = (cycle: number): Fact[] => {
    // One hash per fact, not two per comparison.
    const ranks = new Map(facts.map((f) => [f.id, rank(`${channelId}/${cycle}`, f.id)]));
    return [...facts].sort((a, b) => (ranks.get(a.id) as string).localeCompare(ranks.get(b.id) as string));
  };

  const sameDay = shown.find((s) => s.date === date);
  if (sameDay) {
    const cycleOrder = order(sameDay.cycle);
    return { fact: byId.get(sameDay.factId) as Fact, cycle: sameDay.cycle, position: cycleOrder.findIndex((f) => f.id === sameDay.factId) + 1, cycleLength: cycleOrder.length };
  }

  const earlier = shown.filter((s) => s.date < date);
  let cycle = earlier.reduce((max, s) => Math.max(max, s.cycle), 1);
  const shownThisCycle = new Set(earlier.filter((s) => s.cycle === cycle).map((s) => s.factId));
  if (shownThisCycle.size >= facts.length) {
    cycle += 1;
    shownThisCycle.clear();
  }
  const cycleOrder = order(cycle);
  const candidates = cycleOrder.filter((f) => !shownThisCycle.has(f.id));
  // A new cycle's shuffle could open with the fact that closed the last one: not two days running.
  const lastShown = [...earlier].sort((a, b) => a.date.localeCompare(b.date)).at(-1)?.factId;
  const pick = candidates.length > 1 && candidates[0]?.id === lastShown ? candidates[1] : candidates[0];
  if (!pick) return null;
  return { fact: pick, cycle, position: shownThisCycle.size + 1, cycleLength: cycleOrder.length };
}

function countQuestions(rows: Array<{ query: string; normalized: string }>, limit: number): QuestionCount[] {
  const groups = new Map<string, { text: string; count: number; firstSeen: number }>();
  rows.forEach((row, index) => {
    if (!row.normalized) return;
    const group = groups.get(row.normalized);
    if (group) {
      group.count += 1;
      group.text = row.query;
    } else {
      groups.set(row.normalized, { text: row.query, count: 1, firstSeen: index });
    }
  });
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen)
    .slice(0, limit)
    .map(({ text, count }) => ({ text, count }));
}

export function composeDigest(input: ComposeDigestInput): Digest {
  const { date, channelId, timeZone, knowledge, store } = input;

  const picked = pickFactOfTheDay(channelId, date, knowledge.facts, store);
  const fact: DigestFact | null = picked ? { ...picked, document: knowledge.documents.find((d) => d.id === picked.fact.documentId) ?? null } : null;

  const previous = store.previousDigestDate(channelId, date);
  const seen = store.documentsSeenBefore(channelId, date);
  const newDocuments = knowledge.documents.filter((d) => !seen.has(d.id));

  const yesterday = addDays(date, -1);
  const { start, end } = dayBounds(yesterday, timeZone);
  const asked = store.queriesBetween(channelId, start, end);
  const questions: DigestQuestions | null =
    asked.length === 0
      ? null
      : {
          date: yesterday,
          total: asked.length,
          mostAsked: countQuestions(asked, MAX_QUESTIONS),
          unanswered: countQuestions(
            asked.filter((q) => q.resultCount === 0),
            MAX_QUESTIONS,
          ),
        };

  return { date, channelId, timeZone, fact, newDocuments, firstDigest: previous === null, questions };
}

/** What the store records with a posted digest, so the rotation and "new documents" move on. */
export function digestContent(digest: Digest): { factId: string | null; factCycle: number | null; documentIds: string[] } {
  return { factId: digest.fact?.fact.id ?? null, factCycle: digest.fact?.cycle ?? null, documentIds: digest.newDocuments.map((d) => d.id) };
}
