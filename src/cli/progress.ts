// A one-line progress display on stderr for batch scans on a TTY: skills done, errors, rate and
// the last path. It appears only from the second result on (a single skill needs none), redraws at
// most every 100 ms and erases itself when done, so the report on stdout is never interleaved.

export interface Progress {
  tick(label: string, failed: boolean): void;
  done(): void;
}

const noProgress: Progress = { tick() {}, done() {} };

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, enabled: boolean): Progress {
  if (!enabled || !stream.isTTY) return noProgress;
  const started = performance.now();
  let count = 0;
  let errors = 0;
  let drawnAt = 0;
  let shown = false;
  return {
    tick(label, failed) {
      count++;
      if (failed) errors++;
      const now = performance.now();
      if (count < 2 || now - drawnAt < 100) return;
      drawnAt = now;
      shown = true;
      const rate = count / Math.max(0.001, (now - started) / 1000);
      const line = `scanning: ${count} done, ${errors} error${errors === 1 ? '' : 's'}, ${rate.toFixed(0)}/s  ${label}`;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      stream.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
