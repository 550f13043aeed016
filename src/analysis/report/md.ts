// Shared pieces of the markdown report: section headings, the rendering context and table helpers.
import { fmt } from './svg';

/** Section headings every report contains (the report test checks them). */
export const REPORT_SECTIONS = [
  '## Summary',
  '## Setup',
  '## Finding 1: the largest pathways cross the important maps',
  '## Finding 2: same-category consistency',
  '## Finding 3: portion-hot codes separate the categories',
  '## Finding 4: adversarial attacks, object completion, movement',
  '### 4a. Adversarial attacks',
  '### 4b. Object completion (occlusion)',
  '### 4c. Movement',
  '## Finding 5: N_total of original, deformed and target samples',
  '## Run times',
  '## Caveats',
] as const;

export interface MarkdownContext {
  /** The command that produced the report. */
  command: string;
  /** Model title and test accuracy from the model card. */
  modelTitle: string;
  modelAccuracy?: number;
  /** False for a model the user brought (default: one of the project's shipped models). */
  shipped?: boolean;
  /**
   * Where the images came from (default 'dataset': its test and training splits): a folder with
   * test/ and train/ sub-folders, or one folder that all the samples are drawn from.
   */
  dataSource?: 'dataset' | 'split folder' | 'folder';
  /** Figure path (relative to the markdown file) for a figure key. */
  figurePath: (key: string) => string;
  generatedAt: string;
  totalSeconds: number;
}

export const pct = (v: number, d = 1) => (Number.isFinite(v) ? `${fmt(100 * v, d)} %` : 'n/a');
export const num = (v: number, d = 3) => (Number.isFinite(v) ? fmt(v, d) : 'n/a');

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

export function figure(ctx: MarkdownContext, key: string, alt: string): string {
  return `![${alt}](${ctx.figurePath(key)})\n`;
}

export function meanOf(values: number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN;
}
