import { type MappingLevel, templateReferences } from '../src/lint/refs';
import type { Rule } from '../src/lint/types';

/**
 * Reports Fn::FindInMap calls whose mapping, or literal top-level or second-level key, the Mappings
 * section does not hold: CloudFormation fails the stack operation when the lookup finds nothing.
 */
export const rule: Rule = {
  meta: {
    id: 'find-in-map-target',
    severity: 'error',
    category: 'template',
    description: 'Require every Fn::FindInMap to name a defined mapping and, when literal, keys it holds',
    cfnLint: ['E1011'],
    options: {},
    messages: {
      missingMap: 'Fn::FindInMap names mapping "{{map}}", which is not defined in Mappings',
      missingTopKey: 'mapping "{{map}}" has no top-level key "{{key}}"',
      missingSecondKey: 'mapping "{{map}}" has no key "{{key}}" under "{{topKey}}"',
      missingSecondKeyAnywhere: 'mapping "{{map}}" has no key "{{key}}" under any top-level key',
    },
  },
  create(context) {
    return {
      template(template) {
        const refs = templateReferences(template);
        if (refs.openTransform) return;
        for (const lookup of refs.mapLookups) {
          // With a DefaultValue (AWS::LanguageExtensions) a failed lookup is not an error.
          if (lookup.map === undefined || lookup.hasDefault) continue;
          const mapping = refs.mappings.get(lookup.map);
          if (!mapping) {
            context.report({ path: [...lookup.path, 0], messageId: 'missingMap', data: { map: lookup.map } });
            continue;
          }
          if (lookup.topKey === undefined) {
            // Whatever the computed top-level key is, it must be one of the mapping's.
            if (lookup.secondKey !== undefined && !someHolds(mapping, lookup.secondKey)) {
              context.report({ path: [...lookup.path, 2], messageId: 'missingSecondKeyAnywhere', data: { map: lookup.map, key: lookup.secondKey } });
            }
            continue;
          }
          if (!mapping.has(lookup.topKey)) {
            context.report({ path: [...lookup.path, 1], messageId: 'missingTopKey', data: { map: lookup.map, key: lookup.topKey } });
            continue;
          }
          const second = mapping.get(lookup.topKey);
          if (second && lookup.secondKey !== undefined && !second.has(lookup.secondKey)) {
            context.report({ path: [...lookup.path, 2], messageId: 'missingSecondKey', data: { map: lookup.map, key: lookup.secondKey, topKey: lookup.topKey } });
          }
        }
      },
    };
  },
};

/** True when some top-level entry of the mapping holds `key` (or one cannot be read). */
function someHolds(mapping: ReadonlyMap<string, MappingLevel | undefined>, key: string): boolean {
  for (const second of mapping.values()) if (!second || second.has(key)) return true;
  return false;
}
