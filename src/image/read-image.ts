// Reads an image archive stream into an ImageModel in one pass, holding no layer in memory or on disk.

import { ArchiveMembers, ImageArchiveError, type MemberOptions } from './archive-members.js';
import { resolveImage, resolveImages, type ResolveOptions } from './resolve-image.js';
import { TarFormatError, TarScanner } from './tar-scanner.js';
import type { ImageModel } from './types.js';

export interface ReadOptions extends ResolveOptions, MemberOptions {
  /**
   * Called with the number of archive bytes read so far: 0 when reading starts, after every chunk, and with
   * `done` once the image has been read (not when reading fails). Throttling the display is up to the caller.
   */
  onProgress?: (bytes: number, done?: boolean) => void;
}

export async function readImageArchive(input: AsyncIterable<Buffer>, opts: ReadOptions = {}): Promise<ImageModel> {
  const { members, bytes } = await readMembers(input, opts);
  const model = await resolveImage(members.members, opts);
  if (members.failure) throw members.failure;
  opts.onProgress?.(bytes, true);
  return model;
}

/** Every image of the archive for these platforms (a multi-platform OCI export), in the archive's order. */
export async function readImageArchives(input: AsyncIterable<Buffer>, platforms: 'all' | readonly string[], opts: ReadOptions = {}): Promise<ImageModel[]> {
  const { members, bytes } = await readMembers(input, opts);
  const models = await resolveImages(members.members, platforms, opts);
  if (members.failure) throw members.failure;
  opts.onProgress?.(bytes, true);
  return models;
}

async function readMembers(input: AsyncIterable<Buffer>, opts: ReadOptions): Promise<{ members: ArchiveMembers; bytes: number }> {
  const members = new ArchiveMembers(opts);
  const outer = new TarScanner(members);
  let bytes = 0;
  opts.onProgress?.(0, false);
  try {
    for await (const chunk of input) {
      outer.push(chunk);
      bytes += chunk.length;
      opts.onProgress?.(bytes, false);
      if (members.failure) throw members.failure;
      if (members.waitFor) {
        await members.waitFor;
        members.waitFor = null;
      }
    }
    if (bytes === 0) throw new ImageArchiveError('the image archive is empty');
    outer.end();
  } catch (err) {
    if (err instanceof TarFormatError) {
      throw new ImageArchiveError(
        err.message === 'not a tar archive' ? 'not an image archive (not a tar file)' : `the image archive is ${err.message.replace(/^the tar stream is /, '')}`,
      );
    }
    throw err;
  }
  return { members, bytes };
}
