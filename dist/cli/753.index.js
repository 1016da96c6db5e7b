export const id = 753;
export const ids = [753];
export const modules = {

/***/ 5753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateReport: () => (/* binding */ validateReport)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _lib_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3570);
/* harmony import */ var _lib_one_line_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2182);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7206);
/* harmony import */ var _model_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5235);
// A JSON report read back from a file another job wrote (`merge`, the Action's `reports`) is untrusted input:
// it is checked field by field against the report schema (model/report.ts) before anything renders it, and the
// first bad field is named in one line. Fields this version does not know are left out of what it returns, so
// nothing unchecked travels on. A field added to the report is one line in the schema below (`.optional()`
// while older reports lack it).





const count = zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().nonnegative(); // bytes, counts, indexes, line numbers
const delta = zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr();
const text = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP();
/** Names and platforms label rows: one cell each. */
const label = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).max(256);
/** A platform ("linux/arm64/v8"), or as an image not built was given one ("linux/amd64,linux/arm64", "all"). */
const platform = label.regex(/^[A-Za-z0-9._/,+-]+$/, { message: 'not a platform (os/arch[/variant], a comma list, or all)' });
/** A budget's limit as the user wrote it ("10MB, 5%"): one line. */
const limit = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(200).regex(/^[^\u0000-\u001f\u007f]*$/, { message: 'must be one line of text' });
const location = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ path: text, line: count });
const manager = zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['dpkg', 'apk', 'pip', 'npm']);
const layer = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    diffId: text,
    instruction: text,
    size: count,
    compressedSize: count.nullable(),
    fileCount: count,
    dockerfileLine: count.nullable(),
});
const strings = zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(text);
const healthcheck = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ test: strings, interval: count, timeout: count, startPeriod: count, startInterval: count, retries: count });
const labelValue = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ name: text, value: text });
const imageConfig = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    user: text.nullable(),
    entrypoint: strings.nullable(),
    cmd: strings.nullable(),
    workdir: text.nullable(),
    exposedPorts: strings,
    volumes: strings,
    stopSignal: text.nullable(),
    healthcheck: healthcheck.nullable(),
    labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(labelValue),
    env: strings,
    baseName: text.nullable(),
    baseDigest: text.nullable(),
    platform: text,
});
const setting = (value) => zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ base: value.nullable(), head: value.nullable() }).optional();
const setChange = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ added: strings, removed: strings }).optional();
const configChanges = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    user: setting(text),
    entrypoint: setting(strings),
    cmd: setting(strings),
    workdir: setting(text),
    exposedPorts: setChange,
    volumes: setChange,
    stopSignal: setting(text),
    healthcheck: setting(healthcheck),
    labels: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ added: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(labelValue), removed: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(labelValue), changed: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ name: text, base: text, head: text })) }).optional(),
    // names only, as the report always has them
    env: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ added: strings, removed: strings, changed: strings }).optional(),
    baseName: setting(text),
    baseDigest: setting(text),
    platform: setting(text),
});
const imageReport = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    ref: text,
    source: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['registry', 'local', 'oci-dir', 'archive', 'build']),
    id: text,
    size: count,
    compressedSize: count.nullable(),
    compressedSizeExact: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    fileCount: count,
    wastedBytes: count,
    efficiency: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().min(0),
    dockerfile: text.nullable(),
    layers: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(layer),
    packages: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ manager, name: text, version: text, size: count })).optional(),
    config: imageConfig.optional(),
    fromCache: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
    manifestDigest: text.optional(),
    resolvedBy: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('previous').optional(),
});
const sizes = { baseSize: count.nullable(), headSize: count.nullable(), delta };
const diffReport = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    sizeDelta: delta,
    sizeDeltaPercent: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    compressedSizeDelta: delta.nullable(),
    layers: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['unchanged', 'changed', 'added', 'removed']), instruction: text, ...sizes })),
    files: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ path: text, kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['file', 'dir']), status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['added', 'removed', 'changed']), ...sizes })),
    packages: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ manager, name: text, status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['added', 'removed', 'upgraded']), baseVersion: text.nullable(), headVersion: text.nullable(), sizeDelta: delta })),
    growth: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ instruction: text, delta, dockerfile: location.nullable() }).nullable(),
    // reports written before config changes were reported have none: nothing changed, as far as they know
    config: configChanges.default({}),
});
const finding = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_model_report_js__WEBPACK_IMPORTED_MODULE_2__/* .FINDING_IDS */ .jo),
    severity: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['warning', 'error']),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['new', 'existing', 'resolved']),
    message: text,
    bytes: count.nullable(),
    evidence: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ path: text, size: count, layer: count, instruction: text })),
    dockerfile: location.nullable(),
    removedBy: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ layer: count, instruction: text, dockerfile: location.nullable() }).optional(),
});
// A warn-* budget has level "warn", a max-* one "fail"; a report written before levels existed has none (its
// budgets are all max-*): read as "fail".
const budget = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(_model_report_js__WEBPACK_IMPORTED_MODULE_2__/* .BUDGET_IDS */ .lq),
    limit,
    actual: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    passed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    level: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['warn', 'fail']).optional(),
})
    .superRefine((b, ctx) => {
    const expected = b.id.startsWith('warn-') ? 'warn' : 'fail';
    if ((b.level ?? 'fail') === expected)
        return;
    const got = b.level === undefined ? 'nothing' : JSON.stringify(b.level);
    ctx.addIssue({ code: 'custom', path: ['level'], input: b.level, message: `expected "${expected}" for ${b.id}, got ${got}` });
})
    .transform((b) => ({ ...b, level: b.level ?? 'fail' }));
const reportFile = text.optional();
const comparedEntry = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: label,
    platform,
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('compared'),
    platformAdded: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(true).optional(),
    head: imageReport,
    base: imageReport.nullable(),
    diff: diffReport.nullable(),
    findings: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(finding),
    budgets: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(budget),
    passed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    reportFile,
});
const notBuiltEntry = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: label,
    platform: platform.nullable(),
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('not-built'),
    passed: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(true),
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().max(2000),
    reportFile,
});
const reportSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(_model_report_js__WEBPACK_IMPORTED_MODULE_2__/* .SCHEMA_VERSION */ .f$),
    tool: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(_lib_version_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_NAME */ .lH), version: text }),
    passed: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY(),
    images: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .discriminatedUnion */ .gMt('status', [comparedEntry, notBuiltEntry])),
    removedPlatforms: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ name: label, platform, base: imageReport, reportFile })).optional(),
});
/** The report in `value` (parsed JSON), checked; a UserError "FILE: images[0].head.size: …" at the first bad field. */
function validateReport(value, file) {
    const envelope = envelopeProblem(value);
    if (envelope)
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`${file}: ${envelope}`);
    const result = reportSchema.safeParse(value, { reportInput: true });
    if (!result.success)
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .y(`${file}: ${describeIssue(result.error.issues[0])}`);
    return result.data;
}
/** Not a report at all, or one from a newer image-size-guard: said as such, before any field. */
function envelopeProblem(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return `not an image-size-guard report (the JSON is ${describeValue(value)}, not an object)`;
    const v = value;
    if (v.schemaVersion === undefined || v.tool === undefined)
        return `not an image-size-guard report (no ${v.schemaVersion === undefined ? 'schemaVersion' : 'tool'})`;
    if (typeof v.schemaVersion === 'number' && v.schemaVersion > _model_report_js__WEBPACK_IMPORTED_MODULE_2__/* .SCHEMA_VERSION */ .f$) {
        return `schemaVersion ${v.schemaVersion} is newer than this image-size-guard (${_lib_version_js__WEBPACK_IMPORTED_MODULE_0__/* .TOOL_VERSION */ .wr}) reads (${_model_report_js__WEBPACK_IMPORTED_MODULE_2__/* .SCHEMA_VERSION */ .f$}): update image-size-guard`;
    }
    return null;
}
/** "images[2].head.size: expected a whole number ≥ 0, got "12"" */
function describeIssue(issue) {
    const path = issue.path.reduce((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
    return `${path || 'the report'}: ${problem(issue)}`;
}
const EXPECTED = { int: 'a whole number', number: 'a number', string: 'a string', boolean: 'true or false', object: 'an object', array: 'a list' };
function problem(issue) {
    const got = issue.input;
    switch (issue.code) {
        case 'invalid_type':
            return got === undefined ? `missing (expected ${EXPECTED[issue.expected] ?? issue.expected})` : `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(got)}`;
        case 'invalid_value':
            return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(got)}`;
        case 'invalid_union': {
            // a discriminated union: the entry's status is none of the known ones
            const options = issue.options;
            const status = typeof got === 'object' && got !== null ? got.status : got;
            return options ? `expected ${options.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(status)}` : 'matches none of the allowed forms';
        }
        case 'too_small':
            return issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}, got ${describeValue(got)}`;
        case 'too_big':
            return issue.origin === 'string' ? `longer than ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}, got ${describeValue(got)}`;
        default:
            return issue.message;
    }
}
function describeValue(v) {
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'null';
    if (typeof v === 'string')
        return (0,_lib_one_line_js__WEBPACK_IMPORTED_MODULE_4__/* .quoted */ .k)(v, 40);
    if (typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    return Array.isArray(v) ? 'a list' : 'an object';
}


/***/ })

};
