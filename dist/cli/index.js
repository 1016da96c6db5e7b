#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(318);
// CLI entry (bundled to dist/cli/index.js): thin on purpose, the work is in cli/run-cli.ts.

process.exitCode = await (0,_cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2));
// ISG_STATS=1: peak RSS for `npm run bench` (exact, from the kernel's accounting of this process)
if (process.env.ISG_STATS)
    process.stderr.write(`isg-stats: maxRSS=${process.resourceUsage().maxRSS}\n`);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 318:
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
// store): gzip at level 6, BuildKit's default, counting output bytes only. zlib runs on libuv's thread pool,
// off the main thread; the reader waits for it only when it falls behind (backpressure), so memory stays flat.

function startGzipEstimate() {
    const gz = (0,external_node_zlib_namespaceObject.createGzip)({ level: 6, chunkSize: 256 * 1024, strategy: external_node_zlib_namespaceObject.constants.Z_DEFAULT_STRATEGY });
    let bytes = 0;
    const result = new Promise((resolve, reject) => {
        gz.on('data', (c) => (bytes += c.length));
        gz.on('end', () => resolve(bytes));
        gz.on('error', reject);
    });
    result.catch(() => undefined); // reported where awaited
    return { write: (chunk) => gz.write(chunk), stream: gz, end: () => gz.end(), result };
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
                    this.waitFor ??= drained(estimator.stream);
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
    // BuildKit prefixes RUN with the build args in scope: "RUN |2 A=1 B=2 /bin/sh -c …"
    const run = /^RUN \|\d+ (?:\S+=\S* )*?(\/bin\/sh -c |\/bin\/bash -c )?/;
    const m = run.exec(s);
    if (m)
        return 'RUN ' + s.slice(m[0].length).trim();
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

;// CONCATENATED MODULE: ./src/cli/errors.ts
// Every failure the CLI can explain ends in exit code 2 with one line on stderr.




class UsageError extends Error {
}
const EXIT_PASSED = 0;
const EXIT_FAILED = 1;
const EXIT_ERROR = 2;
/** One line for stderr. Errors we did not foresee keep their message; the stack only with ISG_DEBUG=1. */
function describeError(err) {
    const known = err instanceof UsageError || err instanceof ImageArchiveError || err instanceof ImageSourceError || err instanceof UnsafePathError;
    const message = err instanceof Error ? err.message : String(err);
    const prefix = known ? '' : 'unexpected error: ';
    return terminalSafe(prefix + message.split('\n')[0]);
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
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

function formatBytes(bytes) {
    return prettyBytes(bytes, { maximumFractionDigits: bytes >= 1e9 ? 2 : 1 });
}
function formatCount(n) {
    return n.toLocaleString('en-US');
}
function formatPercent(ratio) {
    return `${(ratio * 100).toFixed(1)}%`;
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

;// CONCATENATED MODULE: ./src/cli/usage.ts
// `--help` text: every flag of every command is documented here.
const USAGE = `image-size-guard — measure container images, diff them, enforce size budgets

Usage:
  image-size-guard inspect <image-ref | archive.tar | -> [options]
  image-size-guard --help | --version

inspect
  Reads one image — a reference known to the local Docker engine (piped from \`docker save\`), an archive
  written by \`docker save\` or \`buildx --output type=oci|docker\`, or "-" for such an archive on stdin — and
  reports its layers, sizes and files.

Options:
  --format text|json     output format (default: text)
  --output FILE          write the report to FILE instead of stdout
  --platform P           which platform to read when an archive holds several (e.g. linux/arm64)
  --name NAME            label of the image in the report (default: derived from the argument)
  --compressed-size M    auto (default): exact sizes of compressed blobs, else a gzip level-6 estimate
                         computed as the image streams by; exact: only real blob sizes; off: none
  -h, --help             show this help
  -V, --version          print the version

Exit codes: 0 passed, 1 a budget or finding failed, 2 usage, build or input error.
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
