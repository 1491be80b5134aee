/**
 * Text rendering in the style of cdk diff: a summary header, then one block per resource with `[+]`,
 * `[-]` and `[~]` marks, replacements in red (with colour on), risk flags marked `!`, and a property
 * tree whose replacement-causing entries say "(requires replacement)".
 */
import type { TemplateValue } from '../model/intrinsics';
import { toPlain } from '../diff/normalize';
import type { PropertyChange, ResourceChange } from '../diff/types';
import type { ChangeSetDetail, PreviewChange } from '../preview/types';
import { actionMark, actionWord, extraReasons, impactNote, isDestructive, riskLine, summaryLine } from './labels';
import { ChangeReport, RenderOptions, isPreviewChange } from './types';

const ANSI = { red: 31, green: 32, yellow: 33, gray: 90, bold: 1 } as const;

/** A tree node: its line and its children. */
interface Node {
  readonly line: string;
  readonly children?: readonly Node[];
}

/** Renders `report` as text; ends with a newline. */
export function renderText(report: ChangeReport, options: RenderOptions = {}): string {
  const paint = (code: keyof typeof ANSI, s: string) => (options.color ? `\u001b[${ANSI[code]}m${s}\u001b[0m` : s);
  const out: string[] = [];
  const subject = report.command === 'preview' ? `Stack ${report.stackName} (${report.changeSetType === 'CREATE' ? 'new stack' : 'update'})` : undefined;
  if (subject) out.push(paint('bold', subject));
  out.push(paint('bold', summaryLine(report.summary)));
  const risks = riskLine(report.summary);
  if (risks) out.push(paint(report.summary.dataLoss > 0 ? 'red' : 'yellow', `Risks: ${risks}`));
  if (report.keptChangeSet) out.push(`Change set kept for review: ${report.keptChangeSet}`);
  if (report.changes.length === 0) return out.join('\n') + '\n';
  out.push('', paint('bold', 'Resources'));
  for (const change of report.changes) {
    const color = change.action === 'add' ? 'green' : isDestructive(change.action) ? 'red' : 'yellow';
    let header = `${paint(color, actionMark(change.action))} ${change.type} ${change.resource}`;
    if (change.action !== 'add') header += ` ${paint(isDestructive(change.action) ? 'red' : 'yellow', actionWord(change.action))}`;
    if (isPreviewChange(change)) header += paint('gray', ` (${evidenceNote(change)})`);
    out.push(header);
    drawChildren(nodesOf(change, paint), '', out);
  }
  return out.join('\n') + '\n';
}

function evidenceNote(change: PreviewChange): string {
  if (change.evidence === 'predicted') return 'predicted';
  if (change.predicted === undefined) return 'confirmed; offline diff: no change';
  return change.predicted === change.action ? 'confirmed' : `confirmed; offline diff: ${actionWord(change.predicted)}`;
}

type Paint = (code: keyof typeof ANSI, s: string) => string;

function nodesOf(change: ResourceChange | PreviewChange, paint: Paint): Node[] {
  const nodes: Node[] = [];
  for (const risk of change.risks) {
    nodes.push({ line: paint(risk.code === 'data-loss' ? 'red' : 'yellow', `! ${risk.code}: ${risk.message}`) });
  }
  for (const reason of extraReasons(change)) nodes.push({ line: reason });
  if (isPreviewChange(change) && change.changeSet) {
    const cs = change.changeSet;
    const facts = [`Action ${cs.action}`];
    if (cs.replacement) facts.push(`Replacement ${cs.replacement}`);
    if (cs.policyAction) facts.push(`PolicyAction ${cs.policyAction}`);
    if (cs.scope.length > 0) facts.push(`Scope ${cs.scope.join(', ')}`);
    if (cs.physicalResourceId) facts.push(`physical id ${cs.physicalResourceId}`);
    nodes.push({ line: paint('gray', `change set: ${facts.join(', ')}`) });
    for (const d of cs.details) nodes.push(detailNode(d, paint));
    if (cs.details.length === 0) for (const p of change.properties) nodes.push(propertyNode(p, paint));
  } else {
    for (const p of change.properties) nodes.push(propertyNode(p, paint));
  }
  return nodes;
}

function propertyNode(p: PropertyChange, paint: Paint): Node {
  const note = impactNote(p.impact);
  const children: Node[] = [];
  if (p.before !== undefined) children.push({ line: `${paint('red', '[-]')} ${show(p.before)}` });
  if (p.after !== undefined) children.push({ line: `${paint('green', '[+]')} ${show(p.after)}` });
  if (p.cause) children.push({ line: p.cause });
  return { line: `${paint('yellow', '[~]')} ${p.path}${note ? ` ${paint(p.impact === 'update' ? 'yellow' : 'red', note)}` : ''}`, children };
}

const RECREATION: Readonly<Record<string, string>> = {
  Always: '(requires replacement)',
  Conditionally: '(may require replacement)',
  Never: '',
};

function detailNode(d: ChangeSetDetail, paint: Paint): Node {
  const target = d.path ? changeSetPath(d.path) : d.attribute === 'Properties' && d.name ? `Properties.${d.name}` : (d.attribute ?? '?');
  const note = d.requiresRecreation ? (RECREATION[d.requiresRecreation] ?? `(RequiresRecreation ${d.requiresRecreation})`) : '';
  const source = [d.evaluation, d.changeSource, d.causingEntity].filter(Boolean).join(' ');
  const children: Node[] = [];
  if (d.beforeValue !== undefined) children.push({ line: `${paint('red', '[-]')} ${show(d.beforeValue)}` });
  if (d.afterValue !== undefined) children.push({ line: `${paint('green', '[+]')} ${show(d.afterValue)}` });
  else if (d.evaluation === 'Dynamic' && d.beforeValue !== undefined) children.push({ line: `${paint('green', '[+]')} (known during the update)` });
  const line = `${paint('yellow', '[~]')} ${target}${note ? ` ${paint(d.requiresRecreation === 'Never' ? 'yellow' : 'red', note)}` : ''}${source ? paint('gray', ` ${source}`) : ''}`;
  return { line, children };
}

/** `/Properties/KeySchema/0/AttributeName` → `Properties.KeySchema[0].AttributeName`. */
export function changeSetPath(path: string): string {
  return path
    .split('/')
    .filter((s) => s !== '')
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

/** A value on one line: strings as they are, everything else as JSON; long values cut at 120 characters. */
function show(value: TemplateValue | string): string {
  const text = typeof value === 'string' && !value.includes('\n') ? value : JSON.stringify(toPlain(value as TemplateValue));
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function drawChildren(nodes: readonly Node[], indent: string, out: string[]): void {
  nodes.forEach((node, i) => {
    const last = i === nodes.length - 1;
    out.push(`${indent} ${last ? '└─' : '├─'} ${node.line}`);
    if (node.children?.length) drawChildren(node.children, `${indent} ${last ? '  ' : '│ '} `, out);
  });
}
