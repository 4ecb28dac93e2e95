import fc from 'fast-check';
import { addDays, dayBounds, dueDate, isValidDate, localDate, nextRunAt, runAtFor, zonedTimeToInstant } from '../../src/digest/time';

const iso = (d: Date) => d.toISOString();

describe('zonedTimeToInstant', () => {
  it('reads the wall clock of different zones on an ordinary day', () => {
    expect(iso(zonedTimeToInstant('2026-12-01', '09:00', 'UTC'))).toBe('2026-12-01T09:00:00.000Z');
    expect(iso(zonedTimeToInstant('2026-12-01', '09:00', 'Europe/Rome'))).toBe('2026-12-01T08:00:00.000Z');
    expect(iso(zonedTimeToInstant('2026-12-01', '09:00', 'America/New_York'))).toBe('2026-12-01T14:00:00.000Z');
    expect(iso(zonedTimeToInstant('2026-12-01', '09:00', 'Asia/Kolkata'))).toBe('2026-12-01T03:30:00.000Z');
    expect(iso(zonedTimeToInstant('2026-12-01', '09:00', 'Australia/Sydney'))).toBe('2026-11-30T22:00:00.000Z');
  });

  it('follows Europe/Rome across spring-forward (29 March 2026) and fall-back (25 October 2026)', () => {
    expect(iso(zonedTimeToInstant('2026-03-28', '09:00', 'Europe/Rome'))).toBe('2026-03-28T08:00:00.000Z');
    expect(iso(zonedTimeToInstant('2026-03-29', '09:00', 'Europe/Rome'))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(zonedTimeToInstant('2026-10-24', '09:00', 'Europe/Rome'))).toBe('2026-10-24T07:00:00.000Z');
    expect(iso(zonedTimeToInstant('2026-10-25', '09:00', 'Europe/Rome'))).toBe('2026-10-25T08:00:00.000Z');
    // 02:30 does not exist on the spring-forward day: it moves on by the gap.
    expect(iso(zonedTimeToInstant('2026-03-29', '02:30', 'Europe/Rome'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('on America/New_York spring-forward (8 March 2026) runs a skipped 02:30 at 03:30 EDT, once', () => {
    expect(iso(zonedTimeToInstant('2026-03-08', '02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedTimeToInstant('2026-03-08', '09:00', 'America/New_York'))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(zonedTimeToInstant('2026-03-07', '09:00', 'America/New_York'))).toBe('2026-03-07T14:00:00.000Z');
  });

  it('on America/New_York fall-back (1 November 2026) runs a repeated 01:30 at its first occurrence', () => {
    expect(iso(zonedTimeToInstant('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(zonedTimeToInstant('2026-11-01', '09:00', 'America/New_York'))).toBe('2026-11-01T14:00:00.000Z');
    expect(iso(zonedTimeToInstant('2026-10-31', '09:00', 'America/New_York'))).toBe('2026-10-31T13:00:00.000Z');
  });

  it('gives DST days 23 and 25 hours', () => {
    const hours = (date: string, zone: string) => {
      const { start, end } = dayBounds(date, zone);
      return (end.getTime() - start.getTime()) / 3_600_000;
    };
    expect(hours('2026-03-08', 'America/New_York')).toBe(23);
    expect(hours('2026-11-01', 'America/New_York')).toBe(25);
    expect(hours('2026-03-29', 'Europe/Rome')).toBe(23);
    expect(hours('2026-10-25', 'Europe/Rome')).toBe(25);
    expect(hours('2026-06-01', 'Europe/Rome')).toBe(24);
  });

  it('lands on the asked date and time in any zone, for any day (property)', () => {
    const zones = ['UTC', 'Europe/Rome', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Apia'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (dayOffset, hour, minute, zone) => {
          const date = addDays('2024-01-01', dayOffset);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const instant = zonedTimeToInstant(date, time, zone);
          expect(localDate(instant, zone)).toBe(date);
          const wall = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
          // Equal, or later by a DST gap (never earlier, so a digest is never early).
          const [h, m] = wall.split(':').map(Number) as [number, number];
          expect(h * 60 + m).toBeGreaterThanOrEqual(hour * 60 + minute);
          expect(h * 60 + m - (hour * 60 + minute)).toBeLessThanOrEqual(60);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dates', () => {
  it('validates and adds calendar days', () => {
    expect(isValidDate('2026-12-01')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('1 Dec 2026')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads the local date at an instant in each zone', () => {
    const instant = new Date('2026-12-01T23:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-12-01');
    expect(localDate(instant, 'Europe/Rome')).toBe('2026-12-02');
    expect(localDate(instant, 'America/New_York')).toBe('2026-12-01');
  });
});

describe('due dates and catch-up', () => {
  const rome = { time: '09:00', timeZone: 'Europe/Rome' };

  it('is not due before the time, and due at and after it the same local day', () => {
    expect(dueDate(rome, new Date('2026-12-01T07:59:59Z'))).toBeNull();
    expect(dueDate(rome, new Date('2026-12-01T08:00:00Z'))).toBe('2026-12-01');
    expect(dueDate(rome, new Date('2026-12-01T22:59:00Z'))).toBe('2026-12-01');
  });

  it('after downtime owes only today: back at 00:30 the next day, yesterday\'s is not due', () => {
    // The bot was down from 2026-12-01 07:00Z to 2026-12-01 23:30Z (00:30 on the 2nd in Rome).
    expect(dueDate(rome, new Date('2026-12-01T23:30:00Z'))).toBeNull();
    // Back at 10:00 Rome the next day: the 2nd's digest is owed, and only it.
    expect(dueDate(rome, new Date('2026-12-02T09:00:00Z'))).toBe('2026-12-02');
  });

  it('uses each subscription\'s own zone for "today"', () => {
    const now = new Date('2026-12-01T15:30:00Z');
    expect(dueDate({ time: '09:00', timeZone: 'America/New_York' }, now)).toBe('2026-12-01');
    expect(dueDate({ time: '09:00', timeZone: 'America/Los_Angeles' }, now)).toBeNull(); // 07:30 there
    // 00:30 on 2 December in Tokyo: 1 December's is yesterday there, 2 December's not yet due.
    expect(dueDate({ time: '09:00', timeZone: 'Asia/Tokyo' }, now)).toBeNull();
    expect(dueDate({ time: '00:15', timeZone: 'Asia/Tokyo' }, now)).toBe('2026-12-02');
    expect(dueDate({ time: '23:00', timeZone: 'Asia/Tokyo' }, now)).toBeNull();
  });

  it('does not owe a time that passed before the subscription began', () => {
    const since = new Date('2026-12-01T09:00:00Z'); // 10:00 in Rome
    expect(dueDate({ ...rome, since }, new Date('2026-12-01T09:05:00Z'))).toBeNull();
    expect(dueDate({ ...rome, since }, new Date('2026-12-02T08:00:00Z'))).toBe('2026-12-02');
  });

  it('is due once across the DST change days at the right instant', () => {
    const ny = { time: '09:00', timeZone: 'America/New_York' };
    expect(dueDate(ny, new Date('2026-03-08T12:59:00Z'))).toBeNull();
    expect(dueDate(ny, new Date('2026-03-08T13:00:00Z'))).toBe('2026-03-08');
    expect(dueDate(ny, new Date('2026-11-01T13:59:00Z'))).toBeNull();
    expect(dueDate(ny, new Date('2026-11-01T14:00:00Z'))).toBe('2026-11-01');
    expect(dueDate(rome, new Date('2026-03-29T06:59:00Z'))).toBeNull();
    expect(dueDate(rome, new Date('2026-03-29T07:00:00Z'))).toBe('2026-03-29');
  });

  it('next run: today\'s if ahead, now if owed, tomorrow\'s (across a DST change) once delivered', () => {
    expect(iso(nextRunAt(rome, new Date('2026-12-01T06:00:00Z')))).toBe('2026-12-01T08:00:00.000Z');
    expect(iso(nextRunAt(rome, new Date('2026-12-01T10:00:00Z')))).toBe('2026-12-01T10:00:00.000Z');
    expect(iso(nextRunAt(rome, new Date('2026-12-01T10:00:00Z'), true))).toBe('2026-12-02T08:00:00.000Z');
    expect(iso(nextRunAt(rome, new Date('2026-03-28T10:00:00Z'), true))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(nextRunAt({ ...rome, since: new Date('2026-12-01T09:30:00Z') }, new Date('2026-12-01T10:00:00Z')))).toBe('2026-12-02T08:00:00.000Z');
    expect(iso(runAtFor({ time: '09:00', timeZone: 'America/New_York' }, '2026-11-02'))).toBe('2026-11-02T14:00:00.000Z');
  });
});
