/** The product version, from the package.json next to the code (src/cli in tests, dist/src/cli when built). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | null = null;

export function productVersion(): string {
  if (cached !== null) return cached;
  let dir = __dirname;
  for (;;) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'lease-workpapers' && pkg.version) return (cached = pkg.version);
    }
    const up = dirname(dir);
    if (up === dir) return (cached = '0.0.0-unknown');
    dir = up;
  }
}
