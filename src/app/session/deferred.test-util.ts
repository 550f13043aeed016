// A promise a test settles by hand, to make answers arrive in any order (session tests).
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks and zero-delay timers run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
