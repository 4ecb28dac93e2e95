/**
 * `npm run bench`: measures the search engine against a single plain fuse.js index over every passage,
 * side by side, on synthetic corpora of 1,000, 10,000 and 100,000 passages, plus the time to a first
 * answer from a cold start. Each measurement runs in a fresh child process, so that build time, peak
 * RSS and heap growth belong to that engine alone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fuse from 'fuse.js';
import { stringify } from 'yaml';
import { makeAsk } from '../answers/ask';
import { loadConfig } from '../config';
import { loadKnowledgeBase } from '../knowledge/load';
import type { KnowledgeBase } from '../knowledge/types';
import { createSearchIndex } from '../search/engine';
import { generateCorpus, generateQueries, toMarkdownFiles } from '../search/synthetic';
import { benchStrings } from '../strings/cli';

type EngineName = 'engine' | 'minisearch' | 'fuse';

interface WorkerTask {
  kind: 'measure';
  engine: EngineName;
  passages: number;
  queries: number;
  seed: number;
  /** The real glossary is used, so that query expansion costs what it costs in production. */
  glossaryDir: string;
}

interface FirstAnswerTask {
  kind: 'first-answer';
  knowledgeDir: string;
  question: string;
}

interface Measurement {
  engine: EngineName;
  passages: number;
  buildMs: number;
  p50Ms: number;
  p99Ms: number;
  queries: number;
  heapDeltaMb: number;
  peakRssMb: number;
  /** Queries that returned at least one hit (sanity: the engines did work). */
  answered: number;
}

const ENGINE_LABELS: Record<EngineName, string> = {
  engine: 'this engine',
  minisearch: 'same, MiniSearch scorer',
  fuse: 'plain fuse.js (baseline)',
};

const SENTENCES_PER_ARTICLE = 20;
/** Steady-state latency: the first queries also pay for JIT compilation (the cold start is measured apart). */
const WARMUP_QUERIES = 5;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs inside a child process: build one engine over one corpus and time its queries. */
function measure(task: WorkerTask): Measurement {
  const { knowledge, vocabulary } = generateCorpus({ articles: task.passages / SENTENCES_PER_ARTICLE, seed: task.seed });
  knowledge.glossary = loadKnowledgeBase(task.glossaryDir).glossary;
  const queries = generateQueries(vocabulary, task.queries, task.seed + 1);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildStart = performance.now();
  let search: (query: string) => number;
  if (task.engine === 'fuse') {
    const fuse = new Fuse(knowledge.passages, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.4 });
    search = (query) => fuse.search(query, { limit: 5 }).length;
  } else {
    const index = createSearchIndex(knowledge, { scorer: task.engine === 'minisearch' ? 'minisearch' : 'compact' });
    search = (query) => index.search(query).length;
  }
  const buildMs = performance.now() - buildStart;
  gc();
  const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  // The corpus was allocated before `heapBefore` and is still referenced here, so the delta is the index alone.
  if (knowledge.passages.length !== task.passages) throw new Error('corpus size mismatch');
  for (const query of queries.slice(0, WARMUP_QUERIES)) search(query);
  const times: number[] = [];
  let answered = 0;
  for (const query of queries) {
    const start = performance.now();
    if (search(query) > 0) answered += 1;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    engine: task.engine,
    passages: task.passages,
    buildMs,
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    queries: times.length,
    heapDeltaMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    answered,
  };
}

/** Runs inside a fresh child process: load a knowledge folder, build, answer once; time since process start. */
function firstAnswer(task: FirstAnswerTask): { ms: number; results: number; passages: number } {
  const knowledge = loadKnowledgeBase(task.knowledgeDir);
  const index = createSearchIndex(knowledge);
  const answer = makeAsk({ knowledge, index })(task.question);
  // performance.now() counts from the process's start, so this includes Node and tsx start-up.
  return { ms: performance.now(), results: answer.results.length, passages: knowledge.passages.length };
}

function runWorker<T>(task: WorkerTask | FirstAnswerTask): T {
  const child = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', '--max-old-space-size=4096', __filename, '--worker', JSON.stringify(task)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  if (child.status !== 0) throw new Error(`bench worker failed (${JSON.stringify(task)}): ${child.stderr || child.error?.message}`);
  const lastLine = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(lastLine) as T;
}

/** Writes a synthetic corpus as knowledge files (documents and curated facts) once per size and seed. */
function writeSyntheticKnowledge(knowledge: KnowledgeBase, dir: string, glossaryFrom: string | null): void {
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return;
  fs.rmSync(dir, { recursive: true, force: true });
  for (const file of toMarkdownFiles(knowledge)) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  const factsByDocument = new Map<string, KnowledgeBase['facts']>();
  for (const fact of knowledge.facts) factsByDocument.set(fact.documentId, [...(factsByDocument.get(fact.documentId) ?? []), fact]);
  for (const [documentId, facts] of factsByDocument) {
    const yaml = stringify({
      document: documentId,
      facts: facts.map((fact) => ({ id: fact.id, topic: fact.topic, quote: fact.quote, translation: fact.translation, keywords: fact.keywords })),
    });
    fs.writeFileSync(path.join(dir, `${documentId}.facts.yaml`), yaml);
  }
  if (glossaryFrom && fs.existsSync(glossaryFrom)) fs.copyFileSync(glossaryFrom, path.join(dir, 'glossary.yaml'));
  fs.writeFileSync(marker, '');
}

function formatNumber(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 || c === 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}

/** Queries per engine and size: a few hundred where cheap, a handful where fuse.js takes seconds each. */
function queriesFor(engine: EngineName, passages: number, requested: number): number {
  if (engine === 'fuse') return passages >= 100_000 ? 5 : passages >= 10_000 ? 30 : requested;
  if (engine === 'minisearch') return passages >= 100_000 ? Math.min(requested, 100) : requested;
  return requested;
}

function main(args: string[]): number {
  let values;
  try {
    values = parseArgs({
      args,
      strict: true,
      options: {
        sizes: { type: 'string', default: '1000,10000,100000' },
        queries: { type: 'string', default: '300' },
        seed: { type: 'string', default: '42' },
        'no-minisearch': { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${benchStrings.badArguments(error instanceof Error ? error.message : String(error))}\n${benchStrings.usage}\n`);
    return 2;
  }
  const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
  const queryCount = Number(values.queries);
  const seed = Number(values.seed);
  if (sizes.some((size) => !Number.isInteger(size) || size < SENTENCES_PER_ARTICLE) || !Number.isInteger(queryCount) || queryCount < 1 || !Number.isInteger(seed)) {
    process.stderr.write(`${benchStrings.badArguments('sizes, queries and seed must be whole numbers (sizes at least 20)')}\n${benchStrings.usage}\n`);
    return 2;
  }
  const engines: EngineName[] = values['no-minisearch'] ? ['engine', 'fuse'] : ['engine', 'minisearch', 'fuse'];
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(benchStrings.title);
  log(benchStrings.machine(os.cpus().length, process.version));
  log(benchStrings.method(WARMUP_QUERIES));
  log('');

  const knowledgeDir = loadConfig(process.env, { purpose: 'web-api' }).knowledgeDir;
  const results: Measurement[] = [];
  for (const passages of sizes) {
    for (const engine of engines) {
      process.stderr.write(`${benchStrings.measuring(ENGINE_LABELS[engine], passages)}\n`);
      results.push(runWorker<Measurement>({ kind: 'measure', engine, passages, queries: queriesFor(engine, passages, queryCount), seed, glossaryDir: knowledgeDir }));
    }
  }

  const rows: string[][] = [['passages', 'engine', 'build ms', 'p50 ms', 'p99 ms', 'queries', 'answered', 'heap Δ MB', 'peak RSS MB']];
  for (const m of results) {
    rows.push([
      m.passages.toLocaleString('en-US'),
      ENGINE_LABELS[m.engine],
      formatNumber(m.buildMs, 0),
      formatNumber(m.p50Ms, 2),
      formatNumber(m.p99Ms, 2),
      String(m.queries),
      String(m.answered),
      formatNumber(m.heapDeltaMb),
      formatNumber(m.peakRssMb, 0),
    ]);
  }
  log(table(rows));
  log('');
  const ratioRows: string[][] = [['passages', 'baseline ÷ this engine', 'build', 'p50', 'p99', 'heap Δ']];
  for (const passages of sizes) {
    const ours = results.find((m) => m.passages === passages && m.engine === 'engine');
    const baseline = results.find((m) => m.passages === passages && m.engine === 'fuse');
    if (!ours || !baseline) continue;
    const ratio = (a: number, b: number) => {
      const value = a / b;
      return `${formatNumber(value, value >= 10 ? 0 : value >= 1 ? 1 : 2)}×`;
    };
    ratioRows.push([passages.toLocaleString('en-US'), 'fuse.js ÷ engine', ratio(baseline.buildMs, ours.buildMs), ratio(baseline.p50Ms, ours.p50Ms), ratio(baseline.p99Ms, ours.p99Ms), ratio(baseline.heapDeltaMb, ours.heapDeltaMb)]);
  }
  log(table(ratioRows));
  const estimated = results.filter((m) => m.engine === 'fuse' && m.queries < queryCount);
  if (estimated.length > 0) log(benchStrings.baselineEstimate(Math.min(...estimated.map((m) => m.queries))));
  log('');

  // First answer from a cold start: the real knowledge folder, then the largest corpus written as files.
  const real = runWorker<{ ms: number }>({ kind: 'first-answer', knowledgeDir, question: 'vodafon' });
  log(benchStrings.firstAnswer(real.ms, knowledgeDir));
  const largest = Math.max(...sizes);
  const syntheticDir = path.join(os.tmpdir(), `alibaba-bot-bench-${seed}-${largest}`);
  process.stderr.write(`  writing ${largest.toLocaleString('en-US')} passages as knowledge files in ${syntheticDir}...\n`);
  writeSyntheticKnowledge(generateCorpus({ articles: largest / SENTENCES_PER_ARTICLE, seed }).knowledge, syntheticDir, path.join(knowledgeDir, 'glossary.yaml'));
  const synthetic = runWorker<{ ms: number; passages: number }>({ kind: 'first-answer', knowledgeDir: syntheticDir, question: 'cloud servizi Germania' });
  log(benchStrings.firstAnswerSynthetic(synthetic.passages, synthetic.ms));
  return 0;
}

if (require.main === module) {
  const workerAt = process.argv.indexOf('--worker');
  if (workerAt >= 0) {
    const task = JSON.parse(process.argv[workerAt + 1] ?? '{}') as WorkerTask | FirstAnswerTask;
    process.stdout.write(`${JSON.stringify(task.kind === 'measure' ? measure(task) : firstAnswer(task))}\n`);
  } else {
    process.exitCode = main(process.argv.slice(2));
  }
}
