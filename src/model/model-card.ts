// The optional model card next to model.json: shown in the UI, never required to run the model.

export interface ModelCard {
  title: string;
  classNames: string[] | null;
  parameterCount: number | null;
  /** Fraction in [0, 1]. */
  testAccuracy: number | null;
}

/** Picks the fields the UI shows, tolerating missing or odd values. */
function parseModelCard(raw: unknown): ModelCard | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const names = r['classNames'];
  const accuracy = num(r['testAccuracy']);
  return {
    title: text(r['title']) ?? 'Model',
    classNames:
      Array.isArray(names) && names.every((n) => typeof n === 'string')
        ? (names as string[])
        : null,
    parameterCount: num(r['parameterCount']),
    testAccuracy: accuracy !== null && accuracy >= 0 && accuracy <= 1 ? accuracy : null,
  };
}

export async function loadModelCard(url: string, fetcher: typeof fetch = fetch) {
  const response = await fetcher(url);
  if (!response.ok) return null;
  return parseModelCard(await response.json().catch(() => null));
}
