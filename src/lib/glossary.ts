// Short explanations of the technical terms the panels use, each shown (by src/components/common/
// Term.tsx) where the term first appears. Plain words first; the method is in docs/method.md.

export const GLOSSARY = {
  gatesFixed: {
    term: 'gates fixed',
    text:
      'The on/off switches of the network (which ReLUs pass a signal, which pixel each max-pool ' +
      'keeps) are set by one ordinary pass of this image and then held fixed. The network is then ' +
      'linear in the pixels, so their contributions add up exactly.',
  },
  gradientInput: {
    term: 'gradient × input',
    text:
      'A pixel’s contribution to a class score: its value times how fast the score changes when ' +
      'the pixel changes (the gradient), with the gates fixed. The pixels’ contributions and the ' +
      'biases’ share add up to the score.',
  },
  pathwaySize: {
    term: 'Σ D',
    text:
      'Pathway size: the pixel’s diffusion D (its own part of the map’s activation) summed over ' +
      'every cell of the map, i.e. how much of the pixel’s signal reaches this map, whatever the ' +
      'class.',
  },
  classFlow: {
    term: '|class flow|',
    text:
      'Class flow: the part of the selection’s contribution to the class score that passes ' +
      'through a map or a link; it is what the band widths show. |…| is its size whatever its ' +
      'sign, so shares of |flow| lie between 0 and 100 %.',
  },
  ablation: {
    term: 'ablation',
    text:
      'Switching one feature map off (setting it to zero) and measuring how much the network’s ' +
      'true-class probability drops on gallery images: the larger the drop, the more important ' +
      'the map.',
  },
  beamSearch: {
    term: 'beam search',
    text:
      'Pathways are built layer by layer, keeping only the few most promising partial pathways at ' +
      'each step. It is fast, but a large pathway whose beginning looks small can be missed.',
  },
} as const satisfies Record<string, { term: string; text: string }>;

export type GlossaryId = keyof typeof GLOSSARY;
