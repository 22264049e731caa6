import { addDays, edate, type IsoDate } from './dates';

/** Start and end dates of lease months 1..n (index k-1), shared between leases with the same commencement. */
export interface MonthGrid {
  starts: IsoDate[];
  ends: IsoDate[];
}

const grids = new Map<IsoDate, MonthGrid>();
const MAX_CACHED = 5000;

/** Lease month k runs from EDATE(commencement, k-1) to the day before EDATE(commencement, k) (CONTRACT 1.1). */
export function monthGrid(commencement: IsoDate, months: number): MonthGrid {
  let g = grids.get(commencement);
  if (!g) {
    if (grids.size >= MAX_CACHED) grids.clear();
    g = { starts: [], ends: [] };
    grids.set(commencement, g);
  }
  for (let k = g.starts.length + 1; k <= months; k++) {
    const start = edate(commencement, k - 1);
    g.starts.push(start);
    g.ends.push(addDays(edate(commencement, k), -1));
  }
  return g;
}
