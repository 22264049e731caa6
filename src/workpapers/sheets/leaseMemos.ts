/**
 * The Lease Memos sheet: each lease's memo (memos.ts) as text, one paragraph a row, headed by the lease and its
 * classification, so the memo travels with the workbook (the command line's --memos and the pane's "Download memos"
 * write the same memos as a Word document).
 */
import { bold, text } from '../cells';
import type { LeaseMemo } from '../memos';
import { SHEET } from '../names';
import type { PlanCell, SheetPlan } from '../plan';

/** Characters a row holds at the column's width, so a paragraph prints whole. */
const LINE = 150;

/** Splits a paragraph into lines of at most `width` characters at spaces. */
export function wrapLines(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function leaseMemosSheet(memos: readonly LeaseMemo[], heading: string): SheetPlan {
  const rows: (PlanCell | null)[][] = [[bold('Lease memos')], [text(heading)], []];
  for (const m of memos) {
    rows.push([bold(`${m.title} (${m.classification})`)]);
    for (const s of m.sections) {
      rows.push([bold(s.heading)]);
      for (const p of s.paragraphs) {
        for (const line of wrapLines(p, LINE)) rows.push([text(line)]);
        rows.push([]);
      }
    }
    rows.push([]);
  }
  return { name: SHEET.leaseMemos, rows, columnWidths: [LINE + 8], tabColor: '#806000' };
}
