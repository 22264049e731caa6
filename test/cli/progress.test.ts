import { stderrProgress } from '../../src/cli/progress';

function capture(isTTY: boolean) {
  let text = '';
  let t = 1000;
  const p = stderrProgress({ write: (s: string) => (text += s) }, isTTY, () => (t += 500));
  return { p, text: () => text };
}

describe('progress', () => {
  it('prints phases and every tenth of the leases as lines when not a terminal', () => {
    const { p, text } = capture(false);
    p.phase('Reading in.xlsx');
    for (let i = 1; i <= 20; i++) p.count(i, 20);
    p.phase('Writing out.xlsx');
    p.done();
    const lines = text().trimEnd().split('\n');
    expect(lines[0]).toBe('Reading in.xlsx');
    expect(lines.filter((l) => l.startsWith('Measuring'))).toEqual(
      [1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20].map((n) => `Measuring leases: ${n}/20`),
    );
    expect(lines.slice(-2)).toEqual(['Writing out.xlsx', 'Done in 0.5 s']);
  });

  it('rewrites one line on a terminal, only when the percentage moves', () => {
    const { p, text } = capture(true);
    for (let i = 1; i <= 1000; i++) p.count(i, 1000);
    p.phase('Building workpapers');
    const writes = text()
      .split('\r')
      .filter((s) => s !== '');
    expect(writes).toHaveLength(101); // 0% (first lease) .. 100%
    expect(writes[writes.length - 1]).toBe('Measuring leases: 1000/1000 (100%)\nBuilding workpapers\n');
  });
});
