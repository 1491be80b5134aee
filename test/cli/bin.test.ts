/**
 * The installed bin — bin/cfnkit, which runs bin/cfnkit.js on the bundle npm's `prepare` builds — runs
 * every command family end to end, as npm links it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = join(root, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { cfnkit: string } }).bin.cfnkit);
const run = (...args: string[]) => spawnSync(bin, args, { cwd: root, encoding: 'utf8' });
const built = existsSync(join(root, 'dist', 'bundle', 'cfnkit-main.js'));

// Built by `npm ci` (prepare) before `npm test`; a bare checkout without a build skips, CI never does.
(built || process.env.CI === 'true' ? describe : describe.skip)('cfnkit bin', () => {
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
        spawnSync(bin, ['lint', '--format', 'json', dir], { cwd: root, encoding: 'utf8', env: { ...process.env, CFNKIT_THREADS: threads } });
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

  it('runs under node too (the launcher is also JavaScript), as tools that start a bin with node do', () => {
    const r = spawnSync(process.execPath, [bin, 'gen', 'data-tier'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(root, 'out', 'data-tier.yaml'), 'utf8'));
    expect(spawnSync(process.execPath, [bin, 'gen', 'nope'], { cwd: root, encoding: 'utf8' }).status).toBe(1);
  });

  it('runs through npm-style symlinks: relative, absolute and chained', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfnkit-link-'));
    try {
      mkdirSync(join(dir, '.bin'));
      symlinkSync(relative(join(dir, '.bin'), bin), join(dir, '.bin', 'cfnkit')); // as node_modules/.bin/cfnkit
      symlinkSync(join(dir, '.bin', 'cfnkit'), join(dir, 'chained')); // absolute, to a link
      for (const link of [join(dir, '.bin', 'cfnkit'), join(dir, 'chained')]) {
        const r = spawnSync(link, ['gen', 'data-tier'], { cwd: dir, encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(readFileSync(join(root, 'out', 'data-tier.yaml'), 'utf8'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops NODE_EXTRA_CA_CERTS (read by node at start-up) except for preview, the one command that uses TLS', () => {
    // node warns at start-up about an extra-certificates file it cannot load: the warning shows whether node got the variable
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(root, 'no-such-ca-bundle.pem') };
    const warned = (r: ReturnType<typeof spawnSync>) => String(r.stderr).includes('no-such-ca-bundle.pem');
    for (const args of [['lint', 'out/data-tier.yaml'], ['gen', 'data-tier'], ['rules'], ['--version']]) {
      const r = spawnSync(bin, args, { cwd: root, encoding: 'utf8', env });
      expect([args, r.status, warned(r)]).toEqual([args, 0, false]);
    }
    const preview = spawnSync(bin, ['preview', '--help'], { cwd: root, encoding: 'utf8', env });
    expect(preview.status).toBe(0);
    expect(warned(preview)).toBe(true);
  });
});

describe('code cache (bin/cfnkit.js)', () => {
  const loader = join(root, 'bin', 'cfnkit.js');
  /** Loads the bundle in a fresh node with `cache` and reports whether V8 took the cache. */
  const load = (cache: string) => {
    const code = `const { loadBundle } = require(${JSON.stringify(loader)}); const { main, script } = loadBundle(${JSON.stringify(cache)}); process.stdout.write(JSON.stringify({ main: typeof main, rejected: script.cachedDataRejected ?? null }))`;
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { main: string; rejected: boolean | null };
  };
  const { cacheFile } = require(loader) as { cacheFile: (args: string[]) => string };

  (built || process.env.CI === 'true' ? it : it.skip)('the build leaves a cache per command family that V8 accepts', () => {
    const files = [['lint', 'x.yaml'], ['gen', 'blue-green'], ['rules']].map((args) => cacheFile(args));
    expect(files.map((f) => f.slice(f.lastIndexOf('/') + 1))).toEqual(['cfnkit-main.lint.cache', 'cfnkit-main.gen.cache', 'cfnkit-main.cache']);
    for (const f of files) expect([f, load(f)]).toEqual([f, { main: 'function', rejected: false }]);
  });

  it('picks the family from the first argument that is not an option', () => {
    expect(cacheFile(['--color', 'lint', 'gen'])).toMatch(/\.lint\.cache$/);
    expect(cacheFile(['diff', 'a', 'b'])).toMatch(/cfnkit-main\.cache$/);
    expect(cacheFile([])).toMatch(/cfnkit-main\.cache$/);
  });

  (built || process.env.CI === 'true' ? it : it.skip)('a missing or foreign cache is a cold compile, not an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfnkit-cache-'));
    try {
      writeFileSync(join(dir, 'garbage.cache'), 'not a V8 code cache');
      expect(load(join(dir, 'missing.cache'))).toEqual({ main: 'function', rejected: null });
      expect(load(join(dir, 'garbage.cache'))).toEqual({ main: 'function', rejected: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
