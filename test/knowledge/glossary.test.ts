import { parseGlossaryFile } from '../../src/knowledge/glossary';

describe('parseGlossaryFile', () => {
  it('reads groups of single words and phrases, normalising whitespace and dropping repeats', () => {
    const text = 'groups:\n  - [customers, "  clienti  ", clienti]\n  - - stock exchange\n    - "borsa   valori"\n';
    expect(parseGlossaryFile(text, '/k/glossary.yaml')).toEqual({
      groups: [
        ['customers', 'clienti'],
        ['stock exchange', 'borsa valori'],
      ],
      problems: [],
    });
  });

  it('accepts an empty list of groups', () => {
    expect(parseGlossaryFile('groups: []\n', '/k/glossary.yaml')).toEqual({ groups: [], problems: [] });
  });

  it('reports a group that repeats one term as too small, on its line', () => {
    expect(parseGlossaryFile('groups:\n  - [a, b]\n  - [x, x]\n', '/k/g.glossary.yaml').problems).toEqual([
      { file: '/k/g.glossary.yaml', line: 3, message: expect.stringContaining('at least two terms') },
    ]);
  });
});
