import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

describe('cfnkit gen: bad input', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cfnkit-gen-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['unknown pattern', ['gen', 'blue-grean'], /unknown pattern "blue-grean" \(accepted: blue-green, data-tier/],
    ['unknown option', ['gen', 'blue-green', '--bluew-weight', '5'], /unknown option --bluew-weight/],
    ['weight above 255', ['gen', 'blue-green', '--blue-weight', '300'], /--blue-weight: "300" is not an integer from 0 to 255/],
    ['negative weight', ['gen', 'blue-green', '--green-weight', '-1'], /--green-weight: "-1" is not an integer from 0 to 255/],
    ['weight not a number', ['gen', 'blue-green', '--blue-weight', 'abc'], /--blue-weight: "abc" is not an integer/],
    ['both weights 0', ['gen', 'blue-green', '--blue-weight', '0', '--green-weight', '0'], /--blue-weight: cannot be 0 when --green-weight is also 0/],
    ['malformed CIDR', ['gen', 'nacl-baseline', '--vpc-cidr', '10.0.0/16'], /--vpc-cidr: "10.0.0\/16" is not an IPv4 CIDR block/],
    ['CIDR with host bits', ['gen', 'nacl-baseline', '--vpc-cidr', '10.0.0.1/16'], /--vpc-cidr: .*host bits/],
    ['bad format', ['gen', 'data-tier', '--format', 'xml'], /format.*"xml"/],
    ['split without --out', ['gen', 'blue-green', '--split'], /give --out DIR/],
    ['no pattern', ['gen'], /name a pattern/],
  ])('%s: one line on stderr, exit 1, nothing on stdout', async (_name, args, message) => {
    const run = await runCli(args, dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unwritable --out leaves no file behind', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    const run = await runCli(['gen', 'blue-green', '--split', '--out', join(blocker, 'sub')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/cannot write to --out .*file\/sub/);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('--out writes every stack of a split, and only those', async () => {
    const run = await runCli(['gen', 'blue-green', '--split', '--format', 'json', '--out', join(dir, 'stacks')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readdirSync(join(dir, 'stacks')).sort()).toEqual(['blue.json', 'dns.json', 'green.json']);
  });

  it('--list names every pattern with a description', async () => {
    const run = await runCli(['gen', '--list']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual([
      'blue-green',
      'data-tier',
      'cloudfront-elb',
      'nacl-baseline',
      'ttl-archive',
      'beanstalk-blue-green',
    ]);
  });
});
