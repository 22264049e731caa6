/** The command line's main() called in this process, with standard output and error captured. */
import { main } from '../../src/cli/main';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[]): Promise<CliResult> {
  const captured = { stdout: '', stderr: '' };
  const code = await main(argv, {
    stdout: { write: (s: string) => (captured.stdout += s) },
    stderr: { write: (s: string) => (captured.stderr += s), isTTY: false },
    now: () => new Date('2026-01-01T00:00:00Z'),
    signals: false,
  });
  return { code, ...captured };
}

/** Standard output and error for main() that keep nothing, on a fixed day of the run. */
export function quietIo(now = '2026-01-15T12:00:00Z'): {
  stdout: { write: () => boolean };
  stderr: { write: () => boolean };
  now: () => Date;
} {
  return { stdout: { write: () => true }, stderr: { write: () => true }, now: () => new Date(now) };
}

export { ALLOWED_STDERR_LINE, leaksInternals } from '../../bench/fuzz/contract';
