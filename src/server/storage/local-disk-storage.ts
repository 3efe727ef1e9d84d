import fs from 'node:fs/promises';
import path from 'node:path';
import { assertStorageKey, type StoragePort } from './storage-port';

/**
 * Files on the local disk, under `<DATA_DIR>/uploads` by default: the
 * embedded setup needs no external service. Writes go to a temporary file
 * first and are renamed, so a reader never sees half a file.
 */
export function createLocalDiskStorage(rootDir: string): StoragePort {
  const fileFor = (key: string) => {
    assertStorageKey(key);
    return path.join(rootDir, key);
  };
  return {
    kind: 'local',
    async put(key, bytes) {
      const file = fileFor(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Date.now()}.part`;
      await fs.writeFile(temporary, bytes, { flag: 'wx' });
      await fs.rename(temporary, file);
    },
    async get(key) {
      try {
        return new Uint8Array(await fs.readFile(fileFor(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(key) {
      await fs.rm(fileFor(key), { force: true });
    },
  };
}
