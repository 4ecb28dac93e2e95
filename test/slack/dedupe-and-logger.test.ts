import { createRecentDeliveries, eventKey, messageKey } from '../../src/slack/dedupe';
import { createLogger, createMemoryLogger } from '../../src/slack/logger';

describe('recent deliveries', () => {
  test('a key is claimed once; any shared key makes a delivery a repeat', () => {
    const deliveries = createRecentDeliveries(() => new Date(0));
    expect(deliveries.claim([eventKey('Ev1'), messageKey('C1', '1.1')])).toBe(true);
    expect(deliveries.claim([eventKey('Ev1'), messageKey('C1', '1.1')])).toBe(false);
    expect(deliveries.claim([eventKey('Ev2'), messageKey('C1', '1.1')])).toBe(false);
    expect(deliveries.claim([eventKey('Ev1'), messageKey('C2', '2.2')])).toBe(false);
    expect(deliveries.claim([eventKey('Ev3'), messageKey('C1', '1.2')])).toBe(true);
    expect(deliveries.claim([null, undefined])).toBe(true);
  });

  test('keys are forgotten after the TTL and the memory is bounded', () => {
    let now = 0;
    const deliveries = createRecentDeliveries(() => new Date(now), { ttlMs: 1000, maxEntries: 3 });
    expect(deliveries.claim(['a'])).toBe(true);
    now = 500;
    expect(deliveries.claim(['a'])).toBe(false);
    now = 1600;
    expect(deliveries.claim(['a'])).toBe(true);
    for (const key of ['b', 'c', 'd', 'e']) expect(deliveries.claim([key])).toBe(true);
    // The oldest entries were dropped to stay within maxEntries.
    expect(deliveries.claim(['a'])).toBe(true);
    expect(deliveries.claim(['e'])).toBe(false);
  });
});

describe('logger', () => {
  test('filters by level, formats errors with their code, and writes one line per entry', () => {
    const logger = createMemoryLogger('warn');
    logger.info('hidden');
    logger.warn('shown', { channel: 'C1' });
    logger.error('failed', Object.assign(new Error('boom'), { code: 'slack_webapi_platform_error' }));
    expect(logger.lines).toEqual(["[WARN] alibaba-bot shown { channel: 'C1' }", '[ERROR] alibaba-bot failed Error: boom (slack_webapi_platform_error)']);
  });

  test('writes to the given sink, never stdout', () => {
    const written: string[] = [];
    const logger = createLogger({ level: 'debug', sink: { write: (line: string) => written.push(line) } });
    logger.debug('x');
    expect(written).toEqual(['[DEBUG] alibaba-bot x\n']);
  });
});
