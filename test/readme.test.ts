/** The README's examples are real: its Quick start, configuration and suppression examples are checked here. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../rules';
import { loadConfig } from '../src/lint/config';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const section = (heading: string) => readme.split(heading)[1].split(/\n## /)[0];
const yamlBlocks = (text: string) => [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README', () => {
  it('Quick start has exactly two commands: the main job and the tests', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(section('## Quick start'))![1];
    expect(block.trim().split('\n')).toEqual(['npm ci && npx cfnkit gen blue-green > stack.yaml', 'npm test']);
  });

  it('its configuration example is a valid .cfnkit.yaml for the shipped rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfnkit-readme-'));
    try {
      const config = yamlBlocks(readme).find((b) => b.startsWith('rules:'))!;
      writeFileSync(join(dir, '.cfnkit.yaml'), config);
      expect(() => loadConfig(join(dir, '.cfnkit.yaml'), RULES, dir)).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names only rule ids that exist', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    const named = [...readme.matchAll(/(?:rule: |ignore: \[|cfnkit-disable-next-line |^ {2})([a-z0-9]+(?:-[a-z0-9]+)+)\b/gm)].map((m) => m[1]);
    expect(named.filter((id) => !ids.has(id) && !/^npm|^cfn-lint$/.test(id))).toEqual([]);
  });
});
