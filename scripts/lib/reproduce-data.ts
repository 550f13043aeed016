// The labelled pictures a reproduction run analyses: a seeded sample of MNIST or Fashion-MNIST
// (the shipped models' data, drawn exactly as the committed reports were), or a folder of the
// user's pictures with one sub-folder per class. Three disjoint sets come out: the analysis
// sample (n), the importance sample (up to n more) and the training sample for the class
// centroids (src/analysis/report/pipeline.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import {
  deriveSeed,
  mulberry32,
  sampleWithoutReplacement,
  type ImageSet,
} from '../../src/analysis';
import type { InputInfo } from '../../src/pathways/types';
import { isDatasetId, loadDataset, type Dataset, type DatasetId } from '../../training/data';
import type { FitOption } from './pathways-args';
import { pictureInput } from './picture-input';

export interface ReproductionData {
  /** The data's name in the report, e.g. "MNIST" or "my-pictures (folder)". */
  label: string;
  /** Where the sets were drawn: a dataset's test and training splits, or a folder's pictures. */
  source: DataSource;
  test: ImageSet;
  importance: ImageSet;
  train: ImageSet;
}

export type DataSource = 'dataset' | 'split folder' | 'folder';

export interface DataRequest {
  /** 'mnist', 'fashion' or a folder. */
  data: string;
  n: number;
  nTrain: number;
  seed: number;
  fit: FitOption;
  invert: 'auto' | 'yes' | 'no';
}

export interface DataModel {
  input: InputInfo;
  classCount: number;
  classNames: string[];
  /** A shipped MNIST-style model (then auto-fitted pictures are fitted like digits). */
  shipped: boolean;
}

/** At least this many importance pictures: fewer would rank the maps on noise. */
const MIN_IMPORTANCE = 10;
const PICTURE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg']);

/** The given images of a 28×28 dataset split as model inputs (pixel/255, NHWC). */
function datasetSet(ds: Dataset, indices: number[]): ImageSet {
  const px = 28 * 28;
  const images = new Float32Array(indices.length * px);
  indices.forEach((i, j) => {
    for (let p = 0; p < px; p++) images[j * px + p] = ds.images[i * px + p]! / 255;
  });
  return {
    input: { height: 28, width: 28, channels: 1 },
    images,
    labels: Int32Array.from(indices, (i) => ds.labels[i]!),
    count: indices.length,
  };
}

function datasetData(id: DatasetId, model: DataModel, request: DataRequest): ReproductionData {
  const { height, width, channels } = model.input;
  if (height !== 28 || width !== 28 || channels !== 1 || model.classCount !== 10) {
    throw new Error(
      `--data ${id} holds 28×28 grey pictures of 10 classes, but the model takes ` +
        `${height}×${width}×${channels} with ${model.classCount} classes: give --data a folder of its own pictures.`,
    );
  }
  const testData = loadDataset(id, 'test');
  // One seeded draw split in two: the analysis sample and a disjoint importance sample.
  const drawn = sampleWithoutReplacement(
    mulberry32(deriveSeed(request.seed, 100)),
    testData.count,
    Math.min(testData.count, 2 * request.n),
  );
  const trainData = loadDataset(id, 'train');
  const train = sampleWithoutReplacement(
    mulberry32(deriveSeed(request.seed, 101)),
    trainData.count,
    Math.min(trainData.count, request.nTrain),
  );
  return {
    label: id === 'mnist' ? 'MNIST' : 'Fashion-MNIST',
    source: 'dataset',
    test: datasetSet(testData, drawn.slice(0, request.n)),
    importance: datasetSet(testData, drawn.slice(request.n)),
    train: datasetSet(trainData, train),
  };
}

interface Labelled {
  path: string;
  label: number;
}

/** A class folder's label: its name as a class index, else as one of the class names. */
function classOf(folder: string, model: DataModel): number {
  const K = model.classCount;
  if (/^\d+$/.test(folder) && Number(folder) < K) return Number(folder);
  const exact = model.classNames.indexOf(folder);
  if (exact >= 0) return exact;
  const folded = model.classNames.findIndex((c) => c.toLowerCase() === folder.toLowerCase());
  if (folded >= 0) return folded;
  const names = model.classNames.slice(0, 5).join(', ');
  throw new Error(
    `the class folder '${folder}' is neither a class index (0–${K - 1}) nor one of the model's class names (${names}${K > 5 ? ', …' : ''})`,
  );
}

function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** Every picture of dir/<class>/, classes in label order, pictures by name within a class. */
function labelledPictures(dir: string, model: DataModel): Labelled[] {
  const classes = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => ({ folder: e.name, label: classOf(e.name, model) }))
    .sort((a, b) => a.label - b.label);
  if (classes.length === 0) {
    throw new Error(`'${dir}' has no class folders: put each class's pictures in ${dir}/<class>/`);
  }
  return classes.flatMap(({ folder, label }) =>
    readdirSync(join(dir, folder))
      .filter((f) => PICTURE_EXTENSIONS.has(extname(f).toLowerCase()))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((f) => ({ path: join(dir, folder, f), label })),
  );
}

interface Picture {
  image: Float32Array;
  label: number;
}

/**
 * Fills sets with pictures taken in `order`, `quotas[i]` for set i, converting each for the model
 * and skipping (with a line on stderr) those that cannot be read. Decodes only what it takes.
 */
function takePictures(
  pool: Labelled[],
  order: number[],
  quotas: number[],
  model: DataModel,
  request: DataRequest,
  warn: (line: string) => void,
): Picture[][] {
  const sets: Picture[][] = quotas.map(() => []);
  let set = 0;
  for (const i of order) {
    while (set < quotas.length && sets[set]!.length >= quotas[set]!) set++;
    if (set >= quotas.length) break;
    const { path, label } = pool[i]!;
    try {
      sets[set]!.push({
        image: pictureInput(path, model.input, model.shipped, request).image,
        label,
      });
    } catch (error) {
      warn(`skipped ${(error as Error).message}`);
    }
  }
  return sets;
}

function toSet(pictures: Picture[], input: InputInfo): ImageSet {
  const n = input.height * input.width * input.channels;
  const images = new Float32Array(pictures.length * n);
  pictures.forEach((p, j) => images.set(p.image, j * n));
  return {
    input: { ...input },
    images,
    labels: Int32Array.from(pictures, (p) => p.label),
    count: pictures.length,
  };
}

function folderData(
  dir: string,
  model: DataModel,
  request: DataRequest,
  warn: (line: string) => void,
): ReproductionData {
  if (!isDir(dir)) throw new Error(`--data '${dir}' is neither mnist, fashion nor a folder.`);
  const { n, nTrain } = request;
  const split = isDir(join(dir, 'train')) && isDir(join(dir, 'test'));
  const draw = (pool: Labelled[], stream: number) =>
    sampleWithoutReplacement(
      mulberry32(deriveSeed(request.seed, stream)),
      pool.length,
      pool.length,
    );
  /** Fills the quotas from `folder`; refuses a folder that cannot fill them. */
  const take = (folder: string, stream: number, quotas: number[], needs: string) => {
    const pool = labelledPictures(folder, model);
    const sets = takePictures(pool, draw(pool, stream), quotas, model, request, warn);
    const readable = sets.reduce((sum, set) => sum + set.length, 0);
    // The last quota (the importance sample) may come up short, down to MIN_IMPORTANCE.
    const short = sets.some((set, i) =>
      i === quotas.length - 1 && quotas.length > 1
        ? set.length < Math.min(MIN_IMPORTANCE, quotas[i]!)
        : set.length < quotas[i]!,
    );
    if (short) {
      const unreadable =
        pool.length > readable ? ` (${pool.length - readable} could not be read)` : '';
      throw new Error(
        `${folder} has ${pool.length} pictures${unreadable}, but ${needs}, all different: lower --n or --train, or add pictures.`,
      );
    }
    return sets;
  };
  let test: Picture[], importance: Picture[], train: Picture[];
  const analysis = `--n ${n} needs ${n} for the analysis`;
  const imp = `at least ${MIN_IMPORTANCE} (up to ${n}) for the map importance`;
  if (split) {
    [test = [], importance = []] = take(join(dir, 'test'), 100, [n, n], `${analysis} and ${imp}`);
    [train = []] = take(
      join(dir, 'train'),
      101,
      [nTrain],
      `${nTrain} are needed for the class centroids`,
    );
  } else {
    // Analysis and training samples first, so that they are full whenever the folder allows.
    [test = [], train = [], importance = []] = take(
      dir,
      100,
      [n, nTrain, n],
      `${analysis}, ${nTrain} for the class centroids and ${imp}`,
    );
  }
  return {
    label: `${basename(dir)} (picture folder)`,
    source: split ? 'split folder' : 'folder',
    test: toSet(test, model.input),
    importance: toSet(importance, model.input),
    train: toSet(train, model.input),
  };
}

/** The run's three image sets for `model` (see the file comment). */
export function reproductionData(
  model: DataModel,
  request: DataRequest,
  warn: (line: string) => void,
): ReproductionData {
  return isDatasetId(request.data)
    ? datasetData(request.data, model, request)
    : folderData(request.data, model, request, warn);
}
