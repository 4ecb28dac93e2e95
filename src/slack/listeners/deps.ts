import type { Logger } from '@slack/bolt';
import type { Clock } from '../../clock';
import type { KnowledgeBase } from '../../knowledge/types';
import type { FeedbackLog } from '../../store/types';
import type { RecentDeliveries } from '../dedupe';
import type { Delivery } from '../delivery';
import type { Replies } from '../replies';

/** Everything the listeners need; each handler factory takes only its slice. */
export interface ListenerDeps {
  replies: Replies;
  knowledge: KnowledgeBase;
  feedbackLog: FeedbackLog;
  deliveries: RecentDeliveries;
  /** Posting to Slack with capped rate-limit waits, plain-text fallback and logged failures. */
  delivery: Delivery;
  clock: Clock;
  logger: Logger;
}
