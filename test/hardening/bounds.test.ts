/**
 * Bounded time and memory on hostile input (issue 6): each input is linted by the CLI in a child
 * process whose peak resident memory (worker threads included) must stay under 500 MB, and which
 * must finish (a run over two minutes is killed and fails). No timing assertions: the figures are
 * in `npm run bench -- scale`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conditionHeavyTemplate, scaleTemplate, scaleTemplateOfSize } from '../../bench/scale';
import type { Finding } from '../../src/lint/types';
import { MAX_NESTING } from '../../src/parse';
import { buildJs, measureCli, removeBuild } from './support/build';
import { aliasBomb, deepJson, deepYamlBlock, deepYamlFlow, longLine, manyTinyResources, randomBytes, selfReferencing } from './support/hostile';

const MB = 1024 * 1024;
const LIMIT_MB = 500;

let build: string;
let dir: string;
beforeAll(() => {
  build = buildJs();
  dir = mkdtempSync(join(tmpdir(), 'cfnkit-bounds-'));
});
afterAll(() => {
  removeBuild(build);
  rmSync(dir, { recursive: true, force: true });
});

interface Case {
  readonly name: string;
  readonly file: string;
  readonly content: () => string | Buffer;
  /** Expected exit code (cfn-lint's bitmask). */
  readonly code: number;
  /** A finding the run must report (rule id and a message pattern). */
  readonly finding?: readonly [string, RegExp];
}

const cases: Case[] = [
  { name: 'a billion laughs, 10^30 expansions', file: 'bomb.yaml', content: () => aliasBomb(30, 10), code: 2, finding: ['parse-yaml-alias', /^YAML alias \*a28 /] },
  { name: '10,000-deep YAML block sequences', file: 'deep.yaml', content: () => deepYamlBlock(10_000), code: 2, finding: ['parse-syntax', new RegExp(`nesting deeper than ${MAX_NESTING}`)] },
  { name: '10,000-deep YAML flow collections', file: 'deep.yaml', content: () => deepYamlFlow(10_000), code: 2, finding: ['parse-syntax', /nesting deeper/] },
  { name: '10,000-deep JSON', file: 'deep.json', content: () => deepJson(10_000), code: 2, finding: ['parse-syntax', /nesting deeper/] },
  { name: '1,000,000-deep JSON', file: 'deep.json', content: () => deepJson(1_000_000), code: 2, finding: ['parse-syntax', /nesting deeper/] },
  { name: 'a 5 MB template (14,000 resources)', file: 'big.yaml', content: () => scaleTemplateOfSize(5 * MB), code: 2, finding: ['template-limits', /CloudFormation allows at most 500/] },
  { name: '5,000 resources', file: 'many.yaml', content: () => scaleTemplate(5000), code: 2, finding: ['template-limits', /Resources declares 5000 entries/] },
  {
    name: '5 MB of JSON holding 140,000 resources (findings capped per rule)',
    file: 'tiny.json',
    content: () => manyTinyResources(5 * MB),
    code: 2 | 4 | 8,
    finding: ['stateful-retention', /^14\d{4} more findings of stateful-retention in this file are not shown/],
  },
  { name: 'a 7 MB line', file: 'line.yaml', content: () => longLine(7 * MB), code: 2, finding: ['template-limits', /CloudFormation reads at most/] },
  { name: '5 MB of random bytes', file: 'random.yaml', content: () => randomBytes(5 * MB), code: 2, finding: ['parse-syntax', /^invalid UTF-8 at byte \d+$/] },
  { name: '8 MB of aliases in one list', file: 'aliases.yaml', content: () => `Metadata:\n  a: &a x\n  l:\n${'  - *a\n'.repeat(1_190_000)}`, code: 2, finding: ['parse-syntax', /tokens in one entry is too large/] },
  { name: '8 MB of numbers in one JSON list', file: 'numbers.json', content: () => `{"Metadata": {"x": [${'1,'.repeat(4_000_000)}1]}}`, code: 2, finding: ['parse-syntax', /more than 1,000,000 values/] },
  { name: '/dev/zero', file: '/dev/zero', content: () => '', code: 2, finding: ['parse-syntax', /larger than 8 MB/] },
  { name: 'a 5,000-resource cycle and every self-reference', file: 'cycle.yaml', content: () => selfReferencing(5000), code: 2 | 4, finding: ['circular-dependency', /\(5000 resources\)$/] },
  { name: '50 conditions through nested Fn::If, Fn::And, Fn::Or', file: 'conditions.yaml', content: () => conditionHeavyTemplate(50), code: 0 },
];

describe(`hostile input: the CLI finishes under ${LIMIT_MB} MB`, () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const file = c.file.startsWith('/') ? c.file : join(dir, c.file);
    if (!c.file.startsWith('/')) writeFileSync(file, c.content());
    const run = measureCli(build, ['lint', '--format', 'json', file]);
    expect(run.stderr).toBe('');
    const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    if (c.finding) {
      const [rule, message] = c.finding;
      expect(findings.filter((f) => f.ruleId === rule).map((f) => f.message)).toContainEqual(expect.stringMatching(message));
    }
    expect(run.code).toBe(c.code);
    expect(run.rssMb).toBeLessThan(LIMIT_MB);
    if (process.env.CFNKIT_BOUNDS_LOG) process.stderr.write(`${c.name}: ${run.ms} ms, ${run.rssMb.toFixed(0)} MB\n`);
    if (!c.file.startsWith('/')) rmSync(file);
  });
});
