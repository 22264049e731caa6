/**
 * The pane's store: the reducer's state and the actions the panels call, in a React context above the tabs,
 * so a running Generate, its progress and Cancel, and every tab's last result outlive a tab switch. The actions
 * reach the workbook only through workflow.ts.
 */
import * as React from 'react';
import type { WorkbookHost, ThemeKind } from '../host';
import { formatters, type Formatters } from '../format';
import {
  activateSheet,
  checkInputs,
  clearErrorHighlights,
  closePeriod,
  createInputTemplate,
  highlightErrors,
  generateWorkpapers,
  goToCell,
  inputsFingerprint,
  watchInputs,
  workbookHasInputs,
  type BuildWorkpapers,
  type GenerateSummary,
  type PeriodChoice,
} from '../workflow';
import type { InputError } from '../../input';
import { initialPaneState, paneReducer, resultHash, type PaneState, type PanelId } from './paneState';

export interface PaneActions {
  selectPanel(panel: PanelId): void;
  createTemplate(): Promise<void>;
  validate(): Promise<void>;
  generate(): Promise<void>;
  cancel(): void;
  goTo(where: string): Promise<void>;
  openSheet(name: string): Promise<void>;
  /** The inputs may have changed (an event, the focus back, a save from the pane): re-check the results. */
  inputsMaybeChanged(): void;
  policiesSaved(): void;
  setPoliciesDraft(draft: Record<string, string> | null): void;
  /** Highlights the cells of the errors on screen in the sheet. */
  highlightErrors(errors: InputError[]): Promise<void>;
  clearHighlights(): Promise<void>;
  /** Close period through `through` (a month-end), after the pane asked for confirmation. */
  closePeriod(through: string): Promise<void>;
  /** The period picker's choice (null fields: as the Policies table says). */
  setPeriod(period: PeriodChoice): void;
}

export interface PaneContext {
  state: PaneState;
  actions: PaneActions;
  host: WorkbookHost;
  fmt: Formatters;
  theme: ThemeKind;
  /** The time now (ms since the epoch): the day of a run decides the default Reporting Date. */
  now: () => number;
  /** True the first time it is asked about a Generate summary (focus moves to a summary once per run). */
  claimFocus(summary: GenerateSummary): boolean;
}

const Context = React.createContext<PaneContext | null>(null);

export function usePane(): PaneContext {
  const pane = React.useContext(Context);
  if (!pane) throw new Error('usePane outside PaneProvider');
  return pane;
}

/** Time to let a burst of edits settle before the inputs are re-read. */
const SETTLE_MS = 400;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function PaneProvider({
  host,
  build,
  initialPanel,
  now = Date.now,
  children,
}: {
  host: WorkbookHost;
  build: BuildWorkpapers;
  /** Opens on this tab; without it, the tab that fits the workbook (no tables: Template, else Validate). */
  initialPanel?: PanelId;
  now?: () => number;
  children: React.ReactNode;
}): React.JSX.Element {
  const [state, dispatch] = React.useReducer(paneReducer, initialPanel, (p) => initialPaneState(p ?? 'template'));
  const latest = React.useRef(state);
  React.useLayoutEffect(() => {
    latest.current = state;
  }, [state]);
  const settle = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancelled = React.useRef(false);
  const touchedPanel = React.useRef(initialPanel !== undefined);
  const focusedSummary = React.useRef<GenerateSummary | null>(null);
  const [theme, setTheme] = React.useState<ThemeKind>(() => host.theme());
  const fmt = React.useMemo(() => formatters(host.displayLanguage?.()), [host]);

  const actions = React.useMemo<PaneActions>(() => {
    const recheck = async (): Promise<void> => {
      const s = latest.current;
      const hashes = { check: resultHash(s, 'check'), generate: resultHash(s, 'generate') };
      if ((hashes.check === null && hashes.generate === null) || s.generate.kind === 'running') return;
      const current = await inputsFingerprint(host);
      const at = now();
      for (const which of ['check', 'generate'] as const) {
        if (hashes[which] !== null && hashes[which] !== current) dispatch({ type: 'stale', which, at });
      }
    };
    const clearMarks = async (): Promise<void> => {
      const marks = latest.current.marks;
      if (marks.length === 0) return;
      dispatch({ type: 'marks', marks: [] });
      await clearErrorHighlights(host, marks).catch(() => undefined);
    };
    const inputsMaybeChanged = (): void => {
      clearTimeout(settle.current);
      settle.current = setTimeout(() => void recheck().catch(() => undefined), SETTLE_MS);
    };
    return {
      selectPanel(panel) {
        touchedPanel.current = true;
        dispatch({ type: 'panel', panel });
      },
      async createTemplate() {
        dispatch({ type: 'template', state: { kind: 'busy' } });
        try {
          const result = await createInputTemplate(host);
          dispatch({ type: 'template', state: { kind: 'done', result } });
          dispatch({ type: 'policiesChanged' });
        } catch (e) {
          dispatch({ type: 'template', state: { kind: 'failed', message: message(e) } });
        }
      },
      async validate() {
        const prev = latest.current.check;
        await clearMarks();
        dispatch({ type: 'check', state: { kind: 'busy', previous: prev.kind === 'done' ? prev.result : null } });
        try {
          dispatch({ type: 'check', state: { kind: 'done', result: await checkInputs(host, now) } });
        } catch (e) {
          dispatch({ type: 'check', state: { kind: 'failed', message: message(e) } });
        }
      },
      async generate() {
        if (latest.current.generate.kind === 'running' || latest.current.close.kind === 'busy') return;
        cancelled.current = false;
        const period = latest.current.period;
        dispatch({ type: 'generate', state: { kind: 'running', progress: null, cancelling: false } });
        try {
          const outcome = await generateWorkpapers(host, {
            period,
            build,
            compute: host.compute,
            now,
            isCancelled: () => cancelled.current,
            onProgress: (progress) => dispatch({ type: 'progress', progress }),
          });
          dispatch({ type: 'generate', state: outcome });
        } catch (e) {
          dispatch({ type: 'generate', state: { kind: 'failed', message: message(e) } });
        }
      },
      cancel() {
        cancelled.current = true;
        dispatch({ type: 'cancelling' });
      },
      async goTo(where) {
        await goToCell(host, where);
      },
      async openSheet(name) {
        await activateSheet(host, name);
      },
      inputsMaybeChanged,
      async highlightErrors(errors) {
        await clearMarks();
        dispatch({ type: 'marks', marks: await highlightErrors(host, errors) });
      },
      clearHighlights: clearMarks,
      async closePeriod(through) {
        const s = latest.current;
        if (s.close.kind === 'busy' || s.generate.kind === 'running') return;
        dispatch({ type: 'close', state: { kind: 'busy', through } });
        try {
          const outcome = await closePeriod(host, through, now);
          dispatch({ type: 'close', state: { kind: 'done', outcome } });
          if (outcome.kind === 'closed') {
            // Closed Through changed in the Policies table: the form and the picker read it again.
            dispatch({ type: 'policiesChanged' });
            inputsMaybeChanged();
          }
        } catch (e) {
          dispatch({ type: 'close', state: { kind: 'failed', message: message(e) } });
        }
      },
      setPeriod(period) {
        dispatch({ type: 'period', period });
      },
      setPoliciesDraft(draft) {
        dispatch({ type: 'policiesDraft', draft });
      },
      policiesSaved() {
        dispatch({ type: 'policiesChanged' });
        inputsMaybeChanged();
      },
    };
  }, [host, build, now]);

  React.useEffect(() => watchInputs(host, actions.inputsMaybeChanged), [host, actions]);

  React.useEffect(() => host.onThemeChanged?.(() => setTheme(host.theme())), [host]);

  React.useEffect(() => {
    if (touchedPanel.current) return;
    let live = true;
    workbookHasInputs(host)
      .then((has) => {
        if (live && has && !touchedPanel.current) dispatch({ type: 'panel', panel: 'check' });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const claimFocus = React.useCallback((summary: GenerateSummary) => {
    if (focusedSummary.current === summary) return false;
    focusedSummary.current = summary;
    return true;
  }, []);
  const value = React.useMemo(
    () => ({ state, actions, host, fmt, theme, now, claimFocus }),
    [state, actions, host, fmt, theme, now, claimFocus],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
