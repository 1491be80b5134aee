/**
 * The lint engine: parse problems become findings of the parse rules, then every enabled rule's
 * listeners run over one walk of the template, then suppressions apply. A rule that throws yields one
 * `internal-error` finding and the others still run.
 */
import { Intrinsic } from '../model/intrinsics';
import type { Template } from '../model/template';
import { parseTemplate } from '../parse';
import type { ParseProblemCode, ParsedTemplate, Range, TemplatePath } from '../parse';
import { SpecIndex, specIndex } from '../spec';
import { BudgetExceeded, withinBudget } from './budget';
import { applySuppressions } from './suppress';
import type { Finding, ReportDescriptor, ResourceVisit, Rule, RuleContext, RuleListeners, Severity } from './types';
import { isPlainObject, walkValue } from './walk';

/** Per-rule settings resolved from configuration. */
export interface RuleSetting {
  readonly enabled: boolean;
  readonly severity?: Severity;
  readonly options?: { readonly [name: string]: unknown };
}

/** Options of {@link lintParsed}. */
export interface LintOptions {
  /** Rules to run; all of cfnkit's by default. */
  readonly rules?: readonly Rule[];
  /** Settings by rule id; rules not named keep their defaults. */
  readonly settings?: { readonly [ruleId: string]: RuleSetting };
  readonly spec?: SpecIndex;
}

/** Rule id of findings that report a rule's own failure. */
export const INTERNAL_ERROR = 'internal-error';

/**
 * Findings kept per rule and file. A hostile template (140,000 buckets in 5 MB) would otherwise make
 * hundreds of thousands of findings and hundreds of MB; past the limit a rule's findings are counted,
 * not located, and one `truncated` finding of that rule at 1:1 says how many were left out. Counted
 * before suppressions.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

const LOGICAL_SECTIONS = new Set(['Resources', 'Parameters', 'Outputs']);

/** Options of {@link lintText}. */
export interface LintTextOptions extends LintOptions {
  /**
   * Time budget for parsing and linting, in milliseconds; past it the work is stopped (even inside a
   * runaway rule) and the result is one `internal-error` finding (message id `timeout`). 0 or absent:
   * no budget. The CLI's `--timeout`.
   */
  readonly timeoutMs?: number;
}

/** Lints template text or bytes. */
export function lintText(input: string | Uint8Array, file: string, options: LintTextOptions = {}): Finding[] {
  const timeoutMs = options.timeoutMs ?? 0;
  if (!(timeoutMs > 0)) return lintParsed(parseTemplate(input), file, options);
  try {
    return withinBudget(timeoutMs, () => lintParsed(parseTemplate(input), file, options));
  } catch (e) {
    if (e instanceof BudgetExceeded) return [timeoutFinding(file, timeoutMs)];
    throw e;
  }
}

/** The finding for a file that ran out of its time budget. */
export function timeoutFinding(file: string, timeoutMs: number): Finding {
  return fileFinding(file, INTERNAL_ERROR, 'timeout', `linting this file took longer than ${timeoutMs / 1000} s and was stopped (--timeout)`);
}

/** A finding about a whole file, at 1:1. */
export function fileFinding(file: string, ruleId: string, messageId: string, message: string): Finding {
  return { file, ruleId, severity: 'error', message, messageId, resource: null, path: '', line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** Lints a parsed template. */
export function lintParsed(parsed: ParsedTemplate, file: string, options: LintOptions = {}): Finding[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const rules = options.rules ?? (require('../../rules') as typeof import('../../rules')).RULES;
  const settings = options.settings ?? {};
  const spec = options.spec ?? specIndex();
  const findings: Finding[] = [];
  const active = rules.filter((r) => settings[r.meta.id]?.enabled !== false);

  const make = (rule: Rule, messageId: string, message: string, path: TemplatePath, range: Range | undefined): Finding => {
    const severity = settings[rule.meta.id]?.severity ?? rule.meta.severities?.[messageId] ?? rule.meta.severity;
    const start = range?.start ?? { line: 1, column: 1 };
    const end = range?.end ?? start;
    return {
      file,
      ruleId: rule.meta.id,
      severity,
      message,
      messageId,
      resource: path.length >= 2 && LOGICAL_SECTIONS.has(String(path[0])) ? String(path[1]) : null,
      path: path.join('/'),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  };

  const counts = new Map<Rule, number>();
  const admit = (rule: Rule) => {
    const n = (counts.get(rule) ?? 0) + 1;
    counts.set(rule, n);
    return n <= MAX_FINDINGS_PER_RULE;
  };
  const finish = () => {
    for (const [rule, n] of counts) {
      if (n <= MAX_FINDINGS_PER_RULE) continue;
      const message = `${n - MAX_FINDINGS_PER_RULE} more findings of ${rule.meta.id} in this file are not shown (at most ${MAX_FINDINGS_PER_RULE} per rule and file)`;
      findings.push(make(rule, 'truncated', message, [], undefined));
    }
    return sortFindings(applySuppressions(findings, parsed, rules));
  };

  for (const problem of parsed.problems) {
    const rule = active.find((r) => r.meta.parseCodes?.includes(problem.code));
    if (rule && admit(rule)) findings.push(make(rule, problem.code, fill(rule.meta.messages[problem.code] ?? '{{message}}', { message: problem.message }), [], problem.range));
  }
  for (const [code, n] of Object.entries(parsed.omitted ?? {})) {
    const rule = active.find((r) => r.meta.parseCodes?.includes(code as ParseProblemCode));
    if (rule) counts.set(rule, (counts.get(rule) ?? 0) + n);
  }
  const template = parsed.template;
  if (!template) return finish();

  const internal = (rule: Rule, error: unknown) =>
    findings.push({
      ...make(rule, 'crash', '', [], undefined),
      ruleId: INTERNAL_ERROR,
      severity: 'error',
      messageId: 'crash',
      message: `rule ${rule.meta.id} failed on this template: ${error instanceof Error ? error.message : String(error)}`,
    });

  const listeners: Array<{ rule: Rule; on: RuleListeners }> = [];
  for (const rule of active) {
    if (rule.meta.parseCodes) continue;
    const context: RuleContext = {
      file,
      template,
      parsed,
      spec,
      options: { ...defaults(rule), ...(settings[rule.meta.id]?.options ?? {}) },
      report: (d: ReportDescriptor) => {
        const template = rule.meta.messages[d.messageId];
        if (template === undefined) throw new Error(`unknown message id "${d.messageId}"`);
        if (admit(rule)) findings.push(make(rule, d.messageId, fill(template, d.data ?? {}), d.path, locate(parsed, d.path, d.key === true)));
      },
    };
    try {
      listeners.push({ rule, on: rule.create(context) });
    } catch (e) {
      internal(rule, e);
    }
  }

  const call = (entry: { rule: Rule; on: RuleListeners }, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      internal(entry.rule, e);
      entry.on = {}; // a failed rule stops listening; one internal-error finding per rule
    }
  };

  for (const l of listeners) if (l.on.template) call(l, () => l.on.template!(template));
  walkResources(template, listeners, call);
  const byFn = listeners.filter((l) => l.on.intrinsic);
  if (byFn.length) {
    walkValue(template, [], (value, path) => {
      if (!(value instanceof Intrinsic)) return;
      for (const l of byFn) {
        const fn = l.on.intrinsic?.[value.fn];
        if (fn) call(l, () => fn(value, [...path]));
      }
    });
  }
  for (const l of listeners) if (l.on.end) call(l, () => l.on.end!());

  return finish();
}

function walkResources(
  template: Template,
  listeners: Array<{ rule: Rule; on: RuleListeners }>,
  call: (entry: { rule: Rule; on: RuleListeners }, fn: () => void) => void,
): void {
  const resources = template.Resources;
  if (!isPlainObject(resources)) return;
  const byType = listeners.filter((l) => l.on.resource);
  const byProperty = listeners.filter((l) => l.on.property);
  for (const logicalId of Object.keys(resources)) {
    const resource = resources[logicalId];
    if (!isPlainObject(resource)) continue;
    const visit: ResourceVisit = { logicalId, resource: resource as unknown as ResourceVisit['resource'], path: ['Resources', logicalId] };
    const type = typeof resource.Type === 'string' ? resource.Type : '';
    for (const l of byType) {
      const on = l.on.resource!;
      const specific = on[type];
      if (specific) call(l, () => specific(visit));
      const any = on['*'];
      if (any) call(l, () => any(visit));
    }
    if (byProperty.length && resource.Properties !== undefined) {
      walkValue(resource.Properties, ['Resources', logicalId, 'Properties'], (value, path) => {
        for (const l of byProperty) if (l.on.property) call(l, () => l.on.property!(value, [...path], visit));
      });
    }
  }
}

/** The range of `path` (or its key), else of the nearest ancestor that has one. */
function locate(parsed: ParsedTemplate, path: TemplatePath, key: boolean): Range | undefined {
  if (key) {
    const r = parsed.locateKey(path);
    if (r) return r;
  }
  for (let n = path.length; n >= 0; n--) {
    const r = parsed.locate(path.slice(0, n));
    if (r) return r;
  }
  return undefined;
}

function defaults(rule: Rule): { [name: string]: unknown } {
  const out: { [name: string]: unknown } = {};
  for (const [name, spec] of Object.entries(rule.meta.options)) out[name] = spec.default;
  return out;
}

/** Fills `{{name}}` placeholders. */
export function fill(template: string, data: { readonly [name: string]: string | number }): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, name: string) => (name in data ? String(data[name]) : all));
}

/** Findings in file, line, column, rule order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}
