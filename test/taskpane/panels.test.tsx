/** @jest-environment jsdom */
/**
 * The task pane's panels over an in-memory workbook: each panel's states, results that outlive a tab switch
 * (a running Generate included), a result marked out of date after an edit, the summary after Generate.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CancelledError } from '../../src/office/workpaperWriter';
import { computeInline, type ComputeWorkpapers } from '../../src/taskpane/compute';
import { buildWorkpapers, SHEET } from '../../src/workpapers';
import { formatAddress } from '../../src/office/memoryExcel';
import { hostOf, PWC_4_4, renderPane, workbook } from './support';

const tab = (name: string): HTMLElement => screen.getByRole('tab', { name });

describe('the pane opens on the tab that fits the workbook', () => {
  test('no input tables: Template', async () => {
    const excel = await workbook();
    renderPane(hostOf(excel));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(tab('Template').getAttribute('aria-selected')).toBe('true');
  });

  test('input tables: Validate', async () => {
    const excel = await workbook({ leases: [PWC_4_4] });
    renderPane(hostOf(excel));
    await waitFor(() => expect(tab('Validate').getAttribute('aria-selected')).toBe('true'));
  });
});

describe('Template', () => {
  test('creates the tables and still shows what it did after a tab switch', async () => {
    const excel = await workbook();
    renderPane(hostOf(excel), 'template');
    fireEvent.click(screen.getByRole('button', { name: 'Create input template' }));
    await screen.findByText('Template created');
    expect(excel.model.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Leases', 'LeasePayments', 'LeaseModifications', 'Policies']),
    );
    fireEvent.click(tab('Policies'));
    fireEvent.click(tab('Template'));
    expect(screen.getByText('Template created')).toBeTruthy();
  });

  test('says which tables it adds: every table Create template writes, as a list in the display language', async () => {
    const excel = await workbook();
    renderPane(hostOf(excel), 'template');
    const intro = screen.getByText(/^Adds the input tables:/).textContent ?? '';
    fireEvent.click(screen.getByRole('button', { name: 'Create input template' }));
    await screen.findByText('Template created');
    const written = excel.model.tables.map((t) => t.name);
    expect(written.length).toBeGreaterThanOrEqual(6);
    for (const table of written) expect([table, intro.includes(table)]).toEqual([table, true]);
    // "..., GLAccounts, and Policies": the serial comma of US English, as Intl writes the list.
    expect(intro).toMatch(/, \w+, and \w+, with dropdown lists/);
  });
});

describe('Validate', () => {
  test('lists each problem at its cell; a link selects the cell; the list survives a tab switch', async () => {
    const excel = await workbook({ leases: [{ ...PWC_4_4, 'Discount Rate': 'abc' }] });
    renderPane(hostOf(excel), 'check');
    fireEvent.click(screen.getByRole('button', { name: 'Validate inputs' }));
    const list = await screen.findByRole('list', { name: 'Problems in the inputs' });
    const link = within(list).getByRole('button', { name: /^Go to Leases!\w+\d+: .*Discount Rate/ });
    fireEvent.click(link);
    await waitFor(() => expect(excel.model.selection?.sheet.name).toBe('Leases'));
    fireEvent.click(tab('Generate'));
    expect(screen.queryByRole('list', { name: 'Problems in the inputs' })).toBeNull();
    fireEvent.click(tab('Validate'));
    expect(screen.getByRole('list', { name: 'Problems in the inputs' })).toBeTruthy();
    expect(screen.getByText('1 problem to fix')).toBeTruthy();
  });

  test('the error cells can be highlighted in the sheet, and the highlight taken off leaves the sheet as it was', async () => {
    const excel = await workbook({ leases: [{ ...PWC_4_4, 'Discount Rate': 'abc', 'Term (Months)': 0 }] });
    const before = excel.snapshot('Leases');
    const formatsBefore = excel.model.sheetByName('Leases')!.conditionalFormats.length;
    renderPane(hostOf(excel), 'check');
    fireEvent.click(screen.getByRole('button', { name: 'Validate inputs' }));
    const list = await screen.findByRole('list', { name: 'Problems in the inputs' });
    const cells = within(list)
      .getAllByRole('button')
      .map((b) => b.textContent!.replace(/^Leases!/, ''));
    expect(cells.length).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Highlight these cells in the sheet' }));
    await screen.findByRole('button', { name: 'Remove the highlight' });
    const sheet = excel.model.sheetByName('Leases')!;
    const marked = sheet.conditionalFormats.slice(formatsBefore);
    expect(marked.map((cf) => formatAddress(cf.rect)).sort()).toEqual([...cells].sort());
    expect(marked.every((cf) => cf.fillColor === '#FFC7CE')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the highlight' }));
    await screen.findByRole('button', { name: 'Highlight these cells in the sheet' });
    expect(excel.snapshot('Leases')).toBe(before);
    expect(sheet.conditionalFormats.length).toBe(formatsBefore);
  });

  test('after an edit of an input table the result says the inputs changed; one click validates again', async () => {
    const excel = await workbook({ leases: [PWC_4_4] });
    renderPane(hostOf(excel), 'check');
    fireEvent.click(screen.getByRole('button', { name: 'Validate inputs' }));
    await screen.findByText('No problems found');
    expect(screen.getByText('1 lease ready to generate.')).toBeTruthy();

    // A person types into the Payment cell of the lease (a table change event, ExcelApi 1.7).
    const leases = excel.model.tables.find((t) => t.name === 'Leases')!;
    const header = excel.usedValues('Leases')[leases.rect.r0];
    const col = header.indexOf('Payment');
    const address = `${String.fromCharCode(65 + col)}${leases.rect.r0 + 2}`;
    act(() => excel.type('Leases', address, 'abc'));

    await screen.findByText('Inputs changed', undefined, { timeout: 3000 });
    expect(screen.queryByText('No problems found')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Validate again' }));
    await screen.findByText('1 problem to fix');
    expect(screen.queryByText('Inputs changed')).toBeNull();
  });

  test('an edit that leaves the inputs as they were does not mark the result out of date', async () => {
    const excel = await workbook({ leases: [PWC_4_4] });
    renderPane(hostOf(excel), 'check');
    fireEvent.click(screen.getByRole('button', { name: 'Validate inputs' }));
    await screen.findByText('No problems found');
    const leases = excel.model.tables.find((t) => t.name === 'Leases')!;
    const id = excel.usedValues('Leases')[leases.rect.r0 + 1][leases.rect.c0];
    act(() => excel.type('Leases', `A${leases.rect.r0 + 2}`, String(id)));
    await act(() => new Promise((r) => setTimeout(r, 900)));
    expect(screen.queryByText('Inputs changed')).toBeNull();
    expect(screen.getByText('No problems found')).toBeTruthy();
  });
});

/** A computation held at "Measuring leases" until released; Cancel while held rejects as the worker does. */
function heldCompute(): { compute: ComputeWorkpapers; release: () => void; started: Promise<void> } {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const startedP = new Promise<void>((r) => (started = r));
  const inline = computeInline(buildWorkpapers);
  const compute: ComputeWorkpapers = async (request, hooks) => {
    hooks.onProgress({ phase: 'Measuring leases', fraction: 0.5, leasesDone: 1000, leasesTotal: 2000 });
    started();
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (hooks.isCancelled()) {
          clearInterval(timer);
          reject(new CancelledError());
        }
      }, 10);
      void gate.then(() => {
        clearInterval(timer);
        resolve();
      });
    });
    return inline(request, hooks);
  };
  return { compute, release, started: startedP };
}

describe('Generate', () => {
  test('a tab switch during a run keeps its progress and Cancel; Cancel answers', async () => {
    const excel = await workbook({ leases: [PWC_4_4] });
    const held = heldCompute();
    renderPane(hostOf(excel, { compute: held.compute }), 'generate');
    fireEvent.click(screen.getByRole('button', { name: 'Generate workpapers' }));
    await act(() => held.started);
    await screen.findByText('1,000 of 2,000 leases');

    fireEvent.click(tab('Policies'));
    fireEvent.click(tab('Generate'));
    expect(screen.getByText('1,000 of 2,000 leases')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-label')).toBe('Generating: Measuring leases');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Cancelled');
    expect(excel.sheetNames()).not.toContain('Schedules');
  });

  test('a run finished while another tab was open shows its summary on return, focus on its heading', async () => {
    const excel = await workbook({ leases: [PWC_4_4], policies: { 'Reporting Date': '2025-01-31' } });
    const held = heldCompute();
    renderPane(hostOf(excel, { compute: held.compute }), 'generate');
    fireEvent.click(screen.getByRole('button', { name: 'Generate workpapers' }));
    await act(() => held.started);
    fireEvent.click(tab('Validate'));
    held.release();
    await waitFor(() => expect(excel.sheetNames()).toContain('Tie-Out'), { timeout: 20000 });
    fireEvent.click(tab('Generate'));
    const heading = await screen.findByRole('heading', { name: 'Workpapers written' }, { timeout: 20000 });
    await waitFor(() => expect(document.activeElement).toBe(heading));

    const summary = screen.getByLabelText('Run summary');
    const text = summary.textContent ?? '';
    // PwC Example 4-4 (CONTRACT section 5): the liability after month 1 is 16,097.78. An operating lease whose
    // cash equals its straight-line cost each month has its ROU asset equal to its liability; the month's cost
    // is 36 x 500.00 / 36 = 500.00.
    expect(text).toContain('Lease liability (USD)16,097.78');
    expect(text).toContain('ROU assets (USD)16,097.78');
    expect(text).toMatch(/Lease cost .*\(USD\)500\.00/);
    expect(text).toContain('1 (1 operating, 0 finance, 0 short-term)');
    expect(text).toMatch(/Checks passed(\d+) of \1/);

    // Each sheet name is a link that activates it.
    fireEvent.click(screen.getByRole('button', { name: 'Go to sheet Journal Entries' }));
    await waitFor(() => expect(excel.model.activeSheet?.name).toBe('Journal Entries'));
  });

  test('says which sheets it writes: every sheet a run adds, and Catch-Ups (it named six of nine)', async () => {
    const excel = await workbook({ leases: [PWC_4_4], policies: { 'Reporting Date': '2025-01-31' } });
    const before = new Set(excel.sheetNames());
    renderPane(hostOf(excel), 'generate');
    const intro = screen.getByText(/^Writes the sheets/).textContent ?? '';
    fireEvent.click(screen.getByRole('button', { name: 'Generate workpapers' }));
    await screen.findByRole('heading', { name: 'Workpapers written' }, { timeout: 20000 });
    const added = excel.sheetNames().filter((name) => !before.has(name));
    expect(added.length).toBeGreaterThanOrEqual(9);
    for (const sheet of [...added, SHEET.catchUps]) expect([sheet, intro.includes(sheet)]).toEqual([sheet, true]);
  });

  test('input errors stop the run and are listed with their cells', async () => {
    const excel = await workbook({ leases: [{ ...PWC_4_4, 'Term (Months)': 0 }] });
    renderPane(hostOf(excel), 'generate');
    fireEvent.click(screen.getByRole('button', { name: 'Generate workpapers' }));
    await screen.findByText('Fix the inputs first');
    expect(screen.getByRole('list', { name: 'Problems in the inputs' })).toBeTruthy();
  });

  test('after a generated run, an edit marks it out of date with Generate again', async () => {
    const excel = await workbook({ leases: [PWC_4_4] });
    renderPane(hostOf(excel), 'generate');
    fireEvent.click(screen.getByRole('button', { name: 'Generate workpapers' }));
    await screen.findByRole('heading', { name: 'Workpapers written' }, { timeout: 20000 });
    const leases = excel.model.tables.find((t) => t.name === 'Leases')!;
    act(() => excel.type('Leases', `B${leases.rect.r0 + 2}`, 'A different description'));
    await screen.findByText('Inputs changed', undefined, { timeout: 3000 });
    expect(screen.getByRole('button', { name: 'Generate again' })).toBeTruthy();
  });
});
