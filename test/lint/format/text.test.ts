import { formatText, summaryText } from '../../../src/lint/format';
import { buildReport } from '../../../src/lint/format/report';
import { CLEAN, CWD, finding, INPUT } from '../../fixtures/format/findings';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

describe('text', () => {
  it('prints file:line:col: severity ruleId message under a header per file, then the summary', () => {
    const lines = formatText(INPUT, { color: false, cwd: CWD }).split('\n');
    expect(lines.slice(0, 3)).toEqual(['network.json', 'network.json:2:18: info description-length Description is 1100 characters long (limit 1024)', '']);
    expect(lines.at(-2)).toBe('3 errors, 2 warnings, 1 info in 3 files (4 files checked)');
  });

  it('has no escape codes without colour, and the same text with them stripped', () => {
    const plain = formatText(INPUT, { color: false, cwd: CWD });
    const colored = formatText(INPUT, { color: true, cwd: CWD });
    expect(plain).not.toMatch(ANSI);
    expect(colored).toMatch(ANSI);
    expect(colored.replace(ANSI, '')).toBe(plain);
    expect(formatText(CLEAN, { color: true, cwd: CWD }).replace(ANSI, '')).toBe(formatText(CLEAN, { color: false, cwd: CWD }));
  });

  it('colours severities: error red, warning yellow, info blue; the summary by the worst', () => {
    const colored = formatText(INPUT, { color: true, cwd: CWD });
    expect(colored).toContain('\u001b[31merror\u001b[39m');
    expect(colored).toContain('\u001b[33mwarning\u001b[39m');
    expect(colored).toContain('\u001b[34minfo\u001b[39m');
    expect(colored.trimEnd().split('\n').at(-1)).toBe('\u001b[1m\u001b[31m3 errors, 2 warnings, 1 info in 3 files (4 files checked)\u001b[39m\u001b[22m');
    expect(formatText(CLEAN, { color: true, cwd: CWD })).toBe('\u001b[32mno problems in 2 files\u001b[39m\n');
  });

  it('cannot be made to emit escape sequences by a message or file name', () => {
    const input = { ...INPUT, findings: [finding({ file: `${CWD}/x\u001b[2J.yaml`, ruleId: 'parse-syntax', message: 'evil \u001b[31mred\u0007 \u009b2J', line: 1 })], files: [] };
    const out = formatText(input, { color: false, cwd: CWD });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('x\\x1b[2J.yaml:1:1: error parse-syntax evil \\x1b[31mred\\x07 \\x9b2J');
  });

  it('indents the continuation lines of a multi-line message', () => {
    const input = { ...INPUT, findings: [finding({ file: `${CWD}/a.yaml`, ruleId: 'parse-syntax', message: 'one\r\ntwo\rthree\nfour', line: 1 })], files: [] };
    expect(formatText(input, { color: false, cwd: CWD })).toContain('a.yaml:1:1: error parse-syntax one\n    two\n    three\n    four\n');
  });

  it.each([
    [[], ['a'], 'no problems in 1 file'],
    [[], ['a', 'b'], 'no problems in 2 files'],
    [[], [], 'no problems in 0 files'],
    [[{ severity: 'error' }], ['a'], '1 error, 0 warnings, 0 infos in 1 file (1 file checked)'],
    [[{ severity: 'warning' }, { severity: 'warning' }, { severity: 'info' }], ['a', 'b'], '0 errors, 2 warnings, 1 info in 1 file (2 files checked)'],
  ] as const)('summary of %j over %j', (findings, files, expected) => {
    const input = { ...INPUT, findings: findings.map((f, i) => finding({ file: 'a', ruleId: 'r', line: i + 1, ...f })), files };
    expect(summaryText(buildReport(input, { color: false }))).toBe(expected);
  });

  it('counts a file with findings as checked even when the file list misses it', () => {
    const input = { ...INPUT, findings: [finding({ file: 'other.yaml', ruleId: 'r', line: 1 })], files: ['a.yaml'] };
    expect(formatText(input, { color: false }).trimEnd().split('\n').at(-1)).toBe('1 error, 0 warnings, 0 infos in 1 file (2 files checked)');
  });
});
