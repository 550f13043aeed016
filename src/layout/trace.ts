// Which links carry a focused node's (or link's) flow, upstream and downstream. In a layered graph
// almost everything is reachable from everything, so reachability alone would light up the whole
// diagram; instead flow is traced proportionally: a map passes on the focus's share of what went
// through it. That assumes flows mix inside a map (the network keeps no separate lanes), so it is an
// approximation and the UI says so; the exact per-chain flows are the engine's beam-search chains.
import type { SankeyGraphLink, SankeyGraphNode } from './sankey-types';

export type SankeyFocus =
  | { kind: 'node'; id: string }
  | { kind: 'link'; id: string }
  /** One of the result's beam-search chains (see chain-trace.ts). */
  | { kind: 'chain'; index: number };

export interface SankeyTrace {
  focus: SankeyFocus;
  /** Share (0…1) of each node's throughput attributed to the focus. */
  nodes: Map<string, number>;
  /** Share (0…1) of each link's flow attributed to the focus. */
  links: Map<string, number>;
  /** Sign of the traced flow when it is one number (a chain); otherwise each link's own sign. */
  sign?: number;
}

type TraceNode = Pick<
  SankeyGraphNode,
  'id' | 'column' | 'inAbs' | 'outAbs' | 'hiddenInAbs' | 'hiddenOutAbs'
>;
type TraceLink = Pick<SankeyGraphLink, 'id' | 'source' | 'target' | 'column' | 'flow'>;

export function traceFocus(
  graph: { nodes: readonly TraceNode[]; links: readonly TraceLink[] },
  focus: SankeyFocus,
): SankeyTrace | null {
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const trace: SankeyTrace = { focus, nodes: new Map(), links: new Map() };
  let down: Map<string, number>;
  let up: Map<string, number>;
  if (focus.kind === 'chain') return null;
  if (focus.kind === 'node') {
    if (!nodeById.has(focus.id)) return null;
    down = new Map([[focus.id, 1]]);
    up = new Map([[focus.id, 1]]);
  } else {
    const link = graph.links.find((l) => l.id === focus.id);
    if (!link) return null;
    const s = nodeById.get(link.source);
    const t = nodeById.get(link.target);
    if (!s || !t) return null;
    const a = Math.abs(link.flow);
    trace.links.set(link.id, 1);
    down = new Map([[t.id, share(a, t.inAbs + t.hiddenInAbs)]]);
    up = new Map([[s.id, share(a, s.outAbs + s.hiddenOutAbs)]]);
    trace.nodes.set(s.id, 1);
    trace.nodes.set(t.id, 1);
  }
  const byColumn = [...graph.links].sort((a, b) => a.column - b.column);
  // Downstream: left to right, a link inherits its source's share.
  for (const link of byColumn) {
    const w = down.get(link.source);
    if (w === undefined || w <= 0) continue;
    trace.links.set(link.id, Math.max(trace.links.get(link.id) ?? 0, w));
    const t = nodeById.get(link.target);
    if (!t) continue;
    const add = share(w * Math.abs(link.flow), t.inAbs + t.hiddenInAbs);
    down.set(t.id, Math.min(1, (down.get(t.id) ?? 0) + add));
  }
  // Upstream: right to left, a link inherits its target's share.
  for (let i = byColumn.length - 1; i >= 0; i--) {
    const link = byColumn[i]!;
    const w = up.get(link.target);
    if (w === undefined || w <= 0) continue;
    trace.links.set(link.id, Math.max(trace.links.get(link.id) ?? 0, w));
    const s = nodeById.get(link.source);
    if (!s) continue;
    const add = share(w * Math.abs(link.flow), s.outAbs + s.hiddenOutAbs);
    up.set(s.id, Math.min(1, (up.get(s.id) ?? 0) + add));
  }
  for (const [id, w] of [...down, ...up]) {
    trace.nodes.set(id, Math.max(trace.nodes.get(id) ?? 0, w));
  }
  return trace;
}

function share(part: number, whole: number): number {
  return whole > 0 ? Math.min(1, part / whole) : 0;
}
