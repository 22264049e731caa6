/**
 * Writing output files so that a failure leaves no half-written file: write beside the target under a temporary
 * name, then rename over it (a rename within one directory is atomic).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A temporary path in the target's directory that keeps the target's extension (some writers look at it). */
export function temporaryPathFor(target: string): string {
  const base = basename(target);
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot) : '';
  return join(dirname(target), `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp${ext}`);
}

/**
 * Runs `write(tempPath)`, then renames the result onto `target`; on any failure removes the temporary file. The
 * target's folder is created first when it does not exist (`--out out/workpapers.xlsx` on a fresh clone).
 */
export async function writeAtomically(
  target: string,
  write: (tempPath: string) => Promise<void> | void,
): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = temporaryPathFor(target);
  try {
    await write(tmp);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

export async function writeTextAtomically(target: string, text: string): Promise<void> {
  await writeAtomically(target, (tmp) => writeFileSync(tmp, text, 'utf8'));
}
