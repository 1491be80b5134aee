import { isExpansionKey, isListParameterType, isParameterType, isSsmValueParameterType, numberLike, sectionEntries } from '../src/lint/shapes';
import type { Rule } from '../src/lint/types';
import { isPlainObject } from '../src/lint/walk';

/**
 * Reports a literal Default that the parameter's own constraints reject: a stack created without that
 * parameter fails. List types are checked item by item, as CloudFormation applies AllowedValues and
 * AllowedPattern to each value of a CommaDelimitedList. See
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
 */
export const rule: Rule = {
  meta: {
    id: 'parameter-default',
    severity: 'error',
    category: 'template',
    description: 'Require a parameter Default to satisfy its AllowedValues, AllowedPattern, MinLength, MaxLength, MinValue and MaxValue',
    cfnLint: ['E2015'],
    options: {},
    messages: {
      notAllowedValue: 'Default "{{value}}" is not one of AllowedValues',
      patternMismatch: 'Default "{{value}}" does not match AllowedPattern {{pattern}}',
      tooShort: 'Default "{{value}}" is shorter than MinLength {{limit}}',
      tooLong: 'Default "{{value}}" is longer than MaxLength {{limit}}',
      notANumber: 'Default "{{value}}" is not a number',
      belowMin: 'Default {{value}} is less than MinValue {{limit}}',
      aboveMax: 'Default {{value}} is greater than MaxValue {{limit}}',
    },
  },
  create(context) {
    /**
     * A scalar as CloudFormation receives it: parameter values are strings, so an unquoted YAML scalar
     * read as a number or boolean (`N`, `1.10`) is compared by its source text.
     */
    const scalarText = (value: unknown, path: Array<string | number>): string => {
      if (typeof value === 'string') return value;
      const range = context.parsed.locate(path);
      return range ? context.parsed.text.slice(range.start.offset, range.end.offset).trim() : String(value);
    };
    return {
      template(template) {
        for (const [id, parameter] of sectionEntries((template as unknown as { Parameters?: unknown }).Parameters)) {
          if (isExpansionKey(id) || !isPlainObject(parameter)) continue;
          const type = parameter.Type;
          const literal = parameter.Default;
          if (typeof type !== 'string' || !isParameterType(type) || isSsmValueParameterType(type)) continue;
          if (typeof literal !== 'string' && typeof literal !== 'number' && typeof literal !== 'boolean') continue;
          const path = ['Parameters', id, 'Default'];
          const whole = scalarText(literal, path);
          const list = isListParameterType(type);
          // Each value of a list default, and (like cfn-lint) the whole string as a fallback for templates that constrain the joined value.
          const items = list ? whole.split(',').map((s) => s.trim()) : [whole];
          const report = (messageId: string, value: string | number, data: { [name: string]: string | number } = {}) =>
            context.report({ path, messageId, data: { value, ...data } });

          if (Array.isArray(parameter.AllowedValues) && parameter.AllowedValues.length > 0) {
            const allowed = new Set(parameter.AllowedValues.map((v, i) => scalarText(v, ['Parameters', id, 'AllowedValues', i])));
            const bad = items.find((v) => !allowed.has(v));
            if (bad !== undefined && !(list && allowed.has(whole))) report('notAllowedValue', bad);
          }

          if (typeof parameter.AllowedPattern === 'string') {
            const pattern = compile(parameter.AllowedPattern);
            const bad = pattern ? items.find((v) => !pattern.test(v)) : undefined;
            if (bad !== undefined && !(list && pattern!.test(whole))) report('patternMismatch', bad, { pattern: parameter.AllowedPattern });
          }

          if (type === 'Number' || type === 'List<Number>') {
            const min = numberLike(parameter.MinValue);
            const max = numberLike(parameter.MaxValue);
            for (const item of items) {
              const n = numberLike(item);
              if (n === undefined) {
                report('notANumber', item);
                break;
              }
              if (min !== undefined && n < min) report('belowMin', item, { limit: min });
              else if (max !== undefined && n > max) report('aboveMax', item, { limit: max });
            }
          } else {
            const min = numberLike(parameter.MinLength);
            const max = numberLike(parameter.MaxLength);
            const fits = (v: string) => (min === undefined || v.length >= min) && (max === undefined || v.length <= max);
            const bad = items.find((v) => !fits(v));
            if (bad !== undefined && !(list && fits(whole))) {
              if (min !== undefined && bad.length < min) report('tooShort', bad, { limit: min });
              else report('tooLong', bad, { limit: max ?? 0 });
            }
          }
        }
      },
    };
  },
};

/**
 * AllowedPattern as a whole-value match. CloudFormation evaluates it with Java's regex engine. The
 * pattern is compiled in JavaScript's Unicode mode, which rejects the escapes the two engines read
 * differently (`\A`, `\Z`, `\h`, `\p{Alnum}`, inline flags, possessive quantifiers, `\Q…\E`); those
 * patterns, and Java's class union / intersection (`[[…]]`, `&&`), are not checked.
 */
function compile(pattern: string): RegExp | undefined {
  if (pattern === '' || pattern.includes('[[') || pattern.includes('&&')) return undefined;
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return undefined;
  }
}
