import * as fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { FORMAT_NAMES, FORMATS, formatFindings, formatReport, isFormatName, type FormatInput } from '../../../src/lint/format';
import type { Finding } from '../../../src/lint/types';
import { CWD, INPUT, RULE_METAS } from '../../fixtures/format/findings';
import { sarifErrors } from '../../fixtures/format/sarif-schema';

describe('format registry', () => {
  it('has the six formats, text first', () => {
    expect(FORMAT_NAMES).toEqual(['text', 'json', 'sarif', 'junit', 'github', 'markdown']);
    expect(Object.keys(FORMATS)).toEqual([...FORMAT_NAMES]);
  });

  it('formats by name, and rejects unknown names with the known ones listed', () => {
    expect(formatReport('json', INPUT, { color: false, cwd: CWD })).toBe(formatFindings('json', INPUT, { color: false, cwd: CWD }));
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('toString')).toBe(false);
    expect(() => formatReport('xml', INPUT, { color: false })).toThrow('unknown report format "xml" (expected one of: text, json, sarif, junit, github, markdown)');
  });

  it('colours only the text format', () => {
    for (const name of FORMAT_NAMES.filter((n) => n !== 'text')) {
      expect(formatFindings(name, INPUT, { color: true, cwd: CWD })).toBe(formatFindings(name, INPUT, { color: false, cwd: CWD }));
    }
  });
});

const text = fc.string({ unit: 'binary', maxLength: 30 });
const arbitraryFinding: fc.Arbitrary<Finding> = fc.record({
  file: fc.oneof(fc.constantFrom('a.yaml', `${CWD}/b c.yaml`, '/x/y.json', '../up.yaml', '-'), text.map((s) => `${CWD}/${s || 'f'}`)),
  ruleId: fc.constantFrom(...RULE_METAS.map((m) => m.id), 'internal-error'),
  severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  message: text,
  messageId: fc.constant('id'),
  resource: fc.option(text, { nil: null }),
  path: text,
  line: fc.integer({ min: 1, max: 10_000 }),
  column: fc.integer({ min: 1, max: 500 }),
  endLine: fc.integer({ min: 1, max: 10_000 }),
  endColumn: fc.integer({ min: 1, max: 500 }),
});
const arbitraryInput: fc.Arbitrary<FormatInput> = fc.record({
  findings: fc.array(arbitraryFinding, { maxLength: 8 }),
  files: fc.array(fc.constantFrom('a.yaml', `${CWD}/clean.yaml`, '/x/y.json'), { maxLength: 3 }),
  rules: fc.constant(RULE_METAS),
  toolVersion: fc.constant('1.2.3'),
});

describe('any findings', () => {
  it('render in every format without throwing, deterministically', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.boolean(), (input, color) => {
        for (const name of FORMAT_NAMES) {
          const out = formatFindings(name, input, { color, cwd: CWD });
          expect(out.endsWith('\n')).toBe(true);
          expect(formatFindings(name, { ...input, findings: [...input.findings].reverse() }, { color, cwd: CWD })).toBe(out);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('give schema-valid SARIF, well-formed JUnit, parseable JSON and one annotation line each', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        expect(sarifErrors(JSON.parse(formatFindings('sarif', input, { color: false, cwd: CWD })))).toEqual([]);
        new SaxesParser().write(formatFindings('junit', input, { color: false, cwd: CWD })).close();
        const json = JSON.parse(formatFindings('json', input, { color: false, cwd: CWD })) as { findings: unknown[] };
        expect(json.findings).toHaveLength(input.findings.length);
        expect(formatFindings('github', input, { color: false, cwd: CWD }).trimEnd().split('\n')).toHaveLength(input.findings.length + 1);
      }),
      { numRuns: 150 },
    );
  });
});
