import fs from 'node:fs';
import path from 'node:path';
import { documentPassages, looksLikeHeading, parseMarkdownDocument, parseTextDocument } from '../../src/knowledge/documents';
import { SAMPLE_MD } from './tmp-folder';

const ARTICLE_TXT = fs.readFileSync(path.join(__dirname, '../fixtures/knowledge/alibaba-europa-server-farm-germania.txt'), 'utf8');

describe('parseMarkdownDocument', () => {
  it('reads front matter fields and the body, with ## headings as sections', () => {
    const { document, problems } = parseMarkdownDocument({ id: 'sample', path: '/k/sample.md', text: SAMPLE_MD });
    expect(problems).toEqual([]);
    expect(document).toEqual({
      id: 'sample',
      title: 'Alibaba apre un data center',
      language: 'it',
      url: null,
      publisher: null,
      published: null,
      path: '/k/sample.md',
      sections: ['alleanze'],
      paragraphs: [
        { section: null, text: 'Alibaba apre un nuovo data center a Francoforte. Il centro servirà i clienti europei.' },
        { section: 'alleanze', text: 'Alibaba ha stretto un accordo con Vodafone.' },
      ],
    });
  });

  it('keeps url, publisher and published when given, and joins wrapped lines into one paragraph', () => {
    const text = [
      '---',
      'title: "Titolo: con due punti"',
      'url: https://example.com/a',
      'publisher: Example News',
      'published: 2016-11-30',
      '---',
      'Prima riga',
      'della stessa frase.',
      '',
      '### Sezione ###',
      'Altro testo.',
    ].join('\r\n');
    const { document, problems } = parseMarkdownDocument({ id: 'x', path: '/k/x.md', text });
    expect(problems).toEqual([]);
    expect(document).toMatchObject({
      title: 'Titolo: con due punti',
      url: 'https://example.com/a',
      publisher: 'Example News',
      published: '2016-11-30',
      language: null,
      sections: ['Sezione'],
      paragraphs: [
        { section: null, text: 'Prima riga della stessa frase.' },
        { section: 'Sezione', text: 'Altro testo.' },
      ],
    });
  });

  it('treats horizontal rules as paragraph breaks, not text', () => {
    const text = ['---', 'title: T', '---', 'Primo.', '***', 'Secondo.', '', '- - -', ''].join('\n');
    expect(parseMarkdownDocument({ id: 'x', path: '/k/x.md', text }).document?.paragraphs).toEqual([
      { section: null, text: 'Primo.' },
      { section: null, text: 'Secondo.' },
    ]);
  });

  it('reports bad optional metadata on its line but still loads the document', () => {
    const text = ['---', 'title: T', 'language: "not a tag!!"', 'url: ftp://example.com', 'published: 30/11/2016', '---', 'Testo.'].join('\n');
    const { document, problems } = parseMarkdownDocument({ id: 'x', path: '/k/x.md', text });
    expect(document).toMatchObject({ title: 'T', language: null, url: null, published: null });
    expect(problems.map((p) => [p.line, p.message.split(' ')[0]])).toEqual([
      [3, '`language`'],
      [4, '`url`'],
      [5, '`published`'],
    ]);
  });
});

describe('parseTextDocument', () => {
  it('turns the source article into the same document as its Markdown version', () => {
    const fromTxt = parseTextDocument({ id: 'a', path: '/k/a.txt', text: ARTICLE_TXT });
    const md = fs.readFileSync(path.join(__dirname, '../../knowledge/alibaba-europa-server-farm-germania.md'), 'utf8');
    const fromMd = parseMarkdownDocument({ id: 'a', path: '/k/a.txt', text: md });
    expect(fromTxt.problems).toEqual([]);
    expect(fromTxt.document).toEqual({ ...fromMd.document, language: null });
    expect(fromTxt.document?.sections).toEqual(['alleanza con Vodafone', 'OBOR, One Belt One Road', 'oltre l’europa']);
  });

  it('uses blank lines as paragraph breaks when the body has them', () => {
    const text = 'Il titolo\n\nUna riga\nche continua.\n\nUn titoletto\n\nUltimo paragrafo.\n';
    const { document } = parseTextDocument({ id: 't', path: '/k/t.txt', text });
    expect(document?.title).toBe('Il titolo');
    expect(document?.sections).toEqual(['Un titoletto']);
    expect(document?.paragraphs).toEqual([
      { section: null, text: 'Una riga che continua.' },
      { section: 'Un titoletto', text: 'Ultimo paragrafo.' },
    ]);
  });

  it('never makes the last line a heading', () => {
    const { document } = parseTextDocument({ id: 't', path: '/k/t.txt', text: 'Titolo\nTesto.\nfine senza punto' });
    expect(document?.sections).toEqual([]);
    expect(document?.paragraphs.map((p) => p.text)).toEqual(['Testo.', 'fine senza punto']);
  });

  it('tells headings from sentences', () => {
    expect(looksLikeHeading('alleanza con Vodafone')).toBe(true);
    expect(looksLikeHeading('OBOR, One Belt One Road')).toBe(true);
    expect(looksLikeHeading('Alibaba ha stretto un accordo.')).toBe(false);
    expect(looksLikeHeading('Perché?')).toBe(false);
    expect(looksLikeHeading('una riga molto lunga senza punteggiatura finale che non può essere un titoletto di sezione')).toBe(false);
  });
});

describe('documentPassages', () => {
  it('gives the title sentences as paragraph 0, then every body sentence with its location and id', () => {
    const { document } = parseMarkdownDocument({ id: 'dir/sample', path: '/k/dir/sample.md', text: SAMPLE_MD });
    const passages = documentPassages(document!);
    expect(passages).toEqual([
      { id: 'dir/sample#p0s1', documentId: 'dir/sample', section: null, paragraph: 0, sentence: 1, text: 'Alibaba apre un data center' },
      { id: 'dir/sample#p1s1', documentId: 'dir/sample', section: null, paragraph: 1, sentence: 1, text: 'Alibaba apre un nuovo data center a Francoforte.' },
      { id: 'dir/sample#p1s2', documentId: 'dir/sample', section: null, paragraph: 1, sentence: 2, text: 'Il centro servirà i clienti europei.' },
      { id: 'dir/sample#p2s1', documentId: 'dir/sample', section: 'alleanze', paragraph: 2, sentence: 1, text: 'Alibaba ha stretto un accordo con Vodafone.' },
    ]);
  });
});
