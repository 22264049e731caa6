/** @jest-environment jsdom */
/**
 * "Download memos" after a Generate: the lease memos Word document of the run's leases, saved by the browser as
 * "Lease memos <period>.docx" through a Blob URL and a temporary download link; refused once the inputs changed.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { readZip } from '../../src/xlsx/zip';
import { hostOf, PWC_4_4, renderPane, workbook } from './support';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Saved {
  blobs: Blob[];
  clicked: { download: string; href: string }[];
  revoked: string[];
}

function stubDownloads(): Saved {
  const saved: Saved = { blobs: [], clicked: [], revoked: [] };
  Object.assign(URL, {
    createObjectURL: (b: Blob) => {
      saved.blobs.push(b);
      return `blob:memos-${saved.blobs.length}`;
    },
    revokeObjectURL: (u: string) => saved.revoked.push(u),
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' });
  });
  return saved;
}

function blobBytes(blob: Blob): Promise<Buffer> {
  return new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(Buffer.from(reader.result as ArrayBuffer));
    reader.onerror = () => fail(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** The document's visible text: the runs of word/document.xml, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) =>
    (p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''),
  );
}

afterEach(() => jest.restoreAllMocks());

async function generated(excel: Awaited<ReturnType<typeof workbook>>): Promise<void> {
  renderPane(hostOf(excel), 'generate');
  fireEvent.click(screen.getByRole('button', { name: 'Generate workpapers' }));
  await screen.findByRole('heading', { name: 'Workpapers written' }, { timeout: 20000 });
}

describe('Download memos', () => {
  test('is offered only once a Generate has written the workpapers', async () => {
    const excel = await workbook({ leases: [PWC_4_4] });
    renderPane(hostOf(excel), 'generate');
    expect(screen.queryByRole('button', { name: 'Download memos' })).toBeNull();
  });

  test('after a Generate of PwC Example 4-4, saves the memos .docx naming the lease and its classification', async () => {
    const saved = stubDownloads();
    const excel = await workbook({ leases: [PWC_4_4], policies: { 'Reporting Date': '2025-01-31' } });
    await generated(excel);

    fireEvent.click(screen.getByRole('button', { name: 'Download memos' }));
    await screen.findByText('Downloaded Lease memos January 2025.docx', undefined, { timeout: 20000 });

    expect(saved.blobs).toHaveLength(1);
    expect(saved.blobs[0].type).toBe(DOCX);
    expect(saved.clicked).toEqual([{ download: 'Lease memos January 2025.docx', href: 'blob:memos-1' }]);
    expect(saved.revoked).toEqual(['blob:memos-1']);
    // The temporary link is gone once clicked.
    expect(document.querySelector('a[download]')).toBeNull();

    const parts = readZip(await blobBytes(saved.blobs[0]));
    const text = paragraphs(parts.get('word/document.xml')!.toString('utf8'));
    // PwC Example 4-4 is an operating lease (CONTRACT section 5): the memo's heading says so.
    expect(text).toContain('Lease CAR-1: Automobile (Operating)');
    expect(text.some((p) => p.includes('January 2025'))).toBe(true);
    expect(text.some((p) => /\b36 months\b/.test(p))).toBe(true);
  });

  test('after an edit of the inputs, downloads nothing and asks for Generate again', async () => {
    const saved = stubDownloads();
    const excel = await workbook({ leases: [PWC_4_4] });
    await generated(excel);
    const leases = excel.model.tables.find((t) => t.name === 'Leases')!;
    act(() => excel.type('Leases', `B${leases.rect.r0 + 2}`, 'A different description'));

    fireEvent.click(screen.getByRole('button', { name: 'Download memos' }));
    await screen.findByText(/The inputs changed since this Generate/, undefined, { timeout: 20000 });
    expect(saved.blobs).toHaveLength(0);
    expect(saved.clicked).toHaveLength(0);
  });
});
