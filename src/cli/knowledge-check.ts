/**
 * `npm run knowledge:check [-- --knowledge DIR]`: validates the knowledge folder and prints every
 * problem as `file:line: message` (file relative to the working folder). Exit 0 when clean, 1 on any
 * problem, 2 on a usage or configuration error.
 */
import path from 'node:path';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from '../config';
import { loadKnowledgeBase } from '../knowledge/load';
import { knowledgeStrings } from '../strings/knowledge';

export interface KnowledgeCheckIo {
  env: Record<string, string | undefined>;
  cwd: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the check and returns the exit code. */
export function runKnowledgeCheck(args: string[], io: KnowledgeCheckIo): number {
  let folderArgument: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      io.out(knowledgeStrings.cliUsage);
      return 0;
    }
    if (arg === '--knowledge' || arg.startsWith('--knowledge=')) {
      const value = arg === '--knowledge' ? args[++i] : arg.slice('--knowledge='.length);
      if (!value) {
        io.err(knowledgeStrings.cliMissingValue('--knowledge'));
        return 2;
      }
      folderArgument = value;
      continue;
    }
    io.err(knowledgeStrings.cliUnknownArgument(arg));
    io.err(knowledgeStrings.cliUsage);
    return 2;
  }

  let folder: string;
  if (folderArgument !== null) {
    folder = path.resolve(io.cwd, folderArgument);
  } else {
    try {
      // Only the knowledge folder matters here, so the least demanding purpose is used.
      folder = loadConfig(io.env, { cwd: io.cwd, purpose: 'web-api' }).knowledgeDir;
    } catch (error) {
      if (error instanceof ConfigError) {
        io.err(error.message);
        return 2;
      }
      throw error;
    }
  }

  const knowledge = loadKnowledgeBase(folder);
  if (knowledge.problems.length > 0) {
    for (const problem of knowledge.problems) io.out(knowledgeStrings.problemLine(path.relative(io.cwd, problem.file) || '.', problem.line, problem.message));
    io.err(knowledgeStrings.cliProblemCount(knowledge.problems.length));
    return 1;
  }
  io.out(
    knowledgeStrings.cliSummary({
      documents: knowledge.documents.length,
      passages: knowledge.passages.length,
      facts: knowledge.facts.length,
      glossaryGroups: knowledge.glossary.length,
    }),
  );
  return 0;
}

if (require.main === module) {
  // .env may set KNOWLEDGE_DIR; variables already in the environment win.
  dotenv.config({ quiet: true });
  process.exitCode = runKnowledgeCheck(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
