/**
 * The pane's state in one place (a reducer): the open tab, each tab's last result, a running Generate's progress
 * and Cancel, and whether a result is out of date. Switching tabs changes only `panel`: nothing is lost.
 */
import type { InputError } from '../../input';
import type {
  CheckResult,
  CloseOutcome,
  ErrorMark,
  GenerateProgress,
  GenerateSummary,
  PeriodChoice,
  TemplateResult,
} from '../workflow';

export type PanelId = 'template' | 'check' | 'generate' | 'policies';

export type TemplateState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; result: TemplateResult } | { kind: 'failed'; message: string };

export type CheckState =
  | { kind: 'idle' }
  | { kind: 'busy'; previous: CheckResult | null }
  | { kind: 'done'; result: CheckResult }
  | { kind: 'failed'; message: string };

export type GenerateState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: GenerateProgress | null; cancelling: boolean }
  | { kind: 'done'; summary: GenerateSummary }
  | { kind: 'inputErrors'; errors: InputError[]; inputHash: string; at: number }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export type ClosePeriodState =
  | { kind: 'idle' }
  | { kind: 'busy'; through: string }
  | { kind: 'done'; outcome: CloseOutcome }
  | { kind: 'failed'; message: string };

export interface PaneState {
  panel: PanelId;
  template: TemplateState;
  check: CheckState;
  generate: GenerateState;
  /** The Generate tab's Close period: its last outcome. */
  close: ClosePeriodState;
  /** When the inputs were found changed after a result (ms since the epoch), per result; null = up to date. */
  staleSince: { check: number | null; generate: number | null };
  /** Bumped after Policies are saved or the template is created: the Policies form reloads. */
  policiesVersion: number;
  /** The Policies form's unsaved texts by setting, kept across tab switches; null = as the table says. */
  policiesDraft: Record<string, string> | null;
  /** The error cells highlighted in the sheet (taken off with one click, or before the next check). */
  marks: ErrorMark[];
  /** The Generate tab's period picker: an override for the next runs, never written to Policies. */
  period: PeriodChoice;
}

export type PaneAction =
  | { type: 'panel'; panel: PanelId }
  | { type: 'template'; state: TemplateState }
  | { type: 'check'; state: CheckState }
  | { type: 'generate'; state: GenerateState }
  | { type: 'progress'; progress: GenerateProgress }
  | { type: 'cancelling' }
  | { type: 'stale'; which: 'check' | 'generate'; at: number }
  | { type: 'policiesChanged' }
  | { type: 'policiesDraft'; draft: Record<string, string> | null }
  | { type: 'marks'; marks: ErrorMark[] }
  | { type: 'period'; period: PeriodChoice }
  | { type: 'close'; state: ClosePeriodState };

export function initialPaneState(panel: PanelId = 'template'): PaneState {
  return {
    panel,
    template: { kind: 'idle' },
    check: { kind: 'idle' },
    generate: { kind: 'idle' },
    close: { kind: 'idle' },
    staleSince: { check: null, generate: null },
    policiesVersion: 0,
    policiesDraft: null,
    marks: [],
    period: { reportingDate: null, kind: null },
  };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case 'panel':
      return { ...state, panel: action.panel };
    case 'template':
      return { ...state, template: action.state };
    case 'check':
      // A new result is up to date by definition.
      return {
        ...state,
        check: action.state,
        staleSince: action.state.kind === 'done' ? { ...state.staleSince, check: null } : state.staleSince,
      };
    case 'generate':
      return {
        ...state,
        generate: action.state,
        staleSince:
          action.state.kind === 'done' || action.state.kind === 'inputErrors'
            ? { ...state.staleSince, generate: null }
            : state.staleSince,
      };
    case 'progress':
      if (state.generate.kind !== 'running') return state;
      return { ...state, generate: { ...state.generate, progress: action.progress } };
    case 'cancelling':
      if (state.generate.kind !== 'running') return state;
      return { ...state, generate: { ...state.generate, cancelling: true } };
    case 'stale':
      if (state.staleSince[action.which] !== null) return state;
      return { ...state, staleSince: { ...state.staleSince, [action.which]: action.at } };
    case 'policiesChanged':
      return { ...state, policiesVersion: state.policiesVersion + 1 };
    case 'policiesDraft':
      return { ...state, policiesDraft: action.draft };
    case 'marks':
      return { ...state, marks: action.marks };
    case 'period':
      return { ...state, period: action.period };
    case 'close':
      return { ...state, close: action.state };
  }
}

/** The input hash a tab's current result was computed from, or null when it has none to go stale. */
export function resultHash(state: PaneState, which: 'check' | 'generate'): string | null {
  if (which === 'check') return state.check.kind === 'done' ? state.check.result.inputHash : null;
  if (state.generate.kind === 'done') return state.generate.summary.inputHash;
  if (state.generate.kind === 'inputErrors') return state.generate.inputHash;
  return null;
}
