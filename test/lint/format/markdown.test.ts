import MarkdownIt from 'markdown-it';
import { escapeMarkdown, formatMarkdown, MARKDOWN_COLLAPSE_ABOVE, MARKDOWN_MARKER, MARKDOWN_MAX_ROWS } from '../../../src/lint/format';
import { CLEAN, CWD, finding, INPUT, many } from '../../fixtures/format/findings';

const md = new MarkdownIt({ html: true });
const render = (input = INPUT) => formatMarkdown(input, { color: false, cwd: CWD });

/** The text of each cell of each body row of the tables in `html`, tags stripped and entities decoded. */
function cells(html: string): string[][] {
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).filter((r) => r.includes('<td'));
  return rows.map((row) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => decode(m[1]!)));
}

function decode(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<(?!\/?(?:code|a|em|strong|del)\b)[^>]*>/g, '')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('markdown', () => {
  it('starts with the marker and a title with the counts', () => {
    const out = render();
    expect(out.startsWith(`${MARKDOWN_MARKER}\n## cfnkit lint: 3 errors, 2 warnings, 1 info in 3 files (4 files checked)\n`)).toBe(true);
  });

  it('says "No problems found" when clean', () => {
    expect(render(CLEAN)).toContain('No problems found in 2 files.');
    expect(md.render(render(CLEAN))).not.toContain('<table>');
  });

  it('renders one four-column table per file, rules linked to their docs pages', () => {
    const html = md.render(render());
    expect(html.match(/<table>/g)).toHaveLength(3);
    const rows = cells(html);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    expect(rows[4]).toEqual([
      '⚠️',
      '12',
      '<a href="https://github.com/cfnkit/cfnkit/blob/main/docs/rules/bucket-encryption.md">bucket-encryption</a>',
      'Bucket "Logs" has no BucketEncryption | use SSE-S3 or SSE-KMS',
    ]);
    expect(rows[1]![2]).toBe('internal-error');
  });

  it('shows messages verbatim, whatever Markdown or HTML they contain', () => {
    const messages = [
      'a | b || c',
      '<script>alert(1)</script> & &amp; <b>bold</b>',
      '*not em* _not em_ **not strong** ~~not del~~ `not code`',
      '[not a link](https://example.com) ![not an image](x.png)',
      '${AWS::Region} and $x$ math',
      'back\\slash \\| and \\*',
      'line one\nline two\r\n  indented',
      'control \u0007 and \u001b[31m',
    ];
    const input = { ...INPUT, findings: messages.map((message, i) => finding({ file: `${CWD}/a.yaml`, ruleId: 'unknown', message, line: i + 1 })), files: [] };
    const rows = cells(md.render(render(input)));
    expect(rows.map((r) => r.length)).toEqual(messages.map(() => 4));
    expect(rows.map((r) => r[3])).toEqual([
      'a | b || c',
      '<script>alert(1)</script> & &amp; <b>bold</b>',
      '*not em* _not em_ **not strong** ~~not del~~ `not code`',
      '[not a link](https://example.com) ![not an image](x.png)',
      '${AWS::Region} and $x$ math',
      'back\\slash \\| and \\*',
      'line one\nline two\n  indented',
      'control \\x07 and \\x1b[31m',
    ]);
  });

  it('escapes for table cells', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('<x> & y')).toBe('&lt;x&gt; &amp; y');
    expect(escapeMarkdown('${A}')).toBe('\\${A}');
    expect(escapeMarkdown('a\n  b')).toBe('a<br>&nbsp;&nbsp;b');
  });

  it('shows file names with spaces, commas, pipes and backticks', () => {
    const file = `${CWD}/my stack, v2|`+'`x`.yaml';
    const out = render({ ...INPUT, findings: [finding({ file, ruleId: 'parse-syntax', line: 1 })], files: [] });
    expect(out).toContain('### ``my stack, v2|`x`.yaml``');
    expect(md.render(out)).toContain('<h3><code>my stack, v2|`x`.yaml</code></h3>');
  });

  it(`folds a file with more than ${MARKDOWN_COLLAPSE_ABOVE} findings into <details>`, () => {
    expect(render(many(MARKDOWN_COLLAPSE_ABOVE))).not.toContain('<details>');
    const out = render(many(MARKDOWN_COLLAPSE_ABOVE + 1));
    expect(out).toContain('<details>\n<summary><code>big.yaml</code>: 11 findings</summary>\n\n| |');
    expect(cells(md.render(out))).toHaveLength(MARKDOWN_COLLAPSE_ABOVE + 1);
  });

  it(`lists at most ${MARKDOWN_MAX_ROWS} rows and counts the rest`, () => {
    const out = render(many(MARKDOWN_MAX_ROWS + 7));
    expect(cells(md.render(out))).toHaveLength(MARKDOWN_MAX_ROWS);
    expect(out).toContain('… and 7 more findings not shown here.');
    expect(out.length).toBeLessThan(65536);
  });
});
