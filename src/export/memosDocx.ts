/**
 * The lease memos as a Word document (.docx), built with the `docx` library: a title page line, then per lease a
 * heading with its classification and the memo's sections as headed paragraphs, plain styles an accountant can
 * edit. Pure: returns the bytes; the command line writes them to `--memos FILE.docx`, the pane offers them as
 * "Download memos".
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { LeaseMemo } from '../workpapers/memos';

export interface MemosMeta {
  /** "Lease Workpapers 1.2.3" */
  product: string;
  /** The workbook or file the memos are for. */
  source: string;
  /** The period reported, in words. */
  period: string;
  generatedAt: string;
}

export function memosDocument(memos: readonly LeaseMemo[], meta: MemosMeta): Document {
  const children: Paragraph[] = [
    new Paragraph({ text: 'Lease accounting memos (ASC 842)', heading: HeadingLevel.TITLE }),
    new Paragraph({
      children: [
        new TextRun(
          `Prepared from ${meta.source} for ${meta.period}, ${meta.generatedAt.slice(0, 10)}, by ${meta.product}. ` +
            'Each memo states the facts of the lease, the classification analysis, the measurement at commencement, each modification and the policy elections used.',
        ),
      ],
    }),
  ];
  memos.forEach((m, k) => {
    children.push(
      new Paragraph({
        text: `${m.title} (${m.classification})`,
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: k > 0,
      }),
    );
    for (const s of m.sections) {
      children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
      for (const p of s.paragraphs) {
        children.push(
          new Paragraph({ children: [new TextRun(p)], alignment: AlignmentType.LEFT, spacing: { after: 120 } }),
        );
      }
    }
  });
  return new Document({
    creator: meta.product,
    title: 'Lease accounting memos',
    description: `ASC 842 lease memos for ${meta.period}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children }],
  });
}

/** The .docx bytes of the memos (as an ArrayBuffer: the same in Node and in the browser, no Blob to read back). */
export async function memosDocx(memos: readonly LeaseMemo[], meta: MemosMeta): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(memosDocument(memos, meta)));
}
