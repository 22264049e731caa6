import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const validator = path.join(ROOT, 'schemas', 'office-manifest', 'validate.sh');

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  test('validates offline against the Office manifest schemas', () => {
    const r = spawnSync('bash', [validator, path.join(ROOT, 'manifest.xml')], { encoding: 'utf8' });
    expect(r.stderr + r.stdout).toMatch(/OK: .*manifest.xml is valid/);
    expect(r.status).toBe(0);
  });

  test('an Excel task-pane add-in on the Home tab, read/write, ExcelApi 1.8', () => {
    expect(manifest).toMatch(/<OfficeApp[^>]*xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/Id>/);
    expect([...manifest.matchAll(/<Host Name="([^"]+)"\/>/g)].map((m) => m[1])).toEqual(['Workbook']);
    expect(manifest).toContain('<Host xsi:type="Workbook">');
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(manifest).toContain('xsi:type="VersionOverridesV1_0"');
  });

  test('every resid names a resource; control and group ids are unique; URLs are https on localhost:3000', () => {
    const defined = [...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(defined).size).toBe(defined.length);
    const used = [...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined).toContain(id);
    const ids = [...manifest.matchAll(/<(?:Group|Control)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000\//);
  });

  test('each icon exists in assets/ at the size the manifest gives it', () => {
    const images = [...manifest.matchAll(/<bt:Image id="([^"]+)" DefaultValue="https:\/\/localhost:3000\/([^"]+)"/g)];
    expect(images.length).toBe(3);
    for (const [, id, rel] of images) {
      const size = Number(/(\d+)$/.exec(id)?.[1]);
      expect(pngSize(path.join(ROOT, rel))).toEqual({ width: size, height: size });
    }
    const icon = /<IconUrl DefaultValue="https:\/\/localhost:3000\/([^"]+)"/.exec(manifest)![1];
    const hiRes = /<HighResolutionIconUrl DefaultValue="https:\/\/localhost:3000\/([^"]+)"/.exec(manifest)![1];
    expect(pngSize(path.join(ROOT, icon))).toEqual({ width: 32, height: 32 });
    expect(pngSize(path.join(ROOT, hiRes))).toEqual({ width: 64, height: 64 });
  });
});
