// docs/benchmarks.md holds one section per benchmark script, each between its own markers
// (`<!-- NAME:begin … -->` … `<!-- NAME:end -->`), so that every script rewrites only its part.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { REPO_ROOT } from './shipped';

const HEADER =
  '# Benchmarks\n\nEach section is written by its own script; see the section for how to rerun it.\n';

/** Puts `section` (which starts and ends with its markers) in place of the old one, or appends it. */
export function replaceSection(current: string, marker: string, section: string): string {
  const begin = current.indexOf(`<!-- ${marker}:begin`);
  const endMarker = `<!-- ${marker}:end -->`;
  const end = current.indexOf(endMarker);
  return begin >= 0 && end > begin
    ? current.slice(0, begin) + section + current.slice(end + endMarker.length)
    : `${current.trimEnd()}\n\n${section}\n`;
}

/** Rewrites one section of docs/benchmarks.md, formatted as Prettier would (format check). */
export async function writeBenchmarkSection(marker: string, section: string): Promise<string> {
  const file = join(REPO_ROOT, 'docs', 'benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const config = (await resolveConfig(file)) ?? {};
  const next = replaceSection(current, marker, section);
  writeFileSync(file, await format(next, { ...config, filepath: file }));
  return file;
}
