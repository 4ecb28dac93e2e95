import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKnowledgeCheck } from '../../src/cli/knowledge-check';
import { SAMPLE_FACTS, SAMPLE_MD, knowledgeFolder, removeFolder } from '../knowledge/tmp-folder';

const ROOT = path.join(__dirname, '../..');
const folders: string[] = [];
afterAll(() => folders.forEach(removeFolder));

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = knowledgeFolder(files);
  folders.push(dir);
  return dir;
}

function run(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runKnowledgeCheck(args, { env, cwd, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('knowledge:check (in process)', () => {
  it('prints a one-line summary and exits 0 on a clean folder', () => {
    const dir = folder({ 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS, 'glossary.yaml': 'groups:\n  - [a, b]\n  - [c, d]\n' });
    expect(run(['--knowledge', dir])).toEqual({ code: 0, out: ['ok: 1 document, 4 passages, 1 fact, 2 glossary groups'], err: [] });
  });

  it('reads KNOWLEDGE_DIR through the configuration, relative to the working folder', () => {
    const dir = folder({ 'sub/one.txt': 'Titolo\nUna frase.\n' });
    expect(run([], { KNOWLEDGE_DIR: 'sub' }, dir).out).toEqual(['ok: 1 document, 2 passages, 0 facts, 0 glossary groups']);
  });

  it('lets --knowledge win over KNOWLEDGE_DIR, and accepts --knowledge=DIR', () => {
    const dir = folder({ 'one.txt': 'Titolo\nUna frase.\n' });
    expect(run([`--knowledge=${dir}`], { KNOWLEDGE_DIR: '/nowhere' }).code).toBe(0);
  });

  it('checks the real knowledge folder by default', () => {
    const result = run([]);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^ok: 1 document, 17 passages, \d+ facts, \d+ glossary groups$/u);
  });

  it('exits 2 on a usage or configuration error', () => {
    expect(run(['--bogus']).code).toBe(2);
    expect(run(['--knowledge']).code).toBe(2);
    const badConfig = run([], { DIGEST_TIME: '25:99' });
    expect(badConfig.code).toBe(2);
    expect(badConfig.err.join('\n')).toContain('DIGEST_TIME');
  });
});

describe('knowledge:check (spawned like npm run knowledge:check)', () => {
  it('prints every problem as file:line: message relative to the working folder, and exits 1', () => {
    const dir = folder({
      'good.md': SAMPLE_MD,
      'bad.md': '---\nlanguage: it\n---\nTesto.\n',
      'good.facts.yaml': SAMPLE_FACTS.replace('document: sample', 'document: good').replace('servirà i clienti', 'servira i clienti'),
    });
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'alibaba-bot-cwd-'));
    folders.push(cwd);
    const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/cli/knowledge-check.ts'), '--knowledge', dir], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    const rel = path.relative(cwd, dir);
    expect(result.stdout.trim().split('\n')).toEqual([
      `${path.join(rel, 'bad.md')}:1: missing title (\`title:\` in the front matter, or the first line of a .txt file)`,
      `${path.join(rel, 'good.facts.yaml')}:5: quote not found verbatim in document "good" (quotes must match the document exactly, typos included; only whitespace may differ)`,
    ]);
    expect(result.stderr).toContain('2 problems found');
    expect(result.status).toBe(1);
  });
});
