import * as React from 'react';
import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { columnLetters } from '../input/a1';
import { isDateFormat } from '../input/dateSystem';
import type { CellView, MemoryExcel } from '../office/memoryExcel';
import { formatAddress } from '../office/memoryExcel';
import { displayValue } from './displayValue';
import { conditionalStyle } from './conditionalStyle';

const ROW_HEIGHT = 22;
const MIN_ROWS = 40;
const MIN_COLS = 12;
/** Pixels per character of the grid's 12px font, for sizing columns to their contents. */
const CHAR_PX = 7;
const MIN_COL_PX = 48;
const MAX_COL_PX = 320;
/** Rows looked at when a column has no width of its own. */
const SAMPLE_ROWS = 200;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 },
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    alignItems: 'center',
  },
  nameBox: { width: '90px', flexShrink: 0 },
  formula: { flex: 1 },
  scroller: { flex: 1, overflow: 'auto', position: 'relative', backgroundColor: tokens.colorNeutralBackground1 },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: '12px', fontVariantNumeric: 'tabular-nums' },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    height: `${ROW_HEIGHT}px`,
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    boxSizing: 'border-box',
    padding: '0 4px',
    fontWeight: tokens.fontWeightRegular,
    fontVariantNumeric: 'tabular-nums',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    textAlign: 'right',
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    height: `${ROW_HEIGHT - 2}px`,
    padding: '0 4px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    cursor: 'cell',
  },
  number: { textAlign: 'right' },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  tabs: {
    display: 'flex',
    gap: '2px',
    padding: tokens.spacingHorizontalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowX: 'auto',
    flexShrink: 0,
  },
  // Each tab keeps its whole name on one line; the row of tabs scrolls instead.
  tab: { flexShrink: 0, whiteSpace: 'nowrap' },
});

/**
 * Column widths in pixels: the sheet's own (points x 4/3), or fitted to the longest text in the first rows,
 * between 48 and 320 pixels.
 */
function columnWidths(excel: MemoryExcel, sheetName: string, cols: number): number[] {
  const sheet = excel.model.sheetByName(sheetName);
  if (!sheet) return [];
  const used = sheet.usedRect(false);
  const lastRow = Math.min(used?.r1 ?? 0, SAMPLE_ROWS);
  return Array.from({ length: cols }, (_, c) => {
    const own = sheet.columnWidths.get(c);
    if (own !== undefined) return Math.round((own * 4) / 3);
    let longest = 0;
    for (let r = 0; r <= lastRow && used && c <= used.c1; r++) {
      const view = excel.cell(sheetName, `${columnLetters(c + 1)}${r + 1}`);
      longest = Math.max(longest, displayValue(view.value, view.numberFormat).length);
    }
    return Math.min(MAX_COL_PX, Math.max(MIN_COL_PX, longest * CHAR_PX + 12));
  });
}

/** Re-renders whenever the in-memory workbook changes. */
function useWorkbookVersion(excel: MemoryExcel): number {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => excel.onChange(() => setVersion((v) => v + 1)), [excel]);
  return version;
}

/** The in-memory workbook drawn as a grid: sheet tabs, a formula bar, the cells (only the visible rows). */
export function WorkbookGrid({ excel }: { excel: MemoryExcel }): React.JSX.Element {
  const styles = useStyles();
  const version = useWorkbookVersion(excel);
  const model = excel.model;
  const sheet = model.activeSheet ?? model.sheets[0];
  const selection =
    model.selection && model.selection.sheet === sheet ? model.selection.rect : { r0: 0, c0: 0, r1: 0, c1: 0 };
  const address = formatAddress({ r0: selection.r0, c0: selection.c0, r1: selection.r0, c1: selection.c0 });
  const current = sheet ? excel.cell(sheet.name, address) : null;
  const cellKey = `${sheet?.name ?? ''}!${address}`;
  // What is being typed in the formula bar, for the cell it was typed for (another cell: nothing typed).
  const [typing, setTyping] = React.useState<{ key: string; text: string } | null>(null);
  const edit = typing && typing.key === cellKey ? typing.text : null;
  const setEdit = (text: string | null): void => setTyping(text === null ? null : { key: cellKey, text });
  const [scrollTop, setScrollTop] = React.useState(0);
  const [height, setHeight] = React.useState(600);
  const scroller = React.useRef<HTMLDivElement>(null);

  const used = sheet?.usedRect(false) ?? null;
  const rows = Math.max(MIN_ROWS, (used?.r1 ?? 0) + 6);
  const cols = Math.max(MIN_COLS, (used?.c1 ?? 0) + 2);
  // Row numbers get the width their largest number needs, so they never run into the cells.
  const rowHeadWidth = Math.max(36, String(rows).length * CHAR_PX + 14);
  // The workbook changes in place; `version` says when to measure again.
  const sheetName = sheet?.name;
  const widths = React.useMemo(
    () => (sheetName !== undefined && version >= 0 ? columnWidths(excel, sheetName, cols) : []),
    [excel, sheetName, cols, version],
  );

  // Keep the selected cell in view (rows and columns), as Excel scrolls to a cell selected from the pane.
  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const top = (selection.r0 + 1) * ROW_HEIGHT;
    if (top < el.scrollTop + ROW_HEIGHT || top > el.scrollTop + el.clientHeight - 2 * ROW_HEIGHT)
      el.scrollTop = Math.max(0, top - 4 * ROW_HEIGHT);
    const left = widths.slice(0, selection.c0).reduce((a, b) => a + b, 0);
    const right = left + (widths[selection.c0] ?? MIN_COL_PX);
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (right + rowHeadWidth > el.scrollLeft + el.clientWidth)
      el.scrollLeft = right + rowHeadWidth - el.clientWidth + 8;
  }, [sheet?.name, selection.r0, selection.c0, widths, rowHeadWidth]);

  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  if (!sheet) return <div className={styles.root} />;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 5);
  const last = Math.min(rows - 1, first + Math.ceil(height / ROW_HEIGHT) + 10);

  const commit = (): void => {
    if (edit === null) return;
    excel.type(sheet.name, address, edit);
    setEdit(null);
  };

  // As Excel's formula bar: the formula, else the constant (a date as the date it is, which types back the same).
  const constant = (view: CellView): string =>
    view.value === null
      ? ''
      : typeof view.value === 'number' && isDateFormat(view.numberFormat)
        ? displayValue(view.value, view.numberFormat)
        : String(view.value);
  const shown = edit ?? current?.formula ?? (current ? constant(current) : '');
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <Input className={styles.nameBox} value={address} readOnly aria-label="Selected cell" />
        <Input
          className={styles.formula}
          value={shown}
          aria-label={`Contents of ${sheet.name}!${address}`}
          onChange={(_, d) => setEdit(d.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setEdit(null);
          }}
          onBlur={commit}
        />
      </div>
      <div ref={scroller} className={styles.scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <table
          className={styles.table}
          // Fixed layout holds the columns to their widths only when the table's own width is given: otherwise a
          // long note in one cell would stretch its column across the screen.
          style={{ width: rowHeadWidth + widths.reduce((a, b) => a + b, 0) }}
          role="grid"
          aria-label={`Sheet ${sheet.name}`}
          aria-rowcount={rows}
        >
          <colgroup>
            <col style={{ width: rowHeadWidth }} />
            {widths.map((w, c) => (
              <col key={c} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={`${styles.head} ${styles.rowHead} ${styles.corner}`} aria-label="Row numbers" />
              {widths.map((_, c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetters(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr style={{ height: first * ROW_HEIGHT }} aria-hidden="true" />}
            {Array.from({ length: last - first + 1 }, (_, i) => first + i).map((r) => (
              <tr key={r} aria-rowindex={r + 1}>
                <th className={styles.rowHead} scope="row">
                  {r + 1}
                </th>
                {widths.map((_, c) => {
                  const a = `${columnLetters(c + 1)}${r + 1}`;
                  const view = excel.cell(sheet.name, a);
                  const text = displayValue(view.value, view.numberFormat);
                  const classes = [styles.cell];
                  if (typeof view.value === 'number') classes.push(styles.number);
                  if (view.bold) classes.push(styles.bold);
                  if (r === selection.r0 && c === selection.c0) classes.push(styles.selected);
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-cell={a}
                      aria-selected={r === selection.r0 && c === selection.c0}
                      className={classes.join(' ')}
                      style={conditionalStyle(sheet, r, c, view.value)}
                      title={text}
                      onClick={() => excel.select(sheet.name, a)}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
            {last < rows - 1 && <tr style={{ height: (rows - 1 - last) * ROW_HEIGHT }} aria-hidden="true" />}
          </tbody>
        </table>
      </div>
      <div className={styles.tabs} role="tablist" aria-label="Sheets">
        {model.sheets.map((s) => (
          <Button
            key={s.id}
            className={styles.tab}
            role="tab"
            size="small"
            appearance={s === sheet ? 'primary' : 'subtle'}
            aria-selected={s === sheet}
            onClick={() => excel.activate(s.name)}
          >
            {s.name}
          </Button>
        ))}
      </div>
    </div>
  );
}
