// The shape of the worker's operations: one async handler per protocol entry. Types only, in
// their own module so that the handler modules (handlers.ts, analysis-ops.ts,
// analysis-set-ops.ts) and the dispatcher share them without importing each other.
import type { OpName, ParamsOf, ResultOf } from './protocol';

export interface HandlerContext {
  /** Aborted when a newer request on the same channel arrives or the client cancels this one. */
  signal: AbortSignal;
  progress(fraction: number, label: string): void;
}

export type Handler<K extends OpName> = (
  params: ParamsOf<K>,
  ctx: HandlerContext,
) => Promise<ResultOf<K>>;

export type Handlers = { [K in OpName]: Handler<K> };
