/**
 * Generate's computation in a Web Worker (comlink): the pane sends the tables, shows the worker's progress,
 * and on Cancel ends the worker at once. The rows of long sheets come back in slices between which the pane
 * repaints.
 */
import * as Comlink from 'comlink';
import { CancelledError } from '../../office/workpaperWriter';
import type { PlanCell } from '../../workpapers/plan';
import {
  planFromShell,
  yieldToBrowser,
  type CheckTables,
  type ComputeOutcome,
  type ComputeWorkpapers,
} from '../compute';
import type { ComputeWorkerApi } from './computeWorker';

/** Rows fetched per message from the worker (a few hundred kilobytes). */
const ROWS_PER_MESSAGE = 1500;

/** How often a running computation looks at Cancel. */
const CANCEL_POLL_MS = 50;

export function workerCompute(createWorker: () => Worker): ComputeWorkpapers {
  return async (request, hooks) => {
    const worker = createWorker();
    const api = Comlink.wrap<ComputeWorkerApi>(worker);
    let timer: ReturnType<typeof setInterval> | undefined;
    const cancelled = new Promise<never>((_, reject) => {
      timer = setInterval(() => {
        if (hooks.isCancelled()) reject(new CancelledError());
      }, CANCEL_POLL_MS);
    });
    cancelled.catch(() => undefined); // observed by the races below; never an unhandled rejection
    try {
      const outcome = await Promise.race([api.compute(request, Comlink.proxy(hooks.onProgress)), cancelled]);
      if (outcome.kind !== 'done') return outcome;
      const rows: (PlanCell | null)[][][][] = [];
      const moreRows: (PlanCell | null)[][][] = [];
      for (const [si, sheet] of outcome.shell.entries()) {
        moreRows[si] = [];
        for (let from = sheet.rows.length; from < sheet.rowCount; from += ROWS_PER_MESSAGE) {
          if (hooks.isCancelled()) throw new CancelledError();
          moreRows[si].push(...(await Promise.race([api.sheetRows(si, from, ROWS_PER_MESSAGE), cancelled])));
          await yieldToBrowser();
        }
        rows[si] = [];
        for (const [bi, block] of (sheet.blocks ?? []).entries()) {
          const all: (PlanCell | null)[][] = [];
          for (let from = 0; from < block.rowCount; from += ROWS_PER_MESSAGE) {
            if (hooks.isCancelled()) throw new CancelledError();
            all.push(...(await Promise.race([api.rows(si, bi, from, ROWS_PER_MESSAGE), cancelled])));
            await yieldToBrowser();
          }
          rows[si][bi] = all;
        }
      }
      const { shell, ...rest } = outcome;
      const done: ComputeOutcome = { ...rest, plan: planFromShell(shell, rows, moreRows) };
      return done;
    } finally {
      clearInterval(timer);
      api[Comlink.releaseProxy]();
      worker.terminate();
    }
  };
}

/** Validate's reading and measuring in a Web Worker (one per check, ended when it answers). */
export function workerCheck(createWorker: () => Worker): CheckTables {
  return async (tables) => {
    const worker = createWorker();
    const api = Comlink.wrap<ComputeWorkerApi>(worker);
    try {
      return await api.check(tables);
    } finally {
      api[Comlink.releaseProxy]();
      worker.terminate();
    }
  };
}
