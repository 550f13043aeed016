// Types of import-cycles.mjs (a plain module, so that `npm run lint` needs no TypeScript loader).
export function importGraph(root: string): Map<string, Set<string>>;
export function findCycles(graph: Map<string, Set<string>>): string[][];
export function describeCycles(cycles: string[][], root: string): string[];
