/**
 * cfnkit library API: the template model and builders, the emitter and parser, the spec index and
 * the deployment patterns.
 *
 * ```ts
 * import { blueGreen, emit } from 'cfnkit';
 * process.stdout.write(emit(blueGreen({ blueWeight: 100, greenWeight: 0 }), 'yaml'));
 * ```
 */
export * from './model/intrinsics';
export * from './model/template';
export { TemplateBuilder, getAtt } from './model/builder';
export type { ConditionHandle, ParameterHandle, ResourceHandle, ResourceOptions, TypedResourceType } from './model/builder';
export { emit } from './emit';
export { lintText, lintParsed, INTERNAL_ERROR } from './lint/engine';
export type { LintOptions, LintTextOptions, RuleSetting } from './lint/engine';
export type { Finding, Rule, RuleContext, RuleListeners, RuleMeta, Severity } from './lint/types';
export { RULES, findRule } from '../rules';
export { findConfig, loadConfig, ConfigError } from './lint/config';
export type { LintConfig } from './lint/config';
export { formatReport, FORMAT_NAMES } from './lint/format';
export type { TemplateFormat } from './emit';
export { parseTemplate, LineIndex } from './parse';
export type { ParsedTemplate, ParseProblem, ParseProblemCode, Position, Range, SourceEntry, SourceNode, TemplatePath } from './parse';
export { SpecIndex, specIndex } from './spec';
export type { PropertySpec, ResourceSpec, TypeCode } from './spec';
export type { ResourceAttributeMap, ResourcePropsMap, Tag } from './spec/generated/resources';
export { PATTERNS, findPattern } from '../generators';
export { PatternOptionError } from '../generators/pattern';
export type { Pattern, PatternFiles, PatternOption } from '../generators/pattern';
export { blueGreen, blueGreenPattern, blueGreenStacks } from '../generators/blue-green';
export type { BlueGreenOptions, BlueGreenStacks } from '../generators/blue-green';
export { dataTier, dataTierPattern } from '../generators/data-tier';
export type { DataTierOptions } from '../generators/data-tier';
export { cloudfrontElb, cloudfrontElbPattern } from '../generators/cloudfront-elb';
export type { CloudfrontElbOptions } from '../generators/cloudfront-elb';
export { naclBaseline, naclBaselinePattern, naclBaselineVpcOnly } from '../generators/nacl-baseline';
export type { NaclBaselineOptions } from '../generators/nacl-baseline';
export { ttlArchive, ttlArchivePattern } from '../generators/ttl-archive';
export type { TtlArchiveOptions } from '../generators/ttl-archive';
export { beanstalkBlueGreen, beanstalkBlueGreenPattern } from '../generators/beanstalk-blue-green';
export type { BeanstalkBlueGreenOptions } from '../generators/beanstalk-blue-green';
export { diffTemplates, FAIL_ON, failures as failOnMatches, summarize as summarizeChanges, propertyImpact, isStateful } from './diff';
export type { ChangeAction, ChangeSummary, DiffOptions, FailOn, Impact, PropertyChange, ResourceChange, Risk, RiskCode, TemplateDiff } from './diff';
export { preview, PreviewError, connectCloudFormation, withInterrupt } from './preview';
export type { CloudFormationApi, ConnectionOptions, PreviewChange, PreviewErrorCode, PreviewOptions, PreviewResult } from './preview';
export { renderReport as renderChangeReport, REPORT_FORMATS as CHANGE_REPORT_FORMATS } from './report';
export type { ChangeReport, ReportFormat as ChangeReportFormat } from './report';
