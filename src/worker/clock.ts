// One clock for the page and its workers: milliseconds since the epoch at sub-millisecond
// resolution (`performance.timeOrigin + performance.now()`), so that times taken on either side
// of a postMessage can be subtracted (the request timings of protocol.ts, WorkerTiming).

export function epochNow(): number {
  if (typeof performance === 'undefined') return Date.now();
  return performance.timeOrigin + performance.now();
}
