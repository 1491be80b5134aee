import { dbSources, DbSource, ScanContext } from '../src/lint/db-sources';
import { plainResources, twinGroups } from '../src/lint/environments';
import { templateReferences } from '../src/lint/refs';
import type { TemplatePath } from '../src/parse';
import type { Rule } from '../src/lint/types';

/**
 * Reports blue/green twins that do not read their database endpoint from one source: after a cutover
 * the new environment writes to another database than the one users' data is in (or, with a
 * hard-coded host, drifts there on the next edit of one twin). Twins are environments behind one
 * weighted record set or weighted forward action, or named Blue / Green (see src/lint/environments.ts).
 * See https://docs.aws.amazon.com/whitepapers/latest/blue-green-deployments/best-practices-for-managing-data-synchronization-and-schema-changes.html
 */
export const rule: Rule = {
  meta: {
    id: 'twin-database-source',
    severity: 'warning',
    category: 'practice',
    description: 'Require blue/green twin environments to read their database endpoint from one source',
    cfnLint: [],
    options: {},
    messages: {
      differ:
        '{{env}} reads the database endpoint from {{source}}, but its twin {{twin}} reads it from {{twinSource}}: point both environments at the same source, so a cutover does not switch databases',
      hardCoded:
        '{{env}} hard-codes database host {{host}}: read it from the parameter or export its twins ({{twins}}) read too, so one edit cannot point them at different databases',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        const scan: ScanContext = { types: refs.resources, parameters: refs.parameters, resources: plainResources(template) };
        const reported = new Set<string>();
        const report = (path: TemplatePath, messageId: string, data: { [name: string]: string }) => {
          const key = `${messageId}|${path.join('/')}`;
          if (reported.has(key)) return;
          reported.add(key);
          context.report({ path, messageId, data });
        };
        for (const group of twinGroups(template)) {
          const withSources = group.environments.map((env) => ({ env, sources: dbSources(env, scan) })).filter((e) => e.sources.length > 0);
          for (const { env, sources } of withSources) {
            const twins = group.environments.filter((e) => e.id !== env.id).map((e) => e.id).join(', ');
            for (const s of sources) if (s.host !== undefined) report(s.path, 'hardCoded', { env: env.id, host: s.label, twins });
          }
          const [first, ...rest] = withSources;
          for (const other of rest) {
            const pair = differing(first.sources, other.sources);
            if (pair) report(pair[1].path, 'differ', { env: other.env.id, source: pair[1].label, twin: first.env.id, twinSource: pair[0].label });
          }
        }
      },
    };
  },
};

/**
 * The first pair of sources that differ between two twins: for each variable both set, or, when they
 * share none, their only sources. Literal hosts are left to the hard-coded finding.
 */
function differing(a: readonly DbSource[], b: readonly DbSource[]): [DbSource, DbSource] | undefined {
  const roles = new Set(a.filter((s) => s.role !== '').map((s) => s.role));
  const common = [...new Set(b.map((s) => s.role))].filter((r) => r !== '' && roles.has(r));
  const candidates: Array<[readonly DbSource[], readonly DbSource[]]> =
    common.length > 0 ? common.map((r) => [a.filter((s) => s.role === r), b.filter((s) => s.role === r)]) : [[a, b]];
  for (const [left, right] of candidates) {
    const leftKeys = new Set(left.map((s) => s.key));
    const rightKeys = new Set(right.map((s) => s.key));
    if (common.length === 0 && (leftKeys.size !== 1 || rightKeys.size !== 1)) return undefined;
    if (left.some((s) => s.host !== undefined) || right.some((s) => s.host !== undefined)) continue;
    const odd = right.find((s) => !leftKeys.has(s.key));
    if (odd) return [left[0], odd];
    const missing = left.find((s) => !rightKeys.has(s.key));
    if (missing) return [missing, right[0]];
  }
  return undefined;
}
