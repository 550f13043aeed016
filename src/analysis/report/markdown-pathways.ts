// Report sections for findings 1–3: important maps, category consistency, portion-hot codes.
import { figure, num, pct, REPORT_SECTIONS, table, type MarkdownContext } from './md';
import type { ReproductionResult } from './pipeline';

export function pathwaySections(r: ReproductionResult, ctx: MarkdownContext): string[] {
  const c = r.config;
  const m = c.topM;
  const out: string[] = [];
  const push = (...s: string[]) => out.push(...s);
  push(REPORT_SECTIONS[2] + '\n');
  push(
    `Overlap: for every non-zero pixel, the share of its top-${m} maps (by size) that are among the layer's top-${m} ` +
      `maps by ablation importance; mean over pixels, then over the ${r.overlap[0]?.images ?? 0} images (± standard error). ` +
      `Chance is m/C_l.\n`,
  );
  push(
    table(
      ['layer', 'maps C_l', 'overlap', '± SE', 'chance m/C_l', 'ratio'],
      r.overlap.map((o) => [
        o.name,
        o.channels,
        num(o.overlap),
        num(o.standardError, 4),
        num(o.chance),
        num(o.overlap / o.chance, 2),
      ]),
    ),
  );
  push(figure(ctx, 'overlap', 'overlap of top pathway maps with important maps'));
  push(
    `Causal test: per image and layer, zero the k maps hit by most of its pixels' top-${m} pathways (ranked by ` +
      `portion-hot share, ties by size), vs k random maps per image (${c.randomRepeats} seeded draws, averaged) and ` +
      `vs the k globally most important maps. Accuracy and mean true-class probability on ${r.ablation[0]?.images ?? 0} images.\n`,
  );
  push(
    table(
      [
        'layer',
        'k',
        'baseline acc',
        'acc: pathway maps',
        'acc: random maps',
        'acc: important maps',
        'p drop: pathway',
        'p drop: random',
        'p drop: important',
      ],
      r.ablation.map((a) => [
        a.name,
        a.k,
        pct(a.baseline.accuracy),
        pct(a.pathway.accuracy),
        pct(a.random.accuracy),
        pct(a.important.accuracy),
        num(a.baseline.probability - a.pathway.probability),
        num(a.baseline.probability - a.random.probability),
        num(a.baseline.probability - a.important.probability),
      ]),
    ),
  );
  push(figure(ctx, 'ablation', 'probability drop when zeroing pathway, random and important maps'));
  push(
    `Importance itself (baseline accuracy ${pct(r.importance.baselineAccuracy, 2)}): the three most important maps per layer.\n`,
  );
  push(
    table(
      ['layer', 'ranking (top 3)', 'p drop of #1', 'acc drop of #1', 'mean p drop (all maps)'],
      r.importance.layers.map((l) => {
        const top = l.ranking[0]!;
        const meanDrop = l.probabilityDrop.reduce((s, x) => s + x, 0) / l.channels;
        return [
          l.name,
          l.ranking.slice(0, 3).join(', '),
          num(l.probabilityDrop[top]!),
          pct(l.accuracyDrop[top]!, 2),
          num(meanDrop, 4),
        ];
      }),
    ),
  );
  push(figure(ctx, 'importance', 'importance of the top-ranked maps'));

  // Finding 2
  push(REPORT_SECTIONS[3] + '\n');
  push(
    `Pearson correlation of the image-level vectors v_l over all pairs of the ${c.n} held-out images, same class vs ` +
      `different classes. "Centred" subtracts the mean vector over all images first: without it, maps that are large ` +
      `for every image make every pair correlate. The counts row uses N_l[k] (centred) instead of sizes.\n`,
  );
  push(
    table(
      [
        'layer',
        'within',
        'between',
        'gap',
        'within (centred)',
        'between (centred)',
        'gap (centred)',
        'gap (counts, centred)',
      ],
      r.consistency.raw.map((x, i) => {
        const ce = r.consistency.centred[i]!;
        const co = r.consistency.counts[i]!;
        return [
          x.name,
          num(x.within),
          num(x.between),
          num(x.gap),
          num(ce.within),
          num(ce.between),
          num(ce.gap),
          num(co.gap),
        ];
      }),
    ),
  );
  const pairs = r.consistency.raw[0];
  if (pairs) push(`Pairs: ${pairs.withinPairs} within, ${pairs.betweenPairs} between.\n`);
  push(figure(ctx, 'consistency', 'within- vs between-class correlation per layer'));

  // Finding 3
  push(REPORT_SECTIONS[4] + '\n');
  const ph = r.portionHot;
  push(
    `Class centroids of the portion-hot codes of ${ph.all.trainSize} training images; each of ${ph.all.testSize} held-out ` +
      `images is assigned to the nearest centroid (Euclidean). Chance ${pct(ph.all.chance)}. For comparison the same ` +
      `classifier on raw pixels, and on each layer's part of the code alone.\n`,
  );
  push(
    table(
      ['code', 'dimensions', 'accuracy'],
      [
        [
          'portion-hot, all layers',
          r.layers.reduce((s, l) => s + l.channels, 0),
          pct(ph.all.accuracy),
        ],
        ...ph.perLayer.map((p) => [
          `portion-hot, ${p.name} only`,
          r.layers[p.layer]!.channels,
          pct(p.result.accuracy),
        ]),
        ['raw pixels', r.input.height * r.input.width * r.input.channels, pct(ph.pixels.accuracy)],
      ],
    ),
  );
  push(
    `Per-class accuracy (all layers): ${ph.all.perClass.map((a, i) => `${c.classNames[i] ?? i}: ${pct(a, 0)}`).join(', ')}.\n`,
  );
  push(
    `PCA (power iteration, seeded) fitted on the training codes; the first two components explain ` +
      `${pct(ph.projection.pca.explained[0] ?? NaN)} and ${pct(ph.projection.pca.explained[1] ?? NaN)} of the variance.\n`,
  );
  push(
    figure(ctx, 'pca', 'PCA projection of portion-hot codes'),
    figure(ctx, 'portion-hot', 'nearest-centroid accuracy per layer'),
  );

  return out;
}
