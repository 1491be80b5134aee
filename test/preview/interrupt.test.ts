/**
 * Real signals: a preview in a child process (jest's sandbox cannot receive them) gets SIGINT or
 * SIGTERM while it waits for its change set, and still deletes the change set and the empty stack it
 * made, never executing anything, then exits 130.
 */
import { spawnTs } from './child';

describe('preview interrupted by a signal (child process, recorded responses)', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('%s while waiting: change set and new stack deleted, exit 130', async (signal) => {
    const child = spawnTs('test/preview/interrupt-child.ts');
    await child.waitFor('waiting');
    child.process.kill(signal);
    expect(await child.exited()).toBe(130);
    const lines = child.stdout().trim().split('\n');
    expect(lines).toContain(`signal ${signal}`);
    const result = JSON.parse(lines[lines.length - 1]) as { code: string; cleanupProblems: string[]; operations: string[] };
    expect(result.code).toBe('interrupted');
    expect(result.cleanupProblems).toEqual([]);
    expect(result.operations).not.toContain('ExecuteChangeSet');
    expect(result.operations.slice(-2)).toEqual(['DeleteChangeSet', 'DeleteStack']);
    expect(child.stderr()).toBe('');
  });
});
