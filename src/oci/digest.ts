// Content digests as registries and layouts name blobs ("sha256:<64 hex>", "sha512:<128 hex>"), and the one
// way to check bytes against one.

import { createHash, type Hash } from 'node:crypto';

/** The digests we accept: the algorithms registries use, in their canonical spelling. */
export const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

export function isDigest(text: string): boolean {
  return DIGEST.test(text);
}

/** Hashes bytes as they pass with the algorithm of the digest they should have (sha256 unless it says sha512). */
export class DigestVerifier {
  private readonly hash: Hash;
  private readonly algorithm: 'sha256' | 'sha512';

  constructor(readonly expected: string) {
    this.algorithm = expected.startsWith('sha512:') ? 'sha512' : 'sha256';
    this.hash = createHash(this.algorithm);
  }

  update(chunk: Buffer): this {
    this.hash.update(chunk);
    return this;
  }

  /** The digest of the bytes so far (more may follow). */
  actual(): string {
    return `${this.algorithm}:${this.hash.copy().digest('hex')}`;
  }

  matches(): boolean {
    return this.actual() === this.expected;
  }
}

/** The digest of bytes, in the algorithm of `like` (a digest they are to be compared with). */
export function digestOf(bytes: Buffer, like = 'sha256:'): string {
  return new DigestVerifier(like).update(bytes).actual();
}

/** Where an OCI image layout keeps the blob of a digest (checked by isDigest): "blobs/sha256/<hex>". */
export function blobPath(digest: string): string {
  const [algorithm, hex] = digest.split(':') as [string, string];
  return `blobs/${algorithm}/${hex}`;
}
