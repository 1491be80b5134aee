/**
 * Markdown rendering for a pull-request comment, from `templates/diff.md.hbs`: a title with the
 * summary, a caution block for data loss, a table of changed resources and a collapsed details
 * section. This module only builds the view (escaped for markdown); the template lays it out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemplateValue } from '../model/intrinsics';
import { toPlain } from '../diff/normalize';
import type { ChangeAction, ResourceChange } from '../diff/types';
import { packageRoot } from '../paths';
import { changeSetPath } from './text';
import { actionWord, extraReasons, impactNote, riskLine, summaryLine } from './labels';
import { ChangeReport, isPreviewChange } from './types';

const ICON: Readonly<Record<ChangeAction, string>> = {
  replace: '🔴',
  remove: '🔴',
  'may-replace': '🟠',
  orphan: '⚪',
  update: '🟡',
  add: '🟢',
  import: '🔵',
};

let compiled: ((view: unknown) => string) | undefined;

/** Renders `report` as markdown; ends with a newline. */
export function renderMarkdown(report: ChangeReport): string {
  if (!compiled) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Handlebars = require('handlebars') as typeof import('handlebars');
    const source = readFileSync(join(packageRoot(), 'templates', 'diff.md.hbs'), 'utf8');
    compiled = Handlebars.compile(source, { noEscape: true, strict: false });
  }
  return compiled(view(report)).replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function view(report: ChangeReport): unknown {
  const lost = report.changes.filter((c) => c.dataLoss);
  const subject = report.command === 'preview' ? `cfnkit preview of ${report.stackName} (${report.changeSetType === 'CREATE' ? 'new stack' : 'update'})` : 'cfnkit diff';
  return {
    title: `${subject}: ${summaryLine(report.summary)}`,
    dataLoss:
      lost.length > 0
        ? `${lost.length} resource${lost.length === 1 ? '' : 's'} lose${lost.length === 1 ? 's' : ''} data: ${lost.map((c) => `${code(c.resource)} (${c.type})`).join(', ')}`
        : '',
    risks: riskLine(report.summary, false),
    keptChangeSet: report.keptChangeSet ? code(report.keptChangeSet) : '',
    preview: report.command === 'preview',
    rows: report.changes.map((c) => ({
      icon: ICON[c.action],
      resource: cell(code(c.resource)),
      type: cell(code(c.type)),
      action: actionWord(c.action),
      dataLoss: c.dataLoss,
      evidence: isPreviewChange(c) ? c.evidence : '',
      lines: lines(c),
    })),
  };
}

function lines(change: ResourceChange): string[] {
  const out: string[] = [];
  for (const r of change.risks) out.push(`⚠️ **${r.code}**: ${inline(r.message)}`);
  for (const reason of extraReasons(change)) out.push(inline(reason));
  if (isPreviewChange(change)) {
    if (change.evidence === 'confirmed') {
      out.push(`confirmed by the change set${change.predicted && change.predicted !== change.action ? `; the offline diff predicted **${actionWord(change.predicted)}**` : change.predicted ? '; the offline diff agrees' : '; the offline diff expected no change'}`);
    } else {
      out.push('predicted by the offline diff; the change set does not list it');
    }
    const cs = change.changeSet;
    if (cs) {
      const facts = [`Action ${cs.action}`, cs.replacement && `Replacement ${cs.replacement}`, cs.policyAction && `PolicyAction ${cs.policyAction}`, cs.physicalResourceId && `physical id ${code(cs.physicalResourceId)}`];
      out.push(`change set: ${facts.filter(Boolean).join(', ')}`);
      for (const d of cs.details) {
        const target = d.path ? changeSetPath(d.path) : d.attribute === 'Properties' && d.name ? `Properties.${d.name}` : (d.attribute ?? '?');
        const source = [d.requiresRecreation && `RequiresRecreation ${d.requiresRecreation}`, d.evaluation, d.changeSource, d.causingEntity && code(d.causingEntity)].filter(Boolean).join(', ');
        out.push(`${code(target)}: ${source}${d.beforeValue !== undefined || d.afterValue !== undefined ? `: ${value(d.beforeValue)} → ${d.afterValue === undefined && d.evaluation === 'Dynamic' ? '_known during the update_' : value(d.afterValue)}` : ''}`);
      }
      if (cs.details.length > 0) return out;
    }
  }
  for (const p of change.properties) {
    const note = impactNote(p.impact);
    const values = p.before !== undefined || p.after !== undefined ? `: ${value(p.before)} → ${value(p.after)}` : '';
    out.push(`${code(p.path)}${note ? ` ${note}` : ''}${values}${p.cause ? ` (${inline(p.cause)})` : ''}`);
  }
  return out;
}

/** A value as inline code (or _absent_). */
function value(v: TemplateValue | string | undefined): string {
  if (v === undefined) return '_absent_';
  const text = typeof v === 'string' ? v : JSON.stringify(toPlain(v));
  return code(text.length > 120 ? `${text.slice(0, 119)}…` : text);
}

/** Inline code that survives backticks inside. */
function code(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const fence = flat.includes('`') ? '``' : '`';
  return `${fence}${fence === '``' ? ' ' : ''}${flat}${fence === '``' ? ' ' : ''}${fence}`;
}

/** Text in a table cell: pipes escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Free text on one markdown line: no HTML, no line breaks. */
function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
