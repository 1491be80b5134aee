import { escapeData, escapeProperty, formatGithub } from '../../../src/lint/format';
import { CLEAN, CWD, finding, INPUT } from '../../fixtures/format/findings';

/**
 * Reads a workflow command as the Actions runner does (ActionCommand.TryParseV2): name up to the first
 * space, properties up to the next `::`, split on `,` then the first `=`, and the escapes undone.
 */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  if (!line.startsWith('::')) return undefined;
  const end = line.indexOf('::', 2);
  const head = line.slice(2, end);
  const space = head.indexOf(' ');
  const command = space < 0 ? head : head.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of head.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), true);
    }
  }
  return { command, properties, data: unescape(line.slice(end + 2), false) };
}

function unescape(text: string, property: boolean): string {
  let out = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
  return out.replace(/%25/g, '%');
}

const render = (input = INPUT) => formatGithub(input, { color: false, cwd: CWD });

describe('github', () => {
  it('emits one annotation per finding, then the summary as plain log text', () => {
    const lines = render().trimEnd().split('\n');
    expect(lines).toHaveLength(INPUT.findings.length + 1);
    expect(lines.slice(0, -1).map((l) => parseCommand(l)!.command)).toEqual(['notice', 'error', 'error', 'error', 'warning', 'warning']);
    expect(lines.at(-1)).toBe('cfnkit: 3 errors, 2 warnings, 1 info in 3 files (4 files checked)');
    expect(parseCommand(lines.at(-1)!)).toBeUndefined();
  });

  it('carries file, position and title as properties', () => {
    const first = parseCommand(render().split('\n')[4]!)!;
    expect(first).toEqual({
      command: 'warning',
      properties: { file: 'templates/app.yaml', line: '12', col: '5', endLine: '14', endColumn: '30', title: 'cfnkit bucket-encryption' },
      data: 'Bucket "Logs" has no BucketEncryption | use SSE-S3 or SSE-KMS',
    });
  });

  it('round-trips messages and file names through the runner\'s unescaping', () => {
    const message = 'a :: b, c: 100% %0A literal\r\nnext line\nand %25 again ::error::';
    const file = `${CWD}/dir, with: colon/100% done.yaml`;
    const out = render({ ...INPUT, findings: [finding({ file, ruleId: 'parse-syntax', message, line: 2 })], files: [] });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const parsed = parseCommand(lines[0]!)!;
    expect(parsed.data).toBe(message);
    expect(parsed.properties.file).toBe('dir, with: colon/100% done.yaml');
    expect(Object.keys(parsed.properties)).toEqual(['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
  });

  it('escapes as @actions/core does', () => {
    expect(escapeData('50% done\r\nok::x,y:z')).toBe('50%25 done%0D%0Aok::x,y:z');
    expect(escapeProperty('50% done\r\nok::x,y:z')).toBe('50%25 done%0D%0Aok%3A%3Ax%2Cy%3Az');
  });

  it('reports a clean run with the summary line only', () => {
    expect(render(CLEAN)).toBe('cfnkit: no problems in 2 files\n');
  });
});
