/** The installed bin (the bundle npm's `prepare` builds) runs every command family end to end. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { cfnkit: string } }).bin.cfnkit);
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });

// Built by `npm ci` (prepare) before `npm test`; a bare checkout without a build skips, CI never does.
(existsSync(bin) || process.env.CI === 'true' ? describe : describe.skip)('cfnkit bin', () => {
  it('gen prints a template', () => {
    const r = run('gen', 'data-tier');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(root, 'out', 'data-tier.yaml'), 'utf8'));
  });

  it('lint finds every rule and reports', () => {
    const rules = JSON.parse(run('rules', '--format', 'json').stdout) as unknown[];
    expect(rules.length).toBe(require('../../rules').RULES.length);
    const r = run('lint', '--format', 'json', 'out/', 'test/fixtures/diff/dynamodb-key-schema/old.yaml');
    expect(JSON.parse(r.stdout).summary.files).toBe(13);
  });

  it('lints many files on worker threads with the same result as one thread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfnkit-bin-'));
    try {
      // 36 files (over the parallel threshold), some with findings
      for (let i = 0; i < 3; i++) {
        for (const f of readdirSync(join(root, 'out'))) writeFileSync(join(dir, `${i}-${f}`), readFileSync(join(root, 'out', f)));
      }
      writeFileSync(join(dir, 'bad.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref Nowhere\n');
      const lint = (threads: string) =>
        spawnSync(process.execPath, [bin, 'lint', '--format', 'json', dir], { cwd: root, encoding: 'utf8', env: { ...process.env, CFNKIT_THREADS: threads } });
      const many = lint('2');
      const one = lint('1');
      expect(many.status).toBe(2);
      expect(JSON.parse(many.stdout).summary).toEqual({ files: 37, errors: 1, warnings: 0, infos: 0 });
      expect(many.stdout).toBe(one.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('diff compares two templates', () => {
    const r = run('diff', 'test/fixtures/diff/dynamodb-key-schema/old.yaml', 'test/fixtures/diff/dynamodb-key-schema/new.yaml', '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).changes[0]).toMatchObject({ resource: 'Orders', action: 'replace', dataLoss: true });
  });

  it('a usage error is one line and exit 1', () => {
    const r = run('gen', 'nope');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
