/** The pattern registry, in `cfnkit gen --list` order. */
import { beanstalkBlueGreenPattern } from './beanstalk-blue-green';
import { blueGreenPattern } from './blue-green';
import { cloudfrontElbPattern } from './cloudfront-elb';
import { dataTierPattern } from './data-tier';
import { naclBaselinePattern } from './nacl-baseline';
import type { Pattern } from './pattern';
import { ttlArchivePattern } from './ttl-archive';

/** Every pattern `cfnkit gen` knows. */
export const PATTERNS: ReadonlyArray<Pattern<object>> = [
  blueGreenPattern,
  dataTierPattern,
  cloudfrontElbPattern,
  naclBaselinePattern,
  ttlArchivePattern,
  beanstalkBlueGreenPattern,
];

/** The pattern called `name`, or undefined. */
export function findPattern(name: string): Pattern<Record<string, unknown>> | undefined {
  return PATTERNS.find((p) => p.name === name) as Pattern<Record<string, unknown>> | undefined;
}
