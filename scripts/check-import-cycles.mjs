// `npm run lint` (and so `npm test`) fails on any import circle in src, type imports included.
import { describeCycles, findCycles, importGraph } from './lib/import-cycles.mjs';

const root = process.argv[2] ?? 'src';
const graph = importGraph(root);
const cycles = describeCycles(findCycles(graph), process.cwd());
if (cycles.length > 0) {
  console.error(`Import circles in ${root} (${cycles.length}); break each one:`);
  for (const cycle of cycles) console.error(`  ${cycle}`);
  process.exit(1);
}
console.log(`No import circles among ${graph.size} modules in ${root}.`);
