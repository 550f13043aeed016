// Dev harness page for the Sankey (not part of the product): mounts SankeyPanel on a synthetic,
// conserved PixelQueryResult. Built into /tmp by scripts/sankey-fixture.ts and opened in Chromium.
// Query: ?fixture=mnist|wide|rgb|zero|real &prune=top8|min0.02 &pool=show &pin=<id> &reveal=<n>
// (fixture=real: a query on the shipped MNIST model that the fixture script embeds in the page.)
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SANKEY_SETTINGS } from '../src/layout/sankey-types';
import { SankeyPanel } from '../src/components/sankey/SankeyPanel';
import { useSankeyDrawing } from '../src/components/sankey/use-sankey-drawing';
import { syntheticPixelQuery, zeroPixelQuery } from '../src/layout/testing/synthetic-result';
import { parsePruneToken } from '../src/layout/prune-spec';
import type { PixelQueryResult } from '../src/pathways/types';

const CLASS_NAMES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
];
const params = new URLSearchParams(location.search);

const FLOAT_ARRAYS = new Set([
  'nodeFlow',
  'edgeFlow',
  'inputFlow',
  'diffusion',
  'signed',
  'positive',
  'l1',
]);

function reviveResult(text: string): PixelQueryResult {
  return JSON.parse(text, (key, value: unknown) => {
    if (!FLOAT_ARRAYS.has(key) || !Array.isArray(value)) return value;
    const nested = value.length > 0 && Array.isArray(value[0]);
    return nested ? value.map((v: number[]) => Float32Array.from(v)) : Float32Array.from(value);
  }) as PixelQueryResult;
}

function fixture(): PixelQueryResult {
  switch (params.get('fixture')) {
    case 'real': {
      const text = document.getElementById('real-result')?.textContent;
      if (text && text !== 'null') return reviveResult(text);
      return syntheticPixelQuery();
    }
    case 'zero':
      return zeroPixelQuery();
    case 'rgb':
      return syntheticPixelQuery({ inputChannels: 3, seed: 3 });
    case 'wide':
      return syntheticPixelQuery({
        seed: 11,
        silentShare: 0.05,
        layers: [
          { name: 'conv1', kind: 'conv', channels: 32, size: 28 },
          { name: 'pool1', kind: 'pool', channels: 32, size: 14 },
          { name: 'conv2', kind: 'conv', channels: 48, size: 14 },
          { name: 'pool2', kind: 'pool', channels: 48, size: 7 },
          { name: 'dense1', kind: 'dense', channels: 128, size: 1 },
          { name: 'logits', kind: 'logits', channels: 10, size: 1 },
        ],
      });
    default:
      return syntheticPixelQuery();
  }
}

const result = fixture();

function Harness() {
  const [settings, setSettings] = useState({
    ...DEFAULT_SANKEY_SETTINGS,
    prune: parsePruneToken(params.get('prune')) ?? DEFAULT_SANKEY_SETTINGS.prune,
    poolMode: params.get('pool') === 'show' ? ('show' as const) : ('merge' as const),
  });
  const [pinned, setPinned] = useState<string | null>(params.get('pin'));
  const [reveal, setReveal] = useState<number | null>(
    params.has('reveal') ? Number(params.get('reveal')) : null,
  );
  const [target, setTarget] = useState<number | null>(null);
  // Built once here, as PathwayView does in the app.
  const { drawing, frame } = useSankeyDrawing(result, settings, CLASS_NAMES, 560);
  return (
    <main style={{ padding: 16, maxWidth: 1360 }}>
      <SankeyPanel
        drawing={drawing}
        frame={frame}
        classNames={CLASS_NAMES}
        predicted={result.classIndex}
        targetClass={target}
        onTargetClassChange={setTarget}
        settings={settings}
        onSettingsChange={setSettings}
        pinned={pinned}
        onPinNode={setPinned}
        reveal={reveal}
        onRevealChange={setReveal}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
