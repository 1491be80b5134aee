import { FORMAT_NAMES, formatFindings, type FormatInput } from '../../../src/lint/format';
import { CLEAN, CWD, INPUT, many } from '../../fixtures/format/findings';
import { expectGolden } from '../../fixtures/format/golden';

const EXTENSION = { text: 'txt', json: 'json', sarif: 'sarif', junit: 'xml', github: 'txt', markdown: 'md' } as const;

describe('formatter golden files', () => {
  describe.each(FORMAT_NAMES.map((name) => [name]))('%s', (name) => {
    it('renders the fixture findings', () => {
      expectGolden(`findings.${name}.${EXTENSION[name]}`, formatFindings(name, INPUT, { color: false, cwd: CWD }));
    });

    it('renders a clean run', () => {
      expectGolden(`clean.${name}.${EXTENSION[name]}`, formatFindings(name, CLEAN, { color: false, cwd: CWD }));
    });

    it('does not depend on the order of findings or files', () => {
      const reversed: FormatInput = { ...INPUT, findings: [...INPUT.findings].reverse(), files: [...INPUT.files].reverse() };
      expect(formatFindings(name, reversed, { color: false, cwd: CWD })).toBe(formatFindings(name, INPUT, { color: false, cwd: CWD }));
    });

    it('ends with exactly one newline', () => {
      expect(formatFindings(name, INPUT, { color: false, cwd: CWD })).toMatch(/[^\n]\n$/);
    });
  });

  it('text in colour', () => {
    expectGolden('findings.text.color.txt', formatFindings('text', INPUT, { color: true, cwd: CWD }));
    expectGolden('clean.text.color.txt', formatFindings('text', CLEAN, { color: true, cwd: CWD }));
  });

  it('markdown folds a file with many findings', () => {
    expectGolden('many.markdown.md', formatFindings('markdown', many(12), { color: false, cwd: CWD }));
  });

  it('names files as given when no cwd is set', () => {
    expectGolden('findings.text.no-cwd.txt', formatFindings('text', INPUT, { color: false }));
  });
});
