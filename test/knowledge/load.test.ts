import path from 'node:path';
import { buildKnowledgeBase, loadKnowledgeBase } from '../../src/knowledge/load';
import type { KnowledgeProblem } from '../../src/knowledge/types';
import { SAMPLE_FACTS, SAMPLE_MD, knowledgeFolder, removeFolder } from './tmp-folder';

const folders: string[] = [];
afterAll(() => folders.forEach(removeFolder));

/** Loads a temp folder made of `files` and returns the knowledge plus problems as `name:line`. */
function load(files: Record<string, string | Uint8Array>) {
  const dir = knowledgeFolder(files);
  folders.push(dir);
  const knowledge = loadKnowledgeBase(dir);
  const where = (p: KnowledgeProblem) => `${path.relative(dir, p.file)}:${p.line}`;
  return { dir, knowledge, where: knowledge.problems.map(where), messages: knowledge.problems.map((p) => `${where(p)}: ${p.message}`) };
}

describe('loadKnowledgeBase on small folders', () => {
  it('loads Markdown and .txt documents recursively, with facts and a glossary', () => {
    const { knowledge } = load({
      'sample.md': SAMPLE_MD,
      'sample.facts.yaml': SAMPLE_FACTS,
      'news/2016/plain.txt': 'Titolo semplice\nUna frase. Un’altra frase.\n',
      'terms.glossary.yaml': 'groups:\n  - [customers, clienti]\n',
      'notes.json': '{"ignored": true}',
      '.hidden/broken.md': 'not a document',
    });
    expect(knowledge.problems).toEqual([]);
    expect(knowledge.documents.map((d) => d.id)).toEqual(['news/2016/plain', 'sample']);
    expect(knowledge.passages.filter((p) => p.documentId === 'news/2016/plain').map((p) => p.id)).toEqual([
      'news/2016/plain#p0s1',
      'news/2016/plain#p1s1',
      'news/2016/plain#p1s2',
    ]);
    expect(knowledge.facts).toEqual([
      {
        id: 'frankfurt-dc',
        documentId: 'sample',
        section: null,
        paragraph: 1,
        sentence: 2,
        topic: 'Frankfurt data center',
        quote: 'Il centro servirà i clienti europei.',
        translation: 'The centre will serve European customers.',
        keywords: ['data center', 'clienti'],
      },
    ]);
    expect(knowledge.glossary).toEqual([['customers', 'clienti']]);
  });

  it('locates a quote by whitespace-normalised exact match, in its section and starting sentence', () => {
    const facts = SAMPLE_FACTS.replace('"Il centro servirà i clienti europei."', '"accordo\n      con   Vodafone"');
    const { knowledge } = load({ 'sample.md': SAMPLE_MD, 'sample.facts.yaml': facts });
    expect(knowledge.problems).toEqual([]);
    expect(knowledge.facts[0]).toMatchObject({ quote: 'accordo con Vodafone', section: 'alleanze', paragraph: 2, sentence: 1 });
  });

  it('defaults a facts file\'s document to its own name, and accepts facts that quote the title', () => {
    const facts = SAMPLE_FACTS.replace('document: sample\n', '').replace('"Il centro servirà i clienti europei."', '"Alibaba apre un data center"');
    const { knowledge } = load({ 'sample.md': SAMPLE_MD, 'sample.facts.yaml': facts });
    expect(knowledge.problems).toEqual([]);
    expect(knowledge.facts[0]).toMatchObject({ documentId: 'sample', section: null, paragraph: 0, sentence: 1 });
  });

  it('skips broken files with a problem each while every good file keeps loading', () => {
    const { knowledge, where } = load({
      'good.md': SAMPLE_MD.replace('title: Alibaba apre un data center', 'title: Good'),
      'bad-yaml.md': '---\ntitle: [unclosed\n---\nBody.\n',
      'no-front-matter.md': 'Just text.\n',
      'binary.txt': new Uint8Array([0x54, 0x0a, 0x00, 0x01]),
    });
    expect(knowledge.documents.map((d) => d.title)).toEqual(['Good']);
    expect(knowledge.passages.every((p) => p.documentId === 'good')).toBe(true);
    expect(where).toEqual(['bad-yaml.md:2', 'binary.txt:2', 'no-front-matter.md:1']);
  });

  it('reports a missing folder as a problem instead of throwing', () => {
    const empty = knowledgeFolder({});
    folders.push(empty);
    const missing = path.join(empty, 'nope');
    expect(loadKnowledgeBase(missing).problems).toEqual([{ file: missing, line: 1, message: expect.stringContaining('not found') }]);
  });
});

describe('validation problems, each with its file and line', () => {
  it.each<[string, Record<string, string | Uint8Array>, string, RegExp]>([
    ['bad YAML in front matter', { 'a.md': '---\ntitle: ok\nlanguage: [it\n---\nTesto.\n' }, 'a.md:3', /invalid YAML/],
    ['duplicate front matter keys', { 'a.md': '---\ntitle: A\ntitle: B\n---\nTesto.\n' }, 'a.md:3', /invalid YAML: Map keys must be unique/],
    ['missing front matter', { 'a.md': '# Title\n\nText.\n' }, 'a.md:1', /missing YAML front matter/],
    ['unclosed front matter', { 'a.md': '---\ntitle: A\nTesto.\n' }, 'a.md:1', /not closed/],
    ['front matter that is not a map', { 'a.md': '---\n- a\n- b\n---\nTesto.\n' }, 'a.md:2', /field: value/],
    ['missing title', { 'a.md': '---\nlanguage: it\n---\nTesto.\n' }, 'a.md:1', /missing title/],
    ['empty title', { 'a.md': '---\nlanguage: it\ntitle: ""\n---\nTesto.\n' }, 'a.md:3', /missing title/],
    ['title that is not text', { 'a.md': '---\ntitle: 42\n---\nTesto.\n' }, 'a.md:2', /`title` must be text/],
    ['empty .txt file', { 'a.txt': '\n  \n' }, 'a.txt:1', /missing title/],
    ['empty Markdown document', { 'a.md': '---\ntitle: A\n---\n\n## Solo un titolo\n\n' }, 'a.md:4', /empty document/],
    ['.txt document with only a title', { 'a.txt': '\nSolo il titolo\n' }, 'a.txt:2', /empty document/],
    ['not UTF-8', { 'a.md': Buffer.concat([Buffer.from('---\ntitle: A\n---\nCaff'), Buffer.from([0xe8]), Buffer.from(' amaro.\n')]) }, 'a.md:4', /not valid UTF-8/],
    ['binary file', { 'a.txt': Buffer.from('Titolo\nTesto\u0000.\n') }, 'a.txt:2', /not a text file/],
    ['same id for .md and .txt', { 'a.md': SAMPLE_MD, 'a.txt': 'T\nTesto.\n' }, 'a.txt:1', /duplicate document id "a"/],
    ['stray YAML file', { 'notes.yaml': 'a: 1\n' }, 'notes.yaml:1', /not a knowledge file/],
    ['bad YAML in a facts file', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': 'document: sample\nfacts:\n  - id: [x\n' }, 'sample.facts.yaml:3', /invalid YAML/],
    ['unclosed quote in a facts file', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace('translation: "The centre', 'translation: "The centre\n') .replace('customers."', 'customers.') }, 'sample.facts.yaml:6', /invalid YAML: Missing closing "quote/],
    ['unclosed quote in front matter', { 'a.md': "---\ntitle: 'L''Europa\nlanguage: it\n---\nTesto.\n" }, 'a.md:2', /Missing closing 'quote/],
    ['facts file without a facts list', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': 'document: sample\nfacts: none\n' }, 'sample.facts.yaml:2', /must be a list/],
    ['facts file that is not a map', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': '- a\n' }, 'sample.facts.yaml:1', /`document:` and a `facts:` list/],
    ['fact for a document that does not exist', { 'x.facts.yaml': SAMPLE_FACTS.replace('document: sample', 'document: missing/doc') }, 'x.facts.yaml:1', /"missing\/doc" does not exist/],
    ['quote not found verbatim', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace('servirà i clienti', 'servira i clienti') }, 'sample.facts.yaml:5', /quote not found verbatim in document "sample"/],
    ['quote with the wrong apostrophe', { 'sample.md': SAMPLE_MD.replace('un accordo', 'un’accordo'), 'sample.facts.yaml': SAMPLE_FACTS.replace('"Il centro servirà i clienti europei."', '"un\'accordo con Vodafone"') }, 'sample.facts.yaml:5', /’ is not '/],
    ['missing quote', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace(/ {4}quote: .*\n/u, '') }, 'sample.facts.yaml:3', /missing `quote`/],
    ['empty translation', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace(/translation: .*/u, 'translation: "  "') }, 'sample.facts.yaml:6', /`translation` must be non-empty/],
    ['missing translation', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace(/ {4}translation: .*\n/u, '') }, 'sample.facts.yaml:3', /missing `translation`/],
    ['empty keywords', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace(/keywords: .*/u, 'keywords: []') }, 'sample.facts.yaml:7', /`keywords` must be a non-empty list/],
    ['missing keywords', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace(/ {4}keywords: .*\n/u, '') }, 'sample.facts.yaml:3', /missing `keywords`/],
    ['blank keyword', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace(/keywords: .*/u, 'keywords:\n      - cloud\n      - ""') }, 'sample.facts.yaml:9', /`keywords` must be/],
    ['id that is not kebab-case', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace('frankfurt-dc', 'Frankfurt DC') }, 'sample.facts.yaml:3', /kebab-case/],
    ['unknown fact field', { 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS.replace('    topic:', '    keyword: oops\n    topic:') }, 'sample.facts.yaml:4', /unknown fact field `keyword`/],
    ['glossary without groups', { 'glossary.yaml': 'terms: []\n' }, 'glossary.yaml:1', /`groups:` list/],
    ['glossary groups not a list', { 'glossary.yaml': 'groups:\n  a: b\n' }, 'glossary.yaml:2', /must be a list of groups/],
    ['glossary group not a list', { 'glossary.yaml': 'groups:\n  - [a, b]\n  - customers\n' }, 'glossary.yaml:3', /each glossary group must be a list/],
    ['glossary group of one term', { 'glossary.yaml': 'groups:\n  - [a, b]\n  - [solo]\n' }, 'glossary.yaml:3', /at least two terms/],
    ['glossary term that is a number', { 'x.glossary.yaml': 'groups:\n  - [seven,\n     7]\n' }, 'x.glossary.yaml:3', /must be text/],
  ])('%s', (_name, files, expectedWhere, expectedMessage) => {
    const { where, knowledge } = load(files);
    expect(where).toEqual([expectedWhere]);
    expect(knowledge.problems[0]?.message).toMatch(expectedMessage);
  });

  it('reports a duplicate fact id at the second one, across files, and keeps the first', () => {
    const second = ['document: sample', 'facts:', '  - id: other', '    quote: "Alibaba ha stretto un accordo con Vodafone."', '    translation: "t"', '    keywords: [k]', '  - id: frankfurt-dc', '    quote: "Alibaba ha stretto un accordo con Vodafone."', '    translation: "t"', '    keywords: [k]', ''].join('\n');
    const { knowledge, messages } = load({ 'sample.md': SAMPLE_MD, 'sample.facts.yaml': SAMPLE_FACTS, 'zz-more.facts.yaml': second });
    expect(messages).toEqual(['zz-more.facts.yaml:7: duplicate fact id "frankfurt-dc" (first defined at sample.facts.yaml:3)']);
    expect(knowledge.facts.map((f) => [f.id, f.quote])).toEqual([
      ['frankfurt-dc', 'Il centro servirà i clienti europei.'],
      ['other', 'Alibaba ha stretto un accordo con Vodafone.'],
    ]);
  });

  it('leaves out only the bad fact or glossary group and keeps the rest of the file', () => {
    const facts = `${SAMPLE_FACTS}  - id: broken\n    quote: "Non c'è."\n    translation: "Not there."\n    keywords: [x]\n`;
    const { knowledge, where } = load({ 'sample.md': SAMPLE_MD, 'sample.facts.yaml': facts, 'glossary.yaml': 'groups:\n  - [solo]\n  - [customers, clienti, clienti]\n' });
    expect(where).toEqual(['glossary.yaml:2', 'sample.facts.yaml:9']);
    expect(knowledge.facts.map((f) => f.id)).toEqual(['frankfurt-dc']);
    expect(knowledge.glossary).toEqual([['customers', 'clienti']]);
  });

  it('lists several problems of one file each on its own line, in file order', () => {
    const facts = ['document: sample', 'facts:', '  - id: a', '    quote: "nope"', '    translation: t', '    keywords: [k]', '  - id: b', '    quote: "also nope"', '    translation: t', '    keywords: [k]', ''].join('\n');
    const { where } = load({ 'sample.md': SAMPLE_MD, 'sample.facts.yaml': facts });
    expect(where).toEqual(['sample.facts.yaml:4', 'sample.facts.yaml:8']);
  });

  it('does not report the facts of a broken document twice', () => {
    const { where } = load({ 'sample.md': '---\ntitle: [\n---\nx\n', 'sample.facts.yaml': SAMPLE_FACTS });
    expect(where).toEqual(['sample.md:2']);
  });
});

describe('buildKnowledgeBase', () => {
  it('never throws, whatever the bytes of the files', () => {
    const inputs = ['', '---', '---\n---', '---\ntitle:\n---', '\u0000', 'document: x\nfacts: [1, null, {id: 3}]', 'groups: [[1], null, [[]]]', '---\ntitle: !!binary aGVsbG8=\n---\nx'];
    for (const text of inputs) {
      for (const name of ['a.md', 'a.txt', 'a.facts.yaml', 'glossary.yaml']) {
        expect(() => buildKnowledgeBase([{ path: `/k/${name}`, relativePath: name, bytes: Buffer.from(text) }])).not.toThrow();
      }
    }
  });
});
