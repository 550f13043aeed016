// Progress and cancellation shared by every long analysis. The same code runs in the browser
// worker (where a cancel message can only be handled between macrotasks) and in Node scripts.

export interface RunControl {
  /** Called after each unit of work with (units done, units in all). */
  onProgress?: (done: number, total: number) => void;
  /** Abort to stop at the next unit boundary; the analysis then rejects with an AbortError. */
  signal?: AbortSignal;
}

/** Throws the signal's reason (an AbortError by default) when it has been aborted. */
function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error
      ? signal.reason
      : new DOMException('The analysis was cancelled.', 'AbortError');
  }
}

/**
 * Lets queued events run (a worker's cancel message among them) and then checks the signal.
 * Awaiting tensor data alone resolves in microtasks on wasm/cpu, which never let a message in.
 */
export async function yieldAndCheck(signal: AbortSignal | undefined): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  checkAborted(signal);
}

/** A progress reporter over a fixed number of units. */
export function progress(control: RunControl, total: number): (units?: number) => void {
  let done = 0;
  control.onProgress?.(0, total);
  return (units = 1) => {
    done = Math.min(total, done + units);
    control.onProgress?.(done, total);
  };
}
