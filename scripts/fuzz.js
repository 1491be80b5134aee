#!/usr/bin/env node
/**
 * The large fuzz run (issue 6): every fuzz property (test/fuzz) and the emit → parse round trip
 * (test/model/roundtrip.test.ts) at 10,000 runs each, with a fresh seed unless one is given; prints
 * the seed and the time. A failure prints fast-check's shrunk counterexample and the seed and path
 * to replay it; keep it as a regression fixture (test/fixtures/regressions/README.md).
 *
 *   npm run fuzz [-- --runs N] [--seed S] [jest options…]
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const args = process.argv.slice(2);
const take = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const runs = take('--runs') ?? '10000';
const seed = take('--seed') ?? String(Math.floor(Math.random() * 2 ** 31));
const start = Date.now();
process.stdout.write(`fuzz: ${runs} runs per property, seed ${seed}\n`);
const r = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), 'test/fuzz', 'test/model/roundtrip.test.ts', '--testTimeout', '7200000', ...args], {
  cwd: join(__dirname, '..'),
  stdio: 'inherit',
  env: { ...process.env, CFNKIT_FUZZ_RUNS: runs, CFNKIT_FUZZ_SEED: seed },
});
process.stdout.write(`fuzz: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - start) / 1000).toFixed(0)} s (${runs} runs per property, seed ${seed})\n`);
process.exitCode = r.status ?? 1;
