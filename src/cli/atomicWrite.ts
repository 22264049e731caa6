/**
 * Writing output files so that a failure leaves nothing half-written: every output is first written beside its
 * target under a temporary name; only when all of them are complete are they renamed over their targets (a rename
 * within one folder is atomic). On an error, and on SIGINT or SIGTERM, the temporary files are removed.
 */
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A temporary path in the target's directory that keeps the target's extension (some writers look at it). */
export function temporaryPathFor(target: string): string {
  const base = basename(target);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot) : '';
  return join(dirname(target), `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp${ext}`);
}

/** Temporary files written and not yet renamed or removed, in this process. */
const live = new Set<string>();
/** Set when SIGINT or SIGTERM arrived: nothing may be put in place any more. */
let stopping = false;

function remove(tmp: string): void {
  live.delete(tmp);
  try {
    rmSync(tmp, { force: true });
  } catch {
    // Best effort: a temporary file that could not be created (a name too long) cannot be removed either, and the
    // failure that brought us here is the one to report.
  }
}

/** A failure to write an output file, in plain words (the cause is kept). */
export class WriteError extends Error {
  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    super(`cannot write ${target}: ${writeProblem(cause)}`, { cause });
    this.name = 'WriteError';
    Object.setPrototypeOf(this, WriteError.prototype);
  }
}

/** What went wrong, from a system error code. */
export function writeProblem(e: unknown): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'its folder does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENAMETOOLONG':
      return 'its name is too long for the file system';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return code ? `the system refused it (${code})` : 'the write did not complete';
  }
}

/**
 * Outputs of one run, staged to temporary files and put in place together: `stage` writes each one completely,
 * `commit` renames them all, `discard` removes whatever was staged.
 */
export class StagedOutputs {
  private readonly staged: { tmp: string; target: string }[] = [];

  /**
   * Writes an output to a temporary file beside `target`; a failure removes it and throws WriteError. The target's
   * folder is created first when it does not exist (`--out out/workpapers.xlsx` on a fresh clone).
   */
  async stage(target: string, write: (tempPath: string) => Promise<void> | void): Promise<void> {
    if (stopping) throw new Error('stopped by a signal');
    const tmp = temporaryPathFor(target);
    live.add(tmp);
    try {
      mkdirSync(dirname(target), { recursive: true });
      await write(tmp);
    } catch (e) {
      remove(tmp);
      if (isSystemError(e)) throw new WriteError(target, e);
      throw e;
    }
    this.staged.push({ tmp, target });
  }

  stageText(target: string, text: string): Promise<void> {
    return this.stage(target, (tmp) => writeFileSync(tmp, text, 'utf8'));
  }

  /** Stages text given piece by piece (never one string: an export can pass JavaScript's string limit). */
  stageChunks(target: string, chunks: Iterable<string>): Promise<void> {
    return this.stage(target, (tmp) => writeChunks(tmp, chunks));
  }

  /** Renames every staged file onto its target. */
  commit(): void {
    if (stopping) {
      this.discard();
      throw new Error('stopped by a signal');
    }
    try {
      for (const s of this.staged) {
        renameSync(s.tmp, s.target);
        live.delete(s.tmp);
      }
    } catch (e) {
      const at = this.staged.find((s) => live.has(s.tmp));
      this.discard();
      throw new WriteError(at?.target ?? 'the output', e);
    }
    this.staged.length = 0;
  }

  /** Removes every staged file that was not put in place. */
  discard(): void {
    for (const s of this.staged) if (live.has(s.tmp)) remove(s.tmp);
    this.staged.length = 0;
  }
}

function isSystemError(e: unknown): boolean {
  return (
    typeof (e as { code?: unknown } | null)?.code === 'string' &&
    typeof (e as { syscall?: unknown }).syscall === 'string'
  );
}

/** Runs `write(tempPath)`, then renames the result onto `target`; on any failure removes the temporary file. */
export async function writeAtomically(
  target: string,
  write: (tempPath: string) => Promise<void> | void,
): Promise<void> {
  const outputs = new StagedOutputs();
  await outputs.stage(target, write);
  outputs.commit();
}

export async function writeTextAtomically(target: string, text: string): Promise<void> {
  await writeAtomically(target, (tmp) => writeFileSync(tmp, text, 'utf8'));
}

/** Writes text given piece by piece (never one string: an export can pass JavaScript's string limit), atomically. */
export async function writeChunksAtomically(target: string, chunks: Iterable<string>): Promise<void> {
  await writeAtomically(target, (tmp) => writeChunks(tmp, chunks));
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8', fd: openSync(path, 'w') });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  try {
    for (const chunk of chunks) {
      if (!out.write(chunk)) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
    }
  } finally {
    await Promise.race([new Promise<void>((r) => out.end(() => r())), failed]);
  }
}

/** Removes every temporary file this process has not yet put in place (after an unexpected error). */
export function removeTemporaryFiles(): void {
  for (const tmp of [...live]) remove(tmp);
}

/**
 * While a run writes, SIGINT and SIGTERM remove the temporary files and then end the process by that same signal
 * (so the shell sees an interrupted command, not an exit code). Returns the function that uninstalls the handlers.
 */
export function removeTemporaryFilesOnSignals(say: (line: string) => void): () => void {
  const handler = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const tmp of live) rmSync(tmp, { force: true });
    say(`lease-workpapers: stopped by ${signal}; no output was written or replaced`);
    uninstall();
    // A temporary file whose opening was already under way appears a moment later: sweep again before ending.
    let sweeps = 0;
    const sweep = () => {
      for (const tmp of live) rmSync(tmp, { force: true });
      if (++sweeps < 5) setTimeout(sweep, 20);
      else {
        removeTemporaryFiles();
        process.kill(process.pid, signal);
      }
    };
    sweep();
  };
  const uninstall = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return uninstall;
}

/** The same file (a path to it, a link to it), when both exist. */
export function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  try {
    if (realpathSync(a) === realpathSync(b)) return true;
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
