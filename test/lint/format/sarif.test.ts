import { RULES } from '../../../rules';
import { FINGERPRINT_KEY, formatSarif, RULE_DOCS_BASE, SARIF_SCHEMA_URI } from '../../../src/lint/format';
import { CLEAN, CWD, finding, INPUT } from '../../fixtures/format/findings';
import { sarifErrors } from '../../fixtures/format/sarif-schema';

interface Log {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
    results: Array<Record<string, any>>;
  }>;
}

const render = (input = INPUT, cwd: string | undefined = CWD): Log => JSON.parse(formatSarif(input, { color: false, cwd })) as Log;

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    expect(sarifErrors(render())).toEqual([]);
    expect(sarifErrors(render(CLEAN))).toEqual([]);
    expect(sarifErrors(render(INPUT, undefined))).toEqual([]);
  });

  it('the validator does reject broken logs', () => {
    const badLevel = render();
    badLevel.runs[0]!.results[0]!.level = 'fatal';
    expect(sarifErrors(badLevel)).toEqual([expect.stringContaining('/runs/0/results/0/level')]);
    const noVersion = render();
    delete (noVersion as Partial<Log>).version;
    expect(sarifErrors(noVersion).length).toBeGreaterThan(0);
    const rawSpace = render();
    rawSpace.runs[0]!.results[1]!.locations[0].physicalLocation.artifactLocation.uri = 'stacks/my stack,v2.yaml';
    expect(sarifErrors(rawSpace)).toEqual([expect.stringContaining('artifactLocation/uri must match format "uri-reference"')]);
  });

  it('describes every shipped rule validly', () => {
    const findings = RULES.map((r, i) => finding({ file: `${CWD}/t.yaml`, ruleId: r.meta.id, severity: r.meta.severity, line: i + 1 }));
    const log = render({ findings, files: [`${CWD}/t.yaml`], rules: RULES.map((r) => r.meta), toolVersion: '0.0.0' });
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it('names the tool and lists only the rules that fired, sorted, with docs links', () => {
    const log = render();
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: 'cfnkit', version: '1.2.3', informationUri: 'https://github.com/cfnkit/cfnkit' });
    expect(driver.rules.map((r) => r.id)).toEqual(['bucket-encryption', 'description-length', 'internal-error', 'parse-duplicate-key', 'parse-syntax']);
    expect(driver.rules[0]).toEqual({
      id: 'bucket-encryption',
      name: 'BucketEncryption',
      shortDescription: { text: 'Require server-side encryption on S3 buckets' },
      helpUri: `${RULE_DOCS_BASE}bucket-encryption.md`,
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['practice'] },
    });
    expect(driver.rules[0]!.helpUri).toBe('https://github.com/cfnkit/cfnkit/blob/main/docs/rules/bucket-encryption.md');
    expect(driver.rules.find((r) => r.id === 'description-length')!.defaultConfiguration).toEqual({ level: 'note' });
    expect(driver.rules.find((r) => r.id === 'internal-error')).not.toHaveProperty('helpUri');
  });

  it('points each result at its rule by index and maps severities to levels', () => {
    const run = render().runs[0]!;
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex as number]!.id).toBe(result.ruleId);
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['description-length', 'note'],
      ['internal-error', 'error'],
      ['parse-syntax', 'error'],
      ['parse-duplicate-key', 'error'],
      ['bucket-encryption', 'warning'],
      ['bucket-encryption', 'warning'],
    ]);
  });

  it('locates results relative to %SRCROOT% with encoded, forward-slash URIs and 1-based regions', () => {
    const results = render().runs[0]!.results;
    const locations = results.map((r) => r.locations[0].physicalLocation);
    expect(locations.map((l) => l.artifactLocation)).toEqual([
      { uri: 'network.json', uriBaseId: '%SRCROOT%' },
      { uri: 'stacks/my%20stack%2Cv2.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'stacks/my%20stack%2Cv2.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'templates/app.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'templates/app.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'templates/app.yaml', uriBaseId: '%SRCROOT%' },
    ]);
    expect(locations[4].region).toEqual({ startLine: 12, startColumn: 5, endLine: 14, endColumn: 30 });
  });

  it('uses an absolute file URI for a file outside cwd', () => {
    const input = { ...INPUT, findings: [finding({ file: '/elsewhere/x y.yaml', ruleId: 'parse-syntax', line: 1 })], files: [] };
    const log = render(input, CWD);
    expect(log.runs[0]!.results[0]!.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x%20y.yaml' });
    expect(sarifErrors(log)).toEqual([]);
  });

  it('fingerprints findings by rule, file, path and message, not by line', () => {
    const base = finding({ file: `${CWD}/a.yaml`, ruleId: 'parse-syntax', message: 'm', path: 'Resources/A', line: 3 });
    const print = (f: typeof base) =>
      render({ ...INPUT, findings: [f], files: [] }).runs[0]!.results[0]!.partialFingerprints[FINGERPRINT_KEY] as string;
    const original = print(base);
    expect(original).toMatch(/^[0-9a-f]{32}:1$/);
    expect(print({ ...base, line: 40, column: 7, endLine: 41, endColumn: 2 })).toBe(original);
    expect(print({ ...base, message: 'other' })).not.toBe(original);
    expect(print({ ...base, path: 'Resources/B' })).not.toBe(original);
    expect(print({ ...base, ruleId: 'parse-duplicate-key' })).not.toBe(original);
    expect(print({ ...base, file: `${CWD}/b.yaml` })).not.toBe(original);
  });

  it('numbers identical findings so their fingerprints stay distinct', () => {
    const f = finding({ file: `${CWD}/a.yaml`, ruleId: 'parse-syntax', message: 'm', path: 'Resources/A', line: 3 });
    const prints = render({ ...INPUT, findings: [f, { ...f, line: 9 }], files: [] }).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY] as string);
    expect(prints[0]!.replace(/:1$/, ':2')).toBe(prints[1]);
  });

  it('doubles braces in message text (SARIF §3.11.5) and keeps the finding\'s resource and path', () => {
    const result = render().runs[0]!.results[2]!;
    expect(result.message.text).toBe('bad indentation of a mapping entry: <x> & ${{AWS::Region}} at 100%\n  Resources:\n    ^');
    expect(render().runs[0]!.results[4]!.properties).toEqual({ resource: 'Logs', path: 'Resources/Logs/Properties' });
  });

  it('keeps a valid region when a finding has an empty or inverted range', () => {
    const f = finding({ file: `${CWD}/a.yaml`, ruleId: 'parse-syntax', line: 0, column: 0, endLine: 0, endColumn: 0 });
    const log = render({ ...INPUT, findings: [f], files: [] });
    expect(log.runs[0]!.results[0]!.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
    expect(sarifErrors(log)).toEqual([]);
  });

  it('gives an empty message a text, which SARIF requires', () => {
    const log = render({ ...INPUT, findings: [finding({ file: `${CWD}/a.yaml`, ruleId: 'parse-syntax', message: '', line: 1 })], files: [] });
    expect(log.runs[0]!.results[0]!.message.text).toBe('(no message)');
  });
});
