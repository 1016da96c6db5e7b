// Rewrites a real `docker save` archive into the shape kaniko (go-containerregistry's tarball) writes:
// every layer tar gets a "/" root entry, absolute member names and absolute hardlink targets, is gzipped and
// named "<digest of the blob>.tar.gz"; the config, with the new diff IDs, is named "sha256:<hex>"; the
// manifest.json comes last. tar-stream reads and writes it: independent of the reader under test.

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface Member {
  header: Partial<tar.Header> & { name: string };
  body: Buffer;
}

export async function readTar(buf: Buffer): Promise<Member[]> {
  const extract = tar.extract();
  const out: Member[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const parts: Buffer[] = [];
      for await (const c of entry) parts.push(c as Buffer);
      out.push({ header: entry.header, body: Buffer.concat(parts) });
    }
  })();
  Readable.from([buf]).pipe(extract);
  await done;
  return out;
}

export async function writeTar(members: Member[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => chunks.push(c as Buffer));
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  for (const m of members) {
    await new Promise<void>((resolve, reject) => {
      const cb = (err?: Error | null): void => (err ? reject(err) : resolve());
      if (m.header.type === 'file') pack.entry(m.header as tar.Header, m.body, cb);
      else pack.entry(m.header as tar.Header, cb);
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const inflate = (b: Buffer): Buffer => (b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b);

export interface KanikoShaped {
  archive: Buffer;
  /** Bytes of regular-file content in each layer tar, counted here. */
  layerBytes: number[];
  /** Member names of the first layer as written (for checking the shape). */
  firstLayerNames: string[];
}

export async function toKanikoShape(dockerSave: Buffer, tag: string): Promise<KanikoShaped> {
  const members = new Map((await readTar(dockerSave)).map((m) => [m.header.name.replace(/^\.?\//, ''), m]));
  const body = (name: string): Buffer => {
    const m = members.get(name);
    if (!m) throw new Error(`docker save archive lacks ${name}`);
    return m.body;
  };
  const [entry] = JSON.parse(body('manifest.json').toString()) as { Config: string; Layers: string[] }[];
  if (!entry) throw new Error('empty manifest.json');
  const config = JSON.parse(body(entry.Config).toString()) as { rootfs: { diff_ids: string[] } };

  const names: string[] = [];
  const blobs: Buffer[] = [];
  const diffIds: string[] = [];
  const layerBytes: number[] = [];
  let firstLayerNames: string[] = [];
  for (const path of entry.Layers) {
    const layer = await readTar(inflate(body(path)));
    const rewritten: Member[] = [{ header: { name: '/', type: 'directory', mode: 0o755, mtime: new Date(0) }, body: Buffer.alloc(0) }];
    let bytes = 0;
    for (const m of layer) {
      const name = m.header.name.replace(/^\.?\/+/, '');
      if (name === '' || name === '.') continue;
      const header: Member['header'] = { ...m.header, name: '/' + name };
      if (m.header.type === 'link' && m.header.linkname) header.linkname = '/' + m.header.linkname.replace(/^\.?\/+/, '');
      if (m.header.type === 'file') bytes += m.body.length;
      rewritten.push({ header, body: m.body });
    }
    const tarBytes = await writeTar(rewritten);
    const blob = gzipSync(tarBytes);
    if (firstLayerNames.length === 0) firstLayerNames = (await readTar(tarBytes)).map((m) => m.header.name);
    names.push(`${sha(blob)}.tar.gz`);
    blobs.push(blob);
    diffIds.push(`sha256:${sha(tarBytes)}`);
    layerBytes.push(bytes);
  }
  config.rootfs.diff_ids = diffIds;
  const configBytes = Buffer.from(JSON.stringify(config));
  const configName = `sha256:${sha(configBytes)}`;
  const file = (name: string, content: Buffer): Member => ({ header: { name, type: 'file', mode: 0o644, size: content.length, mtime: new Date(0) }, body: content });
  const archive = await writeTar([
    file(configName, configBytes),
    ...blobs.map((b, i) => file(names[i] as string, b)),
    file('manifest.json', Buffer.from(JSON.stringify([{ Config: configName, RepoTags: [tag], Layers: names }]))),
  ]);
  return { archive, layerBytes, firstLayerNames };
}
