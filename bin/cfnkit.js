#!/usr/bin/env node
/**
 * Loads the bundled CLI (dist/bundle/cfnkit-main.js) through V8's code cache and runs it.
 *
 * Why by hand: Node 20 has no compile cache for user code (`module.enableCompileCache` arrives in 22).
 * Compiling the 1 MB bundle, and then lazily compiling every function the YAML parser, the engine and
 * the 53 rules touch, was about a third of a one-file `cfnkit lint` (issue 3). `npm run build` runs
 * one gen, lint and rules pass in-process ({@link train}) and saves the bytecode V8 compiled for them
 * beside the bundle; a later run deserializes it instead of compiling.
 *
 * V8 deserializes a whole cache before running anything, so there is one per command family: `lint`,
 * `gen`, and one for the rest (`rules`, `diff`, `preview`, help), each holding only what its commands
 * compile.
 *
 * V8 checks the cache itself (its version, its flags, the source) and silently compiles from source
 * when the cache does not fit — another Node version, V8 flags, a rebuilt bundle. A missing or
 * unreadable cache is the same cold compile, never an error.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle', 'cfnkit-main.js');
/** The command families with a code cache of their own; any other command uses the general one. */
const FAMILIES = ['lint', 'gen'];

/** The code cache file for a command line (its first argument that is not an option names the command). */
function cacheFile(args) {
  const command = args.find((a) => !a.startsWith('-'));
  return BUNDLE.replace(/\.js$/, FAMILIES.includes(command) ? `.${command}.cache` : '.cache');
}

/**
 * Compiles and evaluates the bundle as a CommonJS module, with the code cache `cache` when given;
 * returns its exports and the compiled script.
 */
function loadBundle(cache) {
  let source = fs.readFileSync(BUNDLE, 'utf8');
  if (source.startsWith('#!')) source = '//' + source.slice(2); // the entry's hashbang, kept by esbuild
  let cachedData;
  if (cache) {
    try {
      cachedData = fs.readFileSync(cache);
    } catch {
      // no cache: compile from source
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.paths = Module._nodeModulePaths(path.dirname(BUNDLE));
  bundle.loaded = true;
  const require = Module.createRequire(BUNDLE);
  script.runInThisContext().call(bundle.exports, bundle.exports, require, bundle, BUNDLE, path.dirname(BUNDLE));
  return { main: bundle.exports.main, script };
}

/**
 * Build step: runs each argument list through the CLI in this process with output discarded, then
 * writes the code cache of everything compiled so far to the cache of the first run's command family
 * (atomically: a reader sees the old cache or the new). Run once per family, each in a fresh node.
 */
async function train(runs, cwd) {
  const { main, script } = loadBundle(undefined);
  const writes = [process.stdout.write, process.stderr.write];
  const saved = process.cwd();
  process.chdir(cwd);
  process.stdout.write = process.stderr.write = () => true;
  try {
    for (const args of runs) await main(args);
  } finally {
    [process.stdout.write, process.stderr.write] = writes;
    process.chdir(saved);
    process.exitCode = 0;
  }
  const cache = cacheFile(runs[0]);
  const tmp = `${cache}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, script.createCachedData());
  fs.renameSync(tmp, cache);
  return cache;
}

/** Runs the CLI on this process's arguments; sets the exit code. */
function run() {
  let main;
  try {
    main = loadBundle(cacheFile(process.argv.slice(2))).main;
  } catch (e) {
    // an install without a build (`npm ci` builds through `prepare`)
    process.stderr.write(`cfnkit: cannot load ${BUNDLE}: ${e instanceof Error ? e.message : String(e)} (run npm run build)\n`);
    process.exitCode = 70;
    return;
  }
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`cfnkit: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}

module.exports = { loadBundle, train, cacheFile, run, BUNDLE };

if (require.main === module) run();
