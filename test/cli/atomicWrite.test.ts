import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporaryPathFor, writeAtomically, writeTextAtomically } from '../../src/cli/atomicWrite';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lw-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('writes beside the target under a hidden name that keeps the extension', () => {
    const t = temporaryPathFor(join(dir, 'out.xlsx'));
    expect(t.startsWith(join(dir, '.out.xlsx.'))).toBe(true);
    expect(t.endsWith('.xlsx')).toBe(true);
    expect(temporaryPathFor(join(dir, 'out.xlsx'))).not.toBe(t);
  });

  it('creates the target folder when it does not exist yet', async () => {
    const target = join(dir, 'out', 'nested', 'workpapers.json');
    await writeTextAtomically(target, '{}');
    expect(readFileSync(target, 'utf8')).toBe('{}');
  });

  it('replaces the target only when the write succeeds', async () => {
    const target = join(dir, 'out.json');
    await writeTextAtomically(target, 'first');
    expect(readFileSync(target, 'utf8')).toBe('first');
    await expect(
      writeAtomically(target, (tmp) => {
        writeFileSync(tmp, 'half a fi');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['out.json']); // no temporary file left behind
  });

  it('leaves no file at all when the first write fails', async () => {
    const target = join(dir, 'new.xlsx');
    await expect(
      writeAtomically(target, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
