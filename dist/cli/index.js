#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(225);
// CLI entry (bundled to dist/cli/index.js): thin on purpose, the work is in cli/run-cli.ts.

process.exitCode = await (0,_cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2));
// ISG_STATS=1: peak RSS for `npm run bench` (exact, from the kernel's accounting of this process)
if (process.env.ISG_STATS)
    process.stderr.write(`isg-stats: maxRSS=${process.resourceUsage().maxRSS}\n`);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 225:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/version.ts
// The tool's name and version, from package.json (bundled into dist/ at build time).

const TOOL_NAME = 'image-size-guard';
const TOOL_VERSION = package_namespaceObject.rE;

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/image/tar-scanner.ts
// A push-based tar header scanner.
//
// Hand-rolled on purpose (not tar-stream): the analyser reads every header of every layer but never the file
// contents, so it must skip content bytes without copying them or creating a stream per entry. On a 1 GiB,
// 100,000-file image this is the difference between keeping up with `docker save` and not (see `npm run bench`).
// It understands ustar, POSIX pax (`x`/`g`) and GNU long names (`L`/`K`), base-256 sizes and checksums.
class TarFormatError extends Error {
}
const BLOCK = 512;
const MAX_META_BYTES = 1 << 20; // pax / GNU long-name records larger than this are not real-world input
var State;
(function (State) {
    State[State["Header"] = 0] = "Header";
    State[State["Data"] = 1] = "Data";
    State[State["Meta"] = 2] = "Meta";
    State[State["Padding"] = 3] = "Padding";
    State[State["Done"] = 4] = "Done";
})(State || (State = {}));
class TarScanner {
    sink;
    state = State.Header;
    header = Buffer.alloc(BLOCK);
    headerFill = 0;
    remaining = 0; // bytes of content (Data/Meta) or padding (Padding) still to come
    metaKind = 'pax';
    metaParts = [];
    pending = {};
    zeroBlocks = 0;
    inEntryWithSink = false;
    currentPath = '';
    contentSize = 0;
    /** Bytes consumed so far; the length of the tar stream once it ended. */
    bytes = 0;
    entries = 0;
    constructor(sink) {
        this.sink = sink;
    }
    get finished() {
        return this.state === State.Done;
    }
    push(chunk) {
        this.bytes += chunk.length;
        let off = 0;
        const len = chunk.length;
        while (off < len) {
            switch (this.state) {
                case State.Done:
                    return; // trailing bytes after the end-of-archive marker are ignored, as tar does
                case State.Header: {
                    if (this.headerFill === 0 && len - off >= BLOCK) {
                        this.onHeaderBlock(chunk.subarray(off, off + BLOCK));
                        off += BLOCK;
                    }
                    else {
                        const n = Math.min(BLOCK - this.headerFill, len - off);
                        chunk.copy(this.header, this.headerFill, off, off + n);
                        this.headerFill += n;
                        off += n;
                        if (this.headerFill === BLOCK) {
                            this.headerFill = 0;
                            this.onHeaderBlock(this.header);
                        }
                    }
                    break;
                }
                case State.Data: {
                    const n = Math.min(this.remaining, len - off);
                    if (this.sink.data && n > 0)
                        this.sink.data(chunk.subarray(off, off + n));
                    off += n;
                    this.remaining -= n;
                    if (this.remaining === 0)
                        this.finishContent();
                    break;
                }
                case State.Meta: {
                    const n = Math.min(this.remaining, len - off);
                    this.metaParts.push(Buffer.from(chunk.subarray(off, off + n)));
                    off += n;
                    this.remaining -= n;
                    if (this.remaining === 0)
                        this.finishMeta();
                    break;
                }
                case State.Padding: {
                    const n = Math.min(this.remaining, len - off);
                    off += n;
                    this.remaining -= n;
                    if (this.remaining === 0)
                        this.state = State.Header;
                    break;
                }
            }
        }
    }
    /** Signals the end of input. Throws when the stream stopped inside an entry. */
    end() {
        if (this.state === State.Done)
            return;
        if (this.state === State.Header && this.headerFill === 0) {
            // A missing end-of-archive marker is tolerated (GNU tar does too); a cut inside an entry is not.
            if (this.entries === 0 && this.zeroBlocks === 0 && this.bytes === 0)
                return;
            this.state = State.Done;
            return;
        }
        const where = this.currentPath ? ` (inside "${this.currentPath}")` : '';
        throw new TarFormatError(`the tar stream is truncated${where}`);
    }
    onHeaderBlock(block) {
        if (isZeroBlock(block)) {
            this.zeroBlocks++;
            if (this.zeroBlocks >= 2)
                this.state = State.Done;
            return;
        }
        if (this.zeroBlocks > 0) {
            // One zero block followed by more data: the archive ended there (what follows is not ours to read).
            this.state = State.Done;
            return;
        }
        if (!checksumOk(block)) {
            throw new TarFormatError(this.entries === 0 ? 'not a tar archive' : `corrupt tar header after "${this.currentPath}"`);
        }
        const typeflag = block[156] ?? 0;
        let size = this.pending.size ?? parseNumeric(block, 124, 12);
        const kind = metaKindOf(typeflag);
        if (kind) {
            size = parseNumeric(block, 124, 12);
            if (size > MAX_META_BYTES)
                throw new TarFormatError(`oversized tar metadata record (${size} bytes)`);
            this.metaKind = kind;
            this.metaParts = [];
            this.remaining = size;
            this.state = size > 0 ? State.Meta : State.Header;
            if (size === 0)
                this.finishMeta();
            return;
        }
        const type = entryTypeOf(typeflag);
        const path = this.pending.path ?? headerPath(block);
        const linkname = this.pending.linkpath ?? readString(block, 157, 100);
        this.pending = {};
        // Links, dirs and devices carry no content even when a (broken) header claims a size.
        const contentSize = type === 'file' || type === 'other' ? size : 0;
        this.entries++;
        this.currentPath = path;
        this.sink.entry({ path, type, size: contentSize, mode: parseNumeric(block, 100, 8), linkname });
        this.inEntryWithSink = true;
        this.contentSize = contentSize;
        this.remaining = contentSize;
        if (contentSize > 0)
            this.state = State.Data;
        else
            this.finishContent();
    }
    finishContent() {
        if (this.inEntryWithSink) {
            this.inEntryWithSink = false;
            this.sink.entryEnd?.();
        }
        this.enterPadding(this.contentSize);
    }
    enterPadding(size) {
        const pad = (BLOCK - (size % BLOCK)) % BLOCK;
        this.remaining = pad;
        this.state = pad > 0 ? State.Padding : State.Header;
    }
    finishMeta() {
        const body = Buffer.concat(this.metaParts);
        this.metaParts = [];
        switch (this.metaKind) {
            case 'pax': {
                const rec = parsePax(body);
                if (rec.path !== undefined)
                    this.pending.path = rec.path;
                if (rec.linkpath !== undefined)
                    this.pending.linkpath = rec.linkpath;
                if (rec.size !== undefined)
                    this.pending.size = rec.size;
                break;
            }
            case 'longname':
                this.pending.path = cString(body);
                break;
            case 'longlink':
                this.pending.linkpath = cString(body);
                break;
            case 'global-pax':
                break; // global defaults (mtime, charset) do not change what we measure
        }
        this.enterPadding(body.length);
    }
}
function metaKindOf(flag) {
    switch (flag) {
        case 0x78: // 'x'
            return 'pax';
        case 0x67: // 'g'
            return 'global-pax';
        case 0x4c: // 'L'
            return 'longname';
        case 0x4b: // 'K'
            return 'longlink';
        default:
            return null;
    }
}
function entryTypeOf(flag) {
    switch (flag) {
        case 0: // '\0' (old tar)
        case 0x30: // '0'
        case 0x37: // '7' contiguous file
            return 'file';
        case 0x31:
            return 'hardlink';
        case 0x32:
            return 'symlink';
        case 0x33:
            return 'char';
        case 0x34:
            return 'block';
        case 0x35:
            return 'dir';
        case 0x36:
            return 'fifo';
        default:
            return 'other';
    }
}
function isZeroBlock(block) {
    for (let i = 0; i < BLOCK; i += 8) {
        if (block.readBigUInt64LE(i) !== 0n)
            return false;
    }
    return true;
}
function checksumOk(block) {
    const stored = parseNumeric(block, 148, 8);
    let unsigned = 0;
    for (let i = 0; i < BLOCK; i++)
        unsigned += i >= 148 && i < 156 ? 0x20 : block[i];
    // Some old writers summed signed bytes; accept both as GNU tar does.
    if (stored === unsigned)
        return true;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const b = i >= 148 && i < 156 ? 0x20 : block[i];
        signed += b > 127 ? b - 256 : b;
    }
    return stored === signed;
}
/** Octal (NUL/space padded) or GNU base-256 (high bit set) numeric field. */
function parseNumeric(block, off, len) {
    const first = block[off];
    if (first & 0x80) {
        let value = first & 0x7f;
        for (let i = 1; i < len; i++)
            value = value * 256 + block[off + i];
        return value;
    }
    let value = 0;
    let i = off;
    const end = off + len;
    while (i < end && (block[i] === 0x20 || block[i] === 0x30))
        i++; // leading spaces and zeros
    for (; i < end; i++) {
        const c = block[i];
        if (c < 0x30 || c > 0x37)
            break;
        value = value * 8 + (c - 0x30);
    }
    return value;
}
function readString(block, off, len) {
    let end = block.indexOf(0, off);
    if (end < 0 || end > off + len)
        end = off + len;
    return block.toString('utf8', off, end);
}
function headerPath(block) {
    const name = readString(block, 0, 100);
    // POSIX ustar ("ustar\0") keeps a prefix; GNU ("ustar  ") uses that area for other fields.
    if (block[257] === 0x75 && block[262] === 0 && block[263] === 0x30) {
        const prefix = readString(block, 345, 155);
        if (prefix)
            return `${prefix}/${name}`;
    }
    return name;
}
function cString(body) {
    const end = body.indexOf(0);
    return body.toString('utf8', 0, end < 0 ? body.length : end);
}
/** Parses "%d %s=%s\n" pax records; only path, linkpath and size matter here. */
function parsePax(body) {
    const out = {};
    let off = 0;
    while (off < body.length) {
        const space = body.indexOf(0x20, off);
        if (space < 0)
            break;
        const recLen = Number.parseInt(body.toString('ascii', off, space), 10);
        if (!Number.isFinite(recLen) || recLen <= 0 || off + recLen > body.length) {
            throw new TarFormatError('malformed pax header');
        }
        const rec = body.toString('utf8', space + 1, off + recLen - 1); // drop trailing \n
        const eq = rec.indexOf('=');
        if (eq > 0) {
            const key = rec.slice(0, eq);
            const value = rec.slice(eq + 1);
            if (key === 'path')
                out.path = value;
            else if (key === 'linkpath')
                out.linkpath = value;
            else if (key === 'size')
                out.size = Number(value);
        }
        off += recLen;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/image/paths.ts
// Paths inside archives come from whoever built the image: never trust them.
class UnsafePathError extends Error {
}
/**
 * Normalises a layer tar member name ("./usr/bin/", "usr//bin") to an absolute path ("/usr/bin").
 * Rejects absolute names and any ".." component: a layer that names them is hostile or broken.
 */
function safeLayerPath(name) {
    return '/' + safeRelative(name, 'layer');
}
/** Normalises a member name of the outer image archive ("blobs/sha256/…"), with the same rules. */
function safeArchivePath(name) {
    return safeRelative(name, 'image archive');
}
function safeRelative(name, where) {
    if (name.startsWith('/'))
        throw new UnsafePathError(`unsafe path in ${where}: absolute path "${printable(name)}"`);
    if (name.includes('\0'))
        throw new UnsafePathError(`unsafe path in ${where}: NUL byte in "${printable(name)}"`);
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            throw new UnsafePathError(`unsafe path in ${where}: ".." in "${printable(name)}"`);
        parts.push(part);
    }
    return parts.join('/');
}
/** Makes a hostile name safe to show on one line. */
function printable(name) {
    const s = name.length > 200 ? name.slice(0, 200) + '…' : name;
    return JSON.stringify(s).slice(1, -1);
}
/** Resolves a relative link target of an archive member against the member's directory. */
function resolveArchiveLink(memberPath, target) {
    const dir = memberPath.includes('/') ? memberPath.slice(0, memberPath.lastIndexOf('/')) : '';
    const joined = target.startsWith('/') ? target.slice(1) : dir ? `${dir}/${target}` : target;
    const parts = [];
    for (const part of joined.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                throw new UnsafePathError(`unsafe link in image archive: "${printable(target)}"`);
            parts.pop();
        }
        else
            parts.push(part);
    }
    return parts.join('/');
}

;// CONCATENATED MODULE: ./src/image/layer-scan.ts
// Summarises one layer tar as it streams by: the entries it adds, replaces or deletes (no content kept).


const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
class LayerScan {
    puts = [];
    whiteouts = [];
    opaques = [];
    size = 0;
    fileCount = 0;
    scanner = new TarScanner(this);
    push(chunk) {
        this.scanner.push(chunk);
    }
    finish() {
        this.scanner.end();
        const { puts, whiteouts, opaques, size, fileCount } = this;
        return { puts, whiteouts, opaques, size, fileCount, tarBytes: this.scanner.bytes };
    }
    entry(h) {
        const path = safeLayerPath(h.path);
        if (path === '/')
            return; // the root directory itself
        const slash = path.lastIndexOf('/');
        const base = path.slice(slash + 1);
        if (base.startsWith(WHITEOUT_PREFIX)) {
            const dir = slash === 0 ? '/' : path.slice(0, slash);
            if (base === OPAQUE_MARKER)
                this.opaques.push(dir);
            else if (!base.startsWith('.wh..wh.')) {
                // ".wh..wh.*" other than the opaque marker are aufs bookkeeping (e.g. .wh..wh.plnk): not paths
                this.whiteouts.push((dir === '/' ? '' : dir) + '/' + base.slice(WHITEOUT_PREFIX.length));
            }
            return;
        }
        let linkTarget = null;
        if (h.type === 'symlink')
            linkTarget = h.linkname;
        else if (h.type === 'hardlink')
            linkTarget = safeLayerPath(h.linkname);
        if (h.type === 'file')
            this.size += h.size;
        if (h.type !== 'dir')
            this.fileCount++;
        this.puts.push({ path, type: h.type, size: h.type === 'file' ? h.size : 0, mode: h.mode & 0o7777, linkTarget, layer: -1 });
    }
}

;// CONCATENATED MODULE: ./src/image/compressed-estimate.ts
// Estimates a layer's compressed size when the archive holds it uncompressed (docker save on the classic
// store): gzip at level 6, BuildKit's default, counting output bytes only.
//
// gzip -6 runs at ~25 MB/s per core here, slower than `docker save` streams, so the layer is cut into 1 MiB
// blocks compressed in parallel on libuv's thread pool (off the main thread), each primed with the previous
// block's last 32 KiB as its dictionary — what pigz does — so the sum matches one gzip stream to ~0.1%.
// At most MAX_IN_FLIGHT blocks are queued: the reader waits for a slot (backpressure), memory stays flat.

const compressed_estimate_BLOCK = 1 << 20;
const WINDOW = 32 * 1024;
const MAX_IN_FLIGHT = 4; // libuv's default thread-pool size
const GZIP_FRAMING = 10 + 8; // header and trailer around the deflate stream
// Block buffers are recycled: allocating a fresh 1 MiB per block would leave hundreds of MiB of garbage
// for the collector on a large image (and in the RSS until it runs).
const pool = [];
const takeBlock = () => pool.pop() ?? Buffer.allocUnsafe(compressed_estimate_BLOCK);
const giveBack = (b) => {
    if (pool.length < MAX_IN_FLIGHT + 2)
        pool.push(b);
};
function startGzipEstimate() {
    let block = takeBlock();
    let fill = 0;
    let dictionary = null;
    let inFlight = 0;
    let total = GZIP_FRAMING;
    let failure = null;
    const jobs = [];
    let waiters = [];
    const submit = (buf, length) => {
        const input = buf.subarray(0, length);
        const opts = { level: 6, ...(dictionary ? { dictionary } : {}) };
        dictionary = Buffer.from(input.subarray(Math.max(0, length - WINDOW))); // a copy: the block is recycled
        inFlight++;
        jobs.push(new Promise((resolve) => {
            (0,external_node_zlib_namespaceObject.deflateRaw)(input, opts, (err, out) => {
                if (err)
                    failure ??= err;
                else
                    total += out.length;
                giveBack(buf);
                inFlight--;
                const ws = waiters;
                waiters = [];
                for (const w of ws)
                    w();
                resolve();
            });
        }));
    };
    let resolveResult = () => undefined;
    let rejectResult = () => undefined;
    const result = new Promise((res, rej) => {
        resolveResult = res;
        rejectResult = rej;
    });
    result.catch(() => undefined); // reported where awaited
    return {
        write(chunk) {
            let off = 0;
            while (off < chunk.length) {
                const n = Math.min(compressed_estimate_BLOCK - fill, chunk.length - off);
                chunk.copy(block, fill, off, off + n);
                fill += n;
                off += n;
                if (fill === compressed_estimate_BLOCK) {
                    submit(block, fill);
                    block = takeBlock();
                    fill = 0;
                }
            }
            return inFlight < MAX_IN_FLIGHT;
        },
        ready() {
            return inFlight < MAX_IN_FLIGHT ? Promise.resolve() : new Promise((r) => waiters.push(r));
        },
        end() {
            if (fill > 0 || jobs.length === 0)
                submit(block, fill); // an empty layer still compresses to a few bytes
            else
                giveBack(block);
            void Promise.all(jobs).then(() => (failure ? rejectResult(failure) : resolveResult(total)));
        },
        result,
    };
}

;// CONCATENATED MODULE: ./src/image/archive-members.ts
// Collects the members of an image archive (the outer tar) as they stream by. Archives order their blobs
// freely — a manifest or config may come after the layers — so every member is classified by its first
// bytes and summarised on the fly: layer blobs become ScannedLayers (content never kept), small JSON
// documents are kept whole, links between members are remembered, and the rest is skipped.






class ImageArchiveError extends Error {
}
const SNIFF_BYTES = 512;
const MAX_JSON_BYTES = 32 << 20; // manifests and configs are kilobytes; a big one is not ours to parse
class ArchiveMembers {
    opts;
    members = new Map();
    /** Set while a decompressor is full: the reader waits for it before pushing more input. */
    waitFor = null;
    /** First failure of a layer that is decompressed asynchronously. */
    failure = null;
    path = '';
    size = 0;
    sniff = [];
    sniffed = 0;
    handler = null;
    skipping = false;
    constructor(opts = {}) {
        this.opts = opts;
    }
    entry(h) {
        this.path = safeArchivePath(h.path);
        this.size = h.size;
        this.sniff = [];
        this.sniffed = 0;
        this.handler = null;
        this.skipping = false;
        if (h.type === 'symlink' || h.type === 'hardlink') {
            const target = h.type === 'symlink' ? resolveArchiveLink(this.path, h.linkname) : safeArchivePath(h.linkname);
            this.members.set(this.path, { kind: 'link', target });
            this.skipping = true;
        }
        else if (h.type !== 'file') {
            this.skipping = true;
        }
    }
    data(chunk) {
        if (this.skipping)
            return;
        if (this.handler) {
            this.handler.push(chunk);
            return;
        }
        this.sniff.push(chunk);
        this.sniffed += chunk.length;
        if (this.sniffed >= SNIFF_BYTES)
            this.classify();
    }
    entryEnd() {
        if (this.skipping)
            return;
        if (!this.handler)
            this.classify();
        this.handler?.end();
        this.handler = null;
    }
    classify() {
        const head = this.sniff.length === 1 ? this.sniff[0] : Buffer.concat(this.sniff);
        this.sniff = [];
        const path = this.path;
        const kind = sniffKind(head);
        if (kind === 'json' && this.size <= MAX_JSON_BYTES) {
            this.handler = this.jsonHandler(path);
        }
        else if (kind === 'tar') {
            this.handler = this.syncLayerHandler(path);
        }
        else if (kind === 'gzip' || kind === 'zstd') {
            this.handler = this.asyncLayerHandler(path, kind);
        }
        else {
            this.members.set(path, { kind: 'other', bytes: this.size });
            this.skipping = true;
            return;
        }
        this.handler.push(head);
    }
    jsonHandler(path) {
        const parts = [];
        return {
            push: (chunk) => parts.push(Buffer.from(chunk)),
            end: () => this.members.set(path, { kind: 'json', data: Buffer.concat(parts) }),
        };
    }
    /** Uncompressed layer tar: scanned synchronously, in the reader's own loop. */
    syncLayerHandler(path) {
        const scan = new LayerScan();
        const blobBytes = this.size;
        const digest = blobDigest(path);
        const wantEstimate = this.opts.compressedSize === 'auto' && !(digest && this.opts.estimates?.has(digest));
        const estimator = wantEstimate ? startGzipEstimate() : null;
        return {
            push: (chunk) => {
                try {
                    scan.push(chunk);
                }
                catch (err) {
                    throw layerError(path, 'tar', err);
                }
                if (estimator && !estimator.write(chunk))
                    this.waitFor ??= estimator.ready();
            },
            end: () => {
                let layer;
                try {
                    layer = scan.finish();
                }
                catch (err) {
                    throw layerError(path, 'tar', err);
                }
                estimator?.end();
                const estimate = estimator ? estimator.result : null;
                if (estimate && digest)
                    void estimate.then((n) => this.opts.estimates?.set(digest, n), () => undefined);
                this.members.set(path, { kind: 'layer', result: Promise.resolve(layer), compression: 'none', blobBytes, estimate });
            },
        };
    }
    /** Compressed layer: zlib inflates on libuv's thread pool while the reader goes on with the archive. */
    asyncLayerHandler(path, compression) {
        const dec = makeDecompressor(compression);
        const scan = new LayerScan();
        const result = new Promise((resolve, reject) => {
            dec.on('data', (chunk) => {
                try {
                    scan.push(chunk);
                }
                catch (err) {
                    dec.destroy(err);
                }
            });
            dec.on('end', () => {
                try {
                    resolve(scan.finish());
                }
                catch (err) {
                    reject(layerError(path, compression, err));
                }
            });
            dec.on('error', (err) => reject(layerError(path, compression, err)));
        });
        result.catch((err) => {
            this.failure ??= err;
        });
        this.members.set(path, { kind: 'layer', result, compression, blobBytes: this.size, estimate: null });
        return {
            push: (chunk) => {
                if (!dec.write(chunk))
                    this.waitFor ??= drained(dec);
            },
            end: () => dec.end(),
        };
    }
}
function drained(stream) {
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('error', done);
            stream.off('close', done);
            resolve();
        };
        stream.on('drain', done);
        stream.on('error', done); // the failure itself is reported through the layer's result
        stream.on('close', done);
    });
}
function makeDecompressor(compression) {
    if (compression === 'gzip')
        return (0,external_node_zlib_namespaceObject.createGunzip)({ chunkSize: 256 * 1024 });
    const create = external_node_zlib_namespaceObject.createZstdDecompress;
    if (!create) {
        throw new ImageArchiveError(`zstd-compressed layers need Node.js 22.15 or newer (this is ${process.version})`);
    }
    return create({ chunkSize: 256 * 1024 });
}
function layerError(path, format, err) {
    if (err instanceof ImageArchiveError || err instanceof UnsafePathError)
        return err;
    const layer = `layer "${printable(path)}"`;
    if (err instanceof TarFormatError)
        return new ImageArchiveError(`${layer}: ${err.message.replace(/^the tar stream/, 'its tar')}`);
    return new ImageArchiveError(`${layer} is not valid ${format} data (${err.message})`);
}
function sniffKind(head) {
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528)
        return 'zstd';
    if (head.length >= SNIFF_BYTES) {
        if (head.toString('latin1', 257, 262) === 'ustar')
            return 'tar';
        if (head.subarray(0, SNIFF_BYTES).every((b) => b === 0))
            return 'tar'; // an empty layer
    }
    for (const b of head) {
        if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)
            continue;
        return b === 0x7b || b === 0x5b ? 'json' : 'unknown';
    }
    return 'unknown';
}
/** "blobs/sha256/<hex>" → "sha256:<hex>"; null for other member names (legacy "<id>/layer.tar"). */
function blobDigest(path) {
    const m = /^blobs\/([a-z0-9]+)\/([a-f0-9]{32,})$/.exec(path);
    return m ? `${m[1]}:${m[2]}` : null;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/image/final-filesystem.ts
// Applies layers in order to build the final filesystem, the way overlayfs presents it:
// file whiteouts delete a path, opaque whiteouts hide a directory's lower contents, later writes replace.
const node = (entry) => ({
    entry,
    children: entry.type === 'dir' ? new Map() : null,
    linkOf: null,
    linked: false,
});
const implicitDir = (path, layer) => node({ path, type: 'dir', size: 0, mode: 0o755, linkTarget: null, layer });
function buildFinalFilesystem(layers) {
    const root = implicitDir('', 0);
    const applied = new Set();
    layers.forEach((layer, index) => {
        // The scanned entries become the final ones; a layer listed twice in a manifest gets copies the second time.
        const puts = applied.has(layer.puts) ? layer.puts.map((e) => ({ ...e })) : layer.puts;
        applied.add(layer.puts);
        applyLayer(root, layer, puts, index);
    });
    return flatten(root, layers.length);
}
function applyLayer(root, layer, puts, index) {
    // Whiteouts act on the lower layers only, wherever they stand in the tar: apply them first.
    for (const path of layer.whiteouts) {
        const { parent, name } = lookupParent(root, path, index, false);
        parent?.children?.delete(name);
    }
    for (const path of layer.opaques) {
        const dir = ensureDir(root, path, index);
        dir.children = new Map();
    }
    for (const entry of puts) {
        entry.layer = index;
        const { parent, name } = lookupParent(root, entry.path, index, true);
        const siblings = parent?.children;
        if (!siblings)
            continue;
        const existing = siblings.get(name);
        if (entry.type === 'dir' && existing?.entry.type === 'dir') {
            existing.entry = entry; // a directory entry updates mode and layer but keeps the contents
            continue;
        }
        const added = node(entry);
        if (entry.type === 'hardlink' && entry.linkTarget) {
            const target = lookup(root, entry.linkTarget);
            added.linkOf = target?.entry.type === 'file' ? target : (target?.linkOf ?? null);
            if (added.linkOf)
                added.linkOf.linked = true;
        }
        siblings.set(name, added);
    }
}
function lookup(root, path) {
    let at = root;
    for (const part of path.split('/')) {
        if (part === '')
            continue;
        at = at?.children?.get(part);
        if (!at)
            return undefined;
    }
    return at;
}
/** Finds (or with create, makes) the parent directory of path. Non-directories in the way are replaced. */
function lookupParent(root, path, layer, create) {
    const parts = path.split('/');
    const name = parts.pop() ?? '';
    let at = root;
    let prefix = '';
    for (const part of parts) {
        if (part === '')
            continue;
        prefix += '/' + part;
        let next = at.children?.get(part);
        if (!next || next.entry.type !== 'dir') {
            if (!create)
                return { parent: null, name };
            next = implicitDir(prefix, layer);
            at.children?.set(part, next);
        }
        at = next;
    }
    return { parent: at, name };
}
function ensureDir(root, path, layer) {
    if (path === '/')
        return root;
    const { parent, name } = lookupParent(root, path, layer, true);
    const siblings = parent?.children;
    let dir = siblings.get(name);
    if (!dir || dir.entry.type !== 'dir') {
        dir = implicitDir(path, layer);
        siblings.set(name, dir);
    }
    return dir;
}
function flatten(root, layerCount) {
    const files = new Map();
    const survivingBytes = new Array(layerCount).fill(0);
    const counted = new Set(); // hardlinked content nodes already counted
    const hardlinks = [];
    let finalBytes = 0;
    let fileCount = 0;
    const walk = (dir) => {
        for (const child of dir.children.values()) {
            const entry = child.entry;
            files.set(entry.path, entry);
            if (entry.type === 'dir') {
                walk(child);
                continue;
            }
            fileCount++;
            if (entry.type === 'file') {
                finalBytes += entry.size;
                survivingBytes[entry.layer] = (survivingBytes[entry.layer] ?? 0) + entry.size;
                if (child.linked)
                    counted.add(child);
            }
            else if (entry.type === 'hardlink' && child.linkOf)
                hardlinks.push(child);
        }
    };
    walk(root);
    // A hardlink whose first name is gone from the final filesystem now carries the content.
    for (const link of hardlinks) {
        const content = link.linkOf;
        if (counted.has(content))
            continue;
        counted.add(content);
        link.entry.size = content.entry.size;
        finalBytes += content.entry.size;
        survivingBytes[content.entry.layer] = (survivingBytes[content.entry.layer] ?? 0) + content.entry.size;
    }
    return { files, finalBytes, fileCount, survivingBytes };
}

;// CONCATENATED MODULE: ./src/image/instruction.ts
// History `created_by` strings as builders write them, turned into the instruction a person wrote.
//   BuildKit:        "RUN /bin/sh -c apt-get update # buildkit", "RUN |2 A=1 B=2 /bin/sh -c make # buildkit"
//   classic builder: "/bin/sh -c #(nop) COPY file:3a… in / ", "/bin/sh -c apt-get update"
function cleanInstruction(createdBy) {
    let s = createdBy.trim();
    s = s.replace(/\s*# buildkit$/, '');
    const nop = /^\/bin\/sh -c #\(nop\)\s*/;
    if (nop.test(s))
        return s.replace(nop, '').trim();
    if (s.startsWith('/bin/sh -c '))
        return 'RUN ' + s.slice('/bin/sh -c '.length).trim();
    // BuildKit prefixes RUN with the build args in scope: "RUN |2 A=1 B=2 /bin/sh -c …"; values may hold
    // spaces, so cut at the shell when there is one, else (exec form) drop the N KEY=VALUE words.
    const args = /^RUN \|(\d+) /.exec(s);
    if (args) {
        const shell = /\/bin\/(?:ba)?sh -c /.exec(s);
        if (shell)
            return 'RUN ' + s.slice(shell.index + shell[0].length).trim();
        return 'RUN ' + s.slice(args[0].length).split(' ').slice(Number(args[1])).join(' ').trim();
    }
    if (s.startsWith('RUN /bin/sh -c '))
        return 'RUN ' + s.slice('RUN /bin/sh -c '.length).trim();
    return s;
}

;// CONCATENATED MODULE: ./src/image/resolve-image.ts
// Once the whole archive has streamed by: pick the image (manifest.json, or the OCI index), put the layer
// summaries in manifest order, attach history instructions, and apply the layers.





async function resolveImage(members, opts = {}) {
    const archive = new Archive(members);
    const selected = members.has('manifest.json') ? archive.fromDockerManifest(opts) : archive.fromOciIndex(opts);
    const configBytes = archive.bytes(selected.configPath, 'image config');
    const config = parseJson(configBytes, selected.configPath);
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds.length !== selected.layerPaths.length) {
        throw new ImageArchiveError(`the image config lists ${diffIds.length} layer(s) but the manifest ${selected.layerPaths.length}`);
    }
    const scanned = [];
    for (const path of selected.layerPaths)
        scanned.push(await archive.layer(path, opts.estimates));
    const history = (config.history ?? []).map((h) => ({
        created: h.created ?? null,
        createdBy: h.created_by ?? '',
        comment: h.comment ?? null,
        emptyLayer: h.empty_layer === true,
    }));
    const layerHistory = history.filter((h) => !h.emptyLayer);
    const fs = buildFinalFilesystem(scanned.map((s) => s.layer));
    const layers = scanned.map((s, index) => {
        const createdBy = layerHistory[index]?.createdBy ?? '';
        return {
            index,
            diffId: diffIds[index],
            digest: s.digest,
            instruction: cleanInstruction(createdBy),
            createdBy,
            size: s.layer.size,
            fileCount: s.layer.fileCount,
            compressedSize: s.compression === 'none' ? s.estimate : s.blobBytes,
            compressedSizeExact: s.compression !== 'none',
            compression: s.compression,
            wastedBytes: Math.max(0, s.layer.size - (fs.survivingBytes[index] ?? 0)),
        };
    });
    const size = layers.reduce((sum, l) => sum + l.size, 0);
    const allCompressed = layers.every((l) => l.compressedSize !== null);
    return {
        id: 'sha256:' + (0,external_node_crypto_namespaceObject.createHash)('sha256').update(configBytes).digest('hex'),
        platform: platformOf(config),
        archiveFormat: selected.format,
        config: configSummary(config),
        history,
        layers,
        files: fs.files,
        size,
        fileCount: fs.fileCount,
        finalBytes: fs.finalBytes,
        wastedBytes: Math.max(0, size - fs.finalBytes),
        efficiency: size === 0 ? 1 : fs.finalBytes / size,
        compressedSize: allCompressed ? layers.reduce((sum, l) => sum + (l.compressedSize ?? 0), 0) : null,
        compressedSizeExact: allCompressed && layers.every((l) => l.compressedSizeExact),
    };
}
class Archive {
    members;
    constructor(members) {
        this.members = members;
    }
    member(path, what) {
        let p = safeArchivePath(path);
        for (let hops = 0; hops < 16; hops++) {
            const m = this.members.get(p);
            if (!m)
                throw new ImageArchiveError(`the archive lacks the ${what} "${printable(path)}"`);
            if (m.kind !== 'link')
                return m;
            p = m.target;
        }
        throw new ImageArchiveError(`link loop in the archive at "${printable(path)}"`);
    }
    bytes(path, what) {
        const m = this.member(path, what);
        if (m.kind !== 'json')
            throw new ImageArchiveError(`the ${what} "${printable(path)}" is not JSON`);
        return m.data;
    }
    json(path, what) {
        return parseJson(this.bytes(path, what), path);
    }
    async layer(path, estimates) {
        const m = this.member(path, 'layer');
        const digest = blobDigest(path);
        if (m.kind === 'layer') {
            const layer = await m.result;
            const estimate = m.estimate ? await m.estimate : digest ? (estimates?.get(digest) ?? null) : null;
            return { layer, compression: m.compression, blobBytes: m.blobBytes, digest, estimate };
        }
        if (m.kind === 'other' && m.bytes === 0) {
            const layer = { puts: [], whiteouts: [], opaques: [], size: 0, fileCount: 0, tarBytes: 0 };
            return { layer, compression: 'none', blobBytes: 0, digest, estimate: null };
        }
        throw new ImageArchiveError(`the layer "${printable(path)}" is not a tar, gzip or zstd stream`);
    }
    /** `docker save` (legacy and Docker ≥ 25) and buildx `type=docker` exports carry manifest.json. */
    fromDockerManifest(opts) {
        const manifest = this.json('manifest.json', 'manifest');
        if (!Array.isArray(manifest) || manifest.length === 0)
            throw new ImageArchiveError('manifest.json lists no image');
        let entries = manifest;
        if (entries.length > 1 && opts.platform) {
            entries = entries.filter((e) => e.Config && samePlatform(platformOf(this.json(e.Config, 'image config')), opts.platform));
        }
        if (entries.length !== 1) {
            const names = manifest.map((e) => e.RepoTags?.[0] ?? e.Config ?? '?').join(', ');
            throw new ImageArchiveError(`the archive holds ${manifest.length} images (${printable(names)}); save one image per archive`);
        }
        const entry = entries[0];
        if (typeof entry.Config !== 'string' || !Array.isArray(entry.Layers)) {
            throw new ImageArchiveError('manifest.json has no Config or Layers');
        }
        const format = this.members.has('index.json') && this.members.has('oci-layout') ? 'oci' : 'docker-save';
        return { configPath: entry.Config, layerPaths: entry.Layers, format };
    }
    /** OCI image layout (buildx `type=oci`): index.json → (nested indexes) → one manifest per platform. */
    fromOciIndex(opts) {
        if (!this.members.has('index.json')) {
            throw new ImageArchiveError('not an image archive: it has neither manifest.json nor index.json');
        }
        const candidates = [];
        const visit = (indexPath, depth) => {
            const index = this.json(indexPath, 'image index');
            for (const desc of index.manifests ?? []) {
                if (!desc.digest)
                    continue;
                if (desc.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')
                    continue;
                const blob = blobPath(desc.digest);
                if (isIndex(desc.mediaType) || (!desc.mediaType && this.isIndexBlob(blob))) {
                    if (depth < 4)
                        visit(blob, depth + 1);
                    continue;
                }
                const platform = desc.platform?.os
                    ? platformString(desc.platform.os, desc.platform.architecture, desc.platform.variant)
                    : this.platformOfManifest(blob);
                if (platform.startsWith('unknown/'))
                    continue;
                candidates.push({ desc, platform });
            }
        };
        visit('index.json', 0);
        // The same manifest can be listed twice (index.json and a nested index).
        const unique = [...new Map(candidates.map((c) => [c.desc.digest, c])).values()];
        let picked = unique;
        if (opts.platform)
            picked = unique.filter((c) => samePlatform(c.platform, opts.platform));
        if (picked.length === 0) {
            const have = unique.map((c) => c.platform).join(', ') || 'none';
            throw new ImageArchiveError(opts.platform ? `the archive has no image for ${printable(opts.platform)} (it has: ${have})` : 'the archive holds no image manifest');
        }
        if (picked.length > 1) {
            throw new ImageArchiveError(`the archive holds images for several platforms (${picked.map((c) => c.platform).join(', ')}); choose one with --platform`);
        }
        const manifest = this.json(blobPath(picked[0].desc.digest), 'image manifest');
        if (!manifest.config?.digest || !Array.isArray(manifest.layers)) {
            throw new ImageArchiveError('the image manifest has no config or layers');
        }
        return {
            configPath: blobPath(manifest.config.digest),
            layerPaths: manifest.layers.map((l) => blobPath(l.digest ?? '')),
            format: 'oci',
        };
    }
    isIndexBlob(path) {
        const m = this.members.get(path);
        if (m?.kind !== 'json')
            return false;
        const doc = parseJson(m.data, path);
        return Array.isArray(doc.manifests);
    }
    platformOfManifest(path) {
        const manifest = this.json(path, 'image manifest');
        if (!manifest.config?.digest)
            return 'unknown/unknown';
        const m = this.members.get(blobPath(manifest.config.digest));
        if (m?.kind !== 'json')
            return 'unknown/unknown';
        return platformOf(parseJson(m.data, path));
    }
}
function blobPath(digest) {
    const m = /^([a-z0-9+._-]+):([a-f0-9]+)$/.exec(digest);
    if (!m)
        throw new ImageArchiveError(`malformed digest "${printable(digest)}"`);
    return `blobs/${m[1]}/${m[2]}`;
}
function isIndex(mediaType) {
    return mediaType === 'application/vnd.oci.image.index.v1+json' ||
        mediaType === 'application/vnd.docker.distribution.manifest.list.v2+json';
}
function parseJson(data, path) {
    try {
        return JSON.parse(data.toString('utf8'));
    }
    catch {
        throw new ImageArchiveError(`"${printable(path)}" in the archive is not valid JSON`);
    }
}
function platformString(os = 'unknown', arch = 'unknown', variant) {
    return variant ? `${os}/${arch}/${variant}` : `${os}/${arch}`;
}
function platformOf(config) {
    return platformString(config.os, config.architecture, config.variant);
}
/** "linux/arm64" matches "linux/arm64/v8"; "linux/amd64" matches "linux/amd64/v1". */
function samePlatform(a, b) {
    const norm = (p) => {
        const [os = '', arch = '', variant = ''] = p.toLowerCase().split('/');
        const v = (arch === 'arm64' && variant === 'v8') || (arch === 'amd64' && variant === 'v1') ? '' : variant;
        return `${os}/${arch}/${v}`;
    };
    return norm(a) === norm(b);
}
function configSummary(config) {
    const c = config.config ?? {};
    return {
        entrypoint: c.Entrypoint ?? null,
        cmd: c.Cmd ?? null,
        healthcheck: c.Healthcheck?.Test ?? null,
        user: c.User || null,
        workingDir: c.WorkingDir || null,
    };
}

;// CONCATENATED MODULE: ./src/image/read-image.ts
// Reads an image archive stream into an ImageModel in one pass, holding no layer in memory or on disk.



async function readImageArchive(input, opts = {}) {
    const members = new ArchiveMembers(opts);
    const outer = new TarScanner(members);
    let bytes = 0;
    try {
        for await (const chunk of input) {
            outer.push(chunk);
            bytes += chunk.length;
            opts.onProgress?.(bytes);
            if (members.failure)
                throw members.failure;
            if (members.waitFor) {
                await members.waitFor;
                members.waitFor = null;
            }
        }
        if (bytes === 0)
            throw new ImageArchiveError('the image archive is empty');
        outer.end();
    }
    catch (err) {
        if (err instanceof TarFormatError) {
            throw new ImageArchiveError(err.message === 'not a tar archive' ? 'not an image archive (not a tar file)' : `the image archive is ${err.message.replace(/^the tar stream is /, '')}`);
        }
        throw err;
    }
    const model = await resolveImage(members.members, opts);
    if (members.failure)
        throw members.failure;
    return model;
}

;// CONCATENATED MODULE: ./src/image/open-image.ts
// Where an image comes from: an archive file, standard input, or the Docker engine (`docker save` piped,
// never through a temporary file).





class ImageSourceError extends Error {
}
/** An existing file is an archive; "-" is stdin; a path-like argument that does not exist is an error; the rest are image references. */
async function classifySource(arg) {
    if (arg === '-')
        return { kind: 'stdin' };
    const st = await (0,promises_namespaceObject.stat)(arg).catch(() => null);
    if (st?.isFile())
        return { kind: 'file', path: arg };
    if (st?.isDirectory())
        throw new ImageSourceError(`${printable(arg)} is a directory, not an image archive`);
    if (/^[./~]/.test(arg) || /\.(tar|tar\.gz|tgz|oci)$/i.test(arg)) {
        throw new ImageSourceError(`no such file: ${printable(arg)}`);
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(arg))
        throw new ImageSourceError(`not an image reference: ${printable(arg)}`);
    return { kind: 'docker', ref: arg };
}
async function readImage(source, opts = {}) {
    switch (source.kind) {
        case 'file':
            return readImageArchive((0,external_node_fs_namespaceObject.createReadStream)(source.path, { highWaterMark: 1 << 20 }), opts);
        case 'stdin':
            return readImageArchive(process.stdin, opts);
        case 'docker':
            return readFromDocker(source.ref, opts);
    }
}
function dockerCommand() {
    return process.env.DOCKER_PATH || 'docker';
}
async function readFromDocker(ref, opts) {
    const child = (0,external_node_child_process_namespaceObject.spawn)(dockerCommand(), ['save', ref], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
        if (stderr.length < 8192)
            stderr += d;
    });
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    });
    const saveFailed = (code) => {
        const reason = stderr.trim().split('\n').filter(Boolean).pop() ?? `exit code ${code}`;
        return new ImageSourceError(`docker save ${printable(ref)} failed: ${printable(reason.replace(/^Error response from daemon:\s*/, ''))}`);
    };
    try {
        const model = await readImageArchive(child.stdout, opts);
        const code = await exited;
        if (code !== 0)
            throw saveFailed(code);
        return model;
    }
    catch (err) {
        child.kill();
        const code = await exited.catch((e) => {
            throw e.code === 'ENOENT'
                ? new ImageSourceError(`docker is not installed or not on PATH (needed to read image ${printable(ref)})`)
                : e;
        });
        if (code !== 0 && stderr.trim() && !(err instanceof ImageSourceError))
            throw saveFailed(code);
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/report/terminal-safe.ts
// Text that comes from an image (paths, instructions) is written by PR authors: before it reaches a terminal
// or a CI log it must not carry control characters (ANSI escapes, carriage returns) or line breaks that could
// start a `::workflow-command::` line.
function terminalSafe(text, maxLength = Infinity) {
    let s = text
        .replace(/\r?\n/g, ' ↵ ')
        // C0 controls, DEL and C1 controls (which include the 8-bit CSI that starts an ANSI escape)
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    if (s.length > maxLength)
        s = s.slice(0, Math.max(1, maxLength - 1)) + '…';
    return s;
}

;// CONCATENATED MODULE: ./src/build/run-command.ts
// Runs a tool and captures its output: the one way build/ talks to docker and git.

class ToolMissingError extends Error {
}
/** Runs cmd to completion. Never throws for a non-zero exit; throws ToolMissingError when cmd is not installed. */
function runCommand(cmd, args, opts = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(cmd, args, { ...opts, stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout?.setEncoding('utf8').on('data', (d) => (stdout += d));
        child.stderr?.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.on('error', (err) => reject(err.code === 'ENOENT' ? new ToolMissingError(`${cmd} is not installed or not on PATH`) : err));
        child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
        if (opts.input !== undefined) {
            child.stdin?.on('error', () => undefined); // a tool that exits without reading its input is not our failure
            child.stdin?.end(opts.input);
        }
    });
}
/** The last meaningful line of a tool's stderr, for a one-line error message. */
function lastLine(text, fallback) {
    const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^(-+|=+)$/.test(l));
    return lines.pop()?.replace(/^(ERROR|error):\s*/, '') ?? fallback;
}

;// CONCATENATED MODULE: ./src/build/docker-tools.ts
// Finds docker and buildx and learns what the builder can export. Errors name what is missing and what was found.


class BuildError extends Error {
}
async function detectBuilder(builder) {
    const docker = dockerCommand();
    const version = await runCommand(docker, ['version', '--format', '{{.Client.Version}}']).catch((err) => {
        if (err instanceof ToolMissingError)
            throw new BuildError('docker is not installed or not on PATH: image-size-guard builds with docker buildx');
        throw err;
    });
    const dockerVersion = version.stdout.trim() || 'unknown';
    if (version.code !== 0)
        throw new BuildError(`docker ${dockerVersion} cannot reach a Docker engine: ${lastLine(version.stderr, 'docker version failed')}`);
    const bx = await runCommand(docker, ['buildx', 'version']);
    if (bx.code !== 0) {
        throw new BuildError(`docker buildx is not available (docker ${dockerVersion} found): install the buildx plugin, e.g. with docker/setup-buildx-action`);
    }
    const buildxVersion = /v?(\d+\.\d+\.\d+\S*)/.exec(bx.stdout)?.[1] ?? bx.stdout.trim();
    const inspect = await runCommand(docker, ['buildx', 'inspect', ...(builder ? [builder] : [])]);
    if (inspect.code !== 0) {
        throw new BuildError(`buildx builder ${builder ? `"${builder}" ` : ''}is not usable: ${lastLine(inspect.stderr, 'buildx inspect failed')}`);
    }
    const name = /^Name:\s*(\S+)/m.exec(inspect.stdout)?.[1] ?? builder ?? 'default';
    const driver = /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1] ?? 'docker';
    // The docker driver exports OCI only on the containerd image store; every other driver always can.
    const canExportOci = driver !== 'docker' || (await usesContainerdStore(docker));
    return { dockerVersion, buildxVersion, builder: name, driver, canExportOci };
}
async function usesContainerdStore(docker) {
    const info = await runCommand(docker, ['info', '--format', '{{json .DriverStatus}}']);
    return info.code === 0 && info.stdout.includes('io.containerd.snapshotter');
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/build/cleanup-on-signal.ts
// Worktrees and temporary tags must go away also when the run is interrupted (Ctrl-C, a cancelled job).
// Cleanups registered here run synchronously on SIGINT/SIGTERM, then the process exits with 128+signal.
const pending = new Set();
let installed = false;
function registerCleanup(fn) {
    if (!installed) {
        installed = true;
        for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
            process.once(signal, () => {
                for (const f of pending) {
                    try {
                        f();
                    }
                    catch {
                        // best effort: keep cleaning the rest
                    }
                }
                process.exit(code);
            });
        }
    }
    pending.add(fn);
    return () => pending.delete(fn);
}

;// CONCATENATED MODULE: ./src/build/git-checkout.ts
// The base (and an optional head ref) are built from `git worktree add` checkouts in temporary directories,
// fetched first when the clone is shallow or lacks the commit. Worktrees are removed afterwards — also on
// failure and on Ctrl-C.







class GitError extends Error {
}
async function git(cwd, args) {
    return runCommand('git', args, { cwd });
}
async function repoRoot(cwd) {
    const r = await git(cwd, ['rev-parse', '--show-toplevel']).catch(() => null);
    if (!r || r.code !== 0)
        throw new GitError(`${printable(cwd)} is not inside a git repository (needed to build --base)`);
    return r.stdout.trim();
}
/** Resolves ref to a commit, fetching it from origin when it is not here (shallow clones, PR base SHAs). */
async function resolveCommit(root, ref) {
    if (ref.startsWith('-'))
        throw new GitError(`not a git ref: ${printable(ref)}`);
    const local = await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (local.code === 0)
        return local.stdout.trim();
    const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
    const fetch = await git(root, ['fetch', '--no-tags', '--quiet', ...(shallow ? ['--depth=1'] : []), 'origin', ref]);
    if (fetch.code !== 0) {
        throw new GitError(`git ref ${printable(ref)} is not in this clone and could not be fetched from origin: ${lastLine(fetch.stderr, 'git fetch failed')}`);
    }
    const fetched = await git(root, ['rev-parse', '--verify', '--quiet', 'FETCH_HEAD^{commit}']);
    if (fetched.code !== 0)
        throw new GitError(`git ref ${printable(ref)} does not name a commit`);
    return fetched.stdout.trim();
}
async function checkout(root, ref) {
    const sha = await resolveCommit(root, ref);
    const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'isg-worktree-'));
    const removeSync = () => {
        (0,external_node_child_process_namespaceObject.spawnSync)('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
        (0,external_node_child_process_namespaceObject.spawnSync)('rm', ['-rf', dir], { stdio: 'ignore' });
    };
    const unregister = registerCleanup(removeSync);
    const add = await git(root, ['worktree', 'add', '--detach', '--force', dir, sha]);
    if (add.code !== 0) {
        unregister();
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
        throw new GitError(`git worktree add of ${printable(ref)} failed: ${lastLine(add.stderr, 'unknown error')}`);
    }
    return {
        dir,
        ref,
        sha,
        async remove() {
            unregister();
            await git(root, ['worktree', 'remove', '--force', dir]);
            await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
            await git(root, ['worktree', 'prune']);
        },
    };
}

;// CONCATENATED MODULE: ./src/config/parse-size.ts
// Parsing of the budget inputs (design §2.1): "250MB", "1.5GiB", "10MB, 5%", "20".
// Decimal numbers only: "1.5" and ".5" yes; "5.", "1e3", "+5", "1,000", "0x10" no (typos more often than intent).
/** A user mistake in an input or flag: one line that names the input and shows an example. */
class parse_size_ConfigError extends Error {
}
const SIZE_EXAMPLES = '(examples: 250MB, 1.5GiB, 800kB)';
const INCREASE_EXAMPLES = '(examples: "10MB", "5%", "10MB, 5%")';
const UNITS = {
    b: 1,
    kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12,
    kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40,
};
const NUMBER = String.raw `([0-9]+(?:\.[0-9]+)?|\.[0-9]+)`;
const SIZE_RE = new RegExp(String.raw `^${NUMBER}[ \t]*([a-z]*)$`, 'i');
const PERCENT_RE = new RegExp(String.raw `^${NUMBER}[ \t]*%$`);
// JSON quoting keeps the message on one line whatever the input holds (newlines, escape sequences).
function quote(text) {
    const t = text.trim();
    return JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t);
}
function parseWith(re, text, toValue) {
    const t = text.trim();
    const m = re.exec(t.startsWith('-') ? t.slice(1).trimStart() : t);
    if (!m)
        return 'bad';
    const value = toValue(Number(m[1]), (m[2] ?? '').toLowerCase());
    if (value === null || !Number.isFinite(value))
        return 'bad';
    return t.startsWith('-') ? 'negative' : value;
}
function sizeValue(text) {
    const v = parseWith(SIZE_RE, text, (n, unit) => {
        const factor = unit === '' ? 1 : UNITS[unit];
        return factor === undefined ? null : Math.round(n * factor);
    });
    return typeof v === 'number' && v > Number.MAX_SAFE_INTEGER ? 'too-large' : v;
}
const percentValue = (text) => parseWith(PERCENT_RE, text, (n) => n);
/** Bytes (rounded to an integer); 1000-based B/kB/MB/GB/TB, 1024-based KiB/MiB/GiB/TiB, any case; a bare number is bytes. */
function parse_size_parseSize(text, what) {
    if (text.trim() === '')
        throw new parse_size_ConfigError(`${what}: no size given ${SIZE_EXAMPLES}`);
    const v = sizeValue(text);
    if (typeof v === 'number')
        return v;
    const problem = v === 'negative' ? 'is negative' : v === 'too-large' ? 'is too large' : 'is not a size';
    throw new parse_size_ConfigError(`${what}: ${quote(text)} ${problem} ${SIZE_EXAMPLES}`);
}
/** "10MB", "5%", or both comma-separated in any order (at most one of each). */
function parse_size_parseIncrease(text, what = 'max-increase') {
    function fail(subject, problem) {
        throw new parse_size_ConfigError(`${what}: ${quote(subject)} ${problem} ${INCREASE_EXAMPLES}`);
    }
    if (text.trim() === '')
        throw new parse_size_ConfigError(`${what}: no limit given ${INCREASE_EXAMPLES}`);
    const limit = { bytes: null, percent: null, text: '' };
    let bytesText = '';
    for (const raw of text.split(',')) {
        const part = raw.trim();
        if (part === '')
            fail(text, 'has an empty part');
        const isPercent = part.endsWith('%');
        const v = isPercent ? percentValue(part) : sizeValue(part);
        if (v === 'negative')
            fail(part, 'is negative');
        if (v === 'too-large')
            fail(part, 'is too large');
        if (typeof v !== 'number')
            fail(part, 'is not a size or a percent');
        if (isPercent) {
            if (limit.percent !== null)
                fail(text, 'lists two percent limits');
            limit.percent = v;
        }
        else {
            if (limit.bytes !== null)
                fail(text, 'lists two byte limits');
            limit.bytes = v;
            bytesText = part;
        }
    }
    limit.text = [limit.bytes === null ? null : bytesText, limit.percent === null ? null : `${limit.percent}%`]
        .filter((p) => p !== null)
        .join(', ');
    return limit;
}
/** A whole number of layers, 1..10000. */
function parse_size_parseLayerCount(text, what) {
    const t = text.trim();
    const n = /^[0-9]+$/.test(t) ? Number(t) : NaN;
    if (n >= 1 && n <= 10000)
        return n;
    throw new parse_size_ConfigError(`${what}: ${quote(text)} is not a layer count (a whole number from 1 to 10000, e.g. 20)`);
}

;// CONCATENATED MODULE: ./src/config/fail-on.ts
// `fail-on` (design §2.1): which problems turn the check red. A comma list of `budget`, finding ids,
// `any` (any finding) or `never`.

const FINDING_IDS = ['shell', 'missing-multi-stage', 'build-tools', 'package-cache'];
function fail_on_parseFailOn(text, what = 'fail-on') {
    const parts = (text ?? 'budget')
        .split(',')
        .map((p) => p.trim().toLowerCase())
        .filter(Boolean);
    const out = { budget: false, anyFinding: false, findings: new Set() };
    if (parts.length === 0)
        parts.push('budget');
    for (const p of parts) {
        if (p === 'never') {
            if (parts.length > 1)
                throw new parse_size_ConfigError(`${what}: "never" cannot be combined with other values`);
            return out;
        }
        if (p === 'budget')
            out.budget = true;
        else if (p === 'any')
            out.anyFinding = true;
        else if (FINDING_IDS.includes(p))
            out.findings.add(p);
        else
            throw new parse_size_ConfigError(`${what}: unknown value ${JSON.stringify(p)} (use budget, any, never or a finding id: ${FINDING_IDS.join(', ')})`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/config/split-flags.ts
// `buildx-flags` is one string of extra command-line flags. Split it like a shell would (quotes, escapes),
// but never through a shell: nothing in it is expanded or executed.

function split_flags_splitFlags(text, what) {
    const out = [];
    let cur = '';
    let has = false;
    let quote = null;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === quote)
                quote = null;
            else if (c === '\\' && quote === '"' && i + 1 < text.length)
                cur += text[++i];
            else
                cur += c;
        }
        else if (c === '"' || c === "'") {
            quote = c;
            has = true;
        }
        else if (c === '\\' && i + 1 < text.length) {
            cur += text[++i];
            has = true;
        }
        else if (/\s/.test(c)) {
            if (has || cur)
                out.push(cur);
            cur = '';
            has = false;
        }
        else {
            cur += c;
            has = true;
        }
    }
    if (quote)
        throw new parse_size_ConfigError(`${what}: unterminated ${quote} quote`);
    if (has || cur)
        out.push(cur);
    for (const f of out) {
        if (/^(--output|-o|--load|--push|--tag|-t|--metadata-file|--iidfile)(=|$)/.test(f)) {
            throw new parse_size_ConfigError(`${what}: ${f} is set by image-size-guard itself and cannot be overridden`);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/config/action-inputs.ts
// The Action's inputs (design §2.1), read and validated in one place: every mistake is reported, one line
// each, before anything is built.






class InputErrors extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? problems[0] : `${problems.length} input errors: ${problems.join('; ')}`);
        this.problems = problems;
    }
}
/** `env` is process.env in the Action; tests pass their own. */
function readActionInputs(env = process.env) {
    const get = (name) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
    const problems = [];
    const attempt = (fn, fallback) => {
        try {
            return fn();
        }
        catch (err) {
            if (err instanceof ConfigError)
                problems.push(err.message);
            else
                throw err;
            return fallback;
        }
    };
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const pullRequest = readPullRequest(env);
    if (get('images'))
        problems.push('images: several images in one run are not supported yet; use one step per image');
    const budgets = {};
    if (get('max-size'))
        attempt(() => (budgets.maxSize = { bytes: parseSize(get('max-size'), 'max-size'), text: get('max-size') }), undefined);
    if (get('max-increase'))
        attempt(() => (budgets.maxIncrease = parseIncrease(get('max-increase'), 'max-increase')), undefined);
    if (get('max-layers'))
        attempt(() => (budgets.maxLayers = parseLayerCount(get('max-layers'), 'max-layers')), undefined);
    const failOn = attempt(() => parseFailOn(get('fail-on') || 'budget', 'fail-on'), parseFailOn('budget'));
    const comment = get('comment') || 'true';
    let commentMode = 'always';
    if (comment === 'false')
        commentMode = 'off';
    else if (comment === 'on-change')
        commentMode = 'on-change';
    else if (comment !== 'true')
        problems.push(`comment: must be true, false or on-change (got ${JSON.stringify(comment)})`);
    const compressed = get('compressed-size') || 'auto';
    if (!['auto', 'exact', 'off'].includes(compressed))
        problems.push(`compressed-size: must be auto, exact or off (got ${JSON.stringify(compressed)})`);
    const buildArgs = get('build-args')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    for (const a of buildArgs)
        if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(a))
            problems.push(`build-args: each line must be KEY=VALUE (got ${JSON.stringify(a.slice(0, 40))})`);
    const buildxFlags = attempt(() => (get('buildx-flags') ? splitFlags(get('buildx-flags'), 'buildx-flags') : []), []);
    if (get('base-ref') && get('base-image'))
        problems.push('base-ref and base-image exclude each other: build a ref, or read an image');
    // On pull_request the PR's base commit is the baseline; elsewhere, without base-ref/base-image, the run is a
    // single-image gate (budgets without a base).
    const baseRef = get('base-image') ? undefined : get('base-ref') || pullRequest?.baseSha || undefined;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (problems.length)
        throw new InputErrors(problems);
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    return {
        compare: {
            cwd: workspace,
            baseRef,
            baseImage: get('base-image') || undefined,
            image: get('image') || undefined,
            context: get('context') || '.',
            dockerfile: get('dockerfile') || undefined,
            target: get('target') || undefined,
            buildArgs,
            platform: get('platform') || undefined,
            builder: get('builder') || undefined,
            buildxFlags,
            name: get('name') || undefined,
            budgets,
            failOn,
            compressedSize: compressed,
            topFiles: 20,
            logMode: 'actions',
        },
        comment: commentMode,
        token: get('github-token'),
        reportFile: get('report-file') || join(env.RUNNER_TEMP || tmpdir(), 'image-size-guard', 'report.json'),
        repository: owner && repo ? { owner, repo } : null,
        pullRequest,
        eventName,
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        graphqlUrl: env.GITHUB_GRAPHQL_URL || `${(env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, '')}/graphql`,
    };
}
function readPullRequest(env) {
    if (!env.GITHUB_EVENT_PATH || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? ''))
        return null;
    try {
        const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
        const pr = event.pull_request;
        if (!pr?.number || !pr.base?.sha)
            return null;
        return { number: pr.number, baseSha: pr.base.sha, baseRef: pr.base.ref ?? pr.base.sha, headSha: pr.head?.sha ?? '' };
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/cli/errors.ts
// Every failure the CLI can explain ends in exit code 2 with one line on stderr.









class UsageError extends Error {
}
const EXIT_PASSED = 0;
const EXIT_FAILED = 1;
const EXIT_ERROR = 2;
/** One line for stderr. Errors we did not foresee keep their message; the stack only with ISG_DEBUG=1. */
function describeError(err) {
    const known = [UsageError, ImageArchiveError, ImageSourceError, UnsafePathError, BuildError, GitError, ToolMissingError, parse_size_ConfigError, InputErrors].some((type) => err instanceof type);
    const message = err instanceof Error ? err.message : String(err);
    const prefix = known ? '' : 'unexpected error: ';
    return terminalSafe(prefix + message.split('\n')[0]);
}

;// CONCATENATED MODULE: ./src/report/image-report.ts
// ImageModel → the report's ImageReport and the envelope around it.

function toImageReport(model, ref, dockerfile = null) {
    return {
        ref,
        id: model.id,
        size: model.size,
        compressedSize: model.compressedSize,
        compressedSizeExact: model.compressedSizeExact,
        fileCount: model.fileCount,
        wastedBytes: model.wastedBytes,
        efficiency: round(model.efficiency, 6),
        dockerfile,
        layers: model.layers.map((l) => ({
            diffId: l.diffId,
            instruction: l.instruction,
            size: l.size,
            compressedSize: l.compressedSize,
            fileCount: l.fileCount,
            dockerfileLine: null,
        })),
    };
}
function makeReport(images) {
    return {
        schemaVersion: 1,
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        passed: images.every((i) => i.passed),
        images,
    };
}
function round(n, digits) {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}

;// CONCATENATED MODULE: ./node_modules/pretty-bytes/index.js
const BYTE_UNITS = [
	'B',
	'kB',
	'MB',
	'GB',
	'TB',
	'PB',
	'EB',
	'ZB',
	'YB',
];

const BIBYTE_UNITS = [
	'B',
	'KiB',
	'MiB',
	'GiB',
	'TiB',
	'PiB',
	'EiB',
	'ZiB',
	'YiB',
];

const BIT_UNITS = [
	'b',
	'kbit',
	'Mbit',
	'Gbit',
	'Tbit',
	'Pbit',
	'Ebit',
	'Zbit',
	'Ybit',
];

const BIBIT_UNITS = [
	'b',
	'kibit',
	'Mibit',
	'Gibit',
	'Tibit',
	'Pibit',
	'Eibit',
	'Zibit',
	'Yibit',
];

// Indexed by `bits` and then `binary`, so the four unit systems are picked in one step.
const UNIT_SETS = [BYTE_UNITS, BIBYTE_UNITS, BIT_UNITS, BIBIT_UNITS];

/*
`Number#toString` switches to exponential notation outside the range [1e-6, 1e21) and `Intl.NumberFormat` drops every fraction digit past the 100 it accepts.
Byte counts read as plain decimal numbers, so both losses are undone here. Expects a finite, non-negative number.
*/
const toDecimalString = number => {
	if (number >= 1e-6 && number < 1e21) {
		return String(number);
	}

	const [mantissa, exponentString] = number.toExponential().split('e');
	const digits = mantissa.replace('.', '');
	const pointPosition = Number(exponentString) + 1;
	const isPositive = pointPosition > 0;
	const padded = isPositive ? digits.padEnd(pointPosition, '0') : '0'.repeat(1 - pointPosition) + digits;
	const integerPart = padded.slice(0, isPositive ? pointPosition : 1);
	const fractionPart = padded.slice(isPositive ? pointPosition : 1).replace(/0+$/, '');

	return fractionPart ? `${integerPart}.${fractionPart}` : integerPart;
};

/*
Formats the given number using `Number#toLocaleString`.
- If locale is a string or array, the value is expected to be a BCP 47 language tag or list of language tags (for example: `de`).
- If locale is true, the system default locale is used for translation.
- If locale is false or unspecified, formatting options are applied without localization; without options, the number is written out as plain digits.
*/
const toLocaleString = (number, locale, options) => {
	if (typeof locale === 'string' || Array.isArray(locale) || locale === true) {
		const locales = locale === true ? undefined : locale;

		if (options !== undefined) {
			return number.toLocaleString(locales, options);
		}

		// `Intl.NumberFormat` limits itself to 3 *fraction* digits while the default here is 3 *significant* digits, so the limit comes from the value.
		const text = toDecimalString(number);
		const pointIndex = text.indexOf('.');
		const maximumFractionDigits = pointIndex === -1 ? 0 : text.length - pointIndex - 1;

		// `Intl.NumberFormat` accepts at most 100 fraction digits. Rounding to 3 significant digits only needs more than that for absurdly small values, which are written out as plain digits instead.
		if (maximumFractionDigits > 100) {
			return text;
		}

		return number.toLocaleString(locales, {maximumFractionDigits});
	}

	if (options === undefined) {
		return toDecimalString(number);
	}

	return number.toLocaleString('en-US', {...options, useGrouping: false});
};

const log10 = numberOrBigInt => {
	if (typeof numberOrBigInt === 'number') {
		return Math.log10(numberOrBigInt);
	}

	const string = numberOrBigInt.toString(10);

	// A `number` only holds about 15 significant digits, so the remaining digits cannot move the magnitude. The result can still land exactly on a unit boundary, which the caller corrects for.
	return string.length + Math.log10(`0.${string.slice(0, 15)}`);
};

const log = numberOrBigInt => {
	if (typeof numberOrBigInt === 'number') {
		return Math.log(numberOrBigInt);
	}

	return log10(numberOrBigInt) * Math.log(10);
};

/*
A `bigint` that a `number` can hold exactly is divided the same way, so the output never depends on which type it was given as.
`floor(a / b) + (a % b) / b` is a different double than `a / b`, which flips the rounding at ties like 1805 bytes.
*/
const divide = (numberOrBigInt, base, exponent) => {
	const divisor = base ** exponent;

	if (typeof numberOrBigInt === 'number' || numberOrBigInt <= Number.MAX_SAFE_INTEGER) {
		return Number(numberOrBigInt) / divisor;
	}

	// `divisor` is not exact for every unit, as `1000 ** 8` is not `1e24`, so the exact divisor is rebuilt from the base and the exponent.
	const bigintDivisor = BigInt(base) ** BigInt(exponent);
	const integerPart = numberOrBigInt / bigintDivisor;
	const remainder = numberOrBigInt % bigintDivisor;

	return Number(integerPart) + (Number(remainder) / divisor);
};

/*
The plain decimal digits of a scaled value that no `number` can hold. `Intl.NumberFormat` is not involved, so the output carries no grouping or localized separator, the same as the fallback for a value with more fraction digits than it accepts.
*/
const toUnrepresentableString = (number, base, exponent, localeOptions) => {
	const scale = BigInt(base) ** BigInt(exponent);
	const whole = number / scale;

	// The 3 significant digit default never bites here: it only ever rounds to at least as many digits as the value has integers, and this one has far more than 3.
	if (localeOptions === undefined) {
		return whole.toString();
	}

	// The fraction digit options take over from that default, so the integer part stays exact and the fraction is truncated.
	const minimumFractionDigits = localeOptions.minimumFractionDigits ?? 0;
	const maximumFractionDigits = Math.max(localeOptions.maximumFractionDigits ?? 3, minimumFractionDigits);
	const truncated = ((number % scale) * (10n ** BigInt(maximumFractionDigits)) / scale).toString().padStart(maximumFractionDigits, '0');
	const fraction = truncated.replace(/0+$/, '').padEnd(minimumFractionDigits, '0');

	return fraction ? `${whole}.${fraction}` : whole.toString();
};

/*
The sign to print in front of the number. A difference of exactly zero gets a space instead of a plus sign, for better alignment. `0 === 0n` is `false`, so both are compared.
*/
const signOf = (number, signed) => {
	if (number < 0) {
		return '-';
	}

	if (!signed) {
		return '';
	}

	return number === 0 || number === 0n ? ' ' : '+';
};

const assertFixedWidth = fixedWidth => {
	if (fixedWidth !== undefined && (typeof fixedWidth !== 'number' || !Number.isSafeInteger(fixedWidth) || fixedWidth < 0)) {
		throw new TypeError(`Expected fixedWidth to be a non-negative integer, got ${typeof fixedWidth}: ${fixedWidth}`);
	}
};

/*
`Intl.NumberFormat` silently truncates non-integers, so they are rejected here instead of quietly changing the output.
*/
const assertFractionDigits = (name, value) => {
	if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100)) {
		throw new TypeError(`Expected ${name} to be an integer between 0 and 100, got ${typeof value}: ${value}`);
	}
};

const buildLocaleOptions = options => {
	const {minimumFractionDigits, maximumFractionDigits} = options;

	if (minimumFractionDigits === undefined && maximumFractionDigits === undefined) {
		return undefined;
	}

	assertFractionDigits('minimumFractionDigits', minimumFractionDigits);
	assertFractionDigits('maximumFractionDigits', maximumFractionDigits);

	// Checked here rather than left to `Intl.NumberFormat`, which is skipped for a value past the number range.
	if (minimumFractionDigits > maximumFractionDigits) {
		throw new RangeError(`Expected minimumFractionDigits (${minimumFractionDigits}) to not be greater than maximumFractionDigits (${maximumFractionDigits})`);
	}

	return {
		...(minimumFractionDigits !== undefined && {minimumFractionDigits}),
		...(maximumFractionDigits !== undefined && {maximumFractionDigits}),
		roundingMode: 'trunc',
	};
};

function prettyBytes(number, options) {
	if (typeof number !== 'bigint' && !Number.isFinite(number)) {
		throw new TypeError(`Expected a finite number, got ${typeof number}: ${number}`);
	}

	options = {
		bits: false,
		binary: false,
		space: true,
		nonBreakingSpace: false,
		...options,
	};

	assertFixedWidth(options.fixedWidth);
	const localeOptions = buildLocaleOptions(options);

	// Indexed by `bits` then `binary`, so the four combinations line up in one table.
	const UNITS = UNIT_SETS[(options.bits ? 2 : 0) + (options.binary ? 1 : 0)];

	const separator = options.space ? (options.nonBreakingSpace ? '\u00A0' : ' ') : '';

	// Normalize `-0` to `0` so it never formats as `-0`.
	if (Object.is(number, -0)) {
		number = 0;
	}

	const prefix = signOf(number, options.signed);

	if (number < 0) {
		number = -number;
	}

	const base = options.binary ? 1024 : 1000;

	let exponent = 0;
	if (number >= 1) {
		exponent = Math.min(Math.floor(options.binary ? log(number) / Math.log(base) : log10(number) / 3), UNITS.length - 1);
	}

	// A `number` always scales down to something a `number` can hold, and a `bigint` stops being able to once the quotient passes `Number.MAX_VALUE`, where `divide` overflows to `Infinity` and the exact quotient is formatted instead.
	const scaled = divide(number, base, exponent);

	let numberString;
	if (Number.isFinite(scaled)) {
		number = scaled;

		// A value that sits just below a unit boundary, like `999999999999999` bytes, has a `log10` that rounds up to the boundary itself, so the exponent has to be corrected back.
		if (number < 1 && exponent > 0) {
			number *= base;
			exponent -= 1;
		}

		if (!localeOptions) {
			const minimumPrecision = Math.max(3, Math.floor(number).toString().length);
			number = Number(number.toPrecision(minimumPrecision));

			if (number >= base && exponent < UNITS.length - 1) {
				number /= base;
				exponent += 1;
			}
		}

		numberString = toLocaleString(number, options.locale, localeOptions);
	} else {
		// The scaled value is past what a `number` can hold, so the exact quotient is written out instead.
		numberString = toUnrepresentableString(number, base, exponent, localeOptions);
	}

	const result = prefix + numberString + separator + UNITS[exponent];
	return result.padStart(options.fixedWidth ?? 0);
}

;// CONCATENATED MODULE: ./src/report/format.ts
// Number formatting shared by every renderer: sizes in 1000-based units as `docker` prints them.

const MINUS = '\u2212'; // typographic minus: reads better than a hyphen in tables
function formatBytes(bytes) {
    return prettyBytes(bytes, { maximumFractionDigits: Math.abs(bytes) >= 1e9 ? 2 : 1 }).replace(/^-/, MINUS);
}
/** "+1.2 MB", "−817 MB", "0 B" */
function formatDelta(bytes) {
    if (bytes === 0)
        return '0 B';
    return (bytes > 0 ? '+' : MINUS) + formatBytes(Math.abs(bytes));
}
/** "+4.1%", "−99.8%"; null (no base size) → "" */
function formatDeltaPercent(percent) {
    if (percent === null)
        return '';
    if (percent === 0)
        return '0%';
    const abs = Math.abs(percent);
    return (percent > 0 ? '+' : MINUS) + (abs >= 10 ? abs.toFixed(1) : abs.toPrecision(2).replace(/\.?0+$/, '')) + '%';
}
function formatCount(n) {
    return n.toLocaleString('en-US');
}
function formatCountDelta(n) {
    if (n === 0)
        return '0';
    return (n > 0 ? '+' : MINUS) + formatCount(Math.abs(n));
}
function formatPercent(ratio) {
    return `${(ratio * 100).toFixed(1)}%`;
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/report/text.ts
// The terminal rendering of a report: one table per image, aligned, totals last.


function renderImageText(name, platform, report, model, opts = {}) {
    const width = Math.max(60, opts.width ?? 100);
    const rows = report.layers.map((l, i) => ({
        index: String(i + 1),
        size: formatBytes(l.size),
        files: formatCount(l.fileCount),
        waste: model.layers[i]?.wastedBytes ? formatBytes(model.layers[i].wastedBytes) : '',
        instruction: l.instruction || '(no history)',
    }));
    const total = {
        index: '',
        size: formatBytes(report.size),
        files: formatCount(report.layers.reduce((n, l) => n + l.fileCount, 0)),
        waste: report.wastedBytes ? formatBytes(report.wastedBytes) : '',
        instruction: 'total',
    };
    const all = [...rows, total];
    const w = {
        index: Math.max(1, ...all.map((r) => r.index.length)),
        size: Math.max(4, ...all.map((r) => r.size.length)),
        files: Math.max(5, ...all.map((r) => r.files.length)),
        waste: Math.max(6, ...all.map((r) => r.waste.length)),
    };
    const fixed = w.index + w.size + w.files + w.waste + 10;
    const instrWidth = Math.max(20, width - fixed);
    const line = (r) => [
        r.index.padStart(w.index),
        terminalSafe(r.instruction, instrWidth).padEnd(instrWidth),
        r.size.padStart(w.size),
        r.files.padStart(w.files),
        r.waste.padStart(w.waste),
    ].join('  ').trimEnd();
    const out = [];
    out.push(`${terminalSafe(name)}  ${platform}  ${report.id.slice(0, 19)}`);
    out.push(`size ${formatBytes(report.size)} · ${report.layers.length} layer${report.layers.length === 1 ? '' : 's'} · ` +
        `${formatCount(report.fileCount)} files in the final filesystem · compressed ${report.compressedSize === null ? 'n/a' : formatBytes(report.compressedSize)}` +
        ` · wasted ${formatBytes(report.wastedBytes)} (efficiency ${formatPercent(report.efficiency)})`);
    out.push('');
    out.push(line({ index: '#', instruction: 'instruction', size: 'size', files: 'files', waste: 'wasted' }));
    for (const r of rows)
        out.push(line(r));
    out.push(line(total));
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/cli/progress.ts
// Progress on stderr while an image streams in: a live counter on a terminal, a line every 15 s in CI logs.

function makeProgress(label, stream = process.stderr) {
    const tty = stream.isTTY === true;
    const every = tty ? 200 : 15_000;
    const start = Date.now();
    let last = start;
    let shown = false;
    return {
        update(bytes) {
            const now = Date.now();
            if (now - last < every)
                return;
            last = now;
            const text = `${label}: ${formatBytes(bytes)} read (${((now - start) / 1000).toFixed(0)} s)`;
            if (tty)
                stream.write(`\r\x1b[K${text}`);
            else
                stream.write(`${text}\n`);
            shown = true;
        },
        done() {
            if (tty && shown)
                stream.write('\r\x1b[K');
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/inspect-command.ts
// `image-size-guard inspect`: one image → its report.







async function runInspect(args) {
    const source = await classifySource(args.target);
    const progress = makeProgress(`reading ${sourceLabel(source)}`);
    const model = await readImage(source, {
        platform: args.platform,
        compressedSize: args.compressedSize,
        onProgress: (b) => progress.update(b),
    });
    progress.done();
    const name = args.name ?? defaultName(source);
    const head = toImageReport(model, refOf(source));
    const report = makeReport([
        { name, platform: model.platform, head, base: null, diff: null, findings: [], budgets: [], passed: true },
    ]);
    const text = args.format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : renderImageText(name, model.platform, head, model, { width: process.stdout.columns || 100 });
    if (args.output)
        await (0,promises_namespaceObject.writeFile)(args.output, text);
    else
        process.stdout.write(text);
    return report.passed ? EXIT_PASSED : EXIT_FAILED;
}
function parseFormat(value) {
    if (value === undefined || value === 'text' || value === 'json')
        return value ?? 'text';
    throw new UsageError(`--format must be text or json for inspect (got "${value}")`);
}
function parseCompressedSizeMode(value) {
    if (value === undefined)
        return 'auto';
    if (value === 'auto' || value === 'exact' || value === 'off')
        return value;
    throw new UsageError(`--compressed-size must be auto, exact or off (got "${value}")`);
}
function refOf(source) {
    return source.kind === 'docker' ? source.ref : source.kind === 'file' ? source.path : '-';
}
function sourceLabel(source) {
    return source.kind === 'docker' ? `docker save ${source.ref}` : source.kind === 'file' ? source.path : 'stdin';
}
function defaultName(source) {
    if (source.kind === 'docker')
        return source.ref;
    if (source.kind === 'file')
        return (0,external_node_path_namespaceObject.basename)(source.path).replace(/\.(tar|tar\.gz|tgz|oci)$/i, '');
    return 'image';
}

;// CONCATENATED MODULE: ./src/build/build-log.ts
// Where build output goes: always stderr, never stdout (stdout carries the report).
// In GitHub Actions the log is grouped and workflow commands are switched off around it, because RUN steps
// print whatever the PR author wants — including `::set-output` or `::error` lines.
// On a terminal the log is folded: a one-line status, and the tail of the log only when the build fails.


function defaultLogMode(stream = process.stderr) {
    if (process.env.GITHUB_ACTIONS === 'true')
        return 'actions';
    return stream.isTTY ? 'fold' : 'stream';
}
function openBuildLog(title, mode, out = process.stderr) {
    const tail = [];
    const keep = (text) => {
        tail.push(text);
        if (tail.length > 40)
            tail.shift();
    };
    const inner = openSection(title, mode, out, tail);
    return {
        line: (text) => {
            keep(text);
            inner.line(text);
        },
        end: (failed) => inner.end(failed),
        tail: () => tail.join('\n'),
    };
}
function openSection(title, mode, out, tail) {
    switch (mode) {
        case 'actions': {
            const token = (0,external_node_crypto_namespaceObject.randomBytes)(16).toString('hex');
            out.write(`::group::${terminalSafe(title)}\n::stop-commands::${token}\n`);
            return {
                line: (text) => out.write(`${text}\n`),
                end: () => out.write(`::${token}::\n::endgroup::\n`),
            };
        }
        case 'stream':
            return {
                line: (text) => out.write(`${terminalSafe(text)}\n`),
                end: () => undefined,
            };
        case 'fold': {
            out.write(`${terminalSafe(title)}…`);
            return {
                line: (text) => {
                    if (/^#\d+ \[/.test(text))
                        out.write(`\r\x1b[K${terminalSafe(title)}… ${terminalSafe(text, 70)}`);
                },
                end: (failed) => {
                    out.write(`\r\x1b[K${terminalSafe(title)}: ${failed ? 'failed' : 'done'}\n`);
                    if (failed)
                        for (const l of tail)
                            out.write(`  ${terminalSafe(l)}\n`);
                },
            };
        }
        case 'silent':
            return {
                line: () => undefined,
                end: () => undefined,
            };
    }
}
/** Splits a stream of chunks into lines for a BuildLog. */
function lineSplitter(log) {
    let rest = '';
    return {
        write(chunk) {
            rest += chunk;
            let nl;
            while ((nl = rest.indexOf('\n')) >= 0) {
                log.line(rest.slice(0, nl).replace(/\r$/, ''));
                rest = rest.slice(nl + 1);
            }
        },
        flush() {
            if (rest)
                log.line(rest);
            rest = '';
        },
    };
}

;// CONCATENATED MODULE: ./src/analysis/budgets.ts
// Size budgets (design §2.1): pure checks of the head image against the configured limits.
// Relative slack so a decimal percent's binary rounding (0.57 × 10000 = 5699.999…) cannot fail an
// increase that is exactly at the limit; it only matters above a terabyte of allowed growth.
const ROUNDING_SLACK = 1 + 1e-12;
function increaseExceeds(limit, delta, baseSize) {
    if (delta <= 0)
        return false; // a shrink or an equal image never fails
    const exceeded = [];
    if (limit.bytes !== null)
        exceeded.push(delta > limit.bytes);
    // With a zero-byte base every growth is infinitely many percent: exceeded whatever the limit.
    if (limit.percent !== null)
        exceeded.push(delta * 100 > limit.percent * baseSize * ROUNDING_SLACK);
    // Both parts listed: fail only when every one is exceeded (ignores noise on big and on tiny images).
    return exceeded.length > 0 && exceeded.every(Boolean);
}
/** Results in the order max-size, max-increase, max-layers, for the configured budgets only. */
function evaluateBudgets(config, input) {
    const results = [];
    if (config.maxSize) {
        const { bytes, text } = config.maxSize;
        results.push({ id: 'max-size', limit: text, actual: input.headSize, passed: input.headSize <= bytes });
    }
    // Without a baseline (a release gate, a new image) there is no increase to measure, so the budget is
    // left out rather than reported as passed.
    if (config.maxIncrease && input.baseSize !== null) {
        const delta = input.headSize - input.baseSize;
        const passed = !increaseExceeds(config.maxIncrease, delta, input.baseSize);
        results.push({ id: 'max-increase', limit: config.maxIncrease.text, actual: delta, passed });
    }
    if (config.maxLayers !== undefined) {
        const n = config.maxLayers;
        results.push({ id: 'max-layers', limit: String(n), actual: input.headLayers, passed: input.headLayers <= n });
    }
    return results;
}
function budgetsPassed(results) {
    return results.every((r) => r.passed);
}

;// CONCATENATED MODULE: ./src/analysis/normalize-instruction.ts
// Instruction text as a comparison key for layer alignment: the classic builder and BuildKit spell the same
// Dockerfile line differently ("/bin/sh -c make" vs "RUN /bin/sh -c make # buildkit"), and build args in scope
// are prefixed to RUN ("|2 A=1 B=2 /bin/sh -c make"), so changing an unrelated ARG must not unalign a layer.

const SHELL = /^\/bin\/(?:ba)?sh -c(?: |$)/;
// "|N " then the N args; up to the shell when there is one, since values with spaces are not quoted.
const ARGS_TO_SHELL = /^\|\d+ .*?\/bin\/(?:ba)?sh -c(?: |$)/;
const ARG_COUNT = /^\|(\d+) /;
function normalizeInstruction(createdByOrInstruction) {
    let s = collapse(createdByOrInstruction).replace(/ ?# buildkit$/, '');
    // Stripped before cleanInstruction, which leaves "RUN |2 A=1 B=2 /bin/sh -c make" as "RUN A=1 B=2 …".
    const run = s.startsWith('RUN |') ? 'RUN ' : '';
    const args = stripBuildArgs(s.slice(run.length));
    if (args !== null)
        s = 'RUN ' + args;
    s = collapse(cleanInstruction(s)).replace(/#\(nop\) ?/g, '').trim();
    let isRun = false;
    if (s === 'RUN' || s.startsWith('RUN ')) {
        isRun = true;
        s = s.slice(3).trim();
    }
    const sh = SHELL.exec(s);
    if (sh) {
        isRun = true;
        s = s.slice(sh[0].length).trim();
    }
    return isRun ? (s ? 'RUN ' + s : 'RUN') : s;
}
/** The command after a "|N K=V …" prefix (and its shell), or null when there is no such prefix. */
function stripBuildArgs(s) {
    const shell = ARGS_TO_SHELL.exec(s);
    if (shell)
        return s.slice(shell[0].length);
    const count = ARG_COUNT.exec(s);
    if (!count)
        return null;
    return s.slice(count[0].length).split(' ').slice(Number(count[1])).join(' ');
}
function collapse(s) {
    return s.replace(/\s+/g, ' ').trim();
}
/** The instruction keyword ("RUN", "COPY", …), upper-cased; "" when there is no instruction. */
function instructionKeyword(normalized) {
    const space = normalized.indexOf(' ');
    return (space < 0 ? normalized : normalized.slice(0, space)).toUpperCase();
}

;// CONCATENATED MODULE: ./src/analysis/align-layers.ts
// Aligns base and head layers (design §3) so that one inserted layer does not shift every later comparison:
// a weighted longest common subsequence where a same-diffID pair outweighs any number of same-instruction
// pairs, then same-keyword pairing inside the gaps, so an edited RUN line is one `changed` row.

function alignLayers(base, head) {
    const key = (l) => normalizeInstruction(l.createdBy || l.instruction);
    const baseKey = base.map(key);
    const headKey = head.map(key);
    // More than the most instruction matches possible, so diffID matches are maximised first.
    const idWeight = Math.min(base.length, head.length) + 1;
    const anchors = weightedLcs(base.length, head.length, (i, j) => {
        const sameId = base[i].diffId === head[j].diffId ? idWeight : 0;
        // An empty instruction (no history) is no evidence that two layers are the same step.
        const sameText = baseKey[i] !== '' && baseKey[i] === headKey[j] ? 1 : 0;
        return sameId + sameText;
    });
    const baseTaken = new Array(base.length).fill(false);
    const headTaken = new Array(head.length).fill(false);
    for (const [i, j] of anchors)
        baseTaken[i] = headTaken[j] = true;
    const moved = matchMoved(base, head, baseTaken, headTaken);
    const pairs = [...anchors, ...pairInGaps(anchors, baseKey, headKey, baseTaken, headTaken)].sort((a, b) => a[1] - b[1]);
    const row = (status, i, j) => {
        const b = i === null ? null : base[i];
        const h = j === null ? null : head[j];
        return {
            status,
            instruction: (h ?? b).instruction,
            baseIndex: i,
            headIndex: j,
            baseSize: b?.size ?? null,
            headSize: h?.size ?? null,
            delta: (h?.size ?? 0) - (b?.size ?? 0),
        };
    };
    // Walk both sides in order: each gap's removed rows, then its head-only rows, then the pair closing it.
    const out = [];
    let i = 0;
    let j = 0;
    for (const [pi, pj] of [...pairs, [base.length, head.length]]) {
        for (; i < pi; i++)
            if (!baseTaken[i])
                out.push(row('removed', i, null));
        for (; j < pj; j++) {
            const from = moved.get(j);
            out.push(from === undefined ? row('added', null, j) : row('unchanged', from, j));
        }
        if (pi < base.length && pj < head.length) {
            out.push(row(base[pi].diffId === head[pj].diffId ? 'unchanged' : 'changed', pi, pj));
        }
        i = pi + 1;
        j = pj + 1;
    }
    return out;
}
/**
 * Layers with the same content that changed position (reordered lines): unchanged, shown where they stand in
 * head. Leftovers only, so this never breaks the in-order alignment; one-to-one, in order per diffID.
 */
function matchMoved(base, head, baseTaken, headTaken) {
    const byId = new Map();
    base.forEach((l, i) => {
        if (!baseTaken[i])
            byId.set(l.diffId, [...(byId.get(l.diffId) ?? []), i]);
    });
    const moved = new Map();
    head.forEach((l, j) => {
        const i = headTaken[j] ? undefined : byId.get(l.diffId)?.shift();
        if (i === undefined)
            return;
        moved.set(j, i);
        baseTaken[i] = headTaken[j] = true;
    });
    return moved;
}
/**
 * Between consecutive anchors, pairs leftover layers with the same keyword (RUN, COPY, …), in order — only
 * when the gap has as many base as head layers (an edited line). A gap of 5 base layers against 1 head layer
 * (single-stage → multi-stage) is a rewrite: pairing its one COPY with an unrelated COPY would mislead.
 */
function pairInGaps(anchors, baseKey, headKey, baseTaken, headTaken) {
    const out = [];
    let prev = [-1, -1];
    for (const next of [...anchors, [baseKey.length, headKey.length]]) {
        const bs = range(prev[0] + 1, next[0]).filter((i) => !baseTaken[i]);
        const hs = range(prev[1] + 1, next[1]).filter((j) => !headTaken[j]);
        prev = next;
        if (bs.length !== hs.length)
            continue;
        const same = (a, b) => (instructionKeyword(baseKey[bs[a]]) === instructionKeyword(headKey[hs[b]]) ? 1 : 0);
        for (const [a, b] of weightedLcs(bs.length, hs.length, same)) {
            const pair = [bs[a], hs[b]];
            baseTaken[pair[0]] = headTaken[pair[1]] = true;
            out.push(pair);
        }
    }
    return out;
}
/**
 * Index pairs, increasing on both sides, maximising the sum of weight(i, j) (only pairs with weight > 0).
 * Ties go to the earliest pairs (DP over suffixes, walked forwards): an extra layer is reported after its twin.
 */
function weightedLcs(n, m, weight) {
    const w = new Int32Array(n * m);
    for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++)
            w[i * m + j] = weight(i, j);
    const cols = m + 1;
    const dp = new Int32Array((n + 1) * cols); // dp[i][j]: best for base[i..] against head[j..]
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            const x = w[i * m + j];
            const skip = Math.max(dp[(i + 1) * cols + j], dp[i * cols + j + 1]);
            dp[i * cols + j] = x > 0 ? Math.max(skip, dp[(i + 1) * cols + j + 1] + x) : skip;
        }
    }
    const pairs = [];
    for (let i = 0, j = 0; i < n && j < m;) {
        const x = w[i * m + j];
        if (x > 0 && dp[i * cols + j] === dp[(i + 1) * cols + j + 1] + x)
            pairs.push([i++, j++]);
        else if (dp[(i + 1) * cols + j] >= dp[i * cols + j + 1])
            i++;
        else
            j++;
    }
    return pairs;
}
function range(from, to) {
    return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

;// CONCATENATED MODULE: ./src/analysis/file-diff.ts
// Compares the base and head final filesystems per path, then rolls the changes up into directories so the
// top rows explain the growth ("/usr/lib/go-1.19 +310 MB", not 9,000 rows of .go files). Design §3.
function diffFiles(base, head, opts = {}) {
    const top = Math.max(0, Math.floor(opts.top ?? 20));
    const tree = new Tree();
    // Contents are not hashed (the reader does not keep them): a same-size edit goes unnoticed, which a size
    // report can afford. Mode and owner changes are ignored for the same reason.
    for (const [path, h] of head) {
        const b = base.get(path);
        if (!b)
            tree.insert(path, h.type === 'dir' ? 'implied' : 'real');
        else if (b.type === 'dir' && h.type === 'dir')
            continue;
        else if (b.type !== h.type || b.size !== h.size || b.linkTarget !== h.linkTarget)
            tree.insert(path, 'real');
    }
    for (const [path, b] of base)
        if (!head.has(path))
            tree.insert(path, b.type === 'dir' ? 'implied' : 'real');
    if (!tree.root.children)
        return [];
    tree.addTotals(base, 'base');
    tree.addTotals(head, 'head');
    sumUp(tree.root);
    let rows = [...tree.root.children.values()].map(chainCollapse);
    for (;;) {
        let best = null;
        for (const r of rows)
            if (expandable(r) && (best === null || byDelta(r, best) < 0))
                best = r;
        // Rows that change no bytes are dropped below when others do: they do not use up the budget.
        if (best === null || sizedCount(rows) - 1 + sizedCount(best.children.values()) > top)
            break;
        const expanded = best;
        rows = rows.filter((r) => r !== expanded).concat([...expanded.children.values()].map(chainCollapse));
    }
    // Rows that change no bytes (an empty directory, a retargeted link) only show when nothing else changed.
    const sized = rows.filter((r) => delta(r) !== 0);
    return (sized.length > 0 ? sized : rows)
        .sort(byDelta)
        .slice(0, top)
        .map((n) => toChange(n, base, head));
}
const newNode = (path) => ({ path, children: null, self: null, inBase: false, inHead: false, baseBytes: 0, headBytes: 0 });
const parentOf = (path) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
/** The changed paths and their ancestors, each reachable by path: no per-segment walks over 100k entries. */
class Tree {
    root = newNode('');
    byPath = new Map([['', this.root]]);
    /** Directory → the deepest node at or above it, filled as entries are charged. */
    owner = new Map();
    insert(path, self) {
        this.node(path).self = self;
    }
    node(path) {
        let n = this.byPath.get(path);
        if (!n) {
            const parent = this.node(parentOf(path));
            n = newNode(path);
            (parent.children ??= new Map()).set(path.slice(path.lastIndexOf('/') + 1), n);
            this.byPath.set(path, n);
        }
        return n;
    }
    /** Charges every entry to the deepest node at or above it; sumUp then carries totals and presence upwards. */
    addTotals(files, side) {
        for (const [path, entry] of files) {
            const n = this.byPath.get(path) ?? this.ownerOf(parentOf(path));
            if (side === 'base') {
                n.inBase = true;
                n.baseBytes += entry.size;
            }
            else {
                n.inHead = true;
                n.headBytes += entry.size;
            }
        }
    }
    ownerOf(dir) {
        let n = this.byPath.get(dir) ?? this.owner.get(dir);
        if (!n) {
            n = this.ownerOf(parentOf(dir));
            this.owner.set(dir, n);
        }
        return n;
    }
}
function sumUp(node) {
    if (!node.children)
        return;
    for (const child of node.children.values()) {
        sumUp(child);
        node.baseBytes += child.baseBytes;
        node.headBytes += child.headBytes;
        node.inBase ||= child.inBase;
        node.inHead ||= child.inHead;
    }
}
/** A directory whose changes are all in one child says nothing more than that child (/app → /app/server). */
function chainCollapse(node) {
    let n = node;
    while (n.children?.size === 1 && n.self !== 'real')
        n = n.children.values().next().value;
    return n;
}
/**
 * Directories on both sides are opened up. A wholly added or removed directory stays one row — it explains
 * itself (/usr/lib/go-1.19) — unless it is a top-level or second-level one (/usr, /usr/lib, /var/cache),
 * which only holds the things that explain the change.
 */
const expandable = (n) => n.children !== null && n.self !== 'real' && ((n.inBase && n.inHead && n.self === null) || n.path.split('/').length <= 3);
const delta = (n) => n.headBytes - n.baseBytes;
function sizedCount(nodes) {
    let n = 0;
    for (const node of nodes)
        if (delta(chainCollapse(node)) !== 0)
            n++;
    return n;
}
function byDelta(a, b) {
    const d = Math.abs(delta(b)) - Math.abs(delta(a));
    if (d !== 0)
        return d;
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
function toChange(n, base, head) {
    const dirOnEverySide = (base.get(n.path)?.type ?? 'dir') === 'dir' && (head.get(n.path)?.type ?? 'dir') === 'dir';
    return {
        path: n.path,
        kind: n.children !== null || dirOnEverySide ? 'dir' : 'file',
        status: !n.inBase ? 'added' : !n.inHead ? 'removed' : 'changed',
        baseSize: n.inBase ? n.baseBytes : null,
        headSize: n.inHead ? n.headBytes : null,
        delta: delta(n),
    };
}

;// CONCATENATED MODULE: ./src/analysis/diff-images.ts
// The base → head comparison of one image (design §2.4 DiffReport): totals, aligned layers, top file changes.


function diffImages(base, head, opts = {}) {
    const sizeDelta = head.size - base.size;
    const baseCompressed = opts.baseCompressedSize !== undefined ? opts.baseCompressedSize : base.compressedSize;
    const headCompressed = opts.headCompressedSize !== undefined ? opts.headCompressedSize : head.compressedSize;
    return {
        sizeDelta,
        sizeDeltaPercent: base.size > 0 ? round2((100 * sizeDelta) / base.size) : null,
        compressedSizeDelta: baseCompressed !== null && headCompressed !== null ? headCompressed - baseCompressed : null,
        layers: alignLayers(base.layers, head.layers).map((l) => ({
            status: l.status,
            instruction: l.instruction,
            baseSize: l.baseSize,
            headSize: l.headSize,
            delta: l.delta,
        })),
        files: diffFiles(base.files, head.files, opts.topFiles === undefined ? {} : { top: opts.topFiles }),
    };
}
function round2(x) {
    const r = Math.round(x * 100) / 100;
    return r === 0 ? 0 : r; // no -0 in the report
}

;// CONCATENATED MODULE: ./src/analysis/verdict.ts
// Pass or fail, from the budgets and findings, as `fail-on` says.
function decidePassed(budgets, findings, failOn) {
    if (failOn.budget && budgets.some((b) => !b.passed))
        return false;
    // resolved findings are gone from the head image: they never fail a run
    const present = findings.filter((f) => f.status !== 'resolved');
    if (failOn.anyFinding && present.length > 0)
        return false;
    return !present.some((f) => failOn.findings.has(f.id));
}

;// CONCATENATED MODULE: ./src/build/buildx.ts
// Builds one image with buildx and reads it without a temporary copy:
//  - builders that can export OCI stream `--output type=oci,dest=-` straight into the reader (exact compressed sizes);
//  - otherwise `--load` to a unique temporary tag, then `docker save` piped into the reader; the tag is always removed.









async function buildAndRead(spec, builder, logMode, read = {}) {
    const args = ['buildx', 'build', '--builder', builder.builder, '--progress', 'plain', '-f', spec.dockerfile];
    if (spec.target)
        args.push('--target', spec.target);
    if (spec.platform)
        args.push('--platform', spec.platform);
    for (const a of spec.buildArgs)
        args.push('--build-arg', a);
    args.push(...spec.extraFlags);
    const readOpts = { ...read, platform: spec.platform ?? read.platform };
    return builder.canExportOci ? buildOci(spec, args, logMode, readOpts) : buildLoad(spec, args, logMode, readOpts);
}
async function buildOci(spec, args, logMode, read) {
    const log = openBuildLog(`build ${spec.label} (buildx, OCI export)`, logMode);
    const lines = lineSplitter(log);
    const started = performance.now();
    let firstByte = 0;
    const child = (0,external_node_child_process_namespaceObject.spawn)(dockerCommand(), [...args, '--output', 'type=oci,dest=-', spec.context], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Interrupted: stop the build (buildx cancels the solve when its client goes away).
    const unregister = registerCleanup(() => child.kill('SIGINT'));
    child.on('close', unregister);
    child.stderr.setEncoding('utf8').on('data', (d) => lines.write(d));
    child.stdout.once('data', () => (firstByte = performance.now()));
    const exited = new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (code) => resolve(code ?? 1));
    });
    let model = null;
    let readError = null;
    try {
        model = await readImageArchive(child.stdout, read);
    }
    catch (err) {
        readError = err;
        child.kill();
    }
    const code = await exited;
    lines.flush();
    log.end(code !== 0 || readError !== null);
    if (code !== 0)
        throw new BuildError(`${spec.label} build failed: ${lastLine(log.tail(), `buildx exited with ${code}`)}`);
    if (readError)
        throw readError;
    const done = performance.now();
    return { model: model, buildMs: (firstByte || done) - started, readMs: done - (firstByte || done), exportedAs: 'oci' };
}
async function buildLoad(spec, args, logMode, read) {
    const tag = `image-size-guard-tmp/${spec.label.replace(/[^a-z0-9]/g, '')}:${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`;
    const log = openBuildLog(`build ${spec.label} (buildx --load)`, logMode);
    const lines = lineSplitter(log);
    const started = performance.now();
    // Interrupted: stop the build first (so it cannot tag afterwards), then drop the tag.
    let child = null;
    const unregister = registerCleanup(() => {
        child?.kill('SIGINT');
        (0,external_node_child_process_namespaceObject.spawnSync)(dockerCommand(), ['image', 'rm', '--force', tag], { stdio: 'ignore' });
    });
    try {
        child = (0,external_node_child_process_namespaceObject.spawn)(dockerCommand(), [...args, '--load', '-t', tag, spec.context], { stdio: ['ignore', 'pipe', 'pipe'] });
        const running = child;
        running.stdout?.setEncoding('utf8').on('data', (d) => lines.write(d));
        running.stderr?.setEncoding('utf8').on('data', (d) => lines.write(d));
        const code = await new Promise((resolve, reject) => {
            running.on('error', reject);
            running.on('close', (c) => resolve(c ?? 1));
        });
        lines.flush();
        log.end(code !== 0);
        if (code !== 0)
            throw new BuildError(`${spec.label} build failed: ${lastLine(log.tail(), `buildx exited with ${code}`)}`);
        const built = performance.now();
        const model = await readImage({ kind: 'docker', ref: tag }, read);
        return { model, buildMs: built - started, readMs: performance.now() - built, exportedAs: 'docker-save' };
    }
    finally {
        unregister();
        await runCommand(dockerCommand(), ['image', 'rm', '--force', tag]).catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/build-side.ts
// One side of a comparison (base or head): an existing image, or a build of a git ref / the working tree.






/** Lazily detected once per run: building is only needed when an image was not given. */
class BuildContext {
    opts;
    builder = null;
    constructor(opts) {
        this.opts = opts;
    }
    builderInfo() {
        this.builder ??= detectBuilder(this.opts.builder);
        return this.builder;
    }
    /** Context and Dockerfile as given (relative to cwd), and as paths inside a checkout of the repo. */
    paths(root) {
        const context = (0,external_node_path_namespaceObject.resolve)(this.opts.cwd, this.opts.context);
        const dockerfile = this.opts.dockerfile ? (0,external_node_path_namespaceObject.resolve)(this.opts.cwd, this.opts.dockerfile) : (0,external_node_path_namespaceObject.join)(context, 'Dockerfile');
        const base = root ?? this.opts.cwd;
        return { context, dockerfile, relContext: (0,external_node_path_namespaceObject.relative)(base, context) || '.', relDockerfile: (0,external_node_path_namespaceObject.relative)(base, dockerfile) };
    }
}
async function readExisting(ref, read) {
    const t0 = performance.now();
    const model = await readImage(await classifySource(ref), read);
    return { model, ref, dockerfile: null, timings: { read: performance.now() - t0 } };
}
/** Builds the working tree (ref undefined) or a checkout of ref. */
async function buildSide(ctx, label, ref, read) {
    const builder = await ctx.builderInfo();
    const o = ctx.opts;
    if (ref === undefined) {
        const p = ctx.paths(null);
        if (!(0,external_node_fs_namespaceObject.existsSync)(p.dockerfile))
            throw new BuildError(`no Dockerfile at ${p.relDockerfile} (set --file / dockerfile)`);
        const built = await buildAndRead({ label, context: p.context, dockerfile: p.dockerfile, target: o.target, buildArgs: o.buildArgs, platform: o.platform, extraFlags: o.buildxFlags }, builder, o.logMode, read);
        return { model: built.model, ref: 'working tree', dockerfile: p.relDockerfile, timings: { build: built.buildMs, read: built.readMs } };
    }
    const root = await repoRoot(o.cwd);
    const p = ctx.paths(root);
    const t0 = performance.now();
    const tree = await checkout(root, ref);
    const checkoutMs = performance.now() - t0;
    try {
        const dockerfile = (0,external_node_path_namespaceObject.join)(tree.dir, p.relDockerfile);
        if (!(0,external_node_fs_namespaceObject.existsSync)(dockerfile))
            throw new MissingDockerfileError(`${p.relDockerfile} does not exist at ${ref}`);
        const built = await buildAndRead({ label, context: (0,external_node_path_namespaceObject.join)(tree.dir, p.relContext), dockerfile, target: o.target, buildArgs: o.buildArgs, platform: o.platform, extraFlags: o.buildxFlags }, builder, o.logMode, read);
        return { model: built.model, ref, dockerfile: p.relDockerfile, timings: { checkout: checkoutMs, build: built.buildMs, read: built.readMs } };
    }
    finally {
        await tree.remove();
    }
}
class MissingDockerfileError extends Error {
}

;// CONCATENATED MODULE: ./src/pipeline/run-compare.ts
// The whole comparison, shared by the CLI and the Action: head, then base, then analysis → report.
// The head comes first: when it cannot be built there is nothing to compare, so the base is not built.









async function runCompare(o, read = {}) {
    const ctx = new BuildContext(o);
    const warnings = [];
    const readOpts = { ...read, compressedSize: o.compressedSize, estimates: new Map(), platform: o.platform };
    const head = o.image ? await readExisting(o.image, readOpts) : await buildSide(ctx, 'head', o.headRef, readOpts);
    // The base is read on the head's platform: a multi-platform archive then yields the matching image.
    const baseRead = { ...readOpts, platform: o.platform ?? head.model.platform };
    let base = null;
    if (o.baseImage)
        base = await readExisting(o.baseImage, baseRead);
    else if (o.baseRef) {
        try {
            base = await buildSide(ctx, 'base', o.baseRef, baseRead);
        }
        catch (err) {
            if (!(err instanceof MissingDockerfileError || err instanceof BuildError))
                throw err;
            warnings.push(`no baseline: ${err.message}; the head is analysed alone`);
        }
    }
    if (base && !samePlatform(base.model.platform, head.model.platform)) {
        throw new parse_size_ConfigError(`base (${base.model.platform}) and head (${head.model.platform}) are different platforms; set --platform`);
    }
    const budgets = evaluateBudgets(o.budgets, {
        headSize: head.model.size,
        headLayers: head.model.layers.length,
        baseSize: base ? base.model.size : null,
    });
    if (o.budgets.maxIncrease && !base)
        warnings.push('max-increase was not checked: there is no baseline');
    const findings = []; // the findings issue fills this
    const entry = {
        name: o.name ?? deriveName(o, head),
        platform: head.model.platform,
        head: toImageReport(head.model, head.ref, head.dockerfile),
        base: base ? toImageReport(base.model, base.ref, base.dockerfile) : null,
        diff: base ? diffImages(base.model, head.model, { topFiles: o.topFiles }) : null,
        findings,
        budgets,
        passed: decidePassed(budgets, findings, o.failOn),
    };
    return { report: makeReport([entry]), head, base, warnings };
}
/** "services/api/Dockerfile" → "services/api"; "Dockerfile.prod" → "prod"; an image → its reference. */
function deriveName(o, head) {
    if (!head.dockerfile)
        return o.image ?? head.ref;
    const dir = (0,external_node_path_namespaceObject.dirname)(head.dockerfile);
    const file = (0,external_node_path_namespaceObject.basename)(head.dockerfile);
    const variant = file === 'Dockerfile' ? '' : file.replace(/^Dockerfile[.-]?|[.-]?Dockerfile$/gi, '') || file;
    if (dir === '.' || dir === '')
        return variant || 'app';
    return variant ? `${dir}:${variant}` : dir;
}

;// CONCATENATED MODULE: ./src/report/table.ts
// Aligned plain-text tables for the terminal renderers.
function renderTable(header, rows, align) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => (align[i] === 'right' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map(line)];
}

;// CONCATENATED MODULE: ./src/report/compare-text.ts
// The terminal rendering of a comparison: a summary line, base/PR/Δ totals, budgets, the aligned layer
// table and the biggest file changes.



function summaryLine(entry) {
    const { head, base, diff } = entry;
    const mark = entry.passed ? '✅' : '❌';
    if (!base || !diff)
        return `${entry.name} — ${formatBytes(head.size)} (no baseline) ${mark}`;
    const pct = formatDeltaPercent(diff.sizeDeltaPercent);
    return `${entry.name} — ${formatBytes(base.size)} → ${formatBytes(head.size)} (${formatDelta(diff.sizeDelta)}${pct ? `, ${pct}` : ''}) ${mark}`;
}
function budgetText(b) {
    const actual = b.id === 'max-layers' ? `${b.actual} layers` : b.id === 'max-increase' ? formatDelta(b.actual) : formatBytes(b.actual);
    return `${b.id} ${b.limit} ${b.passed ? '✅' : '❌'} (${actual})`;
}
function compressed(r) {
    if (r.compressedSize === null)
        return 'n/a';
    return formatBytes(r.compressedSize) + (r.compressedSizeExact ? '' : ' ~');
}
function renderCompareText(entry, opts = {}) {
    const width = Math.max(60, opts.width ?? 100);
    const out = [terminalSafe(summaryLine(entry)), ''];
    const { head, base, diff } = entry;
    const totals = [
        ['size', base ? formatBytes(base.size) : '—', formatBytes(head.size), diff ? formatDelta(diff.sizeDelta) : ''],
        [
            'compressed',
            base ? compressed(base) : '—',
            compressed(head),
            diff?.compressedSizeDelta != null ? formatDelta(diff.compressedSizeDelta) : '',
        ],
        ['layers', base ? String(base.layers.length) : '—', String(head.layers.length), base ? formatCountDelta(head.layers.length - base.layers.length) : ''],
        ['files', base ? formatCount(base.fileCount) : '—', formatCount(head.fileCount), base ? formatCountDelta(head.fileCount - base.fileCount) : ''],
        ['wasted', base ? formatBytes(base.wastedBytes) : '—', formatBytes(head.wastedBytes), base ? formatDelta(head.wastedBytes - base.wastedBytes) : ''],
    ];
    out.push(...renderTable(['', 'base', 'PR', 'Δ'], totals, ['left', 'right', 'right', 'right']).map((l) => '  ' + l));
    if ([head, base].some((r) => r && r.compressedSize !== null && !r.compressedSizeExact))
        out.push('  (~ gzip level-6 estimate)');
    if (entry.budgets.length)
        out.push('', `Budgets: ${entry.budgets.map(budgetText).join(' · ')}`);
    for (const w of opts.warnings ?? [])
        out.push('', `warning: ${terminalSafe(w)}`);
    if (diff) {
        const changed = diff.layers.filter((l) => l.status !== 'unchanged').length;
        out.push('', `Layers (${changed} of ${diff.layers.length} changed)`);
        const instrWidth = Math.max(20, width - 50);
        const rows = diff.layers.map((l) => [
            l.status,
            terminalSafe(l.instruction || '(no history)', instrWidth),
            l.baseSize === null ? '—' : formatBytes(l.baseSize),
            l.headSize === null ? '—' : formatBytes(l.headSize),
            l.status === 'unchanged' ? '' : formatDelta(l.delta),
        ]);
        out.push(...renderTable(['status', 'instruction', 'base', 'PR', 'Δ'], rows, ['left', 'left', 'right', 'right', 'right']).map((l) => '  ' + l));
        if (diff.files.length) {
            out.push('', 'Biggest file changes');
            const pathWidth = Math.max(20, width - 40);
            const fileRows = diff.files.map((f) => [
                formatDelta(f.delta),
                f.status,
                terminalSafe(f.path + (f.kind === 'dir' ? '/' : ''), pathWidth),
            ]);
            out.push(...renderTable(['Δ', 'status', 'path'], fileRows, ['right', 'left', 'left']).map((l) => '  ' + l));
        }
        else
            out.push('', 'No file changes.');
    }
    else {
        out.push('', `Layers (${head.layers.length})`);
        const rows = head.layers.map((l, i) => [String(i + 1), terminalSafe(l.instruction || '(no history)', Math.max(20, width - 30)), formatBytes(l.size)]);
        out.push(...renderTable(['#', 'instruction', 'size'], rows, ['right', 'left', 'right']).map((l) => '  ' + l));
    }
    if (opts.timings)
        out.push('', opts.timings);
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/report/markdown-escape.ts
// Paths and instructions come from PR authors. In the comment they are shown as code spans, which GitHub
// renders literally: no HTML, no links, no @mentions, no emphasis, no `<!--` that could hide the rest.
// What a code span cannot hold is handled here: newlines (folded to ↵), pipes inside tables (escaped),
// backticks (a longer fence).
function codeSpan(text, opts = {}) {
    let s = text.replace(/\r\n?|\n/g, ' ↵ ').replace(/[\u0000-\u001f\u007f]/g, '�');
    const max = opts.max ?? 200;
    if (s.length > max)
        s = s.slice(0, max - 1) + '…';
    if (opts.inTable)
        s = s.replace(/\|/g, '\\|'); // GFM splits cells before it reads code spans
    const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    const pad = s.startsWith('`') || s.endsWith('`') || s === '' ? ' ' : '';
    return `${fence}${pad}${s}${pad}${fence}`;
}
/** Plain text (names, messages) outside code: every character markdown or HTML could act on is an entity. */
function markdownText(text) {
    return text
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[&<>|`@[\]*_~\\#!:]/g, (c) => `&#${c.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
// The PR comment body / job summary (design §5). The Action issue polishes it; the structure is here:
// marker, heading with the verdict, base/PR/Δ table, budgets, warnings, collapsible layers and files, footer.




const COMMENT_LIMIT = 65_536;
function commentMarker(name) {
    return `<!-- image-size-guard:${name.replace(/--+/g, '-').replace(/[<>]/g, '')} -->`;
}
function renderMarkdown(entry, opts = {}) {
    const head = renderHead(entry, opts);
    const tail = `\n---\n<sub>${markdownText(opts.footer ?? `${TOOL_NAME} ${TOOL_VERSION}`)}</sub>\n`;
    // The summary always fits; details are cut (rows dropped) until the whole body does.
    let layerRows = entry.diff?.layers.length ?? entry.head.layers.length;
    let fileRows = entry.diff?.files.length ?? 0;
    for (;;) {
        const body = head + renderDetails(entry, layerRows, fileRows) + tail;
        if (body.length <= COMMENT_LIMIT || (layerRows === 0 && fileRows === 0))
            return body.slice(0, COMMENT_LIMIT);
        if (fileRows > 0)
            fileRows = Math.floor(fileRows / 2);
        else
            layerRows = Math.floor(layerRows / 2);
    }
}
function compressedCell(r) {
    if (!r)
        return '—';
    if (r.compressedSize === null)
        return 'n/a';
    return formatBytes(r.compressedSize) + (r.compressedSizeExact ? '' : ' (est.)');
}
function renderHead(entry, opts) {
    const { head, base, diff } = entry;
    const lines = [commentMarker(entry.name), `### 🐳 ${markdownText(summaryLine(entry))}`, ''];
    lines.push('| | base | PR | Δ |', '|---|---:|---:|---:|');
    lines.push(`| size | ${base ? formatBytes(base.size) : '—'} | ${formatBytes(head.size)} | ${diff ? formatDelta(diff.sizeDelta) : ''} |`);
    lines.push(`| compressed | ${compressedCell(base)} | ${compressedCell(head)} | ${diff?.compressedSizeDelta != null ? formatDelta(diff.compressedSizeDelta) : ''} |`);
    lines.push(`| layers | ${base ? base.layers.length : '—'} | ${head.layers.length} | ${base ? formatCountDelta(head.layers.length - base.layers.length) : ''} |`);
    lines.push('');
    if (entry.budgets.length)
        lines.push(`Budgets: ${entry.budgets.map((b) => markdownText(budgetText(b))).join(' · ')}`, '');
    lines.push(...renderFindings(entry));
    for (const w of opts.warnings ?? [])
        lines.push(`> [!WARNING]\n> ${markdownText(w)}`, '');
    return lines.join('\n');
}
/** New findings lead; existing ones follow; resolved ones get a short cheer. */
function renderFindings(entry) {
    if (entry.findings.length === 0)
        return [];
    const order = { new: 0, existing: 1, resolved: 2 };
    const out = ['**Findings**', ''];
    for (const f of [...entry.findings].sort((a, b) => order[a.status] - order[b.status])) {
        const where = f.dockerfile ? ` (${codeSpan(`${f.dockerfile.path}:${f.dockerfile.line}`)})` : '';
        if (f.status === 'resolved')
            out.push(`- ✅ resolved \`${f.id}\`${where}`);
        else {
            const icon = f.severity === 'error' ? '❌' : '⚠️';
            const bytes = f.bytes ? ` — ${formatBytes(f.bytes)}` : '';
            out.push(`- ${icon} ${f.status} \`${f.id}\`${bytes}${where}: ${markdownText(f.message)}`);
        }
    }
    out.push('');
    return out;
}
function renderDetails(entry, layerRows, fileRows) {
    const out = [];
    const { diff, head } = entry;
    if (diff) {
        const order = { changed: 0, added: 1, removed: 2, unchanged: 3 };
        const layers = [...diff.layers].sort((a, b) => order[a.status] - order[b.status]).slice(0, layerRows);
        const changed = diff.layers.filter((l) => l.status !== 'unchanged').length;
        out.push(`<details><summary>Layers (${changed} changed)</summary>`, '', '| status | instruction | base | PR | Δ |', '|---|---|---:|---:|---:|');
        for (const l of layers) {
            out.push(`| ${l.status} | ${codeSpan(l.instruction || '(no history)', { inTable: true, max: 120 })} | ${l.baseSize === null ? '—' : formatBytes(l.baseSize)} | ${l.headSize === null ? '—' : formatBytes(l.headSize)} | ${l.status === 'unchanged' ? '' : formatDelta(l.delta)} |`);
        }
        if (layers.length < diff.layers.length)
            out.push('', `…and ${diff.layers.length - layers.length} more layers (cut to fit the comment)`);
        out.push('', '</details>', '');
        if (diff.files.length) {
            out.push('<details><summary>Biggest file changes</summary>', '', '| Δ | status | path |', '|---:|---|---|');
            for (const f of diff.files.slice(0, fileRows)) {
                out.push(`| ${formatDelta(f.delta)} | ${f.status} | ${codeSpan(f.path + (f.kind === 'dir' ? '/' : ''), { inTable: true })} |`);
            }
            if (fileRows < diff.files.length)
                out.push('', `…and ${diff.files.length - fileRows} more (cut to fit the comment)`);
            out.push('', '</details>', '');
        }
    }
    else {
        out.push(`<details><summary>Layers (${head.layers.length})</summary>`, '', '| # | instruction | size |', '|---:|---|---:|');
        head.layers.slice(0, layerRows).forEach((l, i) => out.push(`| ${i + 1} | ${codeSpan(l.instruction || '(no history)', { inTable: true, max: 120 })} | ${formatBytes(l.size)} |`));
        out.push('', '</details>', '');
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/cli/compare-command.ts
// `image-size-guard compare`: build (or read) base and head, diff them, check budgets.













const COMPARE_FLAGS = {
    base: { type: 'string' },
    head: { type: 'string' },
    context: { type: 'string' },
    file: { type: 'string', short: 'f' },
    target: { type: 'string' },
    'build-arg': { type: 'string', multiple: true },
    platform: { type: 'string' },
    builder: { type: 'string' },
    'buildx-flags': { type: 'string' },
    'base-image': { type: 'string' },
    image: { type: 'string' },
    name: { type: 'string' },
    'max-size': { type: 'string' },
    'max-increase': { type: 'string' },
    'max-layers': { type: 'string' },
    'fail-on': { type: 'string' },
    'compressed-size': { type: 'string' },
    'top-files': { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
function compareOptionsFromFlags(v, cwd) {
    const format = v.format ?? 'text';
    if (format !== 'text' && format !== 'markdown' && format !== 'json')
        throw new UsageError(`--format must be text, markdown or json (got "${format}")`);
    if (v.base && v['base-image'])
        throw new UsageError('--base and --base-image exclude each other: build a git ref, or read an image');
    if (v.head && v.image)
        throw new UsageError('--head and --image exclude each other: build a git ref, or read an image');
    const topFiles = v['top-files'] === undefined ? 20 : Number(v['top-files']);
    if (!Number.isInteger(topFiles) || topFiles < 1 || topFiles > 1000)
        throw new UsageError(`--top-files must be a whole number from 1 to 1000 (got "${v['top-files']}")`);
    for (const a of v['build-arg'] ?? [])
        if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(a))
            throw new UsageError(`--build-arg must be KEY=VALUE (got "${a}")`);
    const options = {
        cwd,
        baseRef: v.base,
        baseImage: v['base-image'],
        headRef: v.head,
        image: v.image,
        context: v.context ?? '.',
        dockerfile: v.file,
        target: v.target,
        buildArgs: v['build-arg'] ?? [],
        platform: v.platform,
        builder: v.builder,
        buildxFlags: v['buildx-flags'] ? split_flags_splitFlags(v['buildx-flags'], '--buildx-flags') : [],
        name: v.name,
        budgets: {
            ...(v['max-size'] !== undefined ? { maxSize: { bytes: parse_size_parseSize(v['max-size'], '--max-size'), text: v['max-size'].trim() } } : {}),
            ...(v['max-increase'] !== undefined ? { maxIncrease: parse_size_parseIncrease(v['max-increase'], '--max-increase') } : {}),
            ...(v['max-layers'] !== undefined ? { maxLayers: parse_size_parseLayerCount(v['max-layers'], '--max-layers') } : {}),
        },
        failOn: fail_on_parseFailOn(v['fail-on'], '--fail-on'),
        compressedSize: parseCompressedSizeMode(v['compressed-size']),
        topFiles,
        logMode: defaultLogMode(),
    };
    return { options, format, output: v.output };
}
async function runCompareCommand(v) {
    const { options, format, output } = compareOptionsFromFlags(v, process.cwd());
    const progress = makeProgress('reading image');
    const result = await runCompare(options, { onProgress: (b) => progress.update(b) });
    progress.done();
    const entry = result.report.images[0];
    for (const w of result.warnings)
        process.stderr.write(`image-size-guard: warning: ${terminalSafe(w)}\n`);
    const timings = timingLine(result);
    let text;
    if (format === 'json')
        text = JSON.stringify(result.report, null, 2) + '\n';
    else if (format === 'markdown')
        text = renderMarkdown(entry, { warnings: result.warnings });
    else
        text = renderCompareText(entry, { width: process.stdout.columns || 100, warnings: result.warnings, timings });
    if (output)
        await (0,promises_namespaceObject.writeFile)(output, text);
    else
        process.stdout.write(text);
    if (format !== 'text')
        process.stderr.write(`${timings}\n`);
    return result.report.passed ? EXIT_PASSED : EXIT_FAILED;
}
function timingLine(result) {
    const parts = [];
    for (const [label, side] of [['head', result.head], ['base', result.base]]) {
        if (!side)
            continue;
        parts.push(`${label} ${Object.entries(side.timings).map(([phase, ms]) => `${phase} ${formatSeconds(ms)}`).join(', ')}`);
    }
    return `Timings: ${parts.join(' · ')}`;
}

;// CONCATENATED MODULE: ./src/cli/usage.ts
// `--help` text: every flag of every command is documented here.
const USAGE = `image-size-guard — measure container images, diff them, enforce size budgets

Usage:
  image-size-guard compare [--base REF] [--head REF] [options]
  image-size-guard inspect <image-ref | archive.tar | -> [options]
  image-size-guard --help | --version

compare
  Builds the head (the working tree, or --head REF) and the base (--base REF, checked out with
  git worktree) with docker buildx, or reads existing images (--image, --base-image), and reports the
  size change layer by layer and file by file. Without --base/--base-image the head is checked alone.

  --base REF             git ref or SHA built as the baseline (fetched from origin if missing)
  --head REF             git ref built as the head (default: the working tree)
  --base-image REF       an existing image or archive as the baseline instead of building --base
  --image REF            an existing image or archive as the head instead of building it
  --context DIR          build context (default: .)
  -f, --file PATH        Dockerfile (default: <context>/Dockerfile)
  --target STAGE         build stage to build
  --build-arg K=V        build argument (repeatable)
  --platform P           platform to build and compare (e.g. linux/amd64)
  --builder NAME         buildx builder (default: the current one)
  --buildx-flags "…"     extra flags for buildx build (e.g. cache flags), split like a shell would
  --name NAME            label of the image (default: derived from the Dockerfile path)
  --max-size S           fail when the head is bigger than S (250MB, 1.5GiB: kB/MB/GB are 1000-based,
                         KiB/MiB/GiB 1024-based)
  --max-increase S       fail when the head grew by more than S: bytes (10MB), percent (5%) or both
                         ("10MB, 5%": fails only when every listed limit is exceeded)
  --max-layers N         fail when the head has more than N layers
  --fail-on LIST         what fails the run: budget (default), any finding, a finding id, or never
  --compressed-size M    auto (default): exact blob sizes when the export is compressed, else a gzip
                         level-6 estimate; exact: only real blob sizes; off: none
  --top-files N          rows of biggest file changes (default: 20)
  --format F             text (default), markdown (the PR comment) or json (the report)
  --output FILE          write the report to FILE instead of stdout

inspect
  Reads one image — a reference known to the local Docker engine (piped from \`docker save\`), an archive
  written by \`docker save\` or \`buildx --output type=oci|docker\`, or "-" for such an archive on stdin — and
  reports its layers, sizes and files.

  --format text|json     output format (default: text)
  --output FILE          write the report to FILE instead of stdout
  --platform P           which platform to read when an archive holds several (e.g. linux/arm64)
  --name NAME            label of the image in the report (default: derived from the argument)
  --compressed-size M    as for compare

  -h, --help             show this help
  -V, --version          print the version

Exit codes: 0 passed, 1 a budget or finding failed, 2 usage, build or input error.
Build logs go to stderr; the report goes to stdout (or --output).
`;

;// CONCATENATED MODULE: ./src/cli/run-cli.ts
// argv → command → exit code. No process.exit here, so tests can call it.






async function runCli(argv) {
    try {
        const [command, ...rest] = argv;
        if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
            process.stdout.write(USAGE);
            return command === undefined ? EXIT_ERROR : 0;
        }
        if (command === '-V' || command === '--version') {
            process.stdout.write(`${TOOL_VERSION}\n`);
            return 0;
        }
        if (command === 'inspect')
            return await inspect(rest);
        if (command === 'compare')
            return await compare(rest);
        throw new UsageError(`unknown command "${command}" (try --help)`);
    }
    catch (err) {
        process.stderr.write(`image-size-guard: error: ${describeError(err)}\n`);
        if (process.env.ISG_DEBUG && err instanceof Error && err.stack)
            process.stderr.write(err.stack + '\n');
        return EXIT_ERROR;
    }
}
async function inspect(argv) {
    const { values, positionals } = parse(argv, {
        format: { type: 'string' },
        output: { type: 'string' },
        platform: { type: 'string' },
        name: { type: 'string' },
        'compressed-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    if (positionals.length !== 1)
        throw new UsageError('inspect takes exactly one image reference or archive path');
    return runInspect({
        target: positionals[0],
        format: parseFormat(values.format),
        output: values.output,
        platform: values.platform,
        name: values.name,
        compressedSize: parseCompressedSizeMode(values['compressed-size']),
    });
}
async function compare(argv) {
    const { values, positionals } = parse(argv, COMPARE_FLAGS);
    if (values.help) {
        process.stdout.write(USAGE);
        return 0;
    }
    if (positionals.length > 0)
        throw new UsageError(`compare takes no positional arguments (got "${positionals[0]}"); see --help`);
    return runCompareCommand(values);
}
function parse(argv, options) {
    try {
        return (0,external_node_util_namespaceObject.parseArgs)({ args: argv, options, allowPositionals: true, strict: true });
    }
    catch (err) {
        // parseArgs explains itself well ("Unknown option '--x'"), minus its error-code prefix
        throw new UsageError(err.message.replace(/\. To specify a positional argument.*$/s, ''));
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
