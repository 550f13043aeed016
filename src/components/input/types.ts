import type { PixelRegion } from '../../lib/selection';

/** 'stroke' while the pointer is still down (preview); 'end' once a stroke is complete. */
export type DrawPhase = 'stroke' | 'end';

export type SelectHandler = (pixels: number[], region: PixelRegion) => void;
export type DrawHandler = (image: Float32Array, phase: DrawPhase) => void;
