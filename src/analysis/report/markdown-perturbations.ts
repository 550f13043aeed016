// Report sections for findings 4–5: attacks, occlusion, movement and N_total of the three groups.
import { figure, meanOf, num, pct, REPORT_SECTIONS, table, type MarkdownContext } from './md';
import type { ReproductionResult } from './pipeline';
import { movementSummary } from './verdicts';

export function perturbationSections(r: ReproductionResult, ctx: MarkdownContext): string[] {
  const c = r.config;
  const m = c.topM;
  const out: string[] = [];
  const push = (...s: string[]) => out.push(...s);
  push(REPORT_SECTIONS[5] + '\n');
  push(REPORT_SECTIONS[6] + '\n');
  push(
    `FGSM (one signed-gradient step of size ε on the cross-entropy of the true class, clipped to [0, 1]): share of ` +
      `correctly classified sample images that become misclassified.\n`,
  );
  push(
    table(
      ['ε', 'images', 'success rate'],
      r.fgsmSweep.map((s) => [s.epsilon, s.attempted, pct(s.successRate)]),
    ),
  );
  const tg = c.targeted;
  push(
    `Targeted I-FGSM: ${tg.steps} steps of α = ${tg.stepSize} towards a seeded random other class, projected to the ` +
      `L∞ ball ε = ${tg.epsilon} and to [0, 1], stopping per image once it is classified as the target. FGSM with ` +
      `ε = ${c.fgsmEpsilon} is compared likewise, its "target" being the class it produced. Each successful attack is ` +
      `compared with its original and with natural images of the target class: a single correctly classified sample ` +
      `image (seeded choice) and the class mean of all correctly classified sample images of that class.\n`,
  );
  for (const a of r.attacks) {
    push(
      `**${a.kind === 'targeted' ? 'Targeted I-FGSM' : `FGSM ε = ${c.fgsmEpsilon}`}**: ${a.succeeded}/${a.attempted} succeeded ` +
        `(mean L∞ change ${num(a.meanLinf)}); mean N_total original ${num(meanOf(a.comparison.totals.original), 0)}, ` +
        `attacked ${num(meanOf(a.comparison.totals.attacked), 0)}, natural target ${num(meanOf(a.comparison.totals.target), 0)}.\n`,
    );
    push(
      table(
        [
          'layer',
          'r(att, orig)',
          'r(att, target img)',
          'r(orig, target img)',
          'r(att, target class)',
          'r(orig, target class)',
          'closer to target class',
          'rel. L1 att vs orig',
        ],
        a.comparison.layers.map((l, i) => {
          const cm = a.comparisonClassMean.layers[i]!;
          return [
            l.name,
            num(l.attackedVsOriginal.correlation),
            num(l.attackedVsTarget.correlation),
            num(l.originalVsTarget.correlation),
            num(cm.attackedVsTarget.correlation),
            num(cm.originalVsTarget.correlation),
            pct(cm.closerToTarget, 0),
            num(l.attackedVsOriginal.relativeL1),
          ];
        }),
      ),
    );
  }
  push(figure(ctx, 'attack', 'correlation of attacked pathways with original and target class'));

  push(REPORT_SECTIONS[7] + '\n');
  const o = r.occlusion;
  push(
    `A patch of ${c.patchSize}×${c.patchSize} pixels centred on a random non-zero pixel (seeded) is set to 0 in ${o.images} correctly ` +
      `classified images; on average it hides ${pct(o.meanOccludedInk)} of the non-zero pixels. Accuracy intact ` +
      `${pct(o.intactAccuracy)} → occluded ${pct(o.occludedAccuracy)}. Per layer: overlap of each visible pixel's top-${m} ` +
      `maps in the occluded image with the same pixel's top-${m} in the intact image, vs a random other pixel of the ` +
      `intact image (how generic top maps are) and chance; and the correlation of v_l, occluded vs intact.\n`,
  );
  push(
    table(
      ['layer', 'same pixel', 'other pixel', 'chance', 'r(v_l occluded, intact)'],
      o.layers.map((l) => [
        l.name,
        num(l.overlap),
        num(l.baseline),
        num(l.chance),
        num(l.correlation),
      ]),
    ),
  );
  push(figure(ctx, 'occlusion', 'occlusion overlap per layer'));

  push(REPORT_SECTIONS[8] + '\n');
  const mv = movementSummary(r);
  push(
    `Each of ${r.movement.length / Math.max(1, c.shifts.length)} correctly classified images is shifted by ` +
      `${c.shifts.map(([dx, dy]) => `(${dx}, ${dy})`).join(', ')} pixels (zero fill). Per layer: relative L1 change of ` +
      `v_l, of the per-pixel sizes (each pixel matched with its moved copy), and the relative L1 distance between the ` +
      `shifted image's total diffusion map Σ_p D_l^p and the original's moved by the shift / the layer's stride (only when ` +
      `the shift is a multiple of that stride). Mean over images.\n`,
  );
  const intact = r.movement.filter((x) => x.lostValues === 0);
  push(
    table(
      [
        'shift',
        'layer',
        'stride',
        'images',
        'Δ v_l',
        'Δ per-pixel sizes',
        'map shift error',
        'prediction kept',
      ],
      c.shifts.flatMap(([dx, dy]) => {
        const all = r.movement.filter((x) => x.dx === dx && x.dy === dy);
        const rows = intact.filter((x) => x.dx === dx && x.dy === dy);
        const kept =
          all.filter((x) => x.shiftedPrediction === x.originalPrediction).length /
          Math.max(1, all.length);
        return r.layers.map((info, li) => {
          const vals = rows.map((x) => x.layers[li]!);
          const shiftErrs = vals.map((x) => x.mapShiftError).filter((x): x is number => x !== null);
          return [
            `(${dx}, ${dy})`,
            info.name,
            info.kind === 'dense' || info.kind === 'logits' ? 'dense' : (vals[0]?.stride ?? '—'),
            li === 0 ? rows.length : '',
            num(meanOf(vals.map((x) => x.sizeChange)), 4),
            num(meanOf(vals.map((x) => x.pixelSizeChange)), 4),
            shiftErrs.length ? num(meanOf(shiftErrs), 4) : '—',
            li === 0 ? pct(kept) : '',
          ];
        });
      }),
    ),
  );
  push(
    `The table leaves out the ${mv.dropped} of ${r.movement.length} shifted images that lost non-zero pixels off the ` +
      `frame (input removed, so sizes cannot stay); "prediction kept" counts all of them. Mean over (image, shift, ` +
      `conv/pool layer): ${pct(mv.multipleConvPool, 2)} change of v_l where the shift is a multiple of the layer's ` +
      `stride, ${pct(mv.otherConvPool, 2)} where it is not. Dense layers are not translation-equivariant, so their ` +
      `change is expected.\n`,
  );
  push(figure(ctx, 'movement', 'relative change of per-map sizes under shifts'));

  push(REPORT_SECTIONS[9] + '\n');
  push(
    `Groups (paired, one per successful targeted attack): the originals, their attacked ("deformed") versions and the ` +
      `natural target-class images. AUC = P(second > first) (Mann–Whitney; 0.5 = no separation).\n`,
  );
  const g = r.groups;
  push(
    table(
      ['count', 'group', 'n', 'mean', 'median'],
      [
        ...g.total.groups.map((x) => [
          `N_total, τ = ${c.threshold}`,
          x.name,
          x.count,
          num(x.mean, 0),
          num(x.median, 0),
        ]),
        ...g.inkOnly.groups.map((x) => [
          'N_total, original non-zero pixels only',
          x.name,
          x.count,
          num(x.mean, 0),
          num(x.median, 0),
        ]),
        ...g.relative.groups.map((x) => [
          `N_total, relative τ = ${c.relativeThreshold}`,
          x.name,
          x.count,
          num(x.mean, 0),
          num(x.median, 0),
        ]),
      ],
    ),
  );
  push(
    table(
      [
        'pair',
        `AUC (τ = ${c.threshold})`,
        'AUC (original pixels only)',
        `AUC (relative τ = ${c.relativeThreshold})`,
      ],
      g.total.pairs.map((p, i) => [
        `${p.a} → ${p.b}`,
        num(p.auc, 3),
        num(g.inkOnly.pairs[i]!.auc, 3),
        num(g.relative.pairs[i]!.auc, 3),
      ]),
    ),
  );
  push(figure(ctx, 'ntotal', 'N_total histograms'));

  return out;
}
