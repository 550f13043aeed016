// The report's figures, as SVG strings keyed by file-name suffix (docs/figures/<model>-<key>.svg).
import type { ReproductionResult } from './pipeline';
import { barChart, histogramChart, lineChart, PALETTE, scatterChart } from './svg';

export type Figures = Record<string, string>;

export function reportFigures(r: ReproductionResult): Figures {
  const m = r.config.topM;
  const name = r.config.modelId;
  const figures: Figures = {};

  figures.overlap = barChart({
    title: `${name}: top-${m} maps of each pixel ∩ top-${m} important maps`,
    categories: r.overlap.map((o) => o.name),
    series: [
      { name: 'pathway overlap', values: r.overlap.map((o) => o.overlap) },
      { name: `chance m/C`, values: r.overlap.map((o) => o.chance), color: '#bbb' },
    ],
    xLabel: 'layer',
    yLabel: 'mean overlap (fraction of m)',
    yRange: [0, 1],
  });

  const tests = r.ablation.filter((a) => a.k === Math.min(m, a.channels - 1));
  figures.ablation = barChart({
    title: `${name}: true-class probability drop, zeroing ${m} maps per image`,
    categories: tests.map((a) => a.name),
    series: [
      {
        name: 'pathway maps',
        values: tests.map((a) => a.baseline.probability - a.pathway.probability),
      },
      {
        name: 'random maps',
        values: tests.map((a) => a.baseline.probability - a.random.probability),
        color: '#bbb',
      },
      {
        name: 'important maps',
        values: tests.map((a) => a.baseline.probability - a.important.probability),
        color: PALETTE[2],
      },
    ],
    xLabel: 'layer',
    yLabel: 'probability drop',
  });

  figures.importance = barChart({
    title: `${name}: largest map importance per layer (ablation)`,
    categories: r.importance.layers.map((l) => l.name),
    series: [1, 2, 3].map((rank, i) => ({
      name: `rank ${rank}`,
      values: r.importance.layers.map((l) => {
        const k = l.ranking[rank - 1];
        return k === undefined ? NaN : l.probabilityDrop[k]!;
      }),
      color: PALETTE[i],
    })),
    xLabel: 'layer',
    yLabel: 'true-class probability drop',
  });

  figures.consistency = lineChart({
    title: `${name}: correlation of per-map pathway sizes between images`,
    categories: r.consistency.raw.map((c) => c.name),
    series: [
      { name: 'within class', values: r.consistency.raw.map((c) => c.within), color: PALETTE[0] },
      {
        name: 'between classes',
        values: r.consistency.raw.map((c) => c.between),
        color: PALETTE[1],
      },
      {
        name: 'within (centred)',
        values: r.consistency.centred.map((c) => c.within),
        color: PALETTE[0],
        dashed: true,
      },
      {
        name: 'between (centred)',
        values: r.consistency.centred.map((c) => c.between),
        color: PALETTE[1],
        dashed: true,
      },
    ],
    xLabel: 'layer',
    yLabel: 'mean Pearson correlation',
  });

  const pca = r.portionHot.projection;
  figures.pca = scatterChart({
    title: `${name}: portion-hot codes, PCA of held-out images`,
    points: pca.points,
    labels: pca.labels,
    classNames: r.config.classNames,
    xLabel: `PC1 (${(100 * (pca.pca.explained[0] ?? 0)).toFixed(1)} % of variance)`,
    yLabel: `PC2 (${(100 * (pca.pca.explained[1] ?? 0)).toFixed(1)} %)`,
  });

  figures['portion-hot'] = barChart({
    title: `${name}: nearest-centroid accuracy of portion-hot codes per layer`,
    categories: [...r.portionHot.perLayer.map((p) => p.name), 'all', 'pixels'],
    series: [
      {
        name: 'accuracy',
        values: [
          ...r.portionHot.perLayer.map((p) => p.result.accuracy),
          r.portionHot.all.accuracy,
          r.portionHot.pixels.accuracy,
        ],
      },
      {
        name: 'chance',
        values: Array(r.portionHot.perLayer.length + 2).fill(r.portionHot.all.chance),
        color: '#bbb',
      },
    ],
    xLabel: 'code',
    yLabel: 'accuracy',
    yRange: [0, 1],
  });

  const targeted = r.attacks.find((a) => a.kind === 'targeted');
  if (targeted) {
    const c = targeted.comparisonClassMean.layers;
    figures.attack = lineChart({
      title: `${name}: targeted attack, correlation of per-map sizes`,
      categories: c.map((l) => l.name),
      series: [
        { name: 'attacked ↔ original', values: c.map((l) => l.attackedVsOriginal.correlation) },
        { name: 'attacked ↔ target class', values: c.map((l) => l.attackedVsTarget.correlation) },
        {
          name: 'original ↔ target class',
          values: c.map((l) => l.originalVsTarget.correlation),
          dashed: true,
        },
      ],
      xLabel: 'layer',
      yLabel: 'mean Pearson correlation',
    });
  }

  figures.occlusion = barChart({
    title: `${name}: occlusion, top-${m} maps of visible pixels vs intact image`,
    categories: r.occlusion.layers.map((l) => l.name),
    series: [
      { name: 'same pixel', values: r.occlusion.layers.map((l) => l.overlap) },
      { name: 'other pixel', values: r.occlusion.layers.map((l) => l.baseline), color: PALETTE[1] },
      { name: 'chance', values: r.occlusion.layers.map((l) => l.chance), color: '#bbb' },
    ],
    xLabel: 'layer',
    yLabel: 'mean overlap (fraction of m)',
    yRange: [0, 1],
  });

  // Conv/pool layers only: the dense layers' large (expected) changes would flatten the rest.
  const spatial = r.layers.filter((l) => l.kind === 'conv' || l.kind === 'pool');
  figures.movement = lineChart({
    title: `${name}: movement, relative change of per-map sizes (conv/pool)`,
    categories: spatial.map((l) => l.name),
    series: r.config.shifts.map(([dx, dy], i) => {
      // Shifts that push input off the frame are left out, as in the report's table.
      const rows = r.movement.filter((mv) => mv.dx === dx && mv.dy === dy && mv.lostValues === 0);
      return {
        name: `shift (${dx}, ${dy})`,
        values: spatial.map((l) =>
          rows.length > 0
            ? rows.reduce((s, mv) => s + mv.layers[l.index]!.sizeChange, 0) / rows.length
            : NaN,
        ),
        color: PALETTE[i % PALETTE.length],
      };
    }),
    xLabel: 'layer',
    yLabel: 'Σ|Δsize| / Σ|size|',
  });

  figures.ntotal = histogramChart({
    title: `${name}: N_total of original, deformed (attacked) and target images`,
    edges: r.groups.total.histogram.edges,
    counts: r.groups.total.histogram.counts,
    names: r.groups.total.groups.map((g) => g.name),
    xLabel: 'N_total (pathways on all maps of all layers)',
  });
  return figures;
}
