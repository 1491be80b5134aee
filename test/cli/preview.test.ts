/**
 * `cfnkit preview` mistakes that never reach a change set: usage errors, unreadable or unparsable
 * templates, and an AWS environment without credentials or region. One line each, exit 1, no stack
 * trace. (The AWS workflow itself is tested in test/preview/.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'cfnkit-preview-cli-'));
const template = join(dir, 'template.json');
writeFileSync(template, JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue' } } }));
const broken = join(dir, 'broken.yaml');
writeFileSync(broken, 'Resources:\n  Q:\n    Type: !Ref\n  - x\n');

/** An AWS environment with nothing configured: no credentials, no region, no config files, no IMDS. */
const EMPTY_AWS_ENV = {
  AWS_CONFIG_FILE: join(dir, 'no-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
const UNSET = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_WEB_IDENTITY_TOKEN_FILE'];

const run = (args: string[]) => runCli(args, undefined, { ...Object.fromEntries(UNSET.map((k) => [k, undefined])), ...EMPTY_AWS_ENV });

const cases: Array<[string, string[], RegExp]> = [
  ['no --stack-name', ['preview', template], /^cfnkit: Missing required argument: stack-name\n$/],
  ['missing template', ['preview', join(dir, 'nope.json'), '--stack-name', 's'], /^cfnkit preview: cannot read .*nope\.json: no such file\n$/],
  ['unparsable template', ['preview', broken, '--stack-name', 's'], /^cfnkit preview: .*broken\.yaml:\d+:\d+: .+\n$/],
  ['bad --timeout', ['preview', template, '--stack-name', 's', '--timeout', '0'], /^cfnkit preview: --timeout takes a number of seconds above 0\n$/],
  ['bad --tags', ['preview', template, '--stack-name', 's', '--tags', 'team'], /^cfnkit preview: --tags takes Key=Value, not "team"\n$/],
  ['bad --capabilities', ['preview', template, '--stack-name', 's', '--capabilities', 'CAPABILITY_ALL'], /^cfnkit: .*Invalid values/],
  ['no region', ['preview', template, '--stack-name', 's'], /^cfnkit preview: no AWS region: pass --region or set AWS_REGION\n$/],
  ['no credentials', ['preview', template, '--stack-name', 's', '--region', 'us-east-1'], /^cfnkit preview: no AWS credentials found while describing stack s: set AWS_PROFILE or pass --profile/],
];

describe('cfnkit preview: mistakes before any change set', () => {
  test.each(cases)('%s: one line, exit 1', async (_, args, stderr) => {
    const result = await run(args);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(stderr);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
