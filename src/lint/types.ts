/**
 * Lint engine types: findings (plain data), rule metadata and the visitor API rules are written
 * against. A rule reports a path + message id + data; the engine turns the path into line:col.
 */
import type { Intrinsic, IntrinsicName, TemplateValue } from '../model/intrinsics';
import type { Resource, Template } from '../model/template';
import type { ParsedTemplate, ParseProblemCode, TemplatePath } from '../parse';
import type { SpecIndex } from '../spec';

/** Finding severities, as cfn-lint names its levels. */
export type Severity = 'error' | 'warning' | 'info';

/** Rule categories. */
export type RuleCategory = 'parse' | 'template' | 'spec' | 'practice' | 'internal' | 'cfn-lint';

/** One lint finding. Lines and columns are 1-based; `path` is like `Resources/Name/Properties/X`. */
export interface Finding {
  readonly file: string;
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageId: string;
  /** Logical id of the resource (or parameter, output…) the finding sits on, or null. */
  readonly resource: string | null;
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A rule option: its default and what it does. */
export interface RuleOptionSpec {
  readonly default: unknown;
  readonly description: string;
}

/** What every rule declares before its check. */
export interface RuleMeta {
  /** Equal to the rule's file name under rules/ and its docs page name. */
  readonly id: string;
  readonly severity: Severity;
  readonly category: RuleCategory;
  /** Imperative one-liner: "Require …", "Disallow …". */
  readonly description: string;
  /** cfn-lint rule ids this rule overlaps (for `--cfn-lint` de-duplication and cfn-lint ignore_checks). */
  readonly cfnLint: readonly string[];
  readonly options: { readonly [name: string]: RuleOptionSpec };
  /** Messages by id; `{{name}}` placeholders are filled from report data. */
  readonly messages: { readonly [messageId: string]: string };
  /**
   * Default severity of particular messages, where one rule reports both a definite failure and a risk
   * (e.g. a duplicate rule number vs an allow-all entry). Configuration overrides all of them.
   */
  readonly severities?: { readonly [messageId: string]: Severity };
  /** Parse problem codes this rule reports (parse rules only). */
  readonly parseCodes?: readonly ParseProblemCode[];
}

/** A resource as rules see it. */
export interface ResourceVisit {
  readonly logicalId: string;
  readonly resource: Resource;
  /** `['Resources', logicalId]`. */
  readonly path: TemplatePath;
}

/** What a rule's report call takes. */
export interface ReportDescriptor {
  /** Where: the value at this path (or its key with `key: true`); the nearest located ancestor otherwise. */
  readonly path: TemplatePath;
  readonly messageId: string;
  readonly data?: { readonly [name: string]: string | number };
  readonly key?: boolean;
}

/** What a rule's check receives. */
export interface RuleContext<O = { [name: string]: unknown }> {
  readonly file: string;
  readonly template: Template;
  readonly parsed: ParsedTemplate;
  readonly spec: SpecIndex;
  /** Effective options: defaults overlaid with configuration. */
  readonly options: O;
  report(descriptor: ReportDescriptor): void;
}

/** Visitor callbacks a rule's `create` returns; the engine walks the template once for all rules. */
export interface RuleListeners {
  /** Once per template, before anything else. */
  template?(template: Template): void;
  /** Per resource, by type (`*` for every resource). */
  resource?: { readonly [type: string]: (visit: ResourceVisit) => void };
  /** Per intrinsic function call anywhere in the template, by function name. */
  intrinsic?: { readonly [fn in IntrinsicName]?: (fn: Intrinsic, path: TemplatePath) => void };
  /** Per value under Resources/<id>/Properties, with the resource it belongs to; for property-path rules. */
  property?(value: TemplateValue, path: TemplatePath, visit: ResourceVisit): void;
  /** Once after the walk. */
  end?(): void;
}

/** A lint rule: metadata and a check. */
export interface Rule<O = { [name: string]: unknown }> {
  readonly meta: RuleMeta;
  create(context: RuleContext<O>): RuleListeners;
}
