/**
 * Runs `src/main.ts` in a child process the way `npm start` does (through tsx), with an explicit
 * environment and a temporary working directory, so a developer's .env or shell never leaks in.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(REPO_ROOT, 'src', 'main.ts');

export interface MainProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  exited: Promise<number | string>;
  /** Resolves when stderr matches `pattern` (rejects after timeoutMs). */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  cwd: string;
}

/** A minimal environment: what node needs, the real knowledge folder, a temporary DATA_DIR, plus `env`. */
export function mainEnv(env: Record<string, string>, cwd: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: cwd,
    KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'),
    DATA_DIR: path.join(cwd, 'data'),
    LOG_LEVEL: 'info',
    ...env,
  };
}

export function spawnMain(env: Record<string, string>, options: { stdin?: string } = {}): MainProcess {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'alibaba-main-'));
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), MAIN], { cwd, env: mainEnv(env, cwd), stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  const stderrWaiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const wake of stderrWaiters.splice(0)) wake();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const wake of stderrWaiters.splice(0)) wake();
      resolve(code ?? signal ?? 'unknown');
    });
  });
  exited.finally(() => fs.rmSync(cwd, { recursive: true, force: true })).catch(() => {});
  if (options.stdin !== undefined) child.stdin.end(options.stdin);
  return {
    child,
    cwd,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForStderr(pattern, timeoutMs = 15000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${String(pattern)} on stderr; got:\n${stderr}`)), timeoutMs);
        const check = (): void => {
          const match = stderr.match(pattern);
          if (match) {
            clearTimeout(timer);
            resolve(match);
          } else if (child.exitCode !== null) {
            clearTimeout(timer);
            reject(new Error(`The process exited (${child.exitCode}) before ${String(pattern)} appeared; stderr:\n${stderr}`));
          } else stderrWaiters.push(check);
        };
        check();
      });
    },
  };
}
