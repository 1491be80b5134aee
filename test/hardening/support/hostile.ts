/**
 * Builders of hostile inputs (issue 6), deterministic: the same arguments give the same bytes. Shared
 * by the in-process outcome tests and the child-process memory tests.
 */

const QUEUE = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n';

/**
 * "Billion laughs": `levels` anchors, each a list of `fanout` aliases of the one before. Expanded,
 * the last holds fanout^levels strings; cfnkit reports every anchor and alias and expands none.
 */
export function aliasBomb(levels: number, fanout: number): string {
  const lines = ['Metadata:', `  a0: &a0 [${Array(fanout).fill('lol').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`  a${i}: &a${i} [${Array(fanout).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n${QUEUE}      Tags: *a${levels - 1}\n`;
}

/** A queue's Tags nested `depth` levels deep in YAML block sequences (`- - - … x`). */
export function deepYamlBlock(depth: number): string {
  return `${QUEUE}      Tags:\n        ${'- '.repeat(depth)}x\n`;
}

/** A queue's Tags nested `depth` levels deep in YAML flow mappings and sequences, alternating. */
export function deepYamlFlow(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '{k: ' : '[';
    close = (i % 2 ? '}' : ']') + close;
  }
  return `${QUEUE}      Tags: ${open}x${close}\n`;
}

/** A queue's Tags nested `depth` levels deep in JSON objects and arrays, alternating, all on one line. */
export function deepJson(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '{"k":' : '[';
    close = (i % 2 ? '}' : ']') + close;
  }
  return `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"Tags": ${open}1${close}}}}}`;
}

/**
 * A valid template whose deepest value sits at nesting level `depth` (the top-level mapping is level
 * 1), reached through mappings, lists and Fn::If in turn; YAML in block or flow style, or JSON.
 */
export function nestedTo(depth: number, format: 'block' | 'flow' | 'json'): string {
  let value: unknown = ['leaf'];
  for (let i = 0; 4 + depthOf(value) < depth; i++) {
    const room = depth - 4 - depthOf(value);
    if (i % 3 === 0 && room >= 2) value = { 'Fn::If': ['IsProd', value, 'other'] };
    else if (i % 3 === 1) value = { [`k${i}`]: value };
    else value = [value];
  }
  const t = {
    Parameters: { Stage: { Type: 'String' } },
    Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
    Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { RedrivePolicy: value } } },
  };
  if (depthOf(t) !== depth) throw new Error(`nestedTo(${depth}) built depth ${depthOf(t)}`);
  return format === 'json' ? JSON.stringify(t) : format === 'flow' ? toFlowYaml(t) : toBlockYaml(t, '') + '\n';
}

/** YAML in block style: every mapping and list on lines of its own, indented two spaces a level. */
function toBlockYaml(v: unknown, indent: string): string {
  if (Array.isArray(v)) return v.map((x) => `\n${indent}-${blockValue(x, indent + '  ')}`).join('');
  if (v !== null && typeof v === 'object') return Object.entries(v).map(([k, x]) => `\n${indent}${k}:${blockValue(x, indent + '  ')}`).join('');
  return ` ${JSON.stringify(v)}`;
}

function blockValue(x: unknown, indent: string): string {
  return x !== null && typeof x === 'object' ? toBlockYaml(x, indent) : ` ${JSON.stringify(x)}`;
}

/**
 * A template nested to exactly `depth` levels in every section rules walk: a condition through
 * Fn::Not / Fn::And / Fn::Or, property values through Fn::If and Fn::Join, resource Metadata, an
 * output, a parameter's AllowedValues. As JSON (or flow YAML).
 */
export function nestedEverywhere(depth: number, format: 'json' | 'flow' = 'json'): string {
  /** Wraps `leaf` until it is `levels` deep (the last wraps are lists, to land exactly). */
  const to = (levels: number, leaf: unknown, wrap: (v: unknown, i: number) => unknown): unknown => {
    let v = leaf;
    for (let i = 0; ; i++) {
      const next = wrap(v, i);
      if (depthOf(next) > levels) break;
      v = next;
    }
    while (depthOf(v) < levels) v = [v];
    return v;
  };
  const condition = to(depth - 2, { 'Fn::Equals': ['a', 'a'] }, (v, i) =>
    i % 3 === 0 ? { 'Fn::Not': [v] } : i % 3 === 1 ? { 'Fn::And': [v, { Condition: 'Base' }] } : { 'Fn::Or': [v, { 'Fn::Equals': ['x', 'y'] }] },
  );
  const branches = (levels: number) => to(levels, ['leaf'], (v, i) => ({ 'Fn::If': [i % 2 ? 'Deep' : 'Base', v, { Ref: 'AWS::NoValue' }] }));
  const t = {
    Parameters: { Stage: { Type: 'String', AllowedValues: to(depth - 3, ['a'], (v) => [v]) } },
    Conditions: { Base: { 'Fn::Equals': [{ Ref: 'Stage' }, 'b'] }, Deep: condition },
    Resources: {
      Q: {
        Type: 'AWS::SQS::Queue',
        Condition: 'Deep',
        Metadata: { m: to(depth - 4, [1], (v) => ({ k: v })) },
        Properties: { QueueName: branches(depth - 4), DelaySeconds: to(depth - 4, { 'Fn::Join': ['', ['1']] }, (v) => ({ 'Fn::Join': ['', [v]] })) },
      },
      B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: branches(depth - 4), Tags: [{ Key: 'k', Value: { 'Fn::GetAtt': ['Q', 'Arn'] } }] } },
    },
    Outputs: { O: { Condition: 'Deep', Value: branches(depth - 3) } },
  };
  if (depthOf(t) !== depth) throw new Error(`nestedEverywhere(${depth}) built depth ${depthOf(t)}`);
  return format === 'json' ? JSON.stringify(t) : toFlowYaml(t);
}

/** YAML in flow style (valid for any JSON-like value). */
function toFlowYaml(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(toFlowYaml).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${toFlowYaml(x)}`).join(', ')}}`;
  return JSON.stringify(v);
}

/** The deepest nesting level of a JSON value (a scalar inside the top-level object is level 1). */
export function depthOf(v: unknown): number {
  if (Array.isArray(v)) return 1 + Math.max(0, ...v.map(depthOf));
  if (v !== null && typeof v === 'object') return 1 + Math.max(0, ...Object.values(v).map(depthOf));
  return 0;
}

/** A queue whose name is one `bytes`-long line. */
export function longLine(bytes: number): string {
  return `${QUEUE}      QueueName: ${'a'.repeat(bytes)}\n`;
}

/** A queue whose name is a Fn::Sub of `count` variables on one line. */
export function longSub(count: number): string {
  return `${QUEUE}      QueueName: !Sub '${'${AWS::Region}-'.repeat(count)}'\n`;
}

/** A queue with a property whose name is `bytes` long, in JSON (YAML keys stop at 1024 characters). */
export function longKey(bytes: number): string {
  return `{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"${'K'.repeat(bytes)}": 1}}}}`;
}

/** The 1-based column of the `n`th `[`, `{` or block `- ` on the line `line` (1-based) of `text`. */
export function openerColumn(text: string, line: number, n: number): number {
  const l = text.split('\n')[line - 1];
  const re = /[[{]|- /g;
  for (let i = 1; re.exec(l); i++) if (i === n) return re.lastIndex - (l[re.lastIndex - 1] === ' ' ? 2 : 1) + 1;
  throw new Error(`no opener ${n} on line ${line}`);
}

/** `n` pseudo-random bytes (xorshift; the same for the same seed). */
export function randomBytes(n: number, seed = 6): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A JSON template of about `bytes` bytes made of as many tiny S3 buckets as fit (140,000 in 5 MB). */
export function manyTinyResources(bytes: number): string {
  const parts: string[] = [];
  let size = 20;
  for (let i = 0; size < bytes; i++) {
    const p = `"B${i}":{"Type":"AWS::S3::Bucket"}`;
    parts.push(p);
    size += p.length + 1;
  }
  return `{"Resources":{${parts.join(',')}}}`;
}

/**
 * A template that references itself in every way: a resource through Ref, Fn::GetAtt, Fn::Sub and
 * DependsOn to itself and around a cycle of `ring` resources, conditions that refer to themselves
 * and to each other, an output that refers to itself.
 */
export function selfReferencing(ring: number): string {
  const lines = [
    'Conditions:',
    '  Self: !Condition Self',
    '  Ping: !And [!Condition Pong, !Equals [a, a]]',
    '  Pong: !Or [!Condition Ping, !Equals [a, b]]',
    'Resources:',
    '  Me:',
    '    Type: AWS::SQS::Queue',
    '    Condition: Self',
    '    DependsOn: [Me]',
    '    Properties:',
    '      QueueName: !Ref Me',
    '      RedrivePolicy:',
    '        deadLetterTargetArn: !GetAtt Me.Arn',
    "        note: !Sub '${Me}-${Me.Arn}'",
  ];
  for (let i = 0; i < ring; i++) {
    const next = `R${(i + 1) % ring}`;
    const how = i % 4;
    lines.push(`  R${i}:`, '    Type: AWS::SQS::Queue');
    if (how === 0) lines.push(`    DependsOn: ${next}`);
    else if (how === 1) lines.push('    Properties:', `      QueueName: !Ref ${next}`);
    else if (how === 2) lines.push('    Properties:', `      RedrivePolicy: {deadLetterTargetArn: !GetAtt ${next}.Arn}`);
    else lines.push('    Properties:', `      QueueName: !Sub '\${${next}}-x'`);
  }
  lines.push('Outputs:', '  Loop:', '    Value: !GetAtt Loop.Value');
  return lines.join('\n') + '\n';
}
