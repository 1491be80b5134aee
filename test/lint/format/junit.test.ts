import { SaxesParser } from 'saxes';
import { formatJunit } from '../../../src/lint/format';
import { CLEAN, CWD, finding, INPUT } from '../../fixtures/format/findings';

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

/** Parses with saxes, a conformant XML 1.0 parser: it throws on anything not well-formed. */
function parse(xml: string): Element {
  const parser = new SaxesParser();
  const root: Element = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: Element[] = [root];
  parser.on('opentag', (tag) => {
    const el: Element = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('text', (t) => void (stack[stack.length - 1]!.text += t));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
  return root.children[0]!;
}

const render = (input = INPUT) => formatJunit(input, { color: false, cwd: CWD });

describe('junit', () => {
  it('is well-formed XML with a suite per file checked and a case per rule that fired', () => {
    const doc = parse(render());
    expect(doc.name).toBe('testsuites');
    expect(doc.attributes).toMatchObject({ name: 'cfnkit', tests: '6', failures: '5', errors: '0' });
    expect(doc.children.map((s) => [s.attributes.name, s.children.map((c) => c.attributes.name)])).toEqual([
      ['clean.yaml', ['no problems']],
      ['network.json', ['description-length']],
      ['stacks/my stack,v2.yaml', ['internal-error', 'parse-syntax']],
      ['templates/app.yaml', ['bucket-encryption', 'parse-duplicate-key']],
    ]);
    for (const suite of doc.children) {
      const failing = suite.children.filter((c) => c.children.some((f) => f.name === 'failure'));
      expect(suite.attributes.tests).toBe(String(suite.children.length));
      expect(suite.attributes.failures).toBe(String(failing.length));
    }
  });

  it('gives a clean file one passing test case', () => {
    const doc = parse(render(CLEAN));
    expect(doc.attributes).toMatchObject({ tests: '2', failures: '0' });
    for (const suite of doc.children) expect(suite.children).toEqual([expect.objectContaining({ name: 'testcase', children: [] })]);
  });

  it('puts every finding of a rule in its failure, typed by the worst severity', () => {
    const suite = parse(render()).children[3]!;
    const failure = suite.children[0]!.children[0]!;
    expect(failure.attributes.type).toBe('warning');
    expect(failure.attributes.message).toBe('12:5 Bucket "Logs" has no BucketEncryption | use SSE-S3 or SSE-KMS (and 1 more finding)');
    expect(failure.text.split('\n')).toEqual([
      'templates/app.yaml:12:5: warning bucket-encryption Bucket "Logs" has no BucketEncryption | use SSE-S3 or SSE-KMS',
      'templates/app.yaml:20:5: warning bucket-encryption Bucket "Data" has no BucketEncryption | use SSE-S3 or SSE-KMS',
    ]);
  });

  it('escapes markup, quotes, newlines and XML-forbidden control characters', () => {
    const message = 'a <b> & "c" \'d\' ]]> e\r\nf\tg \u0000\u0001\u001b\u000b\u000c h \uFFFE\uFFFF \uD800 i 😀';
    const file = `${CWD}/dir & <x>/"q".yaml`;
    const xml = render({ ...INPUT, findings: [finding({ file, ruleId: 'parse-syntax', message, line: 1 })], files: [] });
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
    const suite = parse(xml).children[0]!;
    expect(suite.attributes.name).toBe('dir & <x>/"q".yaml');
    const failure = suite.children[0]!.children[0]!;
    const expected = 'a <b> & "c" \'d\' ]]> e\r\nf\tg \\x00\\x01\\x1b\\x0b\\x0c h \uFFFD\uFFFD \uFFFD i 😀';
    expect(failure.attributes.message).toBe(`1:1 ${expected}`);
    expect(failure.text).toBe(`dir & <x>/"q".yaml:1:1: error parse-syntax ${expected}`);
  });

  it('renders an empty run', () => {
    expect(parse(render({ ...CLEAN, files: [] })).attributes).toMatchObject({ tests: '0', failures: '0' });
  });
});
