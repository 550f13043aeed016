// What the input shows, in words that fit the dataset: MNIST has digits written in ink, Fashion-MNIST
// has photos of clothes, shoes and bags, a custom model something we know nothing about (and, for
// an RGB model, a colour image shown in its own colours, where 0 is black). Panels that talk about
// the image's non-zero pixels take their words from here.

export type Subject = 'digit' | 'garment' | 'object' | 'image';

export interface SubjectWords {
  subject: Subject;
  /** 'digit', 'garment', 'object'. */
  noun: string;
  /** The non-zero pixels, as a plural noun phrase: 'ink pixels', 'garment pixels'. */
  pixels: string;
  /** What the non-zero pixels are made of: 'the ink', 'the garment'. */
  material: string;
  /** Where pathways can start: 'inked pixels', 'pixels of the garment'. */
  signalPixels: string;
  /** What the grey of an image underlay is: 'the digit', 'the garment'. */
  underlay: string;
  /** How to read the input's shades. */
  valueHint: string;
  /** What the brush is for. */
  drawHint: string;
  brushTitle: string;
  eraserTitle: string;
}

const WORDS: Record<Subject, SubjectWords> = {
  digit: {
    subject: 'digit',
    noun: 'digit',
    pixels: 'ink pixels',
    material: 'the ink',
    signalPixels: 'inked pixels',
    underlay: 'the digit',
    valueHint: 'Darker means more ink; the white background is 0.',
    drawHint: 'Draw a digit with the brush; the network recomputes when you lift the pen.',
    brushTitle: 'Draw strokes like an MNIST digit',
    eraserTitle: 'Erase ink',
  },
  garment: {
    subject: 'garment',
    noun: 'garment',
    pixels: 'garment pixels',
    material: 'the garment',
    signalPixels: 'pixels of the garment',
    underlay: 'the garment',
    valueHint:
      'Darker means a brighter part of the garment in the photo; the white background is 0.',
    drawHint:
      'Draw a piece of clothing (filled, like the photos) with the brush; the network recomputes when you lift the pen.',
    brushTitle: 'Paint a garment, filled like the Fashion-MNIST photos',
    eraserTitle: 'Erase part of the garment',
  },
  object: {
    subject: 'object',
    noun: 'object',
    pixels: 'non-zero pixels',
    material: 'the non-zero pixels',
    signalPixels: 'non-zero pixels',
    underlay: 'the image',
    valueHint: 'Darker means a larger value; the white background is 0.',
    drawHint: 'Draw with the brush; the network recomputes when you lift the pen.',
    brushTitle: 'Draw on the image',
    eraserTitle: 'Erase',
  },
  image: {
    subject: 'image',
    noun: 'image',
    pixels: 'non-black pixels',
    material: 'the non-black pixels',
    signalPixels: 'non-black pixels',
    underlay: 'the image',
    valueHint:
      'Colours are shown as the network reads them (R, G, B from 0 to 1); black is 0 in every channel.',
    drawHint:
      'Paint with the brush in the chosen colour; the network recomputes when you lift the pen.',
    brushTitle: 'Paint in the chosen colour',
    eraserTitle: 'Erase to black (0)',
  },
};

/**
 * The words for a built-in model's dataset ('mnist', 'fashion'); a custom model gets neutral
 * words, and any model with a colour (3-channel) input the colour image's.
 */
export function subjectWords(dataset: string, custom = false, channels = 1): SubjectWords {
  if (channels === 3) return WORDS.image;
  if (custom) return WORDS.object;
  if (dataset === 'mnist') return WORDS.digit;
  if (dataset === 'fashion') return WORDS.garment;
  return WORDS.object;
}

/** True when every pixel is 0: an empty canvas (after Clear) or a blank upload. */
export function isEmptyImage(pixels: ArrayLike<number>): boolean {
  for (let i = 0; i < pixels.length; i++) if (pixels[i] !== 0) return false;
  return true;
}
