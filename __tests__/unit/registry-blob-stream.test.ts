// The verification and resume logic of one blob download, fed by an in-memory source that misbehaves on
// purpose (the same faults against the real registry are in the integration tests).
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from '@jest/globals';
import { BlobStream, type OpenBlob } from '../../src/registry/blob-stream.js';
import { RegistryError } from '../../src/registry/errors.js';

const data = randomBytes(100_000);
const digestOf = (b: Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex');
const DIGEST = digestOf(data);

async function* chunks(b: Buffer, size = 8192, dropAfter = Infinity): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += size) {
    if (i >= dropAfter) throw Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    yield b.subarray(i, i + size);
  }
}

async function readAll(blob: BlobStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of blob) parts.push(c);
  return Buffer.concat(parts);
}

describe('BlobStream', () => {
  it('hands on the content when digest and size match', async () => {
    const opens: number[] = [];
    const blob = new BlobStream(async (offset) => (opens.push(offset), { offset, body: chunks(data.subarray(offset)) }), DIGEST, data.length, 'x');
    assert.deepEqual(await readAll(blob), data);
    assert.deepEqual(opens, [0]);
  });

  it('fails naming the digest when the content differs (same size)', async () => {
    const bad = Buffer.from(data);
    bad[50_000] = (bad[50_000] as number) ^ 0xff;
    const blob = new BlobStream(async () => ({ offset: 0, body: chunks(bad) }), DIGEST, data.length, 'reg/app:v1');
    await assert.rejects(readAll(blob), (e: Error) => e instanceof RegistryError && e.message.includes(`digest mismatch for blob ${DIGEST} of reg/app:v1`) && e.message.includes(digestOf(bad)));
  });

  it('stops at the declared size instead of reading an endless body', async () => {
    async function* endless(): AsyncGenerator<Buffer> {
      for (;;) yield Buffer.alloc(65536);
    }
    const blob = new BlobStream(async () => ({ offset: 0, body: endless() }), DIGEST, data.length, 'x');
    await assert.rejects(readAll(blob), (e: Error) => e instanceof RegistryError && /larger than its manifest says/.test(e.message) && e.message.includes(DIGEST));
  });

  it('resumes a dropped connection from where it stopped (Range)', async () => {
    const opens: number[] = [];
    const open: OpenBlob = async (offset) => {
      opens.push(offset);
      return { offset, body: chunks(data.subarray(offset), 8192, opens.length === 1 ? 40_000 : Infinity) };
    };
    assert.deepEqual(await readAll(new BlobStream(open, DIGEST, data.length, 'x')), data);
    assert.deepEqual(opens, [0, 40_960]);
  });

  it('restarts when the server ignores Range, checking the bytes already handed on', async () => {
    const opens: number[] = [];
    const open: OpenBlob = async (offset) => {
      opens.push(offset);
      return { offset: 0, body: chunks(data, 3000, opens.length === 1 ? 40_000 : Infinity) };
    };
    assert.deepEqual(await readAll(new BlobStream(open, DIGEST, data.length, 'x')), data);
    assert.deepEqual(opens, [0, 42_000]);
  });

  it('refuses a restarted copy whose beginning differs from what was handed on', async () => {
    let n = 0;
    const other = randomBytes(data.length);
    const open: OpenBlob = async () => ({ offset: 0, body: n++ === 0 ? chunks(data, 4096, 20_000) : chunks(other) });
    await assert.rejects(readAll(new BlobStream(open, DIGEST, data.length, 'x')), (e: Error) => e instanceof RegistryError && /changed between download attempts/.test(e.message));
  });

  it('gives up after repeated drops without progress, in one line naming the digest', async () => {
    const open: OpenBlob = async (offset) => ({ offset, body: chunks(data.subarray(offset), 8192, 0) });
    await assert.rejects(readAll(new BlobStream(open, DIGEST, data.length, 'x')), (e: Error) => e instanceof RegistryError && e.message.includes(DIGEST) && /after 5 retries/.test(e.message));
  });

  it('drain() reads the rest after a consumer stopped, so a corrupt blob is still named', async () => {
    const bad = Buffer.from(data);
    bad[99_000] = (bad[99_000] as number) ^ 1;
    const blob = new BlobStream(async () => ({ offset: 0, body: chunks(bad) }), DIGEST, data.length, 'x');
    for await (const c of blob) {
      assert.ok(c.length > 0);
      break; // the consumer failed early
    }
    await assert.rejects(blob.drain(), (e: Error) => e instanceof RegistryError && e.message.includes(DIGEST));
  });
});
