/**
 * The Web Worker that checks the inputs (Validate), measures the portfolio and lays out the workpapers (Generate),
 * off the pane's thread. It keeps the
 * plan of its one run and hands the pane the rows of long sheets (explicit rows and blocks) in slices, so no message is large enough to
 * stall the pane. Cancel ends the worker.
 */
import * as Comlink from 'comlink';
import { buildWorkpapers } from '../../workpapers';
import type { WorkpaperPlan } from '../../workpapers/plan';
import type { WorkbookTables } from '../../input';
import {
  blockRows,
  checkTables,
  computeCore,
  planShell,
  sheetRows,
  type ComputeProgress,
  type ComputeRequest,
  type SheetShell,
} from '../compute';

let plan: WorkpaperPlan | null = null;

export type WorkerOutcome =
  | { kind: 'inputErrors'; errors: import('../../input').InputError[]; inputHash: string }
  | (Omit<Extract<Awaited<ReturnType<typeof computeCore>>, { kind: 'done' }>, 'plan'> & { shell: SheetShell[] });

const api = {
  /** Validate: reading and measuring every lease, off the pane's thread. */
  check(tables: WorkbookTables) {
    return checkTables(tables);
  },
  async compute(request: ComputeRequest, onProgress: (p: ComputeProgress) => void): Promise<WorkerOutcome> {
    let last = 0;
    const outcome = await computeCore(request, buildWorkpapers, {
      // Progress crosses as a message; at most one every 50 ms.
      onProgress: (p) => {
        const t = Date.now();
        if (t - last < 50 && p.fraction !== 0 && p.fraction !== 1) return;
        last = t;
        void onProgress(p);
      },
      isCancelled: () => false,
    });
    if (outcome.kind !== 'done') return outcome;
    plan = outcome.plan;
    const { plan: _plan, ...rest } = outcome;
    return { ...rest, shell: planShell(outcome.plan) };
  },
  rows(sheet: number, block: number, from: number, count: number) {
    if (!plan) throw new Error('No plan computed');
    return blockRows(plan, sheet, block, from, count);
  },
  sheetRows(sheet: number, from: number, count: number) {
    if (!plan) throw new Error('No plan computed');
    return sheetRows(plan, sheet, from, count);
  },
};

export type ComputeWorkerApi = typeof api;

Comlink.expose(api);
