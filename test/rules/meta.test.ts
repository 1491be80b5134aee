/**
 * Every rule has a file named after its id, is registered, has a docs page with an incorrect and a
 * correct example (both linted here) and a table test.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../rules';
import type { Rule } from '../../src/lint/types';
import { runRule } from '../support/rule-tester';

const root = join(__dirname, '..', '..');
const ruleFiles = readdirSync(join(root, 'rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));

describe('rule registry', () => {
  it('registers every file under rules/ exactly once, sorted by id', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual([...ruleFiles].sort());
  });

  it.each(ruleFiles)('rules/%s.ts exports a rule whose id is its file name', (file) => {
    const mod = require(join(root, 'rules', file)) as { rule: Rule };
    expect(mod.rule.meta.id).toBe(file);
  });
});

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  it('has complete metadata', () => {
    expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
    expect(rule.meta.description).toMatch(/^(Require|Disallow|Report|Limit|Warn|Flag|Check)\b/);
    expect(rule.meta.description).not.toMatch(/\.$/);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    for (const [name, opt] of Object.entries(rule.meta.options)) {
      expect(opt.description).toBeTruthy();
      expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
  });

  it('has a table test', () => {
    expect(existsSync(join(root, 'test', 'rules', `${id}.test.ts`))).toBe(true);
  });

  const docPath = join(root, 'docs', 'rules', `${id}.md`);
  it('has a docs page saying why, with an incorrect and a correct example', () => {
    const doc = readFileSync(docPath, 'utf8');
    expect(doc).toMatch(new RegExp(`^# ${id}\\n`));
    expect(doc).toMatch(/\n## Why\n/);
    expect(doc).toMatch(/\n## Incorrect\n+```(yaml|json)\n/);
    expect(doc).toMatch(/\n## Correct\n+```(yaml|json)\n/);
  });

  it('flags its incorrect example and passes its correct one', () => {
    const doc = readFileSync(docPath, 'utf8');
    const example = (section: string) => new RegExp(`\\n## ${section}\\n+\`\`\`(?:yaml|json)\\n([\\s\\S]*?)\`\`\`\\n`).exec(doc)![1];
    expect(runRule(rule, example('Incorrect')).filter((f) => f.ruleId === id).length).toBeGreaterThan(0);
    expect(runRule(rule, example('Correct'))).toEqual([]);
  });
});
