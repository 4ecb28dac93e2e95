/** Writes small knowledge folders into a fresh temp dir for tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function knowledgeFolder(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alibaba-bot-knowledge-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export function removeFolder(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A valid Markdown document with two paragraphs under a heading. */
export const SAMPLE_MD = [
  '---',
  'title: Alibaba apre un data center',
  'language: it',
  '---',
  '',
  'Alibaba apre un nuovo data center a Francoforte. Il centro servirà i clienti europei.',
  '',
  '## alleanze',
  '',
  'Alibaba ha stretto un accordo con Vodafone.',
  '',
].join('\n');

export const SAMPLE_FACTS = [
  'document: sample',
  'facts:',
  '  - id: frankfurt-dc',
  '    topic: Frankfurt data center',
  '    quote: "Il centro servirà i clienti europei."',
  '    translation: "The centre will serve European customers."',
  '    keywords: [data center, clienti]',
  '',
].join('\n');
