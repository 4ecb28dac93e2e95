/**
 * Calendar arithmetic in IANA time zones with nothing but Intl, so daylight-saving changes follow
 * the zone database that ships with Node. Dates are `YYYY-MM-DD` strings, times `HH:MM`.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timeZone` at `instantMs`, expressed as if that reading were UTC. */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour % 24, minute, second);
}

/** Offset of the zone from UTC at an instant, in ms (Europe/Rome in summer: +7,200,000). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const flooredToSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(flooredToSecond, timeZone) - flooredToSecond;
}

export function isValidDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === date;
}

function dateToUtcMs(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match || !isValidDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The calendar date in `timeZone` at an instant. */
export function localDate(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant at which the wall clock in `timeZone` reads `time` on `date`.
 * Like Temporal's "compatible" disambiguation: a time skipped by a spring-forward gap moves
 * forward by the gap (02:30 → 03:30), and a time that occurs twice on a fall-back day is its
 * first occurrence, so a digest is never skipped on either day and never runs twice.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wall = dateToUtcMs(date) + (hours * 60 + minutes) * 60_000;
  // At most one transition lies within a day either side of any wall time.
  const offsetBefore = zoneOffsetMs(wall - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMs(wall + DAY_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((instant) => wallClockMs(instant, timeZone) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - offsetBefore);
}

/** First and last instants (end exclusive) of a calendar day in a zone; 23 or 25 hours long on DST days. */
export function dayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedTimeToInstant(date, '00:00', timeZone), end: zonedTimeToInstant(addDays(date, 1), '00:00', timeZone) };
}

export interface Schedule {
  /** `HH:MM` */
  time: string;
  timeZone: string;
}

/** When the digest for `date` is due on this schedule. */
export function runAtFor(schedule: Schedule, date: string): Date {
  return zonedTimeToInstant(date, schedule.time, schedule.timeZone);
}

export interface DueCheck extends Schedule {
  /** When the subscription began: a run time before it is not owed (subscribing at 10:00 for 09:00 waits for tomorrow). */
  since?: Date;
}

/**
 * The local date whose digest is owed at `now`, or null. Only today's (in the subscription's zone)
 * can be owed, so a bot back after a night of downtime posts today's and never yesterday's.
 */
export function dueDate(subscription: DueCheck, now: Date): string | null {
  const today = localDate(now, subscription.timeZone);
  const runAt = runAtFor(subscription, today);
  if (runAt.getTime() > now.getTime()) return null;
  if (subscription.since && runAt.getTime() < subscription.since.getTime()) return null;
  return today;
}

/**
 * When the next digest goes out: today's run if still ahead; `now` when today's is owed (its time has
 * passed, it was not delivered, and the subscription is older than that time: the catch-up after
 * downtime); otherwise tomorrow's.
 */
export function nextRunAt(subscription: DueCheck, now: Date, deliveredToday = false): Date {
  const today = localDate(now, subscription.timeZone);
  const todaysRun = runAtFor(subscription, today);
  if (todaysRun.getTime() > now.getTime()) return todaysRun;
  if (!deliveredToday && dueDate(subscription, now) !== null) return now;
  return runAtFor(subscription, addDays(today, 1));
}
