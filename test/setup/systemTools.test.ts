import { spawnSync } from 'child_process';
import * as path from 'path';

const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'system-tools.js');

describe('the system tools the tests need', () => {
  test('are all present when the suite runs (installed by the global set-up if they were not)', () => {
    const r = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    expect(r.stdout).toContain('All system tools the tests need are installed.');
    expect(r.status).toBe(0);
  });

  test('when missing and not installed, the check stops with the exact apt-get command for each one', () => {
    // A PATH with nothing on it: no tool can be found.
    const r = spawnSync(process.execPath, [SCRIPT], {
      encoding: 'utf8',
      env: { PATH: path.join(__dirname, 'no-such-dir') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /The tests need LibreOffice Calc, LibreOffice Writer, Chromium, xmllint, pdftoppm, DejaVu fonts/,
    );
    expect(r.stderr).toMatch(
      /apt-get install -y --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui chromium libxml2-utils poppler-utils fonts-dejavu-core/,
    );
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
