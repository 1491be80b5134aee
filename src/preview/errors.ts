/**
 * Preview failures as typed errors with a code and the cause attached; the CLI prints the message as
 * one line. `fromAwsError` turns SDK errors (no credentials, no region, access denied, throttling after
 * the SDK's retries, template validation) into readable ones.
 */

/** Codes of preview failures. */
export type PreviewErrorCode =
  | 'no-credentials'
  | 'no-region'
  | 'access-denied'
  | 'throttled'
  | 'invalid-template'
  | 'insufficient-capabilities'
  | 'template-too-large'
  | 'stack-busy'
  | 'stack-unusable'
  | 'change-set-failed'
  | 'timeout'
  | 'interrupted'
  | 'network'
  | 'aws-error';

/** A preview that could not complete. `cleanupProblems` lists anything cleanup could not delete. */
export class PreviewError extends Error {
  /** Filled by the workflow after cleanup: what is left behind, and how to delete it. */
  cleanupProblems: readonly string[] = [];

  constructor(
    readonly code: PreviewErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PreviewError';
  }
}

/** The AWS error code of an SDK error (its `name`), or undefined for non-AWS errors. */
export function awsErrorName(e: unknown): string | undefined {
  return e instanceof Error || (typeof e === 'object' && e !== null) ? ((e as { name?: string }).name ?? undefined) : undefined;
}

function messageOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text
    .replace(/^AWS SDK error wrapper for \w*:\s*/, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** A socket-level error code (ECONNREFUSED, ENOTFOUND, …) on `e` or its causes, or in its message. */
function networkCode(e: unknown): string | undefined {
  for (let x = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
  }
  return /\b(ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH)\b/.exec(e instanceof Error ? e.message : String(e))?.[1];
}

/** A readable {@link PreviewError} for an error thrown by an AWS call made while `doing` something. */
export function fromAwsError(e: unknown, doing: string): PreviewError {
  if (e instanceof PreviewError) return e;
  const name = awsErrorName(e) ?? '';
  const message = messageOf(e);
  const code = networkCode(e);
  const wrap = (c: PreviewErrorCode, text: string) => new PreviewError(c, text, { cause: e });
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return wrap('no-credentials', `no AWS credentials found while ${doing}: set AWS_PROFILE or pass --profile, or configure credentials (${message})`);
  }
  if (/region is missing/i.test(message)) return wrap('no-region', `no AWS region: pass --region or set AWS_REGION`);
  if (/^(AccessDenied|AccessDeniedException|UnauthorizedOperation|ExpiredToken|ExpiredTokenException|InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClientException)$/.test(name)) {
    return wrap('access-denied', `access denied while ${doing}: ${name}: ${message}`);
  }
  if (/^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded)$/.test(name)) {
    return wrap('throttled', `AWS throttled the requests while ${doing} and the SDK's retries ran out: ${message}`);
  }
  if (name === 'InsufficientCapabilitiesException') {
    return wrap('insufficient-capabilities', `the template needs --capabilities: ${message}`);
  }
  if (name === 'ValidationError') return wrap('invalid-template', `CloudFormation rejected the request while ${doing}: ${message}`);
  if (code !== undefined || name === 'TimeoutError') {
    return wrap('network', `cannot reach CloudFormation while ${doing}: ${message}`);
  }
  return wrap('aws-error', `AWS error while ${doing}: ${name ? `${name}: ` : ''}${message}`);
}
