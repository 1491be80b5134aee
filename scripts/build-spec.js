#!/usr/bin/env node
/**
 * Compiles the pinned @aws-cdk/aws-service-spec database into the two generated artefacts cfnkit
 * ships, so the CLI never loads the 2.6 MB (gzip) database at run time:
 *
 *   spec/catalog.json, spec/resources/*  compact index for lint and diff (types, required flags, enums,
 *                                       GetAtt attributes, causesReplacement, isStateful), one file per
 *                                       resource type
 *   src/spec/generated/resources.ts     TypeScript prop interfaces for the resource types listed in
 *                                       scripts/spec-types.json (the ones the generators use)
 *
 * Both are generated; never edit them by hand. Spec mistakes go into spec/patches.json, applied here.
 * Usage: npm run spec:gen
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const repo = path.resolve(__dirname, '..');
// --check: generate into a temporary directory and compare with the committed files (exit 1 if stale).
const check = process.argv.includes('--check');
const root = check ? fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'cfnkit-spec-')) : repo;
if (check) {
  fs.mkdirSync(path.join(root, 'spec'), { recursive: true });
  fs.mkdirSync(path.join(root, 'src', 'spec', 'generated'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'spec', 'patches.json'), path.join(root, 'spec', 'patches.json'));
}
const pkgDir = path.dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
const pkgVersion = require(path.join(pkgDir, 'package.json')).version;
const db = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(pkgDir, 'db.json.gz'))).toString('utf8')).schema;
const patches = JSON.parse(fs.readFileSync(path.join(root, 'spec', 'patches.json'), 'utf8'));

const typeDefs = new Map(db.typeDefinition.entities.map((t) => [t.$id, t]));
const resources = [...db.resource.entities].sort((a, b) => cmp(a.cloudFormationType, b.cloudFormationType));

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Compact index
// ---------------------------------------------------------------------------------------------
/** Type code: 's' 'i' 'n' 'b' 'j' (json) 'g' (tag) 'd' (date-time) | {e:[…]} enum string | {l:T} list | {m:T} map | {u:[T]} union | "#name" named type. */
const usedTypes = new Map(); // spec $id -> compact name (unique per resource type)

function typeCode(t, owner) {
  switch (t.type) {
    case 'string':
      return t.allowedValues ? { e: [...t.allowedValues] } : 's';
    case 'integer':
      return 'i';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'json':
      return 'j';
    case 'tag':
      return 'g';
    case 'date-time':
      return 'd';
    case 'null':
      return 'j';
    case 'array':
      return { l: typeCode(t.element, owner) };
    case 'map':
      return { m: typeCode(t.element, owner) };
    case 'union':
      return { u: t.types.map((x) => typeCode(x, owner)) };
    case 'ref':
      return '#' + refName(t.reference.$ref, owner);
    default:
      throw new Error(`unknown spec type kind ${t.type}`);
  }
}

function refName(id, owner) {
  if (!usedTypes.has(id)) {
    const def = typeDefs.get(id);
    if (!def) throw new Error(`dangling type ref ${id}`);
    usedTypes.set(id, `${owner}.${def.name}`);
    compiledTypes.set(`${owner}.${def.name}`, null); // reserve, then fill (recursive types)
    compiledTypes.set(`${owner}.${def.name}`, compileProps(def.properties, owner));
  }
  return usedTypes.get(id);
}

function compileProps(props, owner) {
  const out = {};
  for (const name of Object.keys(props).sort(cmp)) {
    const p = props[name];
    const c = { t: typeCode(p.type, owner) };
    if (p.required) c.r = 1;
    if (p.causesReplacement === 'yes') c.c = 'y';
    if (p.causesReplacement === 'maybe') c.c = 'm';
    if (p.deprecated) c.d = 1;
    if (p.previousTypes && p.previousTypes.length) c.pt = p.previousTypes.map((x) => typeCode(x, owner));
    out[name] = c;
  }
  return out;
}

const compiledTypes = new Map();
const index = { source: `@aws-cdk/aws-service-spec@${pkgVersion}`, resources: {}, types: {} };
for (const r of resources) {
  const type = r.cloudFormationType;
  const entry = { p: compileProps(r.properties, type), a: Object.keys(r.attributes).sort(cmp) };
  if (r.isStateful) entry.s = 1;
  if (r.additionalReplacementProperties) {
    const seen = new Set();
    entry.rp = r.additionalReplacementProperties.filter((p) => !seen.has(p.join('/')) && seen.add(p.join('/')));
  }
  if (r.primaryIdentifier) entry.pi = r.primaryIdentifier;
  index.resources[type] = entry;
}
for (const name of [...compiledTypes.keys()].sort(cmp)) index.types[name] = compiledTypes.get(name);

// Patches: enums the spec lacks, by resource type or property type; then per-resource corrections
// { resources: { Type: { stateful?: bool, attributes?: [..extra], propertyAttributes?: bool, properties?: {Name: partial} } } }.
for (const [owner, props] of Object.entries(patches.enums || {})) {
  const target = owner.includes('.') ? index.types[owner] : index.resources[owner] && index.resources[owner].p;
  if (!target) throw new Error(`spec/patches.json: enum patch for unknown type ${owner}`);
  for (const [prop, values] of Object.entries(props)) {
    if (!target[prop]) throw new Error(`spec/patches.json: ${owner} has no property ${prop}`);
    if (target[prop].t !== 's') throw new Error(`spec/patches.json: ${owner}.${prop} is not a plain string (${JSON.stringify(target[prop].t)})`);
    target[prop].t = { e: values };
  }
}
// { addResources: { Type: {p, a} } }: resource types CloudFormation accepts that the spec lacks.
// { types: { 'Type.PropertyType': { Name: partial } } }: corrections to property types.
// A partial property spec is merged into the property; the property is created when the spec lacks
// it (then `t` is required); a null value deletes a key (`"r": null`: not required).
for (const [type, entry] of Object.entries(patches.addResources || {})) {
  if (index.resources[type]) throw new Error(`spec/patches.json: addResources names existing type ${type}`);
  index.resources[type] = { p: entry.p || {}, a: entry.a || [] };
}
index.resources = Object.fromEntries(Object.entries(index.resources).sort(([a], [b]) => cmp(a, b)));
function patchProps(props, patch, owner) {
  for (const [prop, pp] of Object.entries(patch)) {
    if (prop.startsWith('$')) continue; // "$why": the reason, for readers
    if (!props[prop] && !pp.t) throw new Error(`spec/patches.json: ${owner} has no property ${prop} (give "t" to add it)`);
    const merged = Object.assign(props[prop] || {}, pp);
    for (const k of Object.keys(merged)) if (merged[k] === null) delete merged[k];
    props[prop] = merged;
  }
}
for (const [type, patch] of Object.entries(patches.resources || {})) {
  const entry = index.resources[type];
  if (!entry) throw new Error(`patch for unknown resource type ${type}`);
  if (patch.stateful !== undefined) patch.stateful ? (entry.s = 1) : delete entry.s;
  patchProps(entry.p, patch.properties || {}, type);
  const extra = [...(patch.attributes || []), ...(patch.propertyAttributes ? Object.keys(entry.p) : [])];
  if (extra.length) entry.a = [...new Set([...entry.a, ...extra])].sort(cmp);
  entry.p = Object.fromEntries(Object.entries(entry.p).sort(([a], [b]) => cmp(a, b)));
}
for (const [name, patch] of Object.entries(patches.types || {})) {
  const props = index.types[name];
  if (!props) throw new Error(`spec/patches.json: patch for unknown property type ${name}`);
  patchProps(props, patch, name);
  index.types[name] = Object.fromEntries(Object.entries(props).sort(([a], [b]) => cmp(a, b)));
}

// One file per resource type (AWS::EC2::VPC -> spec/resources/AWS_EC2_VPC.json) with the property types
// named after it, so that lint and diff parse only the types a template uses: a service file of every
// EC2 type (100 KB) was the largest single cost of a one-file lint after start-up (issue 3). Every
// property type is named after its resource type and refers only to that type's property types.
// spec/catalog.json lists every resource type, for listings and "did you mean" suggestions.
const outDir = path.join(root, 'spec', 'resources');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const byResource = new Map(Object.keys(index.resources).map((type) => [type, { resources: { [type]: index.resources[type] }, types: {} }]));
for (const [name, def] of Object.entries(index.types)) {
  const owner = byResource.get(name.slice(0, name.indexOf('.')));
  if (!owner) throw new Error(`property type ${name} has no resource type of its own`);
  owner.types[name] = def;
}
for (const [type, data] of byResource) fs.writeFileSync(path.join(outDir, `${type.replace(/::/g, '_')}.json`), JSON.stringify(data) + '\n');
fs.writeFileSync(
  path.join(root, 'spec', 'catalog.json'),
  JSON.stringify({ source: index.source, resourceTypes: Object.keys(index.resources) }, null, 0) + '\n',
);

// ---------------------------------------------------------------------------------------------
// TypeScript interfaces for the generators' resource types
// ---------------------------------------------------------------------------------------------
const wanted = JSON.parse(fs.readFileSync(path.join(__dirname, 'spec-types.json'), 'utf8')).sort(cmp);
const tsName = (cfnName) => cfnName.replace(/^AWS::/, '').replace(/::/g, '').replace(/\./g, '');
const lines = [
  '// Generated by scripts/build-spec.js from ' + index.source + '. Do not edit by hand: run `npm run spec:gen`.',
  '/* eslint-disable */',
  "import type { Value } from '../../model/intrinsics';",
  '',
];

function tsType(code) {
  if (typeof code === 'string') {
    if (code.startsWith('#')) return tsName(code.slice(1));
    return { s: 'string', i: 'number', n: 'number', b: 'boolean', j: 'unknown', g: 'Tag', d: 'string' }[code];
  }
  if (code.e) return code.e.map((v) => JSON.stringify(v)).join(' | ');
  if (code.l) return `Array<Value<${tsType(code.l)}>>`;
  if (code.m) return `{ [key: string]: Value<${tsType(code.m)}> }`;
  if (code.u) return code.u.map(tsType).join(' | ');
  throw new Error('bad code ' + JSON.stringify(code));
}

function emitInterface(name, props) {
  lines.push(`export interface ${name} {`);
  for (const [prop, p] of Object.entries(props)) {
    if (p.d) lines.push('  /** @deprecated */');
    lines.push(`  readonly ${prop}${p.r ? '' : '?'}: Value<${tsType(p.t)}>;`);
  }
  lines.push('}', '');
}

lines.push('/** A resource tag (`Key` and `Value`). */', 'export interface Tag {', '  readonly Key: Value<string>;', '  readonly Value: Value<string>;', '}', '');
const propsMap = [];
const attrMap = [];
for (const type of wanted) {
  const entry = index.resources[type];
  if (!entry) throw new Error(`scripts/spec-types.json names unknown type ${type}`);
  lines.push(`/** Properties of \`${type}\`. */`);
  emitInterface(`${tsName(type)}Props`, entry.p);
  for (const tname of Object.keys(index.types).filter((n) => n.startsWith(type + '.'))) {
    emitInterface(tsName(tname), index.types[tname]);
  }
  propsMap.push(`  readonly ${JSON.stringify(type)}: ${tsName(type)}Props;`);
  attrMap.push(`  readonly ${JSON.stringify(type)}: ${entry.a.length ? entry.a.map((a) => JSON.stringify(a)).join(' | ') : 'never'};`);
}
lines.push('/** Property interfaces by resource type. */', 'export interface ResourcePropsMap {', ...propsMap, '}', '');
lines.push('/** GetAtt attribute names by resource type. */', 'export interface ResourceAttributeMap {', ...attrMap, '}', '');
fs.writeFileSync(path.join(root, 'src', 'spec', 'generated', 'resources.ts'), lines.join('\n'));

if (check) {
  const rel = ['spec/catalog.json', 'src/spec/generated/resources.ts', ...fs.readdirSync(path.join(root, 'spec', 'resources')).map((f) => `spec/resources/${f}`)];
  const stale = rel.filter((r) => !fs.existsSync(path.join(repo, r)) || fs.readFileSync(path.join(repo, r), 'utf8') !== fs.readFileSync(path.join(root, r), 'utf8'));
  const committed = fs.readdirSync(path.join(repo, 'spec', 'resources')).filter((f) => !fs.existsSync(path.join(root, 'spec', 'resources', f)));
  fs.rmSync(root, { recursive: true, force: true });
  if (stale.length || committed.length) {
    console.error(`spec: stale generated files (run npm run spec:gen): ${[...stale, ...committed.map((f) => 'spec/resources/' + f)].join(', ')}`);
    process.exit(1);
  }
  console.log('spec: generated files are current');
  process.exit(0);
}
console.log(
  `spec: ${Object.keys(index.resources).length} resource types, ${Object.keys(index.types).length} property types ` +
    `from ${index.source}; ${wanted.length} typed for generators`,
);
