import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ShippedFile, ShippedFileContent } from '../../contracts/designer.js';
import { NotFoundError } from '../../errors/index.js';
import { kindOfFile } from './designer.schema.js';

/** The model files of processes/, sorted by name. */
export async function listShippedFiles(dir: string): Promise<ShippedFile[]> {
  const names = (await readdir(dir)).sort();
  return names.flatMap((fileName) => {
    const kind = kindOfFile(fileName);
    return kind ? [{ fileName, kind }] : [];
  });
}

/** One shipped file; only names that the folder lists are read, so no path leaves processes/. */
export async function readShippedFile(dir: string, fileName: string): Promise<ShippedFileContent> {
  const file = (await listShippedFiles(dir)).find((f) => f.fileName === fileName);
  if (!file) throw new NotFoundError(`processes/ 中没有文件 ${fileName}`, { resource: 'shipped-file', id: fileName });
  return { ...file, content: await readFile(path.join(dir, file.fileName), 'utf8') };
}
