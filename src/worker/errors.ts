// Errors the client's promises reject with. Callers tell them apart with the `is…` helpers, e.g.
// ignore isSuperseded(e) (a newer request on the same channel replaced this one).
import type { SerializedError } from './protocol';

export class SupersededError extends Error {
  override name = 'SupersededError';
  constructor(op: string) {
    super(`The ${op} request was superseded by a newer one.`);
  }
}

export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(op: string) {
    super(`The ${op} request was cancelled.`);
  }
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(op: string, ms: number) {
    super(`The ${op} request took longer than ${Math.round(ms / 1000)} s.`);
  }
}

export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
}

/** An error thrown by a handler in the worker, with its original name and message. */
export class RemoteError extends Error {
  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
  }
}

/** True for errors that only mean "this answer is no longer wanted": not worth showing. */
export function isSuperseded(error: unknown): boolean {
  return error instanceof SupersededError || error instanceof CancelledError;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
