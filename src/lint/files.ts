/**
 * Expands `cfnkit lint` arguments into files: plain files (always linted), directories (searched
 * recursively; templates picked by content, other YAML/JSON skipped quietly), globs, and `-` for stdin.
 * Symlinked directories are followed once (a loop is cut at the second visit).
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type picomatchType from 'picomatch';

/** One file to lint. */
export interface LintTarget {
  /** Path as shown in reports (as given, or relative to the working directory); `-` is stdin. */
  readonly file: string;
  /** True when found by searching a directory or a glob: skip it quietly unless it looks like a template. */
  readonly sniff: boolean;
}

const TEMPLATE_EXTENSIONS = /\.(ya?ml|json|template|cfn)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'cdk.out', '.aws-sam']);

/** Options of {@link expandInputs}. */
export interface ExpandOptions {
  readonly cwd: string;
  /** Glob patterns of paths to leave out, relative to `root`. */
  readonly ignore?: readonly string[];
  readonly root?: string;
}

/** Expands arguments; paths that don't exist come back in `missing`. */
export function expandInputs(args: readonly string[], options: ExpandOptions): { targets: LintTarget[]; missing: string[] } {
  const targets: LintTarget[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const root = options.root ?? options.cwd;
  // picomatch and tinyglobby load when a pattern needs them, not for a plain file (issue 3, cold start)
  const ignored = options.ignore?.length ? (require('picomatch') as typeof picomatchType)(options.ignore as string[], { dot: true }) : undefined;
  const isIgnored = (abs: string) => ignored !== undefined && ignored(relative(root, abs).split('\\').join('/'));
  const add = (abs: string, shown: string, sniff: boolean) => {
    if (seen.has(abs) || (sniff && isIgnored(abs))) return;
    seen.add(abs);
    targets.push({ file: shown, sniff });
  };
  const show = (abs: string) => {
    const rel = relative(options.cwd, abs);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  };

  for (const arg of args) {
    if (arg === '-') {
      targets.push({ file: '-', sniff: false });
      continue;
    }
    const abs = resolve(options.cwd, arg);
    let stat;
    try {
      stat = statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      for (const file of walkDirectory(abs)) add(file, show(file), true);
    } else if (stat) {
      add(abs, arg, false);
    } else if (/[*?[\]{}]/.test(arg)) {
      const { globSync } = require('tinyglobby') as typeof import('tinyglobby');
      const hits = globSync([arg], { cwd: options.cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: true });
      if (hits.length === 0) missing.push(arg);
      for (const hit of hits.sort()) if (!isSpecial(hit)) add(hit, show(hit), true);
    } else {
      missing.push(arg);
    }
  }
  return { targets, missing };
}

/** Files with template-like extensions below `dir`, sorted, each directory visited once. */
function walkDirectory(dir: string): string[] {
  const out: string[] = [];
  const visited = new Set<string>();
  const visit = (d: string) => {
    let real: string;
    try {
      real = realpathSync(d);
    } catch {
      return;
    }
    if (visited.has(real)) return; // symlink loop or a directory reached twice
    visited.add(real);
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && isDir(p))) {
        if (!SKIP_DIRS.has(e.name)) visit(p);
      } else if (TEMPLATE_EXTENSIONS.test(e.name) && (e.isFile() || (e.isSymbolicLink() && !isSpecial(p)))) {
        out.push(p);
      }
    }
  };
  visit(dir);
  return out;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * True for a path that resolves to something other than a file or directory: a FIFO would block the
 * read forever and a device may never end, so a directory search leaves them out. A broken link or a
 * link loop is not special: it is reported as unreadable.
 */
function isSpecial(p: string): boolean {
  try {
    const stat = statSync(p);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

/** True when text found by a directory search looks like a CloudFormation template. */
export function looksLikeTemplate(text: string): boolean {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return /^[\s{]*"?(AWSTemplateFormatVersion|Resources|Transform)"?\s*:/m.test(head);
}
