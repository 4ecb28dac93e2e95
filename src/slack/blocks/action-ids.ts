/** The action_ids of the app's buttons: the blocks render them, the action listeners match them. */
export const ACTION_IDS = {
  share: 'answer_share',
  helpful: 'answer_helpful',
  notHelpful: 'answer_not_helpful',
  homeExample: 'home_example_question',
} as const;

/** What a button carries so the click can be handled without server-side state. */
export interface AnswerRef {
  /** The question as searched. */
  q: string;
  /** Curated fact id of the best result, or null. */
  f: string | null;
  /** Document id of the best result, or null. */
  d: string | null;
}

const MAX_VALUE = 2000;

/** JSON for a button value, cutting the question so the value stays within Block Kit's 2,000 characters. */
export function encodeAnswerRef(ref: AnswerRef): string {
  let q = ref.q;
  let value = JSON.stringify({ ...ref, q });
  while (value.length > MAX_VALUE && q.length > 0) {
    q = q.slice(0, Math.max(0, q.length - Math.ceil((value.length - MAX_VALUE) / 2) - 1));
    value = JSON.stringify({ ...ref, q, f: ref.f?.slice(0, 200) ?? null, d: ref.d?.slice(0, 400) ?? null });
  }
  return value;
}

/** Parses a button value; null when it is not one of ours (a forged or stale click). */
export function decodeAnswerRef(value: string | undefined): AnswerRef | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<AnswerRef>;
    if (typeof parsed.q !== 'string') return null;
    return { q: parsed.q, f: typeof parsed.f === 'string' ? parsed.f : null, d: typeof parsed.d === 'string' ? parsed.d : null };
  } catch {
    return null;
  }
}
