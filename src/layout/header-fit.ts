// Column headers that fit their column: when columns are narrow, a merged 'conv1_2 + pool1' breaks
// into two lines and the note falls back to a shorter form, or is dropped (it stays in the title).

/** Rough advance width of sans-serif text; good enough to decide between fixed alternatives. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.62 : 0.56);
}

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
): HeaderFit {
  const fits = (t: string, size: number, bold: boolean) =>
    estimateTextWidth(t, size, bold) <= available;
  let lines = [label];
  if (!fits(label, fontSize, true) && label.includes(' + ')) {
    const [first, ...rest] = label.split(' + ');
    lines = [first ?? label, `+ ${rest.join(' + ')}`];
  }
  const note = notes.find((n) => n !== '' && fits(n, noteSize, false)) ?? '';
  return { lines, note };
}
