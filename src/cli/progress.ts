/** Progress on standard error: phases as lines, and the lease count while measuring. */
export interface Progress {
  phase(text: string): void;
  /** Lease `done` of `total` measured. */
  count(done: number, total: number): void;
  done(): void;
}

export const SILENT: Progress = { phase: () => {}, count: () => {}, done: () => {} };

export function stderrProgress(
  stream: { write(s: string): unknown },
  isTTY: boolean,
  now: () => number = Date.now,
): Progress {
  const start = now();
  let lastPercent = -1;
  let counting = false;
  const endCount = () => {
    if (counting && isTTY) stream.write('\n');
    counting = false;
  };
  return {
    phase(text) {
      endCount();
      stream.write(`${text}\n`);
    },
    count(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
      if (isTTY) {
        // Rewrite one line; only when the percentage moves, so a large portfolio does not flood the terminal.
        if (percent !== lastPercent || done === total)
          stream.write(`\rMeasuring leases: ${done}/${total} (${percent}%)`);
        counting = true;
      } else if (Math.floor(percent / 10) !== Math.floor(lastPercent / 10) || done === total) {
        stream.write(`Measuring leases: ${done}/${total}\n`);
      }
      lastPercent = percent;
    },
    done() {
      endCount();
      stream.write(`Done in ${((now() - start) / 1000).toFixed(1)} s\n`);
    },
  };
}
