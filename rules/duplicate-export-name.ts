import { Intrinsic } from '../src/model/intrinsics';
import { subVariables } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/**
 * Reports two outputs exporting the same name: export names are unique per account and region, so
 * CloudFormation fails the stack operation ("Export with name … is already exported by this stack").
 * Names compare as written: literal strings, Fn::Sub with the same text (and variable map), Fn::Join
 * of literals. Two outputs with different conditions may never exist together and are not compared.
 */
export const rule: Rule = {
  meta: {
    id: 'duplicate-export-name',
    severity: 'error',
    category: 'template',
    description: 'Disallow two outputs exporting the same name',
    cfnLint: [],
    options: {},
    messages: {
      duplicate: 'export name {{name}} is already exported by output "{{first}}"',
    },
  },
  create(context) {
    return {
      template(template) {
        const outputs: unknown = template.Outputs;
        if (!isPlainObject(outputs)) return;
        const seen = new Map<string, { id: string; condition: unknown }>();
        for (const [id, output] of Object.entries(outputs)) {
          if (!isPlainObject(output) || !isPlainObject(output.Export)) continue;
          const name = exportKey(output.Export.Name);
          if (name === undefined) continue;
          const first = seen.get(name.key);
          if (!first) {
            seen.set(name.key, { id, condition: output.Condition });
            continue;
          }
          // Outputs under two different conditions may be mutually exclusive (IsProd / IsNotProd).
          if (first.condition !== undefined && output.Condition !== undefined && first.condition !== output.Condition) continue;
          context.report({ path: ['Outputs', id, 'Export', 'Name'], messageId: 'duplicate', data: { name: name.display, first: first.id } });
        }
      },
    };
  },
};

/** A comparable key for an export name, or undefined when the name is computed in a way not compared. */
function exportKey(name: unknown): { key: string; display: string } | undefined {
  if (typeof name === 'string' || typeof name === 'number') return literal(String(name));
  if (!(name instanceof Intrinsic)) return undefined;
  const args: unknown = name.args;
  if (name.fn === 'Fn::Sub') {
    const [text, variables] = Array.isArray(args) ? [args[0], args[1]] : [args, undefined];
    if (typeof text !== 'string') return undefined;
    const local = isPlainObject(variables) && Object.keys(variables).length > 0 ? JSON.stringify(variables) : '';
    if (local === '' && subVariables(text).length === 0) return literal(text.split('${!').join('${'));
    return { key: `Fn::Sub\u0000${text}\u0000${local}`, display: `!Sub "${text}"` };
  }
  if (name.fn === 'Fn::Join' && Array.isArray(args) && typeof args[0] === 'string' && Array.isArray(args[1])) {
    const parts = args[1] as unknown[];
    if (parts.every((p) => typeof p === 'string' || typeof p === 'number')) return literal(parts.join(args[0]));
  }
  return undefined;
}

function literal(text: string): { key: string; display: string } {
  return { key: `\u0000${text}`, display: `"${text}"` };
}
