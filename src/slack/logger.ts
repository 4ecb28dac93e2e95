/**
 * A Bolt-compatible logger that writes to stderr (stdout carries replies in the console and nothing
 * else), one line per entry, level-filtered.
 */
import { LogLevel, type Logger } from '@slack/bolt';
import { inspect } from 'node:util';

const SEVERITY: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

export interface LogSink {
  write(line: string): unknown;
}

function format(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) {
    const code = (part as { code?: unknown }).code;
    return `${part.name}: ${part.message}${code ? ` (${String(code)})` : ''}`;
  }
  return inspect(part, { depth: 4, breakLength: Infinity });
}

export function createLogger(options: { level?: LogLevel | `${LogLevel}`; sink?: LogSink; name?: string } = {}): Logger {
  let level = (options.level ?? LogLevel.INFO) as LogLevel;
  let name = options.name ?? 'alibaba-bot';
  const sink = options.sink ?? process.stderr;
  const log =
    (entryLevel: LogLevel) =>
    (...parts: unknown[]): void => {
      if (SEVERITY[entryLevel] < SEVERITY[level]) return;
      sink.write(`[${entryLevel.toUpperCase()}] ${name} ${parts.map(format).join(' ')}\n`);
    };
  return {
    debug: log(LogLevel.DEBUG),
    info: log(LogLevel.INFO),
    warn: log(LogLevel.WARN),
    error: log(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}

/** A logger that remembers its lines (tests assert what was logged, e.g. a failed reply's context). */
export function createMemoryLogger(level: LogLevel | `${LogLevel}` = LogLevel.DEBUG): Logger & { lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({ level, sink: { write: (line: string) => lines.push(line.trimEnd()) } });
  return Object.assign(logger, { lines });
}
