// A small binary writer and a bounds-checked reader for the analysis cache: numbers, strings, byte runs and
// typed arrays written as their raw bytes (one copy each way, no per-element work). Hand-rolled because
// the arrays are the bulk (a million paths are ~20 MB of them) and a general serialiser would visit each
// element. Typed arrays are written in the host's byte order; the cache key names it (see CODEC_ID).

import { endianness } from 'node:os';

/** Changes whenever the layout written here or by model-codec.ts changes; part of every cache key. */
export const CODEC_ID = `isg-codec-2-${endianness()}`;

/** The bytes are not what a writer of this version makes (truncated, corrupt or foreign). */
export class CodecError extends Error {}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

export class Writer {
  private readonly chunks: Buffer[] = [];
  private scratch = Buffer.allocUnsafe(8);
  bytes = 0;

  u8(n: number): void {
    this.put(Buffer.from([n]));
  }

  u32(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`not a u32: ${n}`);
    this.scratch = Buffer.allocUnsafe(4);
    this.scratch.writeUInt32LE(n, 0);
    this.put(this.scratch);
  }

  f64(n: number): void {
    this.scratch = Buffer.allocUnsafe(8);
    this.scratch.writeDoubleLE(n, 0);
    this.put(this.scratch);
  }

  /** A length-prefixed run of bytes. */
  raw(b: Uint8Array): void {
    this.u32(b.byteLength);
    this.put(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  }

  str(s: string): void {
    this.raw(Buffer.from(s, 'utf8'));
  }

  json(value: unknown): void {
    this.str(JSON.stringify(value));
  }

  /** Element count, then the elements' bytes. */
  array(a: Typed): void {
    this.u32(a.length);
    this.put(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  }

  strings(list: readonly string[]): void {
    this.u32(list.length);
    for (const s of list) this.str(s);
  }

  finish(): Buffer {
    return Buffer.concat(this.chunks, this.bytes);
  }

  private put(b: Buffer): void {
    this.chunks.push(b);
    this.bytes += b.length;
  }
}

export class Reader {
  private at = 0;

  constructor(private readonly buf: Buffer) {}

  get done(): boolean {
    return this.at === this.buf.length;
  }

  u8(): number {
    return this.take(1)[0] as number;
  }

  u32(): number {
    return this.take(4).readUInt32LE(0);
  }

  f64(): number {
    return this.take(8).readDoubleLE(0);
  }

  raw(): Buffer {
    return this.take(this.u32());
  }

  /** A copy (the payload buffer is not kept alive by what is read from it). */
  rawCopy(): Buffer {
    return Buffer.from(this.raw());
  }

  str(): string {
    return this.raw().toString('utf8');
  }

  json<T>(): T {
    const text = this.str();
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CodecError('a JSON section does not parse');
    }
  }

  u8s(): Uint8Array<ArrayBuffer> {
    return this.typed(1, (n) => new Uint8Array(n));
  }
  u16s(): Uint16Array<ArrayBuffer> {
    return this.typed(2, (n) => new Uint16Array(n));
  }
  u32s(): Uint32Array<ArrayBuffer> {
    return this.typed(4, (n) => new Uint32Array(n));
  }
  i32s(): Int32Array<ArrayBuffer> {
    return this.typed(4, (n) => new Int32Array(n));
  }
  f64s(): Float64Array<ArrayBuffer> {
    return this.typed(8, (n) => new Float64Array(n));
  }

  strings(): string[] {
    const n = this.u32();
    if (n > this.buf.length - this.at) throw new CodecError('truncated');
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.str());
    return out;
  }

  end(): void {
    if (!this.done) throw new CodecError(`${this.buf.length - this.at} bytes left over`);
  }

  private typed<T extends Typed>(width: number, make: (n: number) => T): T {
    const n = this.u32();
    const bytes = this.take(n * width);
    const out = make(n); // a fresh, aligned array: the payload's offsets need not be
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }

  private take(n: number): Buffer {
    if (n > this.buf.length - this.at) throw new CodecError('truncated');
    const b = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return b;
  }
}
