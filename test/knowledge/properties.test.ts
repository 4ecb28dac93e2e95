import fc from 'fast-check';
import { buildKnowledgeBase } from '../../src/knowledge/load';
import { sentenceSpans } from '../../src/knowledge/sentences';
import { normalizeWhitespace } from '../../src/knowledge/text';

/** Text made mostly of the characters that matter to sentence splitting. */
const sentenceLike = fc
  .array(fc.constantFrom('Alibaba', 'cloud', 'Shangai.a', 'U.S.A.', 'ecc.', '3.5', 'J.', 'Dott.', '.', '?', '!', '…', '’', '"', '(', ')', 'Bisognerà', 'e', 'Poi', ' ', ' ', '\n', '\u00a0'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('sentence splitting properties', () => {
  it('covers the text exactly: ordered, non-overlapping, trimmed spans with only whitespace between them', () => {
    fc.assert(
      fc.property(fc.oneof(sentenceLike, fc.string({ unit: 'binary', maxLength: 200 })), (raw) => {
        const text = normalizeWhitespace(raw);
        const spans = sentenceSpans(text, 'it');
        let cursor = 0;
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(cursor);
          expect(text.slice(cursor, span.start).trim()).toBe('');
          expect(span.text).toBe(text.slice(span.start, span.end));
          expect(span.text).toBe(span.text.trim());
          expect(span.text.length).toBeGreaterThan(0);
          cursor = span.end;
        }
        expect(text.slice(cursor).trim()).toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

describe('loading properties', () => {
  it('never throws, whatever the bytes, and reports problems with a line and passages with consistent ids', () => {
    const names = fc.constantFrom('a.md', 'b.txt', 'a.facts.yaml', 'glossary.yaml', 'x.glossary.yaml');
    fc.assert(
      fc.property(fc.array(fc.record({ name: names, text: fc.oneof(sentenceLike, fc.string({ unit: 'binary', maxLength: 120 })), prefix: fc.constantFrom('', '---\n', '---\ntitle: T\n---\n', 'document: a\nfacts:\n') }), { maxLength: 4 }), (files) => {
        const unique = [...new Map(files.map((f) => [f.name, f])).values()];
        const knowledge = buildKnowledgeBase(unique.map((f) => ({ path: `/k/${f.name}`, relativePath: f.name, bytes: Buffer.from(f.prefix + f.text) })));
        for (const problem of knowledge.problems) {
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.message.length).toBeGreaterThan(0);
        }
        for (const passage of knowledge.passages) expect(passage.id).toBe(`${passage.documentId}#p${passage.paragraph}s${passage.sentence}`);
      }),
      { numRuns: 200 },
    );
  });
});
