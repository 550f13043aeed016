// What a drag or a drop carries, for the page-wide model drop (ModelDropZone.tsx). A drop's
// DataTransfer empties when the event returns, so takeDrop reads it synchronously; the folders
// it found are walked afterwards (FileSystemDirectoryEntry, the one way a page reads a dropped
// folder). Images keep going to the input panel: only a .json file or a folder is a model.
import { looksLikeModelDrop } from '../../storage/model-file-group';
import type { ChosenFile } from './read-model-files';

/** A walk stops here: a model is a handful of files, and a dropped home folder is not a model. */
const MAX_FILES = 500;
const MAX_DEPTH = 6;

export interface DropContents {
  files: ChosenFile[];
  folders: FileSystemDirectoryEntry[];
  /** True when it holds a model (a .json file or a folder), not an image for the input panel. */
  isModel: boolean;
}

export class DropReadError extends Error {
  override name = 'DropReadError';
}

/** Whether a drag may carry a model: files that are not all images (their names are hidden until the drop). */
export function dragMayHoldModel(transfer: DataTransfer | null): boolean {
  if (!transfer || !Array.from(transfer.types).includes('Files')) return false;
  const items = Array.from(transfer.items).filter((item) => item.kind === 'file');
  // Some browsers list no items while dragging: then only the drop can tell.
  return items.length === 0 || items.some((item) => !item.type.startsWith('image/'));
}

/** The drop's files and folders, read synchronously inside the drop event. */
export function takeDrop(transfer: DataTransfer): DropContents {
  const files: ChosenFile[] = [];
  const folders: FileSystemDirectoryEntry[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.() ?? null;
    if (entry?.isDirectory) {
      folders.push(entry as FileSystemDirectoryEntry);
      continue;
    }
    const file = item.getAsFile();
    if (file) files.push({ path: file.name, file });
  }
  // A DataTransfer made by a script (or an old browser) may list files without items.
  if (files.length === 0 && folders.length === 0) {
    for (const file of Array.from(transfer.files)) files.push({ path: file.name, file });
  }
  const isModel = looksLikeModelDrop(
    files.map((f) => f.path),
    folders.length > 0,
  );
  return { files, folders, isModel };
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every file under `folder`, with paths that start with the folder's name ("grey-20/model.json"). */
async function walk(
  folder: FileSystemDirectoryEntry,
  prefix: string,
  depth: number,
  out: ChosenFile[],
): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const reader = folder.createReader();
  // readEntries answers in batches (100 in Chromium) until an empty one.
  for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
    for (const entry of batch) {
      if (out.length >= MAX_FILES) {
        throw new DropReadError(
          `The dropped folder holds more than ${MAX_FILES} files: drop the model's own folder (model.json and its weight files).`,
        );
      }
      const path = `${prefix}/${entry.name}`;
      if (entry.isDirectory) await walk(entry as FileSystemDirectoryEntry, path, depth + 1, out);
      else out.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
    }
  }
}

/** All the files of a drop, its folders walked. */
export async function readDrop(contents: DropContents): Promise<ChosenFile[]> {
  const out = [...contents.files];
  try {
    for (const folder of contents.folders) await walk(folder, folder.name, 0, out);
  } catch (error) {
    if (error instanceof DropReadError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DropReadError(`The dropped folder could not be read (${reason}).`);
  }
  return out;
}
