/** Offline template diff: engine, normal form and the data types it returns. */
export { diffTemplates } from './engine';
export { FAIL_ON, failures, summarize } from './summary';
export type { FailOn } from './summary';
export { normalizeValue, toPlain, valuesEqual } from './normalize';
export { propertyImpact } from './replacement';
export { fixedNameProperty, isStateful, supportsSnapshot } from './stateful';
export { ACTION_ORDER } from './types';
export type { ChangeAction, ChangeSummary, DiffOptions, Impact, PropertyChange, ResourceChange, Risk, RiskCode, TemplateDiff } from './types';
