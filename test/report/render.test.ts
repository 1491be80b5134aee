/**
 * Golden files for the text, json and markdown renderers (test/report/golden/): the showcase fixture
 * pair diffed offline, and the empty diff. Set UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
 * Also: the same input renders byte-identically twice, and colour codes appear only when asked.
 */
import { diffTemplates } from '../../src/diff/engine';
import { ChangeReport, REPORT_FORMATS, ReportFormat, renderReport } from '../../src/report';
import { loadPair } from '../diff/support';
import { expectGolden } from './golden';

const EXTENSION: Record<ReportFormat, string> = { text: 'txt', json: 'json', markdown: 'md' };

function showcase(): ChangeReport {
  const { before, after } = loadPair('showcase');
  return { command: 'diff', ...diffTemplates(before, after) };
}

describe('renderers', () => {
  test.each(REPORT_FORMATS)('showcase diff as %s', (format) => {
    expectGolden(`diff-showcase.${EXTENSION[format]}`, renderReport(showcase(), format));
  });

  test.each(REPORT_FORMATS)('no changes as %s', (format) => {
    const { before } = loadPair('showcase');
    expectGolden(`diff-empty.${EXTENSION[format]}`, renderReport({ command: 'diff', ...diffTemplates(before, before) }, format));
  });

  test.each(REPORT_FORMATS)('%s output is deterministic', (format) => {
    expect(renderReport(showcase(), format)).toBe(renderReport(showcase(), format));
  });

  test('colour only when asked', () => {
    expect(renderReport(showcase(), 'text')).not.toMatch(/\u001b\[/);
    expect(renderReport(showcase(), 'text', { color: true })).toMatch(/\u001b\[31m\[~\]\u001b\[0m AWS::DynamoDB::Table Sessions \u001b\[31mreplace/);
  });

  test('json has the documented shape', () => {
    const json = JSON.parse(renderReport(showcase(), 'json')) as { changes: Array<Record<string, unknown>>; summary: Record<string, unknown> };
    for (const c of json.changes) {
      expect(Object.keys(c)).toEqual(['resource', 'type', 'action', 'dataLoss', 'reasons', 'properties', 'risks']);
      expect(['add', 'remove', 'orphan', 'update', 'replace', 'may-replace']).toContain(c.action);
      for (const p of c.properties as Array<Record<string, unknown>>) expect(['update', 'may-replace', 'replace']).toContain(p.impact);
    }
    expect(json.summary).toMatchObject({ changed: 6, replace: 1, remove: 1, orphan: 1, add: 1, update: 2, dataLoss: 2 });
  });
});
