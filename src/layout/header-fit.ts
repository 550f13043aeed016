// Column headers that fit their column: when columns are narrow, a merged 'conv1_2 + pool1' breaks
// into two lines and the note falls back to a shorter form, or is dropped (it stays in the title).

/** Rough advance width of sans-serif text; good enough to decide between fixed alternatives. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.62 : 0.56);
}

// Advance widths (em) of DejaVu Sans, the widest of the usual sans-serif fallbacks (Linux's
// system-ui); Segoe UI, San Francisco and Roboto are narrower, so text measured here fits there.
const NARROW = /[ .,:;'!|·]/;
const THIN = /[iljIft()[\]/\\r_-]/;
const WIDE = /[mwMW%—−+=<>~]/;

/** A conservative advance width of `text` for fitting labels that must never collide. */
export function measureText(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.test(ch)) em += 0.32;
    else if (THIN.test(ch)) em += 0.42;
    else if (WIDE.test(ch)) em += 0.98;
    else if (ch >= 'A' && ch <= 'Z') em += 0.75;
    else em += 0.64;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

export type TextMeasure = (text: string, fontSize: number, bold?: boolean) => number;

export interface HeaderFit {
  lines: string[];
  note: string;
}

export function fitHeader(
  label: string,
  notes: readonly string[],
  available: number,
  fontSize = 13,
  noteSize = 11,
  measure: TextMeasure = estimateTextWidth,
): HeaderFit {
  const fits = (t: string, size: number, bold: boolean) => measure(t, size, bold) <= available;
  let lines = [label];
  if (!fits(label, fontSize, true) && label.includes(' + ')) {
    const [first, ...rest] = label.split(' + ');
    lines = [first ?? label, `+ ${rest.join(' + ')}`];
  }
  const note = notes.find((n) => n !== '' && fits(n, noteSize, false)) ?? '';
  return { lines, note };
}
