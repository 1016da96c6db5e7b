#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 940:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Argument = void 0;
class Argument {
    constructor(value, range) {
        this.value = value;
        this.range = range;
    }
    toString() {
        return this.value;
    }
    getRange() {
        return this.range;
    }
    getValue() {
        return this.value;
    }
    isAfter(position) {
        if (this.range.end.line < position.line) {
            return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
    }
    isBefore(position) {
        if (this.range.start.line < position.line) {
            return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
    }
}
exports.Argument = Argument;


/***/ }),

/***/ 22:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Comment = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const line_1 = __nccwpck_require__(5);
const util_1 = __nccwpck_require__(459);
class Comment extends line_1.Line {
    constructor(document, range) {
        super(document, range);
    }
    toString() {
        const content = this.getContent();
        if (content) {
            return "# " + content;
        }
        return "#";
    }
    /**
     * Returns the content of this comment. This excludes leading and
     * trailing whitespace as well as the # symbol. If the comment only
     * consists of whitespace, the empty string will be returned.
     */
    getContent() {
        let range = this.getContentRange();
        if (range === null) {
            return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    /**
     * Returns a range that includes the content of the comment
     * excluding any leading and trailing whitespace as well as the #
     * symbol. May return null if the comment only consists of whitespace
     * characters.
     */
    getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start = -1;
        let end = -1;
        // skip the first # symbol
        for (let i = 1; i < raw.length; i++) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                start = i;
                break;
            }
        }
        if (start === -1) {
            return null;
        }
        // go backwards up to the first # symbol
        for (let i = raw.length - 1; i >= 1; i--) {
            if (!util_1.Util.isWhitespace(raw.charAt(i))) {
                end = i + 1;
                break;
            }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start), this.document.positionAt(startOffset + end));
    }
}
exports.Comment = Comment;


/***/ }),

/***/ 933:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Dockerfile = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const ast = __nccwpck_require__(390);
const imageTemplate_1 = __nccwpck_require__(520);
const from_1 = __nccwpck_require__(377);
const util_1 = __nccwpck_require__(459);
const main_1 = __nccwpck_require__(390);
class Dockerfile extends imageTemplate_1.ImageTemplate {
    constructor(document) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        /**
         * Whether a FROM instruction has been added to this Dockerfile or not.
         */
        this.foundFrom = false;
        this.document = document;
    }
    getEscapeCharacter() {
        for (const directive of this.directives) {
            if (directive.getDirective() === ast.Directive.escape) {
                const value = directive.getValue();
                if (value === '\\' || value === '`') {
                    return value;
                }
            }
        }
        return '\\';
    }
    getInitialARGs() {
        return this.initialInstructions.getARGs();
    }
    getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
            // not inside the document, invalid position
            return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
            if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
                return this.initialInstructions;
            }
        }
        for (const buildStage of this.buildStages) {
            if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
                return buildStage;
            }
        }
        return this;
    }
    addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
            this.currentBuildStage = new imageTemplate_1.ImageTemplate();
            this.buildStages.push(this.currentBuildStage);
            this.foundFrom = true;
        }
        else if (!this.foundFrom) {
            this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
            this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
    }
    setDirectives(directives) {
        this.directives = directives;
    }
    getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
    }
    getDirectives() {
        return this.directives;
    }
    resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
            let range = from.getRange();
            if (range.start.line <= line && line <= range.end.line) {
                // resolve the FROM variable against the initial ARGs
                let initialARGs = new imageTemplate_1.ImageTemplate();
                for (let instruction of this.initialInstructions.getARGs()) {
                    initialARGs.addInstruction(instruction);
                }
                return initialARGs.resolveVariable(variable, line);
            }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return undefined;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
            // refers to an uninitialized ARG variable,
            // try resolving it against the initial ARGs then
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
                initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
    }
    getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
            let variables = [];
            for (let arg of this.getInitialARGs()) {
                let property = arg.getProperty();
                if (property) {
                    variables.push(property.getName());
                }
            }
            return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
    }
    getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
            return null;
        }
        for (const from of this.getFROMs()) {
            if (from.getBuildStage() === imageName) {
                const range = from.getRange();
                // on the same line then it's an image that shares the name as the build stage
                if (range.start.line === templateFrom.getRange().start.line) {
                    return null;
                }
                return this.getContainingImage(range.start);
            }
        }
        return null;
    }
    getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
            return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
            stages.splice(0, 0, stage);
            stage = this.getParentStage(stage);
        }
        return stages;
    }
    getAvailableWorkingDirectories(line) {
        const availableDirectories = new Set();
        for (const image of this.getStageHierarchy(line)) {
            for (const workdir of image.getWORKDIRs()) {
                if (workdir.getRange().end.line < line) {
                    let directory = workdir.getAbsolutePath();
                    if (directory !== undefined && directory !== null) {
                        if (!directory.endsWith("/")) {
                            directory += "/";
                        }
                        availableDirectories.add(directory);
                    }
                }
            }
        }
        return Array.from(availableDirectories);
    }
    /**
     * Internally reorganize the comments in the Dockerfile and allocate
     * them to the relevant build stages that they belong to.
     */
    organizeComments() {
        const comments = this.getComments();
        for (let i = 0; i < comments.length; i++) {
            if (util_1.Util.isInsideRange(comments[i].getRange().end, this.initialInstructions.getRange())) {
                this.initialInstructions.addComment(comments[i]);
            }
            else {
                for (const buildStage of this.buildStages) {
                    if (util_1.Util.isInsideRange(comments[i].getRange().start, buildStage.getRange())) {
                        buildStage.addComment(comments[i]);
                    }
                }
            }
        }
    }
    getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
            if (instructions.length > 0) {
                range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
            }
        }
        else if (instructions.length === 0) {
            range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        }
        else {
            const commentStart = comments[0].getRange().start;
            const commentEnd = comments[comments.length - 1].getRange().end;
            const instructionStart = instructions[0].getRange().start;
            const instructionEnd = instructions[instructions.length - 1].getRange().end;
            if (commentStart.line < instructionStart.line) {
                if (commentEnd.line < instructionEnd.line) {
                    range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
                }
                range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
            }
            else if (commentEnd.line < instructionEnd.line) {
                range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
            }
            else {
                range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
            }
        }
        if (range === null) {
            if (this.directives.length === 0) {
                return null;
            }
            return this.directives[0].getRange();
        }
        else if (this.directives.length === 0) {
            return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
    }
}
exports.Dockerfile = Dockerfile;


/***/ }),

/***/ 77:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Flag = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const flagOption_1 = __nccwpck_require__(700);
class Flag {
    constructor(document, range, name, nameRange, value, valueRange) {
        this.options = [];
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
        if (this.value !== null) {
            let offset = document.offsetAt(valueRange.start);
            let nameStart = -1;
            let valueStart = -1;
            let hasOptions = false;
            for (let i = 0; i < value.length; i++) {
                switch (value.charAt(i)) {
                    case '=':
                        hasOptions = true;
                        if (valueStart === -1) {
                            valueStart = i + 1;
                            break;
                        }
                        break;
                    case ',':
                        this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, i));
                        nameStart = -1;
                        valueStart = -1;
                        break;
                    default:
                        if (nameStart === -1) {
                            nameStart = i;
                        }
                        break;
                }
            }
            if (hasOptions && nameStart !== -1) {
                this.options.push(this.createFlagOption(document, value, offset, nameStart, valueStart, value.length));
            }
        }
    }
    createFlagOption(document, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
            return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + nameStart), document.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document.positionAt(documentOffset + valueStart), document.positionAt(documentOffset + valueEnd)));
    }
    toString() {
        if (this.valueRange) {
            return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
    }
    /**
     * Returns the range that encompasses this entire flag. This includes the
     * -- prefix in the beginning to the last character of the flag's value (if
     * it has been defined).
     *
     * @return the entire range of this flag
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the name of this flag. The name does not include the -- prefix.
     * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
     * not --interval.
     *
     * @return this flag's name
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range that encompasses the flag's name
     *
     * @return the range containing the flag's name
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the value that has been set to this flag. May be null if the
     * flag is invalid and has no value set like a --start-period. If the flag
     * is instead a --start-period= with an equals sign then the flag's value
     * is the empty string.
     *
     * @return this flag's value if it has been defined, null otherwise
     */
    getValue() {
        return this.value;
    }
    /**
     * Returns the range that encompasses this flag's value. If no value has
     * been set then null will be returned.
     *
     * @return the range containing this flag's value, or null if the flag
     *         has no value defined
     */
    getValueRange() {
        return this.valueRange;
    }
    getOption(name) {
        for (const option of this.options) {
            if (option.getName() === name) {
                return option;
            }
        }
        return null;
    }
    getOptions() {
        return this.options;
    }
    hasOptions() {
        return this.options.length > 0;
    }
}
exports.Flag = Flag;


/***/ }),

/***/ 700:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.FlagOption = void 0;
class FlagOption {
    constructor(range, name, nameRange, value, valueRange) {
        this.range = range;
        this.name = name;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange;
    }
    toString() {
        if (this.valueRange !== null) {
            return this.name + "=" + this.value;
        }
        return this.name;
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
}
exports.FlagOption = FlagOption;


/***/ }),

/***/ 599:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Heredoc = void 0;
/**
 * Heredoc represents a here-document that has been embedded in a
 * Dockerfile.
 *
 * This API is experimental and subject to change.
 */
class Heredoc {
    constructor(startRange, name, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
    }
    /**
     * Returns the name of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getName() {
        return this.name;
    }
    /**
     * Returns the range of the start operator and the name. If the
     * here-document is initialized with <<EOT then the start range would
     * encompass all five characters.
     *
     * This API is experimental and subject to change.
     */
    getStartRange() {
        return this.startRange;
    }
    /**
     * Returns the range of this here-document's name that is declared at
     * the beginning of the here-document with the operator. If the
     * here-document is initialized with <<EOT then the name range would
     * encompass the latter three "EOT" characters.
     *
     * This API is experimental and subject to change.
     */
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the content of this here-document. This may
     * be null if the here-document has no content because:
     * - the start range is the only thing that was declared
     * - the end range was declared immediately and there is no content
     *
     * This API is experimental and subject to change.
     */
    getContentRange() {
        return this.contentRange;
    }
    /**
     * Returns the range of the here-document's name on a line that
     * represents the end of the here-document.
     *
     * This API is experimental and subject to change.
     */
    getDelimiterRange() {
        return this.endRange;
    }
}
exports.Heredoc = Heredoc;


/***/ }),

/***/ 520:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImageTemplate = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const arg_1 = __nccwpck_require__(381);
const cmd_1 = __nccwpck_require__(517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(822);
const entrypoint_1 = __nccwpck_require__(835);
const from_1 = __nccwpck_require__(377);
const healthcheck_1 = __nccwpck_require__(167);
const onbuild_1 = __nccwpck_require__(554);
const util_1 = __nccwpck_require__(459);
const workdir_1 = __nccwpck_require__(529);
class ImageTemplate {
    constructor() {
        this.comments = [];
        this.instructions = [];
    }
    addComment(comment) {
        this.comments.push(comment);
    }
    getComments() {
        return this.comments;
    }
    addInstruction(instruction) {
        this.instructions.push(instruction);
    }
    getInstructions() {
        return this.instructions;
    }
    getInstructionAt(line) {
        for (let instruction of this.instructions) {
            if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the ARG instructions that are defined in this image.
     */
    getARGs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof arg_1.Arg) {
                args.push(instruction);
            }
        }
        return args;
    }
    /**
     * Gets all the CMD instructions that are defined in this image.
     */
    getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof cmd_1.Cmd) {
                cmds.push(instruction);
            }
        }
        return cmds;
    }
    /**
     * Gets all the COPY instructions that are defined in this image.
     */
    getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof copy_1.Copy) {
                copies.push(instruction);
            }
        }
        return copies;
    }
    /**
     * Gets all the ENTRYPOINT instructions that are defined in this image.
     */
    getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof entrypoint_1.Entrypoint) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the ENV instructions that are defined in this image.
     */
    getENVs() {
        let args = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof env_1.Env) {
                args.push(instruction);
            }
        }
        return args;
    }
    getFROM() {
        for (const instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                return instruction;
            }
        }
        return null;
    }
    /**
     * Gets all the FROM instructions that are defined in this image.
     */
    getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof from_1.From) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    /**
     * Gets all the HEALTHCHECK instructions that are defined in this image.
     */
    getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof healthcheck_1.Healthcheck) {
                froms.push(instruction);
            }
        }
        return froms;
    }
    getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
            if (instruction instanceof workdir_1.Workdir) {
                workdirs.push(instruction);
            }
        }
        return workdirs;
    }
    getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
            if (instruction instanceof onbuild_1.Onbuild) {
                let trigger = instruction.getTriggerInstruction();
                if (trigger) {
                    triggers.push(trigger);
                }
            }
        }
        return triggers;
    }
    getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
            if (arg.isBefore(currentLine)) {
                const property = arg.getProperty();
                if (property) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        for (const env of this.getENVs()) {
            if (env.isBefore(currentLine)) {
                for (const property of env.getProperties()) {
                    const variable = property.getName();
                    if (variables.indexOf(variable) === -1) {
                        variables.push(variable);
                    }
                }
            }
        }
        return variables;
    }
    /**
     * Resolves a variable with the given name at the specified line
     * to its value. If null is returned, then the variable has been
     * defined but no value was given. If undefined is returned, then
     * a variable with the given name has not been defined yet as of
     * the given line.
     *
     * @param variable the name of the variable to resolve
     * @param line the line number that the variable is on, zero-based
     * @return the value of the variable as defined by an ARG or ENV
     *         instruction, or null if no value has been specified, or
     *         undefined if a variable with the given name has not
     *         been defined
     */
    resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return property.getValue();
                    }
                }
            }
        }
        let args = this.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return property.getValue();
                }
            }
        }
        return undefined;
    }
    getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
            // all templates should have instructions, this only happens for
            // the initial set of instruction
            return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
    }
    contains(position) {
        const range = this.getRange();
        if (range === null) {
            return false;
        }
        return util_1.Util.isInsideRange(position, range);
    }
}
exports.ImageTemplate = ImageTemplate;


/***/ }),

/***/ 279:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Instruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const util_1 = __nccwpck_require__(459);
const line_1 = __nccwpck_require__(5);
const argument_1 = __nccwpck_require__(940);
const heredoc_1 = __nccwpck_require__(599);
const variable_1 = __nccwpck_require__(743);
const main_1 = __nccwpck_require__(390);
class Instruction extends line_1.Line {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range);
        this.dockerfile = dockerfile;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
    }
    toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
            value += ' ';
            value += arg.getValue();
        }
        return value;
    }
    getRangeContent(range) {
        if (range === null) {
            return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
    }
    getInstructionRange() {
        return this.instructionRange;
    }
    getInstruction() {
        return this.instruction;
    }
    getKeyword() {
        return this.getInstruction().toUpperCase();
    }
    getArgumentsRange() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end);
    }
    getArgumentsRanges() {
        let args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        if (args[0].getRange().start.line === args[args.length - 1].getRange().end.line) {
            return [vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args[args.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        switch (fullArgs.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                if (startPosition !== null) {
                                    ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                                }
                                startPosition = null;
                                start = true;
                                comment = false;
                                i = j;
                                break whitespaceCheck;
                            default:
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                        startPosition = null;
                    }
                    start = true;
                    comment = false;
                    i += 2;
                }
                else if (next === '\n') {
                    if (startPosition !== null) {
                        ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start = true;
                    comment = false;
                    i++;
                }
                else {
                    i++;
                }
            }
            else if (util_1.Util.isNewline(char)) {
                if (comment) {
                    startPosition = null;
                    start = true;
                    comment = false;
                }
            }
            else {
                if (!comment) {
                    if (startPosition === null) {
                        if (char === '#') {
                            comment = true;
                            continue;
                        }
                        let position = this.document.positionAt(offset + i);
                        if (position.character !== 0) {
                            startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                        }
                    }
                    end = i;
                }
            }
        }
        if (startPosition === null) {
            // should only happen if the last argument is on its own line with
            // no leading whitespace
            ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        }
        else {
            ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
    }
    getRawArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, args[args.length - 1].getRange().end));
    }
    getArgumentsContent() {
        let args = this.getArguments();
        if (args.length === 0) {
            return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
            content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
    }
    getArguments() {
        return this.getRawArguments();
    }
    getRawArguments() {
        let args = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start = false;
        let comment = false;
        let found = -1;
        // determines whether the parser has found a space or tab
        // whitespace character that's a part of an escaped newline sequence
        let escapedWhitespaceDetected = false;
        // determines if the parser is currently in an escaped newline sequence
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i = 0; i < fullArgs.length; i++) {
            let char = fullArgs.charAt(i);
            if (util_1.Util.isWhitespace(char)) {
                if (escaping) {
                    escapedWhitespaceDetected = true;
                    if (util_1.Util.isNewline(char)) {
                        // reached a newline, any previously
                        // detected whitespace should be ignored
                        escapedWhitespaceDetected = false;
                        if (comment) {
                            // reached a newline, no longer in a comment
                            comment = false;
                            start = true;
                        }
                    }
                    continue;
                }
                else if (found !== -1) {
                    if (escapeMarker === -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i))));
                    }
                    else {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                    }
                    escapeMarker = -1;
                    escapedArg = "";
                    found = -1;
                }
            }
            else if (char === this.escapeChar) {
                let next = fullArgs.charAt(i + 1);
                if (next === ' ' || next === '\t') {
                    whitespaceCheck: for (let j = i + 2; j < fullArgs.length; j++) {
                        let newlineCheck = fullArgs.charAt(j);
                        switch (newlineCheck) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                j++;
                            case '\n':
                                comment = false;
                                escaping = true;
                                start = true;
                                if (found !== -1) {
                                    escapeMarker = i;
                                }
                                i = j;
                                break whitespaceCheck;
                            default:
                                escapeMarker = i;
                                if (found === -1) {
                                    i = j - 1;
                                }
                                break whitespaceCheck;
                        }
                    }
                }
                else if (next === '\r') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i += 2;
                }
                else if (next === '\n') {
                    comment = false;
                    escaping = true;
                    start = true;
                    if (found !== -1 && escapeMarker === -1) {
                        escapeMarker = i;
                    }
                    i++;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapeMarker = -1;
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    if (next === '$') {
                        escapedArg = escapedArg + char + next;
                    }
                    else if (next === '') {
                        // reached EOF, stop processing
                        break;
                    }
                    else {
                        escapedArg = escapedArg + next;
                    }
                    if (found === -1) {
                        found = i;
                    }
                    i++;
                }
            }
            else if (!comment) {
                if (start && char === '#') {
                    comment = true;
                }
                else {
                    if (escapedWhitespaceDetected && escapeMarker !== -1) {
                        args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                        escapedArg = "";
                        found = -1;
                    }
                    escapedWhitespaceDetected = false;
                    escaping = false;
                    escapeMarker = -1;
                    escapedArg = escapedArg + char;
                    if (found === -1) {
                        found = i;
                    }
                }
                // non-whitespace character detected, reset
                start = false;
            }
        }
        if (found !== -1) {
            if (escapeMarker === -1) {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
            }
            else {
                args.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
            }
        }
        return args;
    }
    getExpandedArguments() {
        let args = this.getArguments();
        for (let i = 0; i < args.length; i++) {
            const argRange = args[i].getRange();
            let offset = this.document.offsetAt(argRange.start);
            const variables = this.parseVariables(offset, args[i].getValue());
            const swaps = [];
            let requiresExpansion = false;
            for (let variable of variables) {
                const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
                swaps.push(value);
                requiresExpansion = requiresExpansion || value !== undefined;
            }
            if (requiresExpansion) {
                let expanded = "";
                for (let j = 0; j < swaps.length; j++) {
                    const variableRange = variables[j].getRange();
                    const start = this.document.offsetAt(variableRange.start);
                    const end = this.document.offsetAt(variableRange.end);
                    if (swaps[j]) {
                        // replace variable with its resolved value
                        expanded += this.document.getText().substring(offset, start);
                        expanded += swaps[j];
                        offset = end;
                    }
                    else {
                        expanded += this.document.getText().substring(offset, end);
                        offset = end;
                    }
                }
                const argEnd = this.document.offsetAt(argRange.end);
                if (argEnd !== offset) {
                    // if the variable's range doesn't match the argument,
                    // append the remaining text
                    expanded += this.document.getText().substring(offset, argEnd);
                }
                args[i] = new argument_1.Argument(expanded, argRange);
            }
        }
        return args;
    }
    getVariables() {
        const variables = [];
        const args = this.getRawArguments();
        for (const arg of args) {
            let range = arg.getRange();
            let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
            const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
            for (const parsedVariable of parsedVariables) {
                variables.push(parsedVariable);
            }
        }
        return variables;
    }
    parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i = 0; i < arg.length; i++) {
            switch (arg.charAt(i)) {
                case this.escapeChar:
                    if (arg.charAt(i + 1) === '$') {
                        i++;
                    }
                    break;
                case '$':
                    if (arg.charAt(i + 1) === '{') {
                        let escapedString = "${";
                        let escapedName = "";
                        let nameEnd = -1;
                        let escapedSubstitutionParameter = "";
                        let substitutionStart = -1;
                        let substitutionEnd = -1;
                        let modifierRead = -1;
                        nameLoop: for (let j = i + 2; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    break;
                                case '}':
                                    escapedString += '}';
                                    let modifier = null;
                                    let modifierRange = null;
                                    let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                                    let substitutionRange = null;
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (nameEnd + 1 === j) {
                                        modifier = "";
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                                    }
                                    else {
                                        if (substitutionStart === -1) {
                                            // no substitution parameter found,
                                            // but a modifier character existed,
                                            // just offset the range by 1 from
                                            // the modifier character
                                            substitutionStart = modifierRead + 1;
                                            substitutionEnd = modifierRead + 1;
                                        }
                                        else {
                                            // offset one more from the last
                                            // character found
                                            substitutionEnd = substitutionEnd + 1;
                                        }
                                        modifier = arg.substring(modifierRead, modifierRead + 1);
                                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                                    }
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), escapedString));
                                    i = j;
                                    continue variableLoop;
                                case ':':
                                    if (nameEnd === -1) {
                                        nameEnd = j;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += ':';
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += ':';
                                    break;
                                case '\n':
                                case '\r':
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    if (nameEnd === -1) {
                                        escapedName += char;
                                    }
                                    else if (modifierRead !== -1) {
                                        if (substitutionStart === -1) {
                                            substitutionStart = j;
                                            substitutionEnd = j;
                                        }
                                        else {
                                            substitutionEnd = j;
                                        }
                                        escapedSubstitutionParameter += char;
                                    }
                                    else {
                                        modifierRead = j;
                                    }
                                    escapedString += char;
                                    break;
                            }
                        }
                        // no } found, not a valid variable, stop processing
                        break variableLoop;
                    }
                    else if (util_1.Util.isWhitespace(arg.charAt(i + 1)) || i === arg.length - 1) {
                        // $ followed by whitespace or EOF, ignore this variable
                        continue;
                    }
                    else {
                        let escapedName = "";
                        nameLoop: for (let j = i + 1; j < arg.length; j++) {
                            let char = arg.charAt(j);
                            switch (char) {
                                case '\r':
                                case '\n':
                                case ' ':
                                case '\t':
                                    continue;
                                case '$':
                                case '\'':
                                case '"':
                                    let varStart = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                    i = j - 1;
                                    continue variableLoop;
                                case this.escapeChar:
                                    for (let k = j + 1; k < arg.length; k++) {
                                        switch (arg.charAt(k)) {
                                            case ' ':
                                            case '\t':
                                            case '\r':
                                                // ignore whitespace
                                                continue;
                                            case '\n':
                                                // escape this newline
                                                j = k;
                                                continue nameLoop;
                                        }
                                    }
                                    // reached EOF after an escape character
                                    let start = this.document.positionAt(offset + i);
                                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                                    break variableLoop;
                            }
                            if (char.match(/^[a-z0-9_]+$/i) === null) {
                                let varStart = this.document.positionAt(offset + i);
                                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== undefined, this.isBuildVariable(escapedName, varStart.line), '$' + escapedName));
                                i = j - 1;
                                continue variableLoop;
                            }
                            escapedName += char;
                        }
                        let start = this.document.positionAt(offset + i);
                        variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start.line) !== undefined, this.isBuildVariable(escapedName, start.line), '$' + escapedName));
                    }
                    break variableLoop;
            }
        }
        return variables;
    }
    isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
            for (const initialArg of this.dockerfile.getInitialARGs()) {
                const arg = initialArg;
                const property = arg.getProperty();
                if (property && variable === property.getName()) {
                    return true;
                }
            }
            return undefined;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i = envs.length - 1; i >= 0; i--) {
            if (envs[i].isBefore(line)) {
                for (let property of envs[i].getProperties()) {
                    if (property.getName() === variable) {
                        return false;
                    }
                }
            }
        }
        let args = image.getARGs();
        for (let i = args.length - 1; i >= 0; i--) {
            if (args[i].isBefore(line)) {
                let property = args[i].getProperty();
                if (property && property.getName() === variable) {
                    return true;
                }
            }
        }
        return undefined;
    }
    createSingleLineHeredocs(args) {
        const heredocs = [];
        // instruction only on one line, if heredocs exist they would be incomplete
        for (const arg of args) {
            const value = arg.getValue();
            if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
            }
        }
        return heredocs;
    }
    getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name = "";
        nameLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                i = j + 1;
                                continue nameLoop;
                            case '\n':
                                i = j;
                                continue nameLoop;
                            default:
                                name += content.charAt(j);
                                i = j;
                                continue nameLoop;
                        }
                    }
                    break;
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue nameLoop;
                            }
                        }
                    }
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    if (escaping) {
                        break;
                    }
                default:
                    name += ch;
                    break;
            }
        }
        return name;
    }
    getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i = 0; i < content.length; i++) {
            const ch = content.charAt(i);
            switch (ch) {
                case '"':
                case '\'':
                    if (quote === ch) {
                        break contentLoop;
                    }
                    quote = ch;
                    continue;
                case this.escapeChar:
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case '\n':
                                escaping = true;
                                j = i;
                                continue contentLoop;
                        }
                    }
                    break;
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '<':
                    if (endFound) {
                        searchHyphen = true;
                    }
                    else {
                        endFound = true;
                    }
                    break;
                case '-':
                    if (searchHyphen) {
                        searchHyphen = false;
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (start === -1) {
                        start = i;
                    }
                    if (quote !== null) {
                        end = i + 1;
                        break;
                    }
                    break contentLoop;
            }
        }
        if (start === -1) {
            return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
    }
    getHeredocs() {
        const args = this.getArguments();
        if (args.length === 0) {
            return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end));
        contentLoop: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case this.escapeChar:
                    escaping = true;
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                break;
                            case '\r':
                                j++;
                            case '\n':
                                i = j;
                                continue contentLoop;
                            default:
                                i = j;
                                continue contentLoop;
                        }
                    }
                    break;
                case '\r':
                    break;
                case '\n':
                    if (escaping) {
                        break;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        contentEnd = i;
                        const arg = heredocDefinitions[currentHeredoc];
                        const startRange = arg.getRange();
                        const nameRange = this.getNameRange(startRange);
                        const name = this.getName(nameRange);
                        const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i)));
                        if (delimiterRange !== null) {
                            const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
                            contentStart = -1;
                            currentHeredoc++;
                        }
                        lineStart = -1;
                    }
                    else {
                        // found a newline that hasn't been escaped,
                        // must be in a heredoc
                        const offsetLimit = startOffset + i;
                        for (const arg of args) {
                            // check if this argument is on the initial line of the instruction,
                            // note that it may not all be on the same line due to escaped newlines,
                            // because of that we need to use offset checks instead of line checks
                            // as an argument being on a different line in the document does not
                            // imply it is on a different line from the Dockerfile's point of view
                            if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                                if (arg.getValue().startsWith("<<")) {
                                    heredocDefinitions.push(arg);
                                }
                            }
                            else {
                                break;
                            }
                        }
                        heredocsProcessed = true;
                        lineStart = -1;
                        continue contentLoop;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaping) {
                        break;
                    }
                case '#':
                    if (escaping) {
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\n':
                                    i = j;
                                    continue contentLoop;
                            }
                        }
                    }
                default:
                    if (escaping) {
                        escaping = false;
                    }
                    if (heredocsProcessed) {
                        if (contentStart === -1) {
                            contentStart = i;
                        }
                        if (lineStart === -1) {
                            lineStart = i;
                        }
                    }
                    break;
            }
        }
        if (heredocsProcessed) {
            const arg = heredocDefinitions[currentHeredoc];
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name = this.getName(nameRange);
            let contentRange = null;
            // check if the last line of this instruction matches the name of the last heredoc
            const delimiterRange = this.getDelimiterRange(arg, name, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
            if (delimiterRange === null) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
            }
            else if (contentEnd !== -1) {
                contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
            }
            heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, contentRange, delimiterRange));
            currentHeredoc++;
            for (let i = currentHeredoc; i < heredocDefinitions.length; i++) {
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name = this.getName(nameRange);
                heredocs.push(new heredoc_1.Heredoc(startRange, name, nameRange, null, null));
                currentHeredoc++;
            }
        }
        else {
            // instruction only on one line, if heredocs exist they would be incomplete
            return this.createSingleLineHeredocs(args);
        }
        return heredocs;
    }
    getDelimiterRange(startArg, name, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
            // remove tabs in the front
            let index = 0;
            while (text.charAt(index) === '\t') {
                index++;
            }
            if (text.substring(index) === name) {
                return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
            }
            return null;
        }
        return text === name ? candidateRange : null;
    }
}
exports.Instruction = Instruction;


/***/ }),

/***/ 618:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Add = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Add extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
}
exports.Add = Add;


/***/ }),

/***/ 381:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Arg = void 0;
const property_1 = __nccwpck_require__(602);
const propertyInstruction_1 = __nccwpck_require__(984);
class Arg extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.property = null;
        const args = this.getPropertyArguments();
        if (args.length === 1) {
            this.property = new property_1.Property(this.document, this.escapeChar, args[0]);
        }
        else {
            this.property = null;
        }
    }
    /**
     * Returns the variable defined by this ARG. This may be null if
     * this ARG instruction is malformed and has no variable
     * declaration.
     */
    getProperty() {
        return this.property;
    }
}
exports.Arg = Arg;


/***/ }),

/***/ 517:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Cmd = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Cmd extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Cmd = Cmd;


/***/ }),

/***/ 444:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Copy = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Copy extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getFromFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "from" ? flags[0] : null;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Copy = Copy;


/***/ }),

/***/ 835:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Entrypoint = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Entrypoint extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Entrypoint = Entrypoint;


/***/ }),

/***/ 822:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Env = void 0;
const propertyInstruction_1 = __nccwpck_require__(984);
class Env extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Env = Env;


/***/ }),

/***/ 377:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.From = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const modifiableInstruction_1 = __nccwpck_require__(393);
class From extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    getImage() {
        const args = this.getArguments();
        return args.length > 0 ? args[0].getValue() : null;
    }
    /**
     * Returns the name of the image that will be used as the base image.
     *
     * @return the base image's name, or null if unspecified
     */
    getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
            return null;
        }
        let commented = false;
        let escaped = false;
        let name = "";
        for (let i = 0; i < imageName.length; i++) {
            const ch = imageName.charAt(i);
            switch (ch) {
                case this.escapeChar:
                    escaped = true;
                    break;
                case '\r':
                    continue;
                case '\n':
                    commented = false;
                    break;
                case ' ':
                case '\t':
                    break;
                case '#':
                    if (escaped) {
                        commented = true;
                    }
                    else {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
                default:
                    if (!commented) {
                        name = name + ch;
                        escaped = false;
                    }
                    break;
            }
        }
        return name;
    }
    /**
     * Returns the range that covers the name of the image used by
     * this instruction.
     *
     * @return the range of the name of this instruction's argument,
     *         or null if no image has been specified
     */
    getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
            let registryRange = this.getRegistryRange();
            if (registryRange) {
                range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
            }
            let tagRange = this.getImageTagRange();
            let digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            return range;
        }
        return null;
    }
    /**
     * Returns the range that covers the image argument of this
     * instruction. This includes the tag or digest of the image if
     * it has been specified by the instruction.
     *
     * @return the range of the image argument, or null if no image
     *         has been specified
     */
    getImageRange() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0].getRange() : null;
    }
    getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
    }
    /**
     * Returns the range in the document that the tag of the base
     * image encompasses.
     *
     * @return the base image's tag's range in the document, or null
     *         if no tag has been specified
     */
    getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
            const rangeStartOffset = this.document.offsetAt(range.start);
            const content = this.getRangeContent(range);
            const atIndex = this.indexOf(rangeStartOffset, content, '@');
            const slashIndex = content.indexOf('/');
            if (atIndex === -1) {
                const colonIndex = this.lastIndexOf(rangeStartOffset, content, ':');
                if (colonIndex > slashIndex) {
                    return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
                }
            }
            const subcontent = content.substring(0, atIndex);
            const subcolonIndex = subcontent.indexOf(':');
            if (subcolonIndex === -1) {
                return null;
            }
            if (slashIndex === -1) {
                // slash not found suggests no registry and no namespace defined
                return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
            }
            // both colon and slash found, check if it is a port
            if (subcolonIndex < slashIndex) {
                return null;
            }
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
    }
    getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
    }
    /**
     * Returns the range in the document that the digest of the base
     * image encompasses.
     *
     * @return the base image's digest's range in the document, or null
     *         if no digest has been specified
     */
    getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
            let content = this.getRangeContent(range);
            let index = this.lastIndexOf(this.document.offsetAt(range.start), content, '@');
            if (index !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
            }
        }
        return null;
    }
    indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                const offset = this.document.offsetAt(variableRange.end) - documentOffset;
                const substring = content.substring(offset);
                const subIndex = substring.indexOf(searchString);
                if (subIndex === -1) {
                    return -1;
                }
                index = subIndex + offset;
                i = -1;
                continue;
            }
        }
        return index;
    }
    lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i = 0; i < variables.length; i++) {
            const position = documentOffset + index;
            const variableRange = variables[i].getRange();
            if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
                index = content.substring(0, index).lastIndexOf(searchString);
                if (index === -1) {
                    return -1;
                }
                i = -1;
                continue;
            }
        }
        return index;
    }
    getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
    }
    getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
            const tagRange = this.getImageTagRange();
            const digestRange = this.getImageDigestRange();
            if (tagRange === null) {
                if (digestRange !== null) {
                    range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
                }
            }
            else {
                range.end = this.document.positionAt(this.document.offsetAt(tagRange.start) - 1);
            }
            const content = this.getRangeContent(range);
            const rangeStart = this.document.offsetAt(range.start);
            const startingSlashIndex = this.indexOf(rangeStart, content, '/');
            if (startingSlashIndex === -1) {
                return null;
            }
            const portIndex = this.indexOf(rangeStart, content, ':');
            const dotIndex = this.indexOf(rangeStart, content, '.');
            // hostname detected
            if (portIndex !== -1 || dotIndex !== -1) {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
            const registry = content.substring(0, startingSlashIndex);
            // localhost registry detected
            if (registry === 'localhost') {
                return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
            }
        }
        return null;
    }
    getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
    }
    getBuildStageRange() {
        let args = this.getArguments();
        if (args.length > 2 && args[1].getValue().toUpperCase() === "AS") {
            return args[2].getRange();
        }
        return null;
    }
    getPlatformFlag() {
        let flags = super.getFlags();
        return flags.length === 1 && flags[0].getName() === "platform" ? flags[0] : null;
    }
}
exports.From = From;


/***/ }),

/***/ 167:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Healthcheck = void 0;
const modifiableInstruction_1 = __nccwpck_require__(393);
class Healthcheck extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
    }
    getSubcommand() {
        let args = this.getArguments();
        return args.length !== 0 ? args[0] : null;
    }
}
exports.Healthcheck = Healthcheck;


/***/ }),

/***/ 871:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Label = void 0;
const propertyInstruction_1 = __nccwpck_require__(984);
const util_1 = __nccwpck_require__(459);
class Label extends propertyInstruction_1.PropertyInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        // iterate over all of this LABEL's properties
        for (const property of properties) {
            const value = property.getUnescapedValue();
            // check if the value is contained in single quotes,
            // single quotes would indicate a literal value
            if (value !== null && value.length > 2 && value.charAt(0) === '\'' && value.charAt(value.length - 1) === '\'') {
                const range = property.getValueRange();
                for (let i = 0; i < variables.length; i++) {
                    // if a variable is in a single quote, remove it from the list
                    if (util_1.Util.isInsideRange(variables[i].getRange().start, range)) {
                        variables.splice(i, 1);
                        i--;
                    }
                }
            }
        }
        return variables;
    }
    getProperties() {
        return super.getProperties();
    }
}
exports.Label = Label;


/***/ }),

/***/ 554:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Onbuild = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const parser_1 = __nccwpck_require__(988);
const instruction_1 = __nccwpck_require__(279);
class Onbuild extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
    }
    getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
    }
    getTriggerRange() {
        let args = this.getArguments();
        return args.length > 0 ? args[0].getRange() : null;
    }
    getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
            return null;
        }
        let args = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
    }
}
exports.Onbuild = Onbuild;


/***/ }),

/***/ 224:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Run = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Run extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
    }
    /**
     * Returns there here-documents that are defined in this RUN
     * instruction.
     *
     * This API is experimental and subject to change.
     */
    getHeredocs() {
        return super.getHeredocs();
    }
}
exports.Run = Run;


/***/ }),

/***/ 523:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Shell = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Shell extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Shell = Shell;


/***/ }),

/***/ 301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Stopsignal = void 0;
const instruction_1 = __nccwpck_require__(279);
class Stopsignal extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Stopsignal = Stopsignal;


/***/ }),

/***/ 998:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.User = void 0;
const instruction_1 = __nccwpck_require__(279);
class User extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.User = User;


/***/ }),

/***/ 347:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Volume = void 0;
const jsonInstruction_1 = __nccwpck_require__(305);
class Volume extends jsonInstruction_1.JSONInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
}
exports.Volume = Volume;


/***/ }),

/***/ 529:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Workdir = void 0;
const instruction_1 = __nccwpck_require__(279);
class Workdir extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    /**
     * Returns the path that has been defined. Note that this path may
     * be absolute or relative depending on what was written in the
     * instruction.
     *
     * @return the working directory's path, or null if this
     *         instruction has no arguments
     */
    getPath() {
        return this.getArgumentsContent();
    }
    /**
     * Returns the absolute path that this instruction resolves to. The
     * function will inspect prior WORKDIR instructions in the current
     * image or another build stage in the Dockerfile to try to
     * determine this.
     *
     * @return the absolute path of the working directory, or null if
     *         this instruction has no arguments, or undefined if it
     *         cannot be determined because only relative paths could be
     *         found
     */
    getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
            return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i = hierarchy.length - 1; i >= 0; i--) {
            const workdirs = hierarchy[i].getWORKDIRs();
            for (let j = workdirs.length - 1; j >= 0; j--) {
                if (workdirs[j].getRange().start.line < startLine) {
                    const parent = workdirs[j].getAbsolutePath();
                    if (parent === undefined || parent === null) {
                        return undefined;
                    }
                    return parent.endsWith("/") ? parent + path : parent + "/" + path;
                }
            }
        }
        return undefined;
    }
}
exports.Workdir = Workdir;


/***/ }),

/***/ 702:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONArgument = void 0;
const argument_1 = __nccwpck_require__(940);
class JSONArgument extends argument_1.Argument {
    constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
    }
    getJSONRange() {
        return this.jsonRange;
    }
    getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
    }
}
exports.JSONArgument = JSONArgument;


/***/ }),

/***/ 305:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.JSONInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const argument_1 = __nccwpck_require__(940);
const jsonArgument_1 = __nccwpck_require__(702);
const modifiableInstruction_1 = __nccwpck_require__(393);
class JSONInstruction extends modifiableInstruction_1.ModifiableInstruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
            return;
        }
        const args = this.getArguments();
        if (args.length === 1 && args[0].getValue() === "[]") {
            let argRange = args[0].getRange();
            this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
            this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
            return;
        }
        else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
            this.openingBracket = args[0];
            this.closingBracket = args[1];
            return;
        }
        const argsOffset = document.offsetAt(this.getArgumentsRange().start);
        let start = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i = 0; i < argsContent.length; i++) {
            let char = argsContent.charAt(i);
            switch (char) {
                case '[':
                    if (last === "") {
                        this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        last = '[';
                    }
                    else if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case '"':
                    if (last === '[' || last === ',') {
                        start = i;
                        quoted = true;
                        last = '"';
                        escapedArg = escapedArg + char;
                        continue;
                    }
                    else if (last === '"') {
                        if (quoted) {
                            escapedArg = escapedArg + char;
                            // quoted string done
                            quoted = false;
                            this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start), document.positionAt(argsOffset + i + 1)), vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + start + 1), document.positionAt(argsOffset + i))));
                            escapedArg = "";
                        }
                        else {
                            // should be a , or a ]
                            break argsCheck;
                        }
                    }
                    else {
                        break argsCheck;
                    }
                    break;
                case ',':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else {
                        if (last === '"') {
                            last = ',';
                        }
                        else {
                            break argsCheck;
                        }
                    }
                    break;
                case ']':
                    if (quoted) {
                        escapedArg = escapedArg + char;
                    }
                    else if (last !== "") {
                        this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document.positionAt(argsOffset + i), document.positionAt(argsOffset + i + 1)));
                        break argsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                case '\\':
                    if (quoted) {
                        switch (argsContent.charAt(i + 1)) {
                            case '"':
                            case '\\':
                                escapedArg = escapedArg + argsContent.charAt(i + 1);
                                i++;
                                continue;
                            case ' ':
                            case '\t':
                                escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                                    switch (argsContent.charAt(j)) {
                                        case '\r':
                                            // offset one more for \r\n
                                            j++;
                                        case '\n':
                                            i = j;
                                            continue argsCheck;
                                        case ' ':
                                        case '\t':
                                            break;
                                        default:
                                            break escapeCheck;
                                    }
                                }
                                break;
                            case '\r':
                                // offset one more for \r\n
                                i++;
                            default:
                                i++;
                                continue;
                        }
                    }
                    else {
                        escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
                            switch (argsContent.charAt(j)) {
                                case '\r':
                                    // offset one more for \r\n
                                    j++;
                                case '\n':
                                    i = j;
                                    continue argsCheck;
                                case ' ':
                                case '\t':
                                    break;
                                default:
                                    break escapeCheck;
                            }
                        }
                    }
                    break argsCheck;
                default:
                    if (!quoted) {
                        break argsCheck;
                    }
                    escapedArg = escapedArg + char;
                    break;
            }
        }
    }
    stopSearchingForFlags(_value) {
        return true;
    }
    getOpeningBracket() {
        return this.openingBracket;
    }
    getJSONStrings() {
        return this.jsonStrings;
    }
    getClosingBracket() {
        return this.closingBracket;
    }
}
exports.JSONInstruction = JSONInstruction;


/***/ }),

/***/ 5:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Line = void 0;
class Line {
    constructor(document, range) {
        this.document = document;
        this.range = range;
    }
    getRange() {
        return this.range;
    }
    getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
    }
    isAfter(line) {
        return this.range.start.line > line.range.start.line;
    }
    isBefore(line) {
        return this.range.start.line < line;
    }
}
exports.Line = Line;


/***/ }),

/***/ 390:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
var argument_1 = __nccwpck_require__(940);
Object.defineProperty(exports, "Argument", ({ enumerable: true, get: function () { return argument_1.Argument; } }));
var jsonArgument_1 = __nccwpck_require__(702);
Object.defineProperty(exports, "JSONArgument", ({ enumerable: true, get: function () { return jsonArgument_1.JSONArgument; } }));
const comment_1 = __nccwpck_require__(22);
Object.defineProperty(exports, "Comment", ({ enumerable: true, get: function () { return comment_1.Comment; } }));
const parser_1 = __nccwpck_require__(988);
var flag_1 = __nccwpck_require__(77);
Object.defineProperty(exports, "Flag", ({ enumerable: true, get: function () { return flag_1.Flag; } }));
const instruction_1 = __nccwpck_require__(279);
Object.defineProperty(exports, "Instruction", ({ enumerable: true, get: function () { return instruction_1.Instruction; } }));
var line_1 = __nccwpck_require__(5);
Object.defineProperty(exports, "Line", ({ enumerable: true, get: function () { return line_1.Line; } }));
const parserDirective_1 = __nccwpck_require__(499);
Object.defineProperty(exports, "ParserDirective", ({ enumerable: true, get: function () { return parserDirective_1.ParserDirective; } }));
var property_1 = __nccwpck_require__(602);
Object.defineProperty(exports, "Property", ({ enumerable: true, get: function () { return property_1.Property; } }));
var variable_1 = __nccwpck_require__(743);
Object.defineProperty(exports, "Variable", ({ enumerable: true, get: function () { return variable_1.Variable; } }));
var add_1 = __nccwpck_require__(618);
Object.defineProperty(exports, "Add", ({ enumerable: true, get: function () { return add_1.Add; } }));
const arg_1 = __nccwpck_require__(381);
Object.defineProperty(exports, "Arg", ({ enumerable: true, get: function () { return arg_1.Arg; } }));
const cmd_1 = __nccwpck_require__(517);
Object.defineProperty(exports, "Cmd", ({ enumerable: true, get: function () { return cmd_1.Cmd; } }));
const copy_1 = __nccwpck_require__(444);
Object.defineProperty(exports, "Copy", ({ enumerable: true, get: function () { return copy_1.Copy; } }));
const entrypoint_1 = __nccwpck_require__(835);
Object.defineProperty(exports, "Entrypoint", ({ enumerable: true, get: function () { return entrypoint_1.Entrypoint; } }));
const env_1 = __nccwpck_require__(822);
Object.defineProperty(exports, "Env", ({ enumerable: true, get: function () { return env_1.Env; } }));
const from_1 = __nccwpck_require__(377);
Object.defineProperty(exports, "From", ({ enumerable: true, get: function () { return from_1.From; } }));
const healthcheck_1 = __nccwpck_require__(167);
Object.defineProperty(exports, "Healthcheck", ({ enumerable: true, get: function () { return healthcheck_1.Healthcheck; } }));
var heredoc_1 = __nccwpck_require__(599);
Object.defineProperty(exports, "Heredoc", ({ enumerable: true, get: function () { return heredoc_1.Heredoc; } }));
var jsonInstruction_1 = __nccwpck_require__(305);
Object.defineProperty(exports, "JSONInstruction", ({ enumerable: true, get: function () { return jsonInstruction_1.JSONInstruction; } }));
var label_1 = __nccwpck_require__(871);
Object.defineProperty(exports, "Label", ({ enumerable: true, get: function () { return label_1.Label; } }));
var modifiableInstruction_1 = __nccwpck_require__(393);
Object.defineProperty(exports, "ModifiableInstruction", ({ enumerable: true, get: function () { return modifiableInstruction_1.ModifiableInstruction; } }));
var onbuild_1 = __nccwpck_require__(554);
Object.defineProperty(exports, "Onbuild", ({ enumerable: true, get: function () { return onbuild_1.Onbuild; } }));
var propertyInstruction_1 = __nccwpck_require__(984);
Object.defineProperty(exports, "PropertyInstruction", ({ enumerable: true, get: function () { return propertyInstruction_1.PropertyInstruction; } }));
var run_1 = __nccwpck_require__(224);
Object.defineProperty(exports, "Run", ({ enumerable: true, get: function () { return run_1.Run; } }));
var shell_1 = __nccwpck_require__(523);
Object.defineProperty(exports, "Shell", ({ enumerable: true, get: function () { return shell_1.Shell; } }));
var stopsignal_1 = __nccwpck_require__(301);
Object.defineProperty(exports, "Stopsignal", ({ enumerable: true, get: function () { return stopsignal_1.Stopsignal; } }));
var user_1 = __nccwpck_require__(998);
Object.defineProperty(exports, "User", ({ enumerable: true, get: function () { return user_1.User; } }));
var volume_1 = __nccwpck_require__(347);
Object.defineProperty(exports, "Volume", ({ enumerable: true, get: function () { return volume_1.Volume; } }));
const workdir_1 = __nccwpck_require__(529);
Object.defineProperty(exports, "Workdir", ({ enumerable: true, get: function () { return workdir_1.Workdir; } }));
var Keyword;
(function (Keyword) {
    Keyword["ADD"] = "ADD";
    Keyword["ARG"] = "ARG";
    Keyword["CMD"] = "CMD";
    Keyword["COPY"] = "COPY";
    Keyword["ENTRYPOINT"] = "ENTRYPOINT";
    Keyword["ENV"] = "ENV";
    Keyword["EXPOSE"] = "EXPOSE";
    Keyword["FROM"] = "FROM";
    Keyword["HEALTHCHECK"] = "HEALTHCHECK";
    Keyword["LABEL"] = "LABEL";
    Keyword["MAINTAINER"] = "MAINTAINER";
    Keyword["ONBUILD"] = "ONBUILD";
    Keyword["RUN"] = "RUN";
    Keyword["SHELL"] = "SHELL";
    Keyword["STOPSIGNAL"] = "STOPSIGNAL";
    Keyword["USER"] = "USER";
    Keyword["VOLUME"] = "VOLUME";
    Keyword["WORKDIR"] = "WORKDIR";
})(Keyword || (exports.Keyword = Keyword = {}));
var Directive;
(function (Directive) {
    Directive["escape"] = "escape";
    Directive["syntax"] = "syntax";
})(Directive || (exports.Directive = Directive = {}));
exports.DefaultVariables = [
    "ALL_PROXY", "all_proxy",
    "FTP_PROXY", "ftp_proxy",
    "HTTP_PROXY", "http_proxy",
    "HTTPS_PROXY", "https_proxy",
    "NO_PROXY", "no_proxy"
];
var DockerfileParser;
(function (DockerfileParser) {
    function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
    }
    DockerfileParser.parse = parse;
})(DockerfileParser || (exports.DockerfileParser = DockerfileParser = {}));


/***/ }),

/***/ 393:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ModifiableInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const flag_1 = __nccwpck_require__(77);
const instruction_1 = __nccwpck_require__(279);
class ModifiableInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
    }
    getFlags() {
        if (!this.flags) {
            this.flags = [];
            for (let arg of this.getArguments()) {
                let value = arg.getValue();
                if (this.stopSearchingForFlags(value)) {
                    return this.flags;
                }
                else if (value.indexOf("--") === 0) {
                    let range = arg.getRange();
                    let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
                    let nameIndex = value.indexOf('=');
                    let index = rawValue.indexOf('=');
                    let firstMatch = false;
                    let secondMatch = false;
                    let startIndex = -1;
                    nameSearchLoop: for (let i = 0; i < rawValue.length; i++) {
                        switch (rawValue.charAt(i)) {
                            case '\\':
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                                break;
                            case '-':
                                if (secondMatch) {
                                    startIndex = i;
                                    break nameSearchLoop;
                                }
                                else if (firstMatch) {
                                    secondMatch = true;
                                }
                                else {
                                    firstMatch = true;
                                }
                                break;
                            default:
                                startIndex = i;
                                break nameSearchLoop;
                        }
                    }
                    let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
                    if (index === -1) {
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
                    }
                    else if (index === value.length - 1) {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
                    }
                    else {
                        let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                        this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
                    }
                }
            }
        }
        return this.flags;
    }
    getArguments() {
        const args = super.getArguments();
        const flags = this.getFlags();
        if (flags.length === 0) {
            return args;
        }
        for (let i = 0; i < flags.length; i++) {
            args.shift();
        }
        return args;
    }
}
exports.ModifiableInstruction = ModifiableInstruction;


/***/ }),

/***/ 988:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Parser = void 0;
const vscode_languageserver_textdocument_1 = __nccwpck_require__(383);
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const comment_1 = __nccwpck_require__(22);
const parserDirective_1 = __nccwpck_require__(499);
const instruction_1 = __nccwpck_require__(279);
const add_1 = __nccwpck_require__(618);
const arg_1 = __nccwpck_require__(381);
const cmd_1 = __nccwpck_require__(517);
const copy_1 = __nccwpck_require__(444);
const env_1 = __nccwpck_require__(822);
const entrypoint_1 = __nccwpck_require__(835);
const from_1 = __nccwpck_require__(377);
const healthcheck_1 = __nccwpck_require__(167);
const label_1 = __nccwpck_require__(871);
const onbuild_1 = __nccwpck_require__(554);
const run_1 = __nccwpck_require__(224);
const shell_1 = __nccwpck_require__(523);
const stopsignal_1 = __nccwpck_require__(301);
const workdir_1 = __nccwpck_require__(529);
const user_1 = __nccwpck_require__(998);
const volume_1 = __nccwpck_require__(347);
const dockerfile_1 = __nccwpck_require__(933);
const util_1 = __nccwpck_require__(459);
const main_1 = __nccwpck_require__(390);
class Parser {
    constructor() {
        this.escapeChar = null;
    }
    static createInstruction(document, dockerfile, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
            case "ADD":
                return new add_1.Add(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ARG":
                return new arg_1.Arg(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "CMD":
                return new cmd_1.Cmd(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "COPY":
                return new copy_1.Copy(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENTRYPOINT":
                return new entrypoint_1.Entrypoint(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ENV":
                return new env_1.Env(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "FROM":
                return new from_1.From(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "HEALTHCHECK":
                return new healthcheck_1.Healthcheck(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "LABEL":
                return new label_1.Label(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "ONBUILD":
                return new onbuild_1.Onbuild(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "RUN":
                return new run_1.Run(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "SHELL":
                return new shell_1.Shell(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "STOPSIGNAL":
                return new stopsignal_1.Stopsignal(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "WORKDIR":
                return new workdir_1.Workdir(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "USER":
                return new user_1.User(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
            case "VOLUME":
                return new volume_1.Volume(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document, lineRange, dockerfile, escapeChar, instruction, instructionRange);
    }
    getParserDirectives(document, buffer) {
        // reset the escape directive in between runs
        const directives = [];
        this.escapeChar = '';
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i = offset; i < buffer.length; i++) {
            switch (buffer.charAt(i)) {
                case ' ':
                case '\t':
                    break;
                case '\r':
                case '\n':
                    // blank lines stop the parsing of directives immediately
                    break directiveCheck;
                case '#':
                    let directiveStart = -1;
                    let directiveEnd = -1;
                    for (let j = i + 1; j < buffer.length; j++) {
                        let char = buffer.charAt(j);
                        switch (char) {
                            case ' ':
                            case '\t':
                                if (directiveStart !== -1 && directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                break;
                            case '\r':
                            case '\n':
                                break directiveCheck;
                            case '=':
                                let valueStart = -1;
                                let valueEnd = -1;
                                if (directiveEnd === -1) {
                                    directiveEnd = j;
                                }
                                // assume the line ends with the file
                                let lineEnd = buffer.length;
                                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                                    char = buffer.charAt(k);
                                    switch (char) {
                                        case '\r':
                                        case '\n':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            // line break found, reset
                                            lineEnd = k;
                                            break directiveValue;
                                        case '\t':
                                        case ' ':
                                            if (valueStart !== -1 && valueEnd === -1) {
                                                valueEnd = k;
                                            }
                                            continue;
                                        default:
                                            if (valueStart === -1) {
                                                valueStart = k;
                                            }
                                            break;
                                    }
                                }
                                if (directiveStart === -1) {
                                    // no directive, it's a regular comment
                                    break directiveCheck;
                                }
                                if (valueStart === -1) {
                                    // no non-whitespace characters found, highlight all the characters then
                                    valueStart = j + 1;
                                    valueEnd = lineEnd;
                                }
                                else if (valueEnd === -1) {
                                    // reached EOF
                                    valueEnd = buffer.length;
                                }
                                const lineRange = vscode_languageserver_types_1.Range.create(document.positionAt(i), document.positionAt(lineEnd));
                                const nameRange = vscode_languageserver_types_1.Range.create(document.positionAt(directiveStart), document.positionAt(directiveEnd));
                                const valueRange = vscode_languageserver_types_1.Range.create(document.positionAt(valueStart), document.positionAt(valueEnd));
                                directives.push(new parserDirective_1.ParserDirective(document, lineRange, nameRange, valueRange));
                                directiveStart = -1;
                                if (buffer.charAt(valueEnd) === '\r') {
                                    // skip over the \r
                                    i = valueEnd + 1;
                                }
                                else {
                                    i = valueEnd;
                                }
                                continue directiveCheck;
                            default:
                                if (directiveStart === -1) {
                                    directiveStart = j;
                                }
                                break;
                        }
                    }
                    break;
                default:
                    break directiveCheck;
            }
        }
        return directives;
    }
    parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = '\\';
        if (directives.length > 0) {
            dockerfile.setDirectives(directives);
            this.escapeChar = dockerfile.getEscapeCharacter();
            // start parsing after the directives
            offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        }
        else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
            offset = 1;
        }
        for (let i = offset; i < this.buffer.length; i++) {
            const char = this.buffer.charAt(i);
            switch (char) {
                case ' ':
                case '\t':
                case '\r':
                case '\n':
                    break;
                case '#':
                    i = this.processComment(dockerfile, i);
                    break;
                default:
                    i = this.processInstruction(dockerfile, char, i);
                    break;
            }
        }
        dockerfile.organizeComments();
        return dockerfile;
    }
    processInstruction(dockerfile, char, start) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i = start + 1; i < this.buffer.length; i++) {
            char = this.buffer.charAt(i);
            switch (char) {
                case this.escapeChar:
                    escapedInstruction = true;
                    char = this.buffer.charAt(i + 1);
                    if (char === '\r' || char === '\n') {
                        if (instructionEnd === -1) {
                            instructionEnd = i;
                        }
                        i++;
                    }
                    else if (char === ' ' || char === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    // found an argument, mark end of instruction
                                    instructionEnd = i + 1;
                                    instruction = instruction + this.escapeChar;
                                    i = j - 2;
                                    continue instructionCheck;
                            }
                        }
                        // reached EOF
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        break instructionCheck;
                    }
                    else {
                        instructionEnd = i + 1;
                        instruction = instruction + this.escapeChar;
                        // reset and consider it as one contiguous word
                        escapedInstruction = false;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escapedInstruction) {
                        // on an escaped newline, need to search for non-whitespace
                        escapeCheck: for (let j = i + 1; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    i = j;
                                    continue instructionCheck;
                                default:
                                    break escapeCheck;
                            }
                        }
                        escapedInstruction = false;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    i = this.processArguments(dockerfile, instruction, instructionEnd, start, i);
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, i));
                    return i;
                case '\r':
                case '\n':
                    if (escapedInstruction) {
                        continue;
                    }
                    if (instructionEnd === -1) {
                        instructionEnd = i;
                    }
                    dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, i, i));
                    return i;
                case '#':
                    if (escapedInstruction) {
                        continue;
                    }
                default:
                    instructionEnd = i + 1;
                    instruction = instruction + char;
                    escapedInstruction = false;
                    break;
            }
        }
        // reached EOF
        if (instructionEnd === -1) {
            instructionEnd = this.buffer.length;
        }
        dockerfile.addInstruction(this.createInstruction(dockerfile, instruction, start, instructionEnd, this.buffer.length));
        return this.buffer.length;
    }
    processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
            instruction = instruction.getTriggerInstruction();
            if (instruction === null) {
                return offset;
            }
            keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
            return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
            const value = arg.getValue();
            if (value.startsWith("<<") && value.length > 2) {
                if (value.startsWith("<<-")) {
                    tabbed = true;
                }
                const name = util_1.Util.parseHeredocName(value);
                if (name !== null) {
                    heredocs.push(name);
                }
            }
        }
        if (heredocs.length > 0) {
            for (const heredoc of heredocs) {
                offset = this.parseHeredoc(heredoc, offset, tabbed);
            }
        }
        return offset;
    }
    processArguments(dockerfile, instruction, instructionEnd, start, offset) {
        let escaped = false;
        argumentsCheck: for (let i = offset + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    if (escaped) {
                        continue;
                    }
                    return this.processHeredocs(this.createInstruction(dockerfile, instruction, start, instructionEnd, i), i);
                case this.escapeChar:
                    const next = this.buffer.charAt(i + 1);
                    if (next === '\n' || next === '\r') {
                        escaped = true;
                        i++;
                    }
                    else if (next === ' ' || next === '\t') {
                        for (let j = i + 2; j < this.buffer.length; j++) {
                            switch (this.buffer.charAt(j)) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                case '\n':
                                    escaped = true;
                                default:
                                    i = j;
                                    continue argumentsCheck;
                            }
                        }
                        // reached EOF
                        return this.buffer.length;
                    }
                    continue;
                case '#':
                    if (escaped) {
                        i = this.processComment(dockerfile, i);
                        continue argumentsCheck;
                    }
                    break;
                case ' ':
                case '\t':
                    break;
                default:
                    if (escaped) {
                        escaped = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    processComment(dockerfile, start) {
        let end = this.buffer.length;
        commentLoop: for (let i = start + 1; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case '\r':
                case '\n':
                    end = i;
                    break commentLoop;
            }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start), this.document.positionAt(end));
        dockerfile.addComment(new comment_1.Comment(this.document, range));
        return end;
    }
    parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i = offset; i < this.buffer.length; i++) {
            switch (this.buffer.charAt(i)) {
                case ' ':
                    lineStart = false;
                    break;
                case '\t':
                    if (!tabbed) {
                        lineStart = false;
                    }
                    break;
                case '\r':
                case '\n':
                    if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i)) {
                        return i;
                    }
                    startWord = -1;
                    lineStart = true;
                    break;
                default:
                    if (lineStart) {
                        startWord = i;
                        lineStart = false;
                    }
                    break;
            }
        }
        return this.buffer.length;
    }
    createInstruction(dockerfile, instruction, start, instructionEnd, end) {
        const startPosition = this.document.positionAt(start);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return Parser.createInstruction(this.document, dockerfile, this.escapeChar, lineRange, instruction, instructionRange);
    }
}
exports.Parser = Parser;


/***/ }),

/***/ 499:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ParserDirective = void 0;
const main_1 = __nccwpck_require__(390);
const line_1 = __nccwpck_require__(5);
class ParserDirective extends line_1.Line {
    constructor(document, range, nameRange, valueRange) {
        super(document, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange;
    }
    toString() {
        return "# " + this.getName() + '=' + this.getValue();
    }
    getNameRange() {
        return this.nameRange;
    }
    getValueRange() {
        return this.valueRange;
    }
    getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
    }
    getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
    }
    getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === undefined ? null : directive;
    }
}
exports.ParserDirective = ParserDirective;


/***/ }),

/***/ 602:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Property = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const util_1 = __nccwpck_require__(459);
class Property {
    constructor(document, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document;
        this.escapeChar = escapeChar;
        this.nameRange = Property.getNameRange(document, arg);
        let value = document.getText().substring(document.offsetAt(this.nameRange.start), document.offsetAt(this.nameRange.end));
        this.name = Property.getValue(value, escapeChar);
        if (arg2) {
            this.valueRange = arg2.getRange();
            value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
            this.value = Property.getValue(value, escapeChar);
            this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        }
        else {
            let argRange = arg.getRange();
            if (this.nameRange.start.line === argRange.start.line
                && this.nameRange.start.character === argRange.start.character
                && this.nameRange.end.line === argRange.end.line
                && this.nameRange.end.character === argRange.end.character) {
            }
            else {
                this.valueRange = Property.getValueRange(document, arg);
                value = document.getText().substring(document.offsetAt(this.valueRange.start), document.offsetAt(this.valueRange.end));
                this.value = Property.getValue(value, escapeChar);
                this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
                this.assignmentOperator = "=";
            }
            this.range = argRange;
        }
    }
    getRange() {
        return this.range;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    getValue() {
        return this.value;
    }
    getValueRange() {
        return this.valueRange;
    }
    /**
     * Retrieves the operator used for delimiting between the name and
     * value of this property. This will either be the "=" character
     * or null if a character was not used or if this property has no
     * value defined.
     */
    getAssignmentOperator() {
        return this.assignmentOperator;
    }
    getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
    }
    /**
     * Returns the value of this property including any enclosing
     * single or double quotes and relevant escape characters.
     * Escaped newlines and its associated contiguous whitespace
     * characters however will not be returned as they are deemed to
     * be uninteresting to clients trying to return a Dockerfile.
     *
     * @return the unescaped value of this property or null if this
     *         property has no associated value
     */
    getUnescapedValue() {
        if (this.valueRange === null) {
            return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case this.escapeChar:
                    for (let j = i + 1; j < value.length; j++) {
                        switch (value.charAt(j)) {
                            case '\r':
                                j++;
                            case '\n':
                                escaped = true;
                                i = j;
                                continue rawLoop;
                            case ' ':
                            case '\t':
                                break;
                            default:
                                rawValue = rawValue + char;
                                continue rawLoop;
                        }
                    }
                    // this happens if there's only whitespace after the escape character
                    rawValue = rawValue + char;
                    break;
                case '\r':
                case '\n':
                    break;
                case ' ':
                case '\t':
                    if (!escaped) {
                        rawValue = rawValue + char;
                    }
                    break;
                case '#':
                    if (escaped) {
                        for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    continue rawLoop;
                            }
                        }
                    }
                    else {
                        rawValue = rawValue + char;
                    }
                    break;
                default:
                    rawValue = rawValue + char;
                    escaped = false;
                    break;
            }
        }
        return rawValue;
    }
    static getNameRange(document, arg) {
        let value = arg.getValue();
        let index = value.indexOf('=');
        if (index !== -1) {
            let initial = value.charAt(0);
            let before = value.charAt(index - 1);
            // check if content before the equals sign are in quotes
            // "var"=value
            // 'var'=value
            // otherwise, just assume it's a standard definition
            // var=value
            if ((initial === '"' && before === '"') || (initial === '\'' && before === '\'') || (initial !== '"' && initial !== '\'')) {
                return vscode_languageserver_types_1.Range.create(arg.getRange().start, document.positionAt(document.offsetAt(arg.getRange().start) + index));
            }
        }
        // no '=' found, just defined the property's name
        return arg.getRange();
    }
    static getValueRange(document, arg) {
        return vscode_languageserver_types_1.Range.create(document.positionAt(document.offsetAt(arg.getRange().start) + arg.getValue().indexOf('=') + 1), document.positionAt(document.offsetAt(arg.getRange().end)));
    }
    /**
     * Returns the actual value of this key-value pair. The value will
     * have its escape characters removed if applicable. If the value
     * spans multiple lines and there are comments nested within the
     * lines, they too will be removed.
     *
     * @return the value that this key-value pair will actually be, may
     *         be null if no value is defined, may be the empty string
     *         if the value only consists of whitespace
     */
    static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === '#') {
            // need to skip over comments
            escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === '\'' || first === '"';
        let inSingle = (first === '\'' && last === '\'');
        let inDouble = false;
        if (first === '"') {
            for (let i = 1; i < value.length; i++) {
                if (value.charAt(i) === escapeChar) {
                    i++;
                }
                else if (value.charAt(i) === '"' && i === value.length - 1) {
                    inDouble = true;
                }
            }
        }
        if (inSingle || inDouble) {
            value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start = 0;
        parseValue: for (let i = 0; i < value.length; i++) {
            let char = value.charAt(i);
            switch (char) {
                case escapeChar:
                    if (i + 1 === value.length) {
                        escapedValue = escapedValue + escapeChar;
                        break parseValue;
                    }
                    char = value.charAt(i + 1);
                    if (char === ' ' || char === '\t') {
                        whitespaceCheck: for (let j = i + 2; j < value.length; j++) {
                            let char2 = value.charAt(j);
                            switch (char2) {
                                case ' ':
                                case '\t':
                                    break;
                                case '\r':
                                    j++;
                                case '\n':
                                    escaped = true;
                                    i = j;
                                    continue parseValue;
                                default:
                                    if (!inDouble && !inSingle && !literal) {
                                        if (char2 === escapeChar) {
                                            // add the escaped character
                                            escapedValue = escapedValue + char;
                                            // now start parsing from the next escape character
                                            i = i + 1;
                                        }
                                        else {
                                            // the expectation is that this j = i + 2 here
                                            escapedValue = escapedValue + char + char2;
                                            i = j;
                                        }
                                        continue parseValue;
                                    }
                                    break whitespaceCheck;
                            }
                        }
                    }
                    if (inDouble) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else if (char !== '"') {
                            if (char === escapeChar) {
                                i++;
                            }
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (inSingle || literal) {
                        if (char === '\r') {
                            escaped = true;
                            i = i + 2;
                        }
                        else if (char === '\n') {
                            escaped = true;
                            i++;
                        }
                        else {
                            escapedValue = escapedValue + escapeChar;
                        }
                        continue parseValue;
                    }
                    else if (char === escapeChar) {
                        // double escape, append one and move on
                        escapedValue = escapedValue + escapeChar;
                        i++;
                    }
                    else if (char === '\r') {
                        escaped = true;
                        // offset one more for \r\n
                        i = i + 2;
                    }
                    else if (char === '\n') {
                        escaped = true;
                        i++;
                        start = i;
                    }
                    else {
                        // any other escapes are simply ignored
                        escapedValue = escapedValue + char;
                        i++;
                    }
                    break;
                case ' ':
                case '\t':
                    if (escaped && commentCheck === -1) {
                        commentCheck = i;
                    }
                    escapedValue = escapedValue + char;
                    break;
                case '\r':
                    i++;
                case '\n':
                    if (escaped && commentCheck !== -1) {
                        // rollback and remove the whitespace that was previously appended
                        escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck - 1));
                        commentCheck = -1;
                    }
                    break;
                case '#':
                    // a newline was escaped and now there's a comment
                    if (escaped) {
                        if (commentCheck !== -1) {
                            // rollback and remove the whitespace that was previously appended
                            escapedValue = escapedValue.substring(0, escapedValue.length - (i - commentCheck));
                            commentCheck = -1;
                        }
                        newlineCheck: for (let j = i + 1; j < value.length; j++) {
                            switch (value.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    break newlineCheck;
                            }
                        }
                        continue parseValue;
                    }
                default:
                    if (escaped) {
                        escaped = false;
                        commentCheck = -1;
                    }
                    escapedValue = escapedValue + char;
                    break;
            }
        }
        return escapedValue;
    }
}
exports.Property = Property;


/***/ }),

/***/ 984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.PropertyInstruction = void 0;
const vscode_languageserver_types_1 = __nccwpck_require__(612);
const instruction_1 = __nccwpck_require__(279);
const property_1 = __nccwpck_require__(602);
const argument_1 = __nccwpck_require__(940);
const util_1 = __nccwpck_require__(459);
class PropertyInstruction extends instruction_1.Instruction {
    constructor(document, range, dockerfile, escapeChar, instruction, instructionRange) {
        super(document, range, dockerfile, escapeChar, instruction, instructionRange);
        this.properties = undefined;
    }
    getProperties() {
        if (this.properties === undefined) {
            let args = this.getPropertyArguments();
            if (args.length === 0) {
                this.properties = [];
            }
            else if (args.length === 1) {
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0])];
            }
            else if (args.length === 2) {
                if (args[0].getValue().indexOf('=') === -1) {
                    this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], args[1])];
                }
                else {
                    this.properties = [
                        new property_1.Property(this.document, this.escapeChar, args[0]),
                        new property_1.Property(this.document, this.escapeChar, args[1])
                    ];
                }
            }
            else if (args[0].getValue().indexOf('=') === -1) {
                let text = this.document.getText();
                let start = args[1].getRange().start;
                let end = args[args.length - 1].getRange().end;
                text = text.substring(this.document.offsetAt(start), this.document.offsetAt(end));
                this.properties = [new property_1.Property(this.document, this.escapeChar, args[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args[1].getRange().start, args[args.length - 1].getRange().end)))];
            }
            else {
                this.properties = [];
                for (let i = 0; i < args.length; i++) {
                    this.properties.push(new property_1.Property(this.document, this.escapeChar, args[i]));
                }
            }
        }
        return this.properties;
    }
    /**
     * Goes from the back of the string and returns the first
     * non-whitespace character that is found. If an escape character
     * is found with newline characters, the escape character will
     * not be considered a non-whitespace character and its index in
     * the string will not be returned.
     *
     * @param content the string to search through
     * @return the index in the string for the first non-whitespace
     *         character when searching from the end of the string
     */
    findTrailingNonWhitespace(content) {
        // loop back to find the first non-whitespace character
        let index = content.length;
        whitespaceCheck: for (let i = content.length - 1; i >= 0; i--) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case '\n':
                    if (content.charAt(i - 1) === '\r') {
                        i = i - 1;
                    }
                case '\r':
                    newlineCheck: for (let j = i - 1; j >= 0; j--) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                            case '\r':
                            case '\n':
                            case this.escapeChar:
                                continue;
                            default:
                                index = j;
                                break newlineCheck;
                        }
                    }
                    break whitespaceCheck;
                default:
                    index = i;
                    break whitespaceCheck;
            }
        }
        return index;
    }
    getPropertyArguments() {
        const args = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start === -1) {
            // only whitespace found, no arguments
            return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start);
        // records whether the parser has just processed an escaped newline or not,
        // if our starting position is not on the same line as the instruction then
        // the start of the content is already on an escaped line
        let escaped = range.start.line !== startPosition.line;
        // flag to track if the last character was an escape character
        let endingEscape = false;
        // position before the first escape character was hit
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i = 0; i < content.length; i++) {
            let char = content.charAt(i);
            switch (char) {
                case this.escapeChar:
                    if (i + 1 === content.length) {
                        endingEscape = true;
                        break argumentLoop;
                    }
                    if (!escaped) {
                        mark = i;
                    }
                    switch (content.charAt(i + 1)) {
                        case ' ':
                        case '\t':
                            if (!util_1.Util.isWhitespace(content.charAt(i + 2))) {
                                // space was escaped, continue as normal
                                i = i + 1;
                                continue argumentLoop;
                            }
                            // whitespace encountered, need to figure out if it extends to EOL
                            whitespaceCheck: for (let j = i + 2; j < content.length; j++) {
                                switch (content.charAt(j)) {
                                    case '\r':
                                        // offset one more for \r\n
                                        j++;
                                    case '\n':
                                        // whitespace only, safe to skip
                                        escaped = true;
                                        i = j;
                                        continue argumentLoop;
                                    case ' ':
                                    case '\t':
                                        // ignore whitespace
                                        break;
                                    default:
                                        // whitespace doesn't extend to EOL, create an argument
                                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i + 2))));
                                        argStart = j;
                                        break whitespaceCheck;
                                }
                            }
                            // go back and start processing the encountered non-whitespace character
                            i = argStart - 1;
                            continue argumentLoop;
                        case '\r':
                            // offset one more for \r\n
                            i++;
                        case '\n':
                            // immediately followed by a newline, skip the newline
                            escaped = true;
                            i = i + 1;
                            continue argumentLoop;
                        case this.escapeChar:
                            // double escape found, skip it and move on
                            if (argStart === -1) {
                                argStart = i;
                            }
                            i = i + 1;
                            continue argumentLoop;
                        default:
                            if (argStart === -1) {
                                argStart = i;
                            }
                            // non-whitespace encountered, skip the escape and process the
                            // character normally
                            continue argumentLoop;
                    }
                case '\'':
                case '"':
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    if (argStart === -1) {
                        argStart = i;
                    }
                    for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case char:
                                if (content.charAt(j + 1) !== ' ' && content.charAt(j + 1) !== '') {
                                    // there is more content after this quote,
                                    // continue so that it is all processed as
                                    // one single argument
                                    i = j;
                                    continue argumentLoop;
                                }
                                args.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + j + 1))));
                                i = j;
                                argStart = -1;
                                continue argumentLoop;
                            case this.escapeChar:
                                j++;
                                break;
                        }
                    }
                    break argumentLoop;
                case ' ':
                case '\t':
                    if (escaped) {
                        // consider there to be a space only if an argument
                        // is not spanning multiple lines
                        if (argStart !== -1) {
                            spaced = true;
                        }
                    }
                    else if (argStart !== -1) {
                        args.push(new argument_1.Argument(content.substring(argStart, i), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + i))));
                        argStart = -1;
                    }
                    break;
                case '\r':
                    // offset one more for \r\n
                    i++;
                case '\n':
                    spaced = false;
                    break;
                case '#':
                    if (escaped) {
                        // a newline was escaped and now there's a comment
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case '\r':
                                    j++;
                                case '\n':
                                    i = j;
                                    spaced = false;
                                    continue argumentLoop;
                            }
                        }
                        // went to the end without finding a newline,
                        // the comment was the last line in the instruction,
                        // just stop parsing, create an argument if needed
                        if (argStart !== -1) {
                            let value = content.substring(argStart, mark);
                            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
                            argStart = -1;
                        }
                        break argumentLoop;
                    }
                    else if (argStart === -1) {
                        argStart = i;
                    }
                    break;
                default:
                    if (spaced) {
                        this.createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start);
                        // reset to start a new argument
                        argStart = i;
                        spaced = false;
                    }
                    escaped = false;
                    if (argStart === -1) {
                        argStart = i;
                    }
                    // variable detected
                    if (char === '$' && content.charAt(i + 1) === '{') {
                        let singleQuotes = false;
                        let doubleQuotes = false;
                        let escaped = false;
                        for (let j = i + 1; j < content.length; j++) {
                            switch (content.charAt(j)) {
                                case this.escapeChar:
                                    escaped = true;
                                    break;
                                case '\r':
                                case '\n':
                                    break;
                                case '\'':
                                    singleQuotes = !singleQuotes;
                                    escaped = false;
                                    break;
                                case '"':
                                    doubleQuotes = !doubleQuotes;
                                    escaped = false;
                                    break;
                                case ' ':
                                case '\t':
                                    if (escaped || singleQuotes || doubleQuotes) {
                                        break;
                                    }
                                    i = j - 1;
                                    continue argumentLoop;
                                case '}':
                                    i = j;
                                    continue argumentLoop;
                                default:
                                    escaped = false;
                                    break;
                            }
                        }
                        break argumentLoop;
                    }
                    break;
            }
        }
        if (argStart !== -1 && argStart !== content.length) {
            let end = endingEscape ? content.length - 1 : content.length;
            let value = content.substring(argStart, end);
            args.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + end))));
        }
        return args;
    }
    createSpacedArgument(argStart, args, content, mark, instructionNameEndOffset, start) {
        if (argStart !== -1) {
            args.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start + argStart), this.document.positionAt(instructionNameEndOffset + start + mark))));
        }
    }
}
exports.PropertyInstruction = PropertyInstruction;


/***/ }),

/***/ 459:
/***/ ((__unused_webpack_module, exports) => {

/* --------------------------------------------------------------------------------------------
 * Copyright (c) Remy Suen. All rights reserved.
 * Licensed under the MIT License. See License.txt in the project root for license information.
 * ------------------------------------------------------------------------------------------ */

Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Util = void 0;
class Util {
    static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 0xEF && uintArray[1] == 0xBB && uintArray[2] == 0xBF;
    }
    static isWhitespace(char) {
        return char === ' ' || char === '\t' || Util.isNewline(char);
    }
    static isNewline(char) {
        return char === '\r' || char === '\n';
    }
    static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i = 0; i < content.length; i++) {
            switch (content.charAt(i)) {
                case ' ':
                case '\t':
                    continue;
                case escapeChar:
                    escapeCheck: for (let j = i + 1; j < content.length; j++) {
                        switch (content.charAt(j)) {
                            case ' ':
                            case '\t':
                                continue;
                            case '\r':
                                // offset one more for \r\n
                                i = j + 1;
                                continue whitespaceCheck;
                            case '\n':
                                i = j;
                                continue whitespaceCheck;
                            default:
                                break escapeCheck;
                        }
                    }
                    // found an escape character and then reached EOF
                    return -1;
                default:
                    return i;
            }
        }
        // only possible if the content is the empty string
        return -1;
    }
    /**
     * Determines if the given position is contained within the given range.
     *
     * @param position the position to check
     * @param range the range to see if the position is inside of
     */
    static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
            return range.start.line === position.line
                && range.start.character <= position.character
                && position.character <= range.end.character;
        }
        else if (range.start.line === position.line) {
            return range.start.character <= position.character;
        }
        else if (range.end.line === position.line) {
            return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
    }
    static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === '-') {
            value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
            if (value.charAt(value.length - 1) !== '"') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === '\'') {
            if (value.charAt(value.length - 1) !== '\'') {
                return null;
            }
            value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
            return null;
        }
        return value;
    }
}
exports.Util = Util;


/***/ }),

/***/ 743:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Variable = void 0;
class Variable {
    constructor(name, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
    }
    toString() {
        return this.stringValue;
    }
    getName() {
        return this.name;
    }
    getNameRange() {
        return this.nameRange;
    }
    /**
     * Returns the range of the entire variable. This includes the symbols for
     * the declaration of the variable such as the $, {, and } symbols.
     *
     * @return the range in the document that this variable encompasses in its
     *         entirety
     */
    getRange() {
        return this.range;
    }
    /**
     * Returns the modifier character that has been set for
     * specifying how this variable should be expanded and resolved.
     * If this variable is ${variable:+value} then the modifier
     * character is '+'. Will be the empty string if the variable is
     * declared as ${variable:}. Otherwise, will be null if this
     * variable will not use variable substitution at all (such as
     * ${variable} or $variable).
     *
     * @return this variable's modifier character, or the empty
     *         string if it does not have one, or null if this
     *         variable will not use variable substitution
     */
    getModifier() {
        return this.modifier;
    }
    getModifierRange() {
        return this.modifierRange;
    }
    /**
     * Returns the parameter that will be used for substitution if
     * this variable uses modifiers to define how its value should be
     * resolved. If this variable is ${variable:+value} then the
     * substitution value will be 'value'. Will be the empty string
     * if the variable is declared as ${variable:+} or some other
     * variant where the only thing that follows the modifier
     * character (excluding considerations of escape characters and
     * so on) is the variable's closing bracket. May be null if this
     * variable does not have a modifier character defined (such as
     * ${variable} or $variable).
     *
     * @return this variable's substitution parameter, or the empty
     *         string if it does not have one, or null if there is
     *         not one defined
     */
    getSubstitutionParameter() {
        return this.substitutionParameter;
    }
    getSubstitutionRange() {
        return this.substitutionRange;
    }
    /**
     * Returns whether this variable has been defined or not.
     *
     * @return true if this variable has been defined, false otherwise
     */
    isDefined() {
        return this.defined;
    }
    isBuildVariable() {
        return this.buildVariable === true;
    }
    isEnvironmentVariable() {
        return this.buildVariable === false;
    }
}
exports.Variable = Variable;


/***/ }),

/***/ 383:
/***/ (function(module, exports) {

var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function (require, exports) {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TextDocument = void 0;
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (changes, version) {
            for (var _i = 0, changes_1 = changes; _i < changes_1.length; _i++) {
                var change = changes_1[_i];
                if (FullTextDocument.isIncremental(change)) {
                    // makes sure start is before end
                    var range = getWellformedRange(change.range);
                    // update content
                    var startOffset = this.offsetAt(range.start);
                    var endOffset = this.offsetAt(range.end);
                    this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
                    var insertedEndOffset = startOffset + change.text.length;
                    var crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(startOffset) === 10 /* CharCode.LineFeed */;
                    var crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 /* CharCode.CarriageReturn */ && this._content.charCodeAt(insertedEndOffset) === 10 /* CharCode.LineFeed */;
                    if (crlfAtStart || crlfAtEnd) {
                        // A CRLF pair across an edit boundary is not included in the inserted text's line offsets.
                        this._lineOffsets = undefined;
                        continue;
                    }
                    // update the offsets
                    var startLine = Math.max(range.start.line, 0);
                    var endLine = Math.max(range.end.line, 0);
                    var lineOffsets = this._lineOffsets;
                    var addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
                    if (endLine - startLine === addedLineOffsets.length) {
                        for (var i = 0, len = addedLineOffsets.length; i < len; i++) {
                            lineOffsets[i + startLine + 1] = addedLineOffsets[i];
                        }
                    }
                    else {
                        if (addedLineOffsets.length < 10000) {
                            lineOffsets.splice.apply(lineOffsets, __spreadArray([startLine + 1, endLine - startLine], addedLineOffsets, false));
                        }
                        else { // avoid too many arguments for splice
                            this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
                        }
                    }
                    var diff = change.text.length - (endOffset - startOffset);
                    if (diff !== 0) {
                        for (var i = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i < len; i++) {
                            lineOffsets[i] = lineOffsets[i] + diff;
                        }
                    }
                }
                else if (FullTextDocument.isFull(change)) {
                    this._content = change.text;
                    this._lineOffsets = undefined;
                }
                else {
                    throw new Error('Unknown change event received');
                }
            }
            this._version = version;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                this._lineOffsets = computeLineOffsets(this._content, true);
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return { line: 0, character: offset };
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
            return { line: line, character: offset - lineOffsets[line] };
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            if (position.character <= 0) {
                return lineOffset;
            }
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            var offset = Math.min(lineOffset + position.character, nextLineOffset);
            return this.ensureBeforeEOL(offset, lineOffset);
        };
        FullTextDocument.prototype.getLineRange = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                var lastLine = lineOffsets.length - 1;
                return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
            }
            else if (line < 0) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            var startOffset = lineOffsets[line];
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
            return { start: { line: line, character: 0 }, end: { line: line, character: endOffset - startOffset } };
        };
        FullTextDocument.prototype.getEOLCharacters = function (line) {
            var lineOffsets = this.getLineOffsets();
            if (line >= lineOffsets.length) {
                return '';
            }
            else if (line < 0) {
                return '';
            }
            var nextLineOffset = (line + 1 < lineOffsets.length) ? lineOffsets[line + 1] : this._content.length;
            var eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
            return this._content.substring(eolOffset, nextLineOffset);
        };
        FullTextDocument.prototype.ensureBeforeEOL = function (offset, lineOffset) {
            while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
                offset--;
            }
            return offset;
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.isIncremental = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range !== undefined &&
                (candidate.rangeLength === undefined || typeof candidate.rangeLength === 'number');
        };
        FullTextDocument.isFull = function (event) {
            var candidate = event;
            return candidate !== undefined && candidate !== null &&
                typeof candidate.text === 'string' && candidate.range === undefined && candidate.rangeLength === undefined;
        };
        return FullTextDocument;
    }());
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new text document.
         *
         * @param uri The document's uri.
         * @param languageId  The document's language Id.
         * @param version The document's initial version number.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Updates a TextDocument by modifying its content.
         *
         * @param document the document to update. Only documents created by TextDocument.create are valid inputs.
         * @param changes the changes to apply to the document.
         * @param version the changes version for the document.
         * @returns The updated TextDocument. Note: That's the same document instance passed in as first parameter.
         *
         */
        function update(document, changes, version) {
            if (document instanceof FullTextDocument) {
                document.update(changes, version);
                return document;
            }
            else {
                throw new Error('TextDocument.update: document must be created by TextDocument.create');
            }
        }
        TextDocument.update = update;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits.map(getWellformedEdit), function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = 0;
            var spans = [];
            for (var _i = 0, sortedEdits_1 = sortedEdits; _i < sortedEdits_1.length; _i++) {
                var e = sortedEdits_1[_i];
                var startOffset = document.offsetAt(e.range.start);
                if (startOffset < lastModifiedOffset) {
                    throw new Error('Overlapping edit');
                }
                else if (startOffset > lastModifiedOffset) {
                    spans.push(text.substring(lastModifiedOffset, startOffset));
                }
                if (e.newText.length) {
                    spans.push(e.newText);
                }
                lastModifiedOffset = document.offsetAt(e.range.end);
            }
            spans.push(text.substr(lastModifiedOffset));
            return spans.join('');
        }
        TextDocument.applyEdits = applyEdits;
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    function mergeSort(data, compare) {
        if (data.length <= 1) {
            // sorted
            return data;
        }
        var p = (data.length / 2) | 0;
        var left = data.slice(0, p);
        var right = data.slice(p);
        mergeSort(left, compare);
        mergeSort(right, compare);
        var leftIdx = 0;
        var rightIdx = 0;
        var i = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
            var ret = compare(left[leftIdx], right[rightIdx]);
            if (ret <= 0) {
                // smaller_equal -> take left to preserve order
                data[i++] = left[leftIdx++];
            }
            else {
                // greater -> take right
                data[i++] = right[rightIdx++];
            }
        }
        while (leftIdx < left.length) {
            data[i++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
            data[i++] = right[rightIdx++];
        }
        return data;
    }
    function computeLineOffsets(text, isAtLineStart, textOffset) {
        if (textOffset === void 0) { textOffset = 0; }
        var result = isAtLineStart ? [textOffset] : [];
        for (var i = 0; i < text.length; i++) {
            var ch = text.charCodeAt(i);
            if (isEOL(ch)) {
                if (ch === 13 /* CharCode.CarriageReturn */ && i + 1 < text.length && text.charCodeAt(i + 1) === 10 /* CharCode.LineFeed */) {
                    i++;
                }
                result.push(textOffset + i + 1);
            }
        }
        return result;
    }
    function isEOL(char) {
        return char === 13 /* CharCode.CarriageReturn */ || char === 10 /* CharCode.LineFeed */;
    }
    function getWellformedRange(range) {
        var start = range.start;
        var end = range.end;
        if (start.line > end.line || (start.line === end.line && start.character > end.character)) {
            return { start: end, end: start };
        }
        return range;
    }
    function getWellformedEdit(textEdit) {
        var range = getWellformedRange(textEdit.range);
        if (range !== textEdit.range) {
            return { newText: textEdit.newText, range: range };
        }
        return textEdit;
    }
});


/***/ }),

/***/ 612:
/***/ ((module, exports) => {

(function (factory) {
    if ( true && typeof module.exports === "object") {
        var v = factory(__WEBPACK_EXTERNAL_createRequire(import.meta.url), exports);
        if (v !== undefined) module.exports = v;
    }
    else if (typeof define === "function" && define.amd) {
        define(["require", "exports"], factory);
    }
})(function () {
    /* --------------------------------------------------------------------------------------------
     * Copyright (c) Microsoft Corporation. All rights reserved.
     * Licensed under the MIT License. See License.txt in the project root for license information.
     * ------------------------------------------------------------------------------------------ */
    'use strict';
    Object.defineProperty(exports, "__esModule", ({ value: true }));
    exports.TextDocument = exports.EOL = exports.WorkspaceFolder = exports.InlineCompletionContext = exports.SelectedCompletionInfo = exports.InlineCompletionTriggerKind = exports.InlineCompletionList = exports.InlineCompletionItem = exports.StringValue = exports.InlayHint = exports.InlayHintLabelPart = exports.InlayHintKind = exports.InlineValueContext = exports.InlineValueEvaluatableExpression = exports.InlineValueVariableLookup = exports.InlineValueText = exports.SemanticTokens = exports.SemanticTokenModifiers = exports.SemanticTokenTypes = exports.SelectionRange = exports.DocumentLink = exports.FormattingOptions = exports.CodeLens = exports.CodeAction = exports.CodeActionTag = exports.CodeActionContext = exports.CodeActionTriggerKind = exports.CodeActionKind = exports.DocumentSymbol = exports.WorkspaceSymbol = exports.SymbolInformation = exports.SymbolTag = exports.SymbolKind = exports.DocumentHighlight = exports.DocumentHighlightKind = exports.SignatureInformation = exports.ParameterInformation = exports.Hover = exports.MarkedString = exports.CompletionList = exports.CompletionItem = exports.CompletionItemLabelDetails = exports.ApplyKind = exports.InsertTextMode = exports.InsertReplaceEdit = exports.CompletionItemTag = exports.InsertTextFormat = exports.CompletionItemKind = exports.MarkupContent = exports.MarkupKind = exports.TextDocumentItem = exports.LanguageKind = exports.OptionalVersionedTextDocumentIdentifier = exports.VersionedTextDocumentIdentifier = exports.TextDocumentIdentifier = exports.WorkspaceChange = exports.SnippetTextEdit = exports.WorkspaceEdit = exports.DeleteFile = exports.RenameFile = exports.CreateFile = exports.TextDocumentEdit = exports.AnnotatedTextEdit = exports.ChangeAnnotationIdentifier = exports.ChangeAnnotation = exports.TextEdit = exports.Command = exports.Diagnostic = exports.CodeDescription = exports.DiagnosticTag = exports.DiagnosticSeverity = exports.DiagnosticRelatedInformation = exports.FoldingRange = exports.FoldingRangeKind = exports.ColorPresentation = exports.ColorInformation = exports.Color = exports.LocationLink = exports.Location = exports.Range = exports.Position = exports.uinteger = exports.integer = exports.URI = exports.DocumentUri = void 0;
    var DocumentUri;
    (function (DocumentUri) {
        function is(value) {
            return typeof value === 'string';
        }
        DocumentUri.is = is;
    })(DocumentUri || (exports.DocumentUri = DocumentUri = {}));
    var URI;
    (function (URI) {
        function is(value) {
            return typeof value === 'string';
        }
        URI.is = is;
    })(URI || (exports.URI = URI = {}));
    var integer;
    (function (integer) {
        integer.MIN_VALUE = -2147483648;
        integer.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && integer.MIN_VALUE <= value && value <= integer.MAX_VALUE;
        }
        integer.is = is;
    })(integer || (exports.integer = integer = {}));
    var uinteger;
    (function (uinteger) {
        uinteger.MIN_VALUE = 0;
        uinteger.MAX_VALUE = 2147483647;
        function is(value) {
            return typeof value === 'number' && uinteger.MIN_VALUE <= value && value <= uinteger.MAX_VALUE;
        }
        uinteger.is = is;
    })(uinteger || (exports.uinteger = uinteger = {}));
    /**
     * The Position namespace provides helper functions to work with
     * {@link Position} literals.
     */
    var Position;
    (function (Position) {
        /**
         * Creates a new Position literal from the given line and character.
         * @param line The position's line.
         * @param character The position's character.
         */
        function create(line, character) {
            if (line === Number.MAX_VALUE) {
                line = uinteger.MAX_VALUE;
            }
            if (character === Number.MAX_VALUE) {
                character = uinteger.MAX_VALUE;
            }
            return { line: line, character: character };
        }
        Position.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Position} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
        }
        Position.is = is;
    })(Position || (exports.Position = Position = {}));
    /**
     * The Range namespace provides helper functions to work with
     * {@link Range} literals.
     */
    var Range;
    (function (Range) {
        function create(one, two, three, four) {
            if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
                return { start: Position.create(one, two), end: Position.create(three, four) };
            }
            else if (Position.is(one) && Position.is(two)) {
                return { start: one, end: two };
            }
            else {
                throw new Error("Range#create called with invalid arguments[".concat(one, ", ").concat(two, ", ").concat(three, ", ").concat(four, "]"));
            }
        }
        Range.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Range} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
        }
        Range.is = is;
    })(Range || (exports.Range = Range = {}));
    /**
     * The Location namespace provides helper functions to work with
     * {@link Location} literals.
     */
    var Location;
    (function (Location) {
        /**
         * Creates a Location literal.
         * @param uri The location's uri.
         * @param range The location's range.
         */
        function create(uri, range) {
            return { uri: uri, range: range };
        }
        Location.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Location} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
        }
        Location.is = is;
    })(Location || (exports.Location = Location = {}));
    /**
     * The LocationLink namespace provides helper functions to work with
     * {@link LocationLink} literals.
     */
    var LocationLink;
    (function (LocationLink) {
        /**
         * Creates a LocationLink literal.
         * @param targetUri The definition's uri.
         * @param targetRange The full range of the definition.
         * @param targetSelectionRange The span of the symbol definition at the target.
         * @param originSelectionRange The span of the symbol being defined in the originating source file.
         */
        function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
            return { targetUri: targetUri, targetRange: targetRange, targetSelectionRange: targetSelectionRange, originSelectionRange: originSelectionRange };
        }
        LocationLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link LocationLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri)
                && Range.is(candidate.targetSelectionRange)
                && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
        }
        LocationLink.is = is;
    })(LocationLink || (exports.LocationLink = LocationLink = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link Color} literals.
     */
    var Color;
    (function (Color) {
        /**
         * Creates a new Color literal.
         */
        function create(red, green, blue, alpha) {
            return {
                red: red,
                green: green,
                blue: blue,
                alpha: alpha,
            };
        }
        Color.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Color} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1)
                && Is.numberRange(candidate.green, 0, 1)
                && Is.numberRange(candidate.blue, 0, 1)
                && Is.numberRange(candidate.alpha, 0, 1);
        }
        Color.is = is;
    })(Color || (exports.Color = Color = {}));
    /**
     * The ColorInformation namespace provides helper functions to work with
     * {@link ColorInformation} literals.
     */
    var ColorInformation;
    (function (ColorInformation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(range, color) {
            return {
                range: range,
                color: color,
            };
        }
        ColorInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
        }
        ColorInformation.is = is;
    })(ColorInformation || (exports.ColorInformation = ColorInformation = {}));
    /**
     * The Color namespace provides helper functions to work with
     * {@link ColorPresentation} literals.
     */
    var ColorPresentation;
    (function (ColorPresentation) {
        /**
         * Creates a new ColorInformation literal.
         */
        function create(label, textEdit, additionalTextEdits) {
            return {
                label: label,
                textEdit: textEdit,
                additionalTextEdits: additionalTextEdits,
            };
        }
        ColorPresentation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ColorInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label)
                && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit))
                && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
        }
        ColorPresentation.is = is;
    })(ColorPresentation || (exports.ColorPresentation = ColorPresentation = {}));
    /**
     * A set of predefined range kinds.
     */
    var FoldingRangeKind;
    (function (FoldingRangeKind) {
        /**
         * Folding range for a comment
         */
        FoldingRangeKind.Comment = 'comment';
        /**
         * Folding range for an import or include
         */
        FoldingRangeKind.Imports = 'imports';
        /**
         * Folding range for a region (e.g. `#region`)
         */
        FoldingRangeKind.Region = 'region';
    })(FoldingRangeKind || (exports.FoldingRangeKind = FoldingRangeKind = {}));
    /**
     * The folding range namespace provides helper functions to work with
     * {@link FoldingRange} literals.
     */
    var FoldingRange;
    (function (FoldingRange) {
        /**
         * Creates a new FoldingRange literal.
         */
        function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
            var result = {
                startLine: startLine,
                endLine: endLine
            };
            if (Is.defined(startCharacter)) {
                result.startCharacter = startCharacter;
            }
            if (Is.defined(endCharacter)) {
                result.endCharacter = endCharacter;
            }
            if (Is.defined(kind)) {
                result.kind = kind;
            }
            if (Is.defined(collapsedText)) {
                result.collapsedText = collapsedText;
            }
            return result;
        }
        FoldingRange.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FoldingRange} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine)
                && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter))
                && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter))
                && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
        }
        FoldingRange.is = is;
    })(FoldingRange || (exports.FoldingRange = FoldingRange = {}));
    /**
     * The DiagnosticRelatedInformation namespace provides helper functions to work with
     * {@link DiagnosticRelatedInformation} literals.
     */
    var DiagnosticRelatedInformation;
    (function (DiagnosticRelatedInformation) {
        /**
         * Creates a new DiagnosticRelatedInformation literal.
         */
        function create(location, message) {
            return {
                location: location,
                message: message
            };
        }
        DiagnosticRelatedInformation.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DiagnosticRelatedInformation} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
        }
        DiagnosticRelatedInformation.is = is;
    })(DiagnosticRelatedInformation || (exports.DiagnosticRelatedInformation = DiagnosticRelatedInformation = {}));
    /**
     * The diagnostic's severity.
     */
    var DiagnosticSeverity;
    (function (DiagnosticSeverity) {
        /**
         * Reports an error.
         */
        DiagnosticSeverity.Error = 1;
        /**
         * Reports a warning.
         */
        DiagnosticSeverity.Warning = 2;
        /**
         * Reports an information.
         */
        DiagnosticSeverity.Information = 3;
        /**
         * Reports a hint.
         */
        DiagnosticSeverity.Hint = 4;
    })(DiagnosticSeverity || (exports.DiagnosticSeverity = DiagnosticSeverity = {}));
    /**
     * The diagnostic tags.
     *
     * @since 3.15.0
     */
    var DiagnosticTag;
    (function (DiagnosticTag) {
        /**
         * Unused or unnecessary code.
         *
         * Clients are allowed to render diagnostics with this tag faded out instead of having
         * an error squiggle.
         */
        DiagnosticTag.Unnecessary = 1;
        /**
         * Deprecated or obsolete code.
         *
         * Clients are allowed to rendered diagnostics with this tag strike through.
         */
        DiagnosticTag.Deprecated = 2;
    })(DiagnosticTag || (exports.DiagnosticTag = DiagnosticTag = {}));
    /**
     * The CodeDescription namespace provides functions to deal with descriptions for diagnostic codes.
     *
     * @since 3.16.0
     */
    var CodeDescription;
    (function (CodeDescription) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.href);
        }
        CodeDescription.is = is;
    })(CodeDescription || (exports.CodeDescription = CodeDescription = {}));
    /**
     * The Diagnostic namespace provides helper functions to work with
     * {@link Diagnostic} literals.
     */
    var Diagnostic;
    (function (Diagnostic) {
        /**
         * Creates a new Diagnostic literal.
         */
        function create(range, message, severity, code, source, relatedInformation) {
            var result = { range: range, message: message };
            if (Is.defined(severity)) {
                result.severity = severity;
            }
            if (Is.defined(code)) {
                result.code = code;
            }
            if (Is.defined(source)) {
                result.source = source;
            }
            if (Is.defined(relatedInformation)) {
                result.relatedInformation = relatedInformation;
            }
            return result;
        }
        Diagnostic.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Diagnostic} interface.
         */
        function is(value) {
            var _a;
            var candidate = value;
            return Is.defined(candidate)
                && Range.is(candidate.range)
                && (Is.string(candidate.message) || MarkupContent.is(candidate.message))
                && (Is.number(candidate.severity) || Is.undefined(candidate.severity))
                && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code))
                && (Is.undefined(candidate.codeDescription) || (Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)))
                && (Is.string(candidate.source) || Is.undefined(candidate.source))
                && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
        }
        Diagnostic.is = is;
        /**
         * Checks whether the given diagnostic's message conforms to the 3.17.0
         * version of the protocol where the message is a string.
         *
         * @param value the diagnostic
         * @returns true if the diagnostic's message is a string, false otherwise.
         */
        function is3_17(value) {
            return Is.string(value.message);
        }
        Diagnostic.is3_17 = is3_17;
        /**
         * Gets the message string of a diagnostic. If the message is already a
         * string, it is returned as is. If the message is a MarkupContent,
         * the value of the MarkupContent is returned. Otherwise an error is thrown.
         *
         * @param diagnostic the diagnostic to get the message string from.
         * @returns the message string of the given diagnostic.
         */
        function getMessageString(diagnostic) {
            if (Is.string(diagnostic.message)) {
                return diagnostic.message;
            }
            else if (MarkupContent.is(diagnostic.message)) {
                return diagnostic.message.value;
            }
            else {
                throw new Error("Unknown message type ".concat(typeof diagnostic.message));
            }
        }
        Diagnostic.getMessageString = getMessageString;
    })(Diagnostic || (exports.Diagnostic = Diagnostic = {}));
    /**
     * The Command namespace provides helper functions to work with
     * {@link Command} literals.
     */
    var Command;
    (function (Command) {
        /**
         * Creates a new Command literal.
         */
        function create(title, command) {
            var args = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                args[_i - 2] = arguments[_i];
            }
            var result = { title: title, command: command };
            if (Is.defined(args) && args.length > 0) {
                result.arguments = args;
            }
            return result;
        }
        Command.create = create;
        /**
         * Checks whether the given literal conforms to the {@link Command} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === undefined || Is.string(candidate.tooltip)) && Is.string(candidate.command);
        }
        Command.is = is;
    })(Command || (exports.Command = Command = {}));
    /**
     * The TextEdit namespace provides helper function to create replace,
     * insert and delete edits more easily.
     */
    var TextEdit;
    (function (TextEdit) {
        /**
         * Creates a replace text edit.
         * @param range The range of text to be replaced.
         * @param newText The new text.
         */
        function replace(range, newText) {
            return { range: range, newText: newText };
        }
        TextEdit.replace = replace;
        /**
         * Creates an insert text edit.
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         */
        function insert(position, newText) {
            return { range: { start: position, end: position }, newText: newText };
        }
        TextEdit.insert = insert;
        /**
         * Creates a delete text edit.
         * @param range The range of text to be deleted.
         */
        function del(range) {
            return { range: range, newText: '' };
        }
        TextEdit.del = del;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Is.string(candidate.newText)
                && Range.is(candidate.range);
        }
        TextEdit.is = is;
    })(TextEdit || (exports.TextEdit = TextEdit = {}));
    var ChangeAnnotation;
    (function (ChangeAnnotation) {
        function create(label, needsConfirmation, description) {
            var result = { label: label };
            if (needsConfirmation !== undefined) {
                result.needsConfirmation = needsConfirmation;
            }
            if (description !== undefined) {
                result.description = description;
            }
            return result;
        }
        ChangeAnnotation.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Is.string(candidate.label) &&
                (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        ChangeAnnotation.is = is;
    })(ChangeAnnotation || (exports.ChangeAnnotation = ChangeAnnotation = {}));
    var ChangeAnnotationIdentifier;
    (function (ChangeAnnotationIdentifier) {
        function is(value) {
            var candidate = value;
            return Is.string(candidate);
        }
        ChangeAnnotationIdentifier.is = is;
    })(ChangeAnnotationIdentifier || (exports.ChangeAnnotationIdentifier = ChangeAnnotationIdentifier = {}));
    var AnnotatedTextEdit;
    (function (AnnotatedTextEdit) {
        /**
         * Creates an annotated replace text edit.
         *
         * @param range The range of text to be replaced.
         * @param newText The new text.
         * @param annotation The annotation.
         */
        function replace(range, newText, annotation) {
            return { range: range, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.replace = replace;
        /**
         * Creates an annotated insert text edit.
         *
         * @param position The position to insert the text at.
         * @param newText The text to be inserted.
         * @param annotation The annotation.
         */
        function insert(position, newText, annotation) {
            return { range: { start: position, end: position }, newText: newText, annotationId: annotation };
        }
        AnnotatedTextEdit.insert = insert;
        /**
         * Creates an annotated delete text edit.
         *
         * @param range The range of text to be deleted.
         * @param annotation The annotation.
         */
        function del(range, annotation) {
            return { range: range, newText: '', annotationId: annotation };
        }
        AnnotatedTextEdit.del = del;
        function is(value) {
            var candidate = value;
            return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        AnnotatedTextEdit.is = is;
    })(AnnotatedTextEdit || (exports.AnnotatedTextEdit = AnnotatedTextEdit = {}));
    /**
     * The TextDocumentEdit namespace provides helper function to create
     * an edit that manipulates a text document.
     */
    var TextDocumentEdit;
    (function (TextDocumentEdit) {
        /**
         * Creates a new `TextDocumentEdit`
         */
        function create(textDocument, edits) {
            return { textDocument: textDocument, edits: edits };
        }
        TextDocumentEdit.create = create;
        function is(value) {
            var candidate = value;
            return Is.defined(candidate)
                && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument)
                && Array.isArray(candidate.edits);
        }
        TextDocumentEdit.is = is;
    })(TextDocumentEdit || (exports.TextDocumentEdit = TextDocumentEdit = {}));
    var CreateFile;
    (function (CreateFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'create',
                uri: uri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        CreateFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'create' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        CreateFile.is = is;
    })(CreateFile || (exports.CreateFile = CreateFile = {}));
    var RenameFile;
    (function (RenameFile) {
        function create(oldUri, newUri, options, annotation) {
            var result = {
                kind: 'rename',
                oldUri: oldUri,
                newUri: newUri
            };
            if (options !== undefined && (options.overwrite !== undefined || options.ignoreIfExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        RenameFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'rename' && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === undefined ||
                ((candidate.options.overwrite === undefined || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === undefined || Is.boolean(candidate.options.ignoreIfExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        RenameFile.is = is;
    })(RenameFile || (exports.RenameFile = RenameFile = {}));
    var DeleteFile;
    (function (DeleteFile) {
        function create(uri, options, annotation) {
            var result = {
                kind: 'delete',
                uri: uri
            };
            if (options !== undefined && (options.recursive !== undefined || options.ignoreIfNotExists !== undefined)) {
                result.options = options;
            }
            if (annotation !== undefined) {
                result.annotationId = annotation;
            }
            return result;
        }
        DeleteFile.create = create;
        function is(value) {
            var candidate = value;
            return candidate && candidate.kind === 'delete' && Is.string(candidate.uri) && (candidate.options === undefined ||
                ((candidate.options.recursive === undefined || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === undefined || Is.boolean(candidate.options.ignoreIfNotExists)))) && (candidate.annotationId === undefined || ChangeAnnotationIdentifier.is(candidate.annotationId));
        }
        DeleteFile.is = is;
    })(DeleteFile || (exports.DeleteFile = DeleteFile = {}));
    var WorkspaceEdit;
    (function (WorkspaceEdit) {
        function is(value) {
            var candidate = value;
            return candidate &&
                (candidate.changes !== undefined || candidate.documentChanges !== undefined) &&
                (candidate.documentChanges === undefined || candidate.documentChanges.every(function (change) {
                    if (Is.string(change.kind)) {
                        return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
                    }
                    else {
                        return TextDocumentEdit.is(change);
                    }
                }));
        }
        WorkspaceEdit.is = is;
    })(WorkspaceEdit || (exports.WorkspaceEdit = WorkspaceEdit = {}));
    var TextEditChangeImpl = /** @class */ (function () {
        function TextEditChangeImpl(edits, changeAnnotations) {
            this.edits = edits;
            this.changeAnnotations = changeAnnotations;
        }
        TextEditChangeImpl.prototype.insert = function (position, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.insert(position, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.insert(position, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.insert(position, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.replace = function (range, newText, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.replace(range, newText);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.replace(range, newText, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.replace(range, newText, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.delete = function (range, annotation) {
            var edit;
            var id;
            if (annotation === undefined) {
                edit = TextEdit.del(range);
            }
            else if (ChangeAnnotationIdentifier.is(annotation)) {
                id = annotation;
                edit = AnnotatedTextEdit.del(range, annotation);
            }
            else {
                this.assertChangeAnnotations(this.changeAnnotations);
                id = this.changeAnnotations.manage(annotation);
                edit = AnnotatedTextEdit.del(range, id);
            }
            this.edits.push(edit);
            if (id !== undefined) {
                return id;
            }
        };
        TextEditChangeImpl.prototype.add = function (edit) {
            this.edits.push(edit);
        };
        TextEditChangeImpl.prototype.all = function () {
            return this.edits;
        };
        TextEditChangeImpl.prototype.clear = function () {
            this.edits.splice(0, this.edits.length);
        };
        TextEditChangeImpl.prototype.assertChangeAnnotations = function (value) {
            if (value === undefined) {
                throw new Error("Text edit change is not configured to manage change annotations.");
            }
        };
        return TextEditChangeImpl;
    }());
    var SnippetTextEdit;
    (function (SnippetTextEdit) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && Range.is(candidate.range)
                && StringValue.isSnippet(candidate.snippet)
                && (candidate.annotationId === undefined ||
                    (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
        }
        SnippetTextEdit.is = is;
    })(SnippetTextEdit || (exports.SnippetTextEdit = SnippetTextEdit = {}));
    /**
     * A helper class
     */
    var ChangeAnnotations = /** @class */ (function () {
        function ChangeAnnotations(annotations) {
            this._annotations = annotations === undefined ? Object.create(null) : annotations;
            this._counter = 0;
            this._size = 0;
        }
        ChangeAnnotations.prototype.all = function () {
            return this._annotations;
        };
        Object.defineProperty(ChangeAnnotations.prototype, "size", {
            get: function () {
                return this._size;
            },
            enumerable: false,
            configurable: true
        });
        ChangeAnnotations.prototype.manage = function (idOrAnnotation, annotation) {
            var id;
            if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
                id = idOrAnnotation;
            }
            else {
                id = this.nextId();
                annotation = idOrAnnotation;
            }
            if (this._annotations[id] !== undefined) {
                throw new Error("Id ".concat(id, " is already in use."));
            }
            if (annotation === undefined) {
                throw new Error("No annotation provided for id ".concat(id));
            }
            this._annotations[id] = annotation;
            this._size++;
            return id;
        };
        ChangeAnnotations.prototype.nextId = function () {
            this._counter++;
            return this._counter.toString();
        };
        return ChangeAnnotations;
    }());
    /**
     * A workspace change helps constructing changes to a workspace.
     */
    var WorkspaceChange = /** @class */ (function () {
        function WorkspaceChange(workspaceEdit) {
            var _this = this;
            this._textEditChanges = Object.create(null);
            if (workspaceEdit !== undefined) {
                this._workspaceEdit = workspaceEdit;
                if (workspaceEdit.documentChanges) {
                    this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
                    workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    workspaceEdit.documentChanges.forEach(function (change) {
                        if (TextDocumentEdit.is(change)) {
                            var textEditChange = new TextEditChangeImpl(change.edits, _this._changeAnnotations);
                            _this._textEditChanges[change.textDocument.uri] = textEditChange;
                        }
                    });
                }
                else if (workspaceEdit.changes) {
                    Object.keys(workspaceEdit.changes).forEach(function (key) {
                        var textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
                        _this._textEditChanges[key] = textEditChange;
                    });
                }
            }
            else {
                this._workspaceEdit = {};
            }
        }
        Object.defineProperty(WorkspaceChange.prototype, "edit", {
            /**
             * Returns the underlying {@link WorkspaceEdit} literal
             * use to be returned from a workspace edit operation like rename.
             */
            get: function () {
                this.initDocumentChanges();
                if (this._changeAnnotations !== undefined) {
                    if (this._changeAnnotations.size === 0) {
                        this._workspaceEdit.changeAnnotations = undefined;
                    }
                    else {
                        this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
                    }
                }
                return this._workspaceEdit;
            },
            enumerable: false,
            configurable: true
        });
        WorkspaceChange.prototype.getTextEditChange = function (key) {
            if (OptionalVersionedTextDocumentIdentifier.is(key)) {
                this.initDocumentChanges();
                if (this._workspaceEdit.documentChanges === undefined) {
                    throw new Error('Workspace edit is not configured for document changes.');
                }
                var textDocument = { uri: key.uri, version: key.version };
                var result = this._textEditChanges[textDocument.uri];
                if (!result) {
                    var edits = [];
                    var textDocumentEdit = {
                        textDocument: textDocument,
                        edits: edits
                    };
                    this._workspaceEdit.documentChanges.push(textDocumentEdit);
                    result = new TextEditChangeImpl(edits, this._changeAnnotations);
                    this._textEditChanges[textDocument.uri] = result;
                }
                return result;
            }
            else {
                this.initChanges();
                if (this._workspaceEdit.changes === undefined) {
                    throw new Error('Workspace edit is not configured for normal text edit changes.');
                }
                var result = this._textEditChanges[key];
                if (!result) {
                    var edits = [];
                    this._workspaceEdit.changes[key] = edits;
                    result = new TextEditChangeImpl(edits);
                    this._textEditChanges[key] = result;
                }
                return result;
            }
        };
        WorkspaceChange.prototype.initDocumentChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._changeAnnotations = new ChangeAnnotations();
                this._workspaceEdit.documentChanges = [];
                this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            }
        };
        WorkspaceChange.prototype.initChanges = function () {
            if (this._workspaceEdit.documentChanges === undefined && this._workspaceEdit.changes === undefined) {
                this._workspaceEdit.changes = Object.create(null);
            }
        };
        WorkspaceChange.prototype.createFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = CreateFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = CreateFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.renameFile = function (oldUri, newUri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = RenameFile.create(oldUri, newUri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = RenameFile.create(oldUri, newUri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        WorkspaceChange.prototype.deleteFile = function (uri, optionsOrAnnotation, options) {
            this.initDocumentChanges();
            if (this._workspaceEdit.documentChanges === undefined) {
                throw new Error('Workspace edit is not configured for document changes.');
            }
            var annotation;
            if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
                annotation = optionsOrAnnotation;
            }
            else {
                options = optionsOrAnnotation;
            }
            var operation;
            var id;
            if (annotation === undefined) {
                operation = DeleteFile.create(uri, options);
            }
            else {
                id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
                operation = DeleteFile.create(uri, options, id);
            }
            this._workspaceEdit.documentChanges.push(operation);
            if (id !== undefined) {
                return id;
            }
        };
        return WorkspaceChange;
    }());
    exports.WorkspaceChange = WorkspaceChange;
    /**
     * The TextDocumentIdentifier namespace provides helper functions to work with
     * {@link TextDocumentIdentifier} literals.
     */
    var TextDocumentIdentifier;
    (function (TextDocumentIdentifier) {
        /**
         * Creates a new TextDocumentIdentifier literal.
         * @param uri The document's uri.
         */
        function create(uri) {
            return { uri: uri };
        }
        TextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri);
        }
        TextDocumentIdentifier.is = is;
    })(TextDocumentIdentifier || (exports.TextDocumentIdentifier = TextDocumentIdentifier = {}));
    /**
     * The VersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link VersionedTextDocumentIdentifier} literals.
     */
    var VersionedTextDocumentIdentifier;
    (function (VersionedTextDocumentIdentifier) {
        /**
         * Creates a new VersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        VersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link VersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
        }
        VersionedTextDocumentIdentifier.is = is;
    })(VersionedTextDocumentIdentifier || (exports.VersionedTextDocumentIdentifier = VersionedTextDocumentIdentifier = {}));
    /**
     * The OptionalVersionedTextDocumentIdentifier namespace provides helper functions to work with
     * {@link OptionalVersionedTextDocumentIdentifier} literals.
     */
    var OptionalVersionedTextDocumentIdentifier;
    (function (OptionalVersionedTextDocumentIdentifier) {
        /**
         * Creates a new OptionalVersionedTextDocumentIdentifier literal.
         * @param uri The document's uri.
         * @param version The document's version.
         */
        function create(uri, version) {
            return { uri: uri, version: version };
        }
        OptionalVersionedTextDocumentIdentifier.create = create;
        /**
         * Checks whether the given literal conforms to the {@link OptionalVersionedTextDocumentIdentifier} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
        }
        OptionalVersionedTextDocumentIdentifier.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (exports.OptionalVersionedTextDocumentIdentifier = OptionalVersionedTextDocumentIdentifier = {}));
    /**
     * Predefined Language kinds
     * @since 3.18.0
     */
    var LanguageKind;
    (function (LanguageKind) {
        LanguageKind.ABAP = 'abap';
        LanguageKind.WindowsBat = 'bat';
        LanguageKind.BibTeX = 'bibtex';
        LanguageKind.Clojure = 'clojure';
        LanguageKind.Coffeescript = 'coffeescript';
        LanguageKind.C = 'c';
        LanguageKind.CPP = 'cpp';
        LanguageKind.CSharp = 'csharp';
        LanguageKind.CSS = 'css';
        /**
         * @since 3.18.0
         */
        LanguageKind.D = 'd';
        /**
         * @since 3.18.0
         */
        LanguageKind.Delphi = 'pascal';
        LanguageKind.Diff = 'diff';
        LanguageKind.Dart = 'dart';
        LanguageKind.Dockerfile = 'dockerfile';
        LanguageKind.Elixir = 'elixir';
        LanguageKind.Erlang = 'erlang';
        LanguageKind.FSharp = 'fsharp';
        LanguageKind.GitCommit = 'git-commit';
        LanguageKind.GitRebase = 'git-rebase';
        LanguageKind.Go = 'go';
        LanguageKind.Groovy = 'groovy';
        LanguageKind.Handlebars = 'handlebars';
        LanguageKind.Haskell = 'haskell';
        LanguageKind.HTML = 'html';
        LanguageKind.Ini = 'ini';
        LanguageKind.Java = 'java';
        LanguageKind.JavaScript = 'javascript';
        LanguageKind.JavaScriptReact = 'javascriptreact';
        LanguageKind.JSON = 'json';
        LanguageKind.LaTeX = 'latex';
        LanguageKind.Less = 'less';
        LanguageKind.Lua = 'lua';
        LanguageKind.Makefile = 'makefile';
        LanguageKind.Markdown = 'markdown';
        LanguageKind.ObjectiveC = 'objective-c';
        LanguageKind.ObjectiveCPP = 'objective-cpp';
        /**
         * @since 3.18.0
         */
        LanguageKind.Pascal = 'pascal';
        LanguageKind.Perl = 'perl';
        LanguageKind.Perl6 = 'perl6';
        LanguageKind.PHP = 'php';
        LanguageKind.Plaintext = 'plaintext';
        LanguageKind.Powershell = 'powershell';
        LanguageKind.Pug = 'jade';
        LanguageKind.Python = 'python';
        LanguageKind.R = 'r';
        LanguageKind.Razor = 'razor';
        LanguageKind.Ruby = 'ruby';
        LanguageKind.Rust = 'rust';
        LanguageKind.SCSS = 'scss';
        LanguageKind.SASS = 'sass';
        LanguageKind.Scala = 'scala';
        LanguageKind.ShaderLab = 'shaderlab';
        LanguageKind.ShellScript = 'shellscript';
        LanguageKind.SQL = 'sql';
        LanguageKind.Swift = 'swift';
        LanguageKind.TypeScript = 'typescript';
        LanguageKind.TypeScriptReact = 'typescriptreact';
        LanguageKind.TeX = 'tex';
        LanguageKind.VisualBasic = 'vb';
        LanguageKind.XML = 'xml';
        LanguageKind.XSL = 'xsl';
        LanguageKind.YAML = 'yaml';
    })(LanguageKind || (exports.LanguageKind = LanguageKind = {}));
    /**
     * The TextDocumentItem namespace provides helper functions to work with
     * {@link TextDocumentItem} literals.
     */
    var TextDocumentItem;
    (function (TextDocumentItem) {
        /**
         * Creates a new TextDocumentItem literal.
         * @param uri The document's uri.
         * @param languageId The document's language identifier.
         * @param version The document's version number.
         * @param text The document's text.
         */
        function create(uri, languageId, version, text) {
            return { uri: uri, languageId: languageId, version: version, text: text };
        }
        TextDocumentItem.create = create;
        /**
         * Checks whether the given literal conforms to the {@link TextDocumentItem} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
        }
        TextDocumentItem.is = is;
    })(TextDocumentItem || (exports.TextDocumentItem = TextDocumentItem = {}));
    /**
     * Describes the content type that a client supports in various
     * result literals like `Hover`, `ParameterInfo` or `CompletionItem`.
     *
     * Please note that `MarkupKinds` must not start with a `$`. This kinds
     * are reserved for internal usage.
     */
    var MarkupKind;
    (function (MarkupKind) {
        /**
         * Plain text is supported as a content format
         */
        MarkupKind.PlainText = 'plaintext';
        /**
         * Markdown is supported as a content format
         */
        MarkupKind.Markdown = 'markdown';
        /**
         * Checks whether the given value is a value of the {@link MarkupKind} type.
         */
        function is(value) {
            var candidate = value;
            return candidate === MarkupKind.PlainText || candidate === MarkupKind.Markdown;
        }
        MarkupKind.is = is;
    })(MarkupKind || (exports.MarkupKind = MarkupKind = {}));
    var MarkupContent;
    (function (MarkupContent) {
        /**
         * Checks whether the given value conforms to the {@link MarkupContent} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
        }
        MarkupContent.is = is;
    })(MarkupContent || (exports.MarkupContent = MarkupContent = {}));
    /**
     * The kind of a completion entry.
     */
    var CompletionItemKind;
    (function (CompletionItemKind) {
        CompletionItemKind.Text = 1;
        CompletionItemKind.Method = 2;
        CompletionItemKind.Function = 3;
        CompletionItemKind.Constructor = 4;
        CompletionItemKind.Field = 5;
        CompletionItemKind.Variable = 6;
        CompletionItemKind.Class = 7;
        CompletionItemKind.Interface = 8;
        CompletionItemKind.Module = 9;
        CompletionItemKind.Property = 10;
        CompletionItemKind.Unit = 11;
        CompletionItemKind.Value = 12;
        CompletionItemKind.Enum = 13;
        CompletionItemKind.Keyword = 14;
        CompletionItemKind.Snippet = 15;
        CompletionItemKind.Color = 16;
        CompletionItemKind.File = 17;
        CompletionItemKind.Reference = 18;
        CompletionItemKind.Folder = 19;
        CompletionItemKind.EnumMember = 20;
        CompletionItemKind.Constant = 21;
        CompletionItemKind.Struct = 22;
        CompletionItemKind.Event = 23;
        CompletionItemKind.Operator = 24;
        CompletionItemKind.TypeParameter = 25;
    })(CompletionItemKind || (exports.CompletionItemKind = CompletionItemKind = {}));
    /**
     * Defines whether the insert text in a completion item should be interpreted as
     * plain text or a snippet.
     */
    var InsertTextFormat;
    (function (InsertTextFormat) {
        /**
         * The primary text to be inserted is treated as a plain string.
         */
        InsertTextFormat.PlainText = 1;
        /**
         * The primary text to be inserted is treated as a snippet.
         *
         * A snippet can define tab stops and placeholders with `$1`, `$2`
         * and `${3:foo}`. `$0` defines the final tab stop, it defaults to
         * the end of the snippet. Placeholders with equal identifiers are linked,
         * that is typing in one will update others too.
         *
         * See also: https://microsoft.github.io/language-server-protocol/specifications/specification-current/#snippet_syntax
         */
        InsertTextFormat.Snippet = 2;
    })(InsertTextFormat || (exports.InsertTextFormat = InsertTextFormat = {}));
    /**
     * Completion item tags are extra annotations that tweak the rendering of a completion
     * item.
     *
     * @since 3.15.0
     */
    var CompletionItemTag;
    (function (CompletionItemTag) {
        /**
         * Render a completion as obsolete, usually using a strike-out.
         */
        CompletionItemTag.Deprecated = 1;
    })(CompletionItemTag || (exports.CompletionItemTag = CompletionItemTag = {}));
    /**
     * The InsertReplaceEdit namespace provides functions to deal with insert / replace edits.
     *
     * @since 3.16.0
     */
    var InsertReplaceEdit;
    (function (InsertReplaceEdit) {
        /**
         * Creates a new insert / replace edit
         */
        function create(newText, insert, replace) {
            return { newText: newText, insert: insert, replace: replace };
        }
        InsertReplaceEdit.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InsertReplaceEdit} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
        }
        InsertReplaceEdit.is = is;
    })(InsertReplaceEdit || (exports.InsertReplaceEdit = InsertReplaceEdit = {}));
    /**
     * How whitespace and indentation is handled during completion
     * item insertion.
     *
     * @since 3.16.0
     */
    var InsertTextMode;
    (function (InsertTextMode) {
        /**
         * The insertion or replace strings is taken as it is. If the
         * value is multi line the lines below the cursor will be
         * inserted using the indentation defined in the string value.
         * The client will not apply any kind of adjustments to the
         * string.
         */
        InsertTextMode.asIs = 1;
        /**
         * The editor adjusts leading whitespace of new lines so that
         * they match the indentation up to the cursor of the line for
         * which the item is accepted.
         *
         * Consider a line like this: <2tabs><cursor><3tabs>foo. Accepting a
         * multi line completion item is indented using 2 tabs and all
         * following lines inserted will be indented using 2 tabs as well.
         */
        InsertTextMode.adjustIndentation = 2;
    })(InsertTextMode || (exports.InsertTextMode = InsertTextMode = {}));
    /**
     * Defines how values from a set of defaults and an individual item will be
     * merged.
     *
     * @since 3.18.0
     */
    var ApplyKind;
    (function (ApplyKind) {
        /**
         * The value from the individual item (if provided and not `null`) will be
         * used instead of the default.
         */
        ApplyKind.Replace = 1;
        /**
         * The value from the item will be merged with the default.
         *
         * The specific rules for mergeing values are defined against each field
         * that supports merging.
         */
        ApplyKind.Merge = 2;
    })(ApplyKind || (exports.ApplyKind = ApplyKind = {}));
    var CompletionItemLabelDetails;
    (function (CompletionItemLabelDetails) {
        function is(value) {
            var candidate = value;
            return candidate && (Is.string(candidate.detail) || candidate.detail === undefined) &&
                (Is.string(candidate.description) || candidate.description === undefined);
        }
        CompletionItemLabelDetails.is = is;
    })(CompletionItemLabelDetails || (exports.CompletionItemLabelDetails = CompletionItemLabelDetails = {}));
    /**
     * The CompletionItem namespace provides functions to deal with
     * completion items.
     */
    var CompletionItem;
    (function (CompletionItem) {
        /**
         * Create a completion item and seed it with a label.
         * @param label The completion item's label
         */
        function create(label) {
            return { label: label };
        }
        CompletionItem.create = create;
    })(CompletionItem || (exports.CompletionItem = CompletionItem = {}));
    /**
     * The CompletionList namespace provides functions to deal with
     * completion lists.
     */
    var CompletionList;
    (function (CompletionList) {
        /**
         * Creates a new completion list.
         *
         * @param items The completion items.
         * @param isIncomplete The list is not complete.
         */
        function create(items, isIncomplete) {
            return { items: items ? items : [], isIncomplete: !!isIncomplete };
        }
        CompletionList.create = create;
    })(CompletionList || (exports.CompletionList = CompletionList = {}));
    var MarkedString;
    (function (MarkedString) {
        /**
         * Creates a marked string from plain text.
         *
         * @param plainText The plain text.
         */
        function fromPlainText(plainText) {
            return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&'); // escape markdown syntax tokens: http://daringfireball.net/projects/markdown/syntax#backslash
        }
        MarkedString.fromPlainText = fromPlainText;
        /**
         * Checks whether the given value conforms to the {@link MarkedString} type.
         */
        function is(value) {
            var candidate = value;
            return Is.string(candidate) || (Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value));
        }
        MarkedString.is = is;
    })(MarkedString || (exports.MarkedString = MarkedString = {}));
    var Hover;
    (function (Hover) {
        /**
         * Checks whether the given value conforms to the {@link Hover} interface.
         */
        function is(value) {
            var candidate = value;
            return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) ||
                MarkedString.is(candidate.contents) ||
                Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === undefined || Range.is(value.range));
        }
        Hover.is = is;
    })(Hover || (exports.Hover = Hover = {}));
    /**
     * The ParameterInformation namespace provides helper functions to work with
     * {@link ParameterInformation} literals.
     */
    var ParameterInformation;
    (function (ParameterInformation) {
        /**
         * Creates a new parameter information literal.
         *
         * @param label A label string.
         * @param documentation A doc string.
         */
        function create(label, documentation) {
            return documentation ? { label: label, documentation: documentation } : { label: label };
        }
        ParameterInformation.create = create;
    })(ParameterInformation || (exports.ParameterInformation = ParameterInformation = {}));
    /**
     * The SignatureInformation namespace provides helper functions to work with
     * {@link SignatureInformation} literals.
     */
    var SignatureInformation;
    (function (SignatureInformation) {
        function create(label, documentation) {
            var parameters = [];
            for (var _i = 2; _i < arguments.length; _i++) {
                parameters[_i - 2] = arguments[_i];
            }
            var result = { label: label };
            if (Is.defined(documentation)) {
                result.documentation = documentation;
            }
            if (Is.defined(parameters)) {
                result.parameters = parameters;
            }
            else {
                result.parameters = [];
            }
            return result;
        }
        SignatureInformation.create = create;
    })(SignatureInformation || (exports.SignatureInformation = SignatureInformation = {}));
    /**
     * A document highlight kind.
     */
    var DocumentHighlightKind;
    (function (DocumentHighlightKind) {
        /**
         * A textual occurrence.
         */
        DocumentHighlightKind.Text = 1;
        /**
         * Read-access of a symbol, like reading a variable.
         */
        DocumentHighlightKind.Read = 2;
        /**
         * Write-access of a symbol, like writing to a variable.
         */
        DocumentHighlightKind.Write = 3;
    })(DocumentHighlightKind || (exports.DocumentHighlightKind = DocumentHighlightKind = {}));
    /**
     * DocumentHighlight namespace to provide helper functions to work with
     * {@link DocumentHighlight} literals.
     */
    var DocumentHighlight;
    (function (DocumentHighlight) {
        /**
         * Create a DocumentHighlight object.
         * @param range The range the highlight applies to.
         * @param kind The highlight kind
         */
        function create(range, kind) {
            var result = { range: range };
            if (Is.number(kind)) {
                result.kind = kind;
            }
            return result;
        }
        DocumentHighlight.create = create;
    })(DocumentHighlight || (exports.DocumentHighlight = DocumentHighlight = {}));
    /**
     * A symbol kind.
     */
    var SymbolKind;
    (function (SymbolKind) {
        SymbolKind.File = 1;
        SymbolKind.Module = 2;
        SymbolKind.Namespace = 3;
        SymbolKind.Package = 4;
        SymbolKind.Class = 5;
        SymbolKind.Method = 6;
        SymbolKind.Property = 7;
        SymbolKind.Field = 8;
        SymbolKind.Constructor = 9;
        SymbolKind.Enum = 10;
        SymbolKind.Interface = 11;
        SymbolKind.Function = 12;
        SymbolKind.Variable = 13;
        SymbolKind.Constant = 14;
        SymbolKind.String = 15;
        SymbolKind.Number = 16;
        SymbolKind.Boolean = 17;
        SymbolKind.Array = 18;
        SymbolKind.Object = 19;
        SymbolKind.Key = 20;
        SymbolKind.Null = 21;
        SymbolKind.EnumMember = 22;
        SymbolKind.Struct = 23;
        SymbolKind.Event = 24;
        SymbolKind.Operator = 25;
        SymbolKind.TypeParameter = 26;
    })(SymbolKind || (exports.SymbolKind = SymbolKind = {}));
    /**
     * Symbol tags are extra annotations that tweak the rendering of a symbol.
     *
     * @since 3.16
     */
    var SymbolTag;
    (function (SymbolTag) {
        /**
         * Render a symbol as obsolete, usually using a strike-out.
         */
        SymbolTag.Deprecated = 1;
    })(SymbolTag || (exports.SymbolTag = SymbolTag = {}));
    var SymbolInformation;
    (function (SymbolInformation) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the location of the symbol.
         * @param uri The resource of the location of symbol.
         * @param containerName The name of the symbol containing the symbol.
         */
        function create(name, kind, range, uri, containerName) {
            var result = {
                name: name,
                kind: kind,
                location: { uri: uri, range: range }
            };
            if (containerName) {
                result.containerName = containerName;
            }
            return result;
        }
        SymbolInformation.create = create;
    })(SymbolInformation || (exports.SymbolInformation = SymbolInformation = {}));
    var WorkspaceSymbol;
    (function (WorkspaceSymbol) {
        /**
         * Create a new workspace symbol.
         *
         * @param name The name of the symbol.
         * @param kind The kind of the symbol.
         * @param uri The resource of the location of the symbol.
         * @param range An options range of the location.
         * @returns A WorkspaceSymbol.
         */
        function create(name, kind, uri, range) {
            return range !== undefined
                ? { name: name, kind: kind, location: { uri: uri, range: range } }
                : { name: name, kind: kind, location: { uri: uri } };
        }
        WorkspaceSymbol.create = create;
    })(WorkspaceSymbol || (exports.WorkspaceSymbol = WorkspaceSymbol = {}));
    var DocumentSymbol;
    (function (DocumentSymbol) {
        /**
         * Creates a new symbol information literal.
         *
         * @param name The name of the symbol.
         * @param detail The detail of the symbol.
         * @param kind The kind of the symbol.
         * @param range The range of the symbol.
         * @param selectionRange The selectionRange of the symbol.
         * @param children Children of the symbol.
         */
        function create(name, detail, kind, range, selectionRange, children) {
            var result = {
                name: name,
                detail: detail,
                kind: kind,
                range: range,
                selectionRange: selectionRange
            };
            if (children !== undefined) {
                result.children = children;
            }
            return result;
        }
        DocumentSymbol.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentSymbol} interface.
         */
        function is(value) {
            var candidate = value;
            return candidate &&
                Is.string(candidate.name) && Is.number(candidate.kind) &&
                Range.is(candidate.range) && Range.is(candidate.selectionRange) &&
                (candidate.detail === undefined || Is.string(candidate.detail)) &&
                (candidate.deprecated === undefined || Is.boolean(candidate.deprecated)) &&
                (candidate.children === undefined || Array.isArray(candidate.children)) &&
                (candidate.tags === undefined || Array.isArray(candidate.tags));
        }
        DocumentSymbol.is = is;
    })(DocumentSymbol || (exports.DocumentSymbol = DocumentSymbol = {}));
    /**
     * A set of predefined code action kinds
     */
    var CodeActionKind;
    (function (CodeActionKind) {
        /**
         * Empty kind.
         */
        CodeActionKind.Empty = '';
        /**
         * Base kind for quickfix actions: 'quickfix'
         */
        CodeActionKind.QuickFix = 'quickfix';
        /**
         * Base kind for refactoring actions: 'refactor'
         */
        CodeActionKind.Refactor = 'refactor';
        /**
         * Base kind for refactoring extraction actions: 'refactor.extract'
         *
         * Example extract actions:
         *
         * - Extract method
         * - Extract function
         * - Extract variable
         * - Extract interface from class
         * - ...
         */
        CodeActionKind.RefactorExtract = 'refactor.extract';
        /**
         * Base kind for refactoring inline actions: 'refactor.inline'
         *
         * Example inline actions:
         *
         * - Inline function
         * - Inline variable
         * - Inline constant
         * - ...
         */
        CodeActionKind.RefactorInline = 'refactor.inline';
        /**
         * Base kind for refactoring move actions: `refactor.move`
         *
         * Example move actions:
         *
         * - Move a function to a new file
         * - Move a property between classes
         * - Move method to base class
         * - ...
         *
         * @since 3.18.0
         */
        CodeActionKind.RefactorMove = 'refactor.move';
        /**
         * Base kind for refactoring rewrite actions: 'refactor.rewrite'
         *
         * Example rewrite actions:
         *
         * - Convert JavaScript function to class
         * - Add or remove parameter
         * - Encapsulate field
         * - Make method static
         * - Move method to base class
         * - ...
         */
        CodeActionKind.RefactorRewrite = 'refactor.rewrite';
        /**
         * Base kind for source actions: `source`
         *
         * Source code actions apply to the entire file.
         */
        CodeActionKind.Source = 'source';
        /**
         * Base kind for an organize imports source action: `source.organizeImports`
         */
        CodeActionKind.SourceOrganizeImports = 'source.organizeImports';
        /**
         * Base kind for auto-fix source actions: `source.fixAll`.
         *
         * Fix all actions automatically fix errors that have a clear fix that do not require user input.
         * They should not suppress errors or perform unsafe fixes such as generating new types or classes.
         *
         * @since 3.15.0
         */
        CodeActionKind.SourceFixAll = 'source.fixAll';
        /**
         * Base kind for all code actions applying to the entire notebook's scope. CodeActionKinds using
         * this should always begin with `notebook.`
         *
         * @since 3.18.0
         */
        CodeActionKind.Notebook = 'notebook';
    })(CodeActionKind || (exports.CodeActionKind = CodeActionKind = {}));
    /**
     * The reason why code actions were requested.
     *
     * @since 3.17.0
     */
    var CodeActionTriggerKind;
    (function (CodeActionTriggerKind) {
        /**
         * Code actions were explicitly requested by the user or by an extension.
         */
        CodeActionTriggerKind.Invoked = 1;
        /**
         * Code actions were requested automatically.
         *
         * This typically happens when current selection in a file changes, but can
         * also be triggered when file content changes.
         */
        CodeActionTriggerKind.Automatic = 2;
    })(CodeActionTriggerKind || (exports.CodeActionTriggerKind = CodeActionTriggerKind = {}));
    /**
     * The CodeActionContext namespace provides helper functions to work with
     * {@link CodeActionContext} literals.
     */
    var CodeActionContext;
    (function (CodeActionContext) {
        /**
         * Creates a new CodeActionContext literal.
         */
        function create(diagnostics, only, triggerKind) {
            var result = { diagnostics: diagnostics };
            if (only !== undefined && only !== null) {
                result.only = only;
            }
            if (triggerKind !== undefined && triggerKind !== null) {
                result.triggerKind = triggerKind;
            }
            return result;
        }
        CodeActionContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is)
                && (candidate.only === undefined || Is.typedArray(candidate.only, Is.string))
                && (candidate.triggerKind === undefined || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
        }
        CodeActionContext.is = is;
    })(CodeActionContext || (exports.CodeActionContext = CodeActionContext = {}));
    /**
     * Code action tags are extra annotations that tweak the behavior of a code action.
     *
     * @since 3.18.0
     */
    var CodeActionTag;
    (function (CodeActionTag) {
        /**
         * Marks the code action as LLM-generated.
         */
        CodeActionTag.LLMGenerated = 1;
        /**
         * Checks whether the given literal conforms to the {@link CodeActionTag} interface.
         */
        function is(value) {
            return Is.defined(value) && value === CodeActionTag.LLMGenerated;
        }
        CodeActionTag.is = is;
    })(CodeActionTag || (exports.CodeActionTag = CodeActionTag = {}));
    var CodeAction;
    (function (CodeAction) {
        function create(title, kindOrCommandOrEdit, kind) {
            var result = { title: title };
            var checkKind = true;
            if (typeof kindOrCommandOrEdit === 'string') {
                checkKind = false;
                result.kind = kindOrCommandOrEdit;
            }
            else if (Command.is(kindOrCommandOrEdit)) {
                result.command = kindOrCommandOrEdit;
            }
            else {
                result.edit = kindOrCommandOrEdit;
            }
            if (checkKind && kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        CodeAction.create = create;
        function is(value) {
            var candidate = value;
            return candidate && Is.string(candidate.title) &&
                (candidate.diagnostics === undefined || Is.typedArray(candidate.diagnostics, Diagnostic.is)) &&
                (candidate.kind === undefined || Is.string(candidate.kind)) &&
                (candidate.edit !== undefined || candidate.command !== undefined) &&
                (candidate.command === undefined || Command.is(candidate.command)) &&
                (candidate.isPreferred === undefined || Is.boolean(candidate.isPreferred)) &&
                (candidate.edit === undefined || WorkspaceEdit.is(candidate.edit)) &&
                (candidate.tags === undefined || Is.typedArray(candidate.tags, CodeActionTag.is));
        }
        CodeAction.is = is;
    })(CodeAction || (exports.CodeAction = CodeAction = {}));
    /**
     * The CodeLens namespace provides helper functions to work with
     * {@link CodeLens} literals.
     */
    var CodeLens;
    (function (CodeLens) {
        /**
         * Creates a new CodeLens literal.
         */
        function create(range, data) {
            var result = { range: range };
            if (Is.defined(data)) {
                result.data = data;
            }
            return result;
        }
        CodeLens.create = create;
        /**
         * Checks whether the given literal conforms to the {@link CodeLens} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
        }
        CodeLens.is = is;
    })(CodeLens || (exports.CodeLens = CodeLens = {}));
    /**
     * The FormattingOptions namespace provides helper functions to work with
     * {@link FormattingOptions} literals.
     */
    var FormattingOptions;
    (function (FormattingOptions) {
        /**
         * Creates a new FormattingOptions literal.
         */
        function create(tabSize, insertSpaces) {
            return { tabSize: tabSize, insertSpaces: insertSpaces };
        }
        FormattingOptions.create = create;
        /**
         * Checks whether the given literal conforms to the {@link FormattingOptions} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
        }
        FormattingOptions.is = is;
    })(FormattingOptions || (exports.FormattingOptions = FormattingOptions = {}));
    /**
     * The DocumentLink namespace provides helper functions to work with
     * {@link DocumentLink} literals.
     */
    var DocumentLink;
    (function (DocumentLink) {
        /**
         * Creates a new DocumentLink literal.
         */
        function create(range, target, data) {
            return { range: range, target: target, data: data };
        }
        DocumentLink.create = create;
        /**
         * Checks whether the given literal conforms to the {@link DocumentLink} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
        }
        DocumentLink.is = is;
    })(DocumentLink || (exports.DocumentLink = DocumentLink = {}));
    /**
     * The SelectionRange namespace provides helper function to work with
     * SelectionRange literals.
     */
    var SelectionRange;
    (function (SelectionRange) {
        /**
         * Creates a new SelectionRange
         * @param range the range.
         * @param parent an optional parent.
         */
        function create(range, parent) {
            return { range: range, parent: parent };
        }
        SelectionRange.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === undefined || SelectionRange.is(candidate.parent));
        }
        SelectionRange.is = is;
    })(SelectionRange || (exports.SelectionRange = SelectionRange = {}));
    /**
     * A set of predefined token types. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenTypes;
    (function (SemanticTokenTypes) {
        SemanticTokenTypes["namespace"] = "namespace";
        /**
         * Represents a generic type. Acts as a fallback for types which can't be mapped to
         * a specific type like class or enum.
         */
        SemanticTokenTypes["type"] = "type";
        SemanticTokenTypes["class"] = "class";
        SemanticTokenTypes["enum"] = "enum";
        SemanticTokenTypes["interface"] = "interface";
        SemanticTokenTypes["struct"] = "struct";
        SemanticTokenTypes["typeParameter"] = "typeParameter";
        SemanticTokenTypes["parameter"] = "parameter";
        SemanticTokenTypes["variable"] = "variable";
        SemanticTokenTypes["property"] = "property";
        SemanticTokenTypes["enumMember"] = "enumMember";
        SemanticTokenTypes["event"] = "event";
        SemanticTokenTypes["function"] = "function";
        SemanticTokenTypes["method"] = "method";
        SemanticTokenTypes["macro"] = "macro";
        SemanticTokenTypes["keyword"] = "keyword";
        SemanticTokenTypes["modifier"] = "modifier";
        SemanticTokenTypes["comment"] = "comment";
        SemanticTokenTypes["string"] = "string";
        SemanticTokenTypes["number"] = "number";
        SemanticTokenTypes["regexp"] = "regexp";
        SemanticTokenTypes["operator"] = "operator";
        /**
         * @since 3.17.0
         */
        SemanticTokenTypes["decorator"] = "decorator";
        /**
         * @since 3.18.0
         */
        SemanticTokenTypes["label"] = "label";
    })(SemanticTokenTypes || (exports.SemanticTokenTypes = SemanticTokenTypes = {}));
    /**
     * A set of predefined token modifiers. This set is not fixed
     * an clients can specify additional token types via the
     * corresponding client capabilities.
     *
     * @since 3.16.0
     */
    var SemanticTokenModifiers;
    (function (SemanticTokenModifiers) {
        SemanticTokenModifiers["declaration"] = "declaration";
        SemanticTokenModifiers["definition"] = "definition";
        SemanticTokenModifiers["readonly"] = "readonly";
        SemanticTokenModifiers["static"] = "static";
        SemanticTokenModifiers["deprecated"] = "deprecated";
        SemanticTokenModifiers["abstract"] = "abstract";
        SemanticTokenModifiers["async"] = "async";
        SemanticTokenModifiers["modification"] = "modification";
        SemanticTokenModifiers["documentation"] = "documentation";
        SemanticTokenModifiers["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (exports.SemanticTokenModifiers = SemanticTokenModifiers = {}));
    /**
     * @since 3.16.0
     */
    var SemanticTokens;
    (function (SemanticTokens) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && (candidate.resultId === undefined || typeof candidate.resultId === 'string') &&
                Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === 'number');
        }
        SemanticTokens.is = is;
    })(SemanticTokens || (exports.SemanticTokens = SemanticTokens = {}));
    /**
     * The InlineValueText namespace provides functions to deal with InlineValueTexts.
     *
     * @since 3.17.0
     */
    var InlineValueText;
    (function (InlineValueText) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, text) {
            return { range: range, text: text };
        }
        InlineValueText.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
        }
        InlineValueText.is = is;
    })(InlineValueText || (exports.InlineValueText = InlineValueText = {}));
    /**
     * The InlineValueVariableLookup namespace provides functions to
     * deal with InlineValueVariableLookups.
     *
     * @since 3.17.0
     */
    var InlineValueVariableLookup;
    (function (InlineValueVariableLookup) {
        /**
         * Creates a new InlineValueText literal.
         */
        function create(range, variableName, caseSensitiveLookup) {
            return { range: range, variableName: variableName, caseSensitiveLookup: caseSensitiveLookup };
        }
        InlineValueVariableLookup.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup)
                && (Is.string(candidate.variableName) || candidate.variableName === undefined);
        }
        InlineValueVariableLookup.is = is;
    })(InlineValueVariableLookup || (exports.InlineValueVariableLookup = InlineValueVariableLookup = {}));
    /**
     * The InlineValueEvaluatableExpression namespace provides functions to deal with InlineValueEvaluatableExpression.
     *
     * @since 3.17.0
     */
    var InlineValueEvaluatableExpression;
    (function (InlineValueEvaluatableExpression) {
        /**
         * Creates a new InlineValueEvaluatableExpression literal.
         */
        function create(range, expression) {
            return { range: range, expression: expression };
        }
        InlineValueEvaluatableExpression.create = create;
        function is(value) {
            var candidate = value;
            return candidate !== undefined && candidate !== null && Range.is(candidate.range)
                && (Is.string(candidate.expression) || candidate.expression === undefined);
        }
        InlineValueEvaluatableExpression.is = is;
    })(InlineValueEvaluatableExpression || (exports.InlineValueEvaluatableExpression = InlineValueEvaluatableExpression = {}));
    /**
     * The InlineValueContext namespace provides helper functions to work with
     * {@link InlineValueContext} literals.
     *
     * @since 3.17.0
     */
    var InlineValueContext;
    (function (InlineValueContext) {
        /**
         * Creates a new InlineValueContext literal.
         */
        function create(frameId, stoppedLocation) {
            return { frameId: frameId, stoppedLocation: stoppedLocation };
        }
        InlineValueContext.create = create;
        /**
         * Checks whether the given literal conforms to the {@link InlineValueContext} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Range.is(value.stoppedLocation);
        }
        InlineValueContext.is = is;
    })(InlineValueContext || (exports.InlineValueContext = InlineValueContext = {}));
    /**
     * Inlay hint kinds.
     *
     * @since 3.17.0
     */
    var InlayHintKind;
    (function (InlayHintKind) {
        /**
         * An inlay hint that for a type annotation.
         */
        InlayHintKind.Type = 1;
        /**
         * An inlay hint that is for a parameter.
         */
        InlayHintKind.Parameter = 2;
        function is(value) {
            return value === 1 || value === 2;
        }
        InlayHintKind.is = is;
    })(InlayHintKind || (exports.InlayHintKind = InlayHintKind = {}));
    var InlayHintLabelPart;
    (function (InlayHintLabelPart) {
        function create(value) {
            return { value: value };
        }
        InlayHintLabelPart.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.location === undefined || Location.is(candidate.location))
                && (candidate.command === undefined || Command.is(candidate.command));
        }
        InlayHintLabelPart.is = is;
    })(InlayHintLabelPart || (exports.InlayHintLabelPart = InlayHintLabelPart = {}));
    var InlayHint;
    (function (InlayHint) {
        function create(position, label, kind) {
            var result = { position: position, label: label };
            if (kind !== undefined) {
                result.kind = kind;
            }
            return result;
        }
        InlayHint.create = create;
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && Position.is(candidate.position)
                && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is))
                && (candidate.kind === undefined || InlayHintKind.is(candidate.kind))
                && (candidate.textEdits === undefined) || Is.typedArray(candidate.textEdits, TextEdit.is)
                && (candidate.tooltip === undefined || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip))
                && (candidate.paddingLeft === undefined || Is.boolean(candidate.paddingLeft))
                && (candidate.paddingRight === undefined || Is.boolean(candidate.paddingRight));
        }
        InlayHint.is = is;
    })(InlayHint || (exports.InlayHint = InlayHint = {}));
    var StringValue;
    (function (StringValue) {
        function createSnippet(value) {
            return { kind: 'snippet', value: value };
        }
        StringValue.createSnippet = createSnippet;
        function isSnippet(value) {
            var candidate = value;
            return Is.objectLiteral(candidate)
                && candidate.kind === 'snippet'
                && Is.string(candidate.value);
        }
        StringValue.isSnippet = isSnippet;
    })(StringValue || (exports.StringValue = StringValue = {}));
    var InlineCompletionItem;
    (function (InlineCompletionItem) {
        function create(insertText, filterText, range, command) {
            return { insertText: insertText, filterText: filterText, range: range, command: command };
        }
        InlineCompletionItem.create = create;
    })(InlineCompletionItem || (exports.InlineCompletionItem = InlineCompletionItem = {}));
    var InlineCompletionList;
    (function (InlineCompletionList) {
        function create(items) {
            return { items: items };
        }
        InlineCompletionList.create = create;
    })(InlineCompletionList || (exports.InlineCompletionList = InlineCompletionList = {}));
    /**
     * Describes how an {@link InlineCompletionItemProvider inline completion provider} was triggered.
     *
     * @since 3.18.0
     */
    var InlineCompletionTriggerKind;
    (function (InlineCompletionTriggerKind) {
        /**
         * Completion was triggered explicitly by a user gesture.
         */
        InlineCompletionTriggerKind.Invoked = 1;
        /**
         * Completion was triggered automatically while editing.
         */
        InlineCompletionTriggerKind.Automatic = 2;
    })(InlineCompletionTriggerKind || (exports.InlineCompletionTriggerKind = InlineCompletionTriggerKind = {}));
    var SelectedCompletionInfo;
    (function (SelectedCompletionInfo) {
        function create(range, text) {
            return { range: range, text: text };
        }
        SelectedCompletionInfo.create = create;
    })(SelectedCompletionInfo || (exports.SelectedCompletionInfo = SelectedCompletionInfo = {}));
    var InlineCompletionContext;
    (function (InlineCompletionContext) {
        function create(triggerKind, selectedCompletionInfo) {
            return { triggerKind: triggerKind, selectedCompletionInfo: selectedCompletionInfo };
        }
        InlineCompletionContext.create = create;
    })(InlineCompletionContext || (exports.InlineCompletionContext = InlineCompletionContext = {}));
    var WorkspaceFolder;
    (function (WorkspaceFolder) {
        function is(value) {
            var candidate = value;
            return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
        }
        WorkspaceFolder.is = is;
    })(WorkspaceFolder || (exports.WorkspaceFolder = WorkspaceFolder = {}));
    exports.EOL = ['\n', '\r\n', '\r'];
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var TextDocument;
    (function (TextDocument) {
        /**
         * Creates a new ITextDocument literal from the given uri and content.
         * @param uri The document's uri.
         * @param languageId The document's language Id.
         * @param version The document's version.
         * @param content The document's content.
         */
        function create(uri, languageId, version, content) {
            return new FullTextDocument(uri, languageId, version, content);
        }
        TextDocument.create = create;
        /**
         * Checks whether the given literal conforms to the {@link ITextDocument} interface.
         */
        function is(value) {
            var candidate = value;
            return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount)
                && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
        }
        TextDocument.is = is;
        function applyEdits(document, edits) {
            var text = document.getText();
            var sortedEdits = mergeSort(edits, function (a, b) {
                var diff = a.range.start.line - b.range.start.line;
                if (diff === 0) {
                    return a.range.start.character - b.range.start.character;
                }
                return diff;
            });
            var lastModifiedOffset = text.length;
            for (var i = sortedEdits.length - 1; i >= 0; i--) {
                var e = sortedEdits[i];
                var startOffset = document.offsetAt(e.range.start);
                var endOffset = document.offsetAt(e.range.end);
                if (endOffset <= lastModifiedOffset) {
                    text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
                }
                else {
                    throw new Error('Overlapping edit');
                }
                lastModifiedOffset = startOffset;
            }
            return text;
        }
        TextDocument.applyEdits = applyEdits;
        function mergeSort(data, compare) {
            if (data.length <= 1) {
                // sorted
                return data;
            }
            var p = (data.length / 2) | 0;
            var left = data.slice(0, p);
            var right = data.slice(p);
            mergeSort(left, compare);
            mergeSort(right, compare);
            var leftIdx = 0;
            var rightIdx = 0;
            var i = 0;
            while (leftIdx < left.length && rightIdx < right.length) {
                var ret = compare(left[leftIdx], right[rightIdx]);
                if (ret <= 0) {
                    // smaller_equal -> take left to preserve order
                    data[i++] = left[leftIdx++];
                }
                else {
                    // greater -> take right
                    data[i++] = right[rightIdx++];
                }
            }
            while (leftIdx < left.length) {
                data[i++] = left[leftIdx++];
            }
            while (rightIdx < right.length) {
                data[i++] = right[rightIdx++];
            }
            return data;
        }
    })(TextDocument || (exports.TextDocument = TextDocument = {}));
    /**
     * @deprecated Use the text document from the new vscode-languageserver-textdocument package.
     */
    var FullTextDocument = /** @class */ (function () {
        function FullTextDocument(uri, languageId, version, content) {
            this._uri = uri;
            this._languageId = languageId;
            this._version = version;
            this._content = content;
            this._lineOffsets = undefined;
        }
        Object.defineProperty(FullTextDocument.prototype, "uri", {
            get: function () {
                return this._uri;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "languageId", {
            get: function () {
                return this._languageId;
            },
            enumerable: false,
            configurable: true
        });
        Object.defineProperty(FullTextDocument.prototype, "version", {
            get: function () {
                return this._version;
            },
            enumerable: false,
            configurable: true
        });
        FullTextDocument.prototype.getText = function (range) {
            if (range) {
                var start = this.offsetAt(range.start);
                var end = this.offsetAt(range.end);
                return this._content.substring(start, end);
            }
            return this._content;
        };
        FullTextDocument.prototype.update = function (event, version) {
            this._content = event.text;
            this._version = version;
            this._lineOffsets = undefined;
        };
        FullTextDocument.prototype.getLineOffsets = function () {
            if (this._lineOffsets === undefined) {
                var lineOffsets = [];
                var text = this._content;
                var isLineStart = true;
                for (var i = 0; i < text.length; i++) {
                    if (isLineStart) {
                        lineOffsets.push(i);
                        isLineStart = false;
                    }
                    var ch = text.charAt(i);
                    isLineStart = (ch === '\r' || ch === '\n');
                    if (ch === '\r' && i + 1 < text.length && text.charAt(i + 1) === '\n') {
                        i++;
                    }
                }
                if (isLineStart && text.length > 0) {
                    lineOffsets.push(text.length);
                }
                this._lineOffsets = lineOffsets;
            }
            return this._lineOffsets;
        };
        FullTextDocument.prototype.positionAt = function (offset) {
            offset = Math.max(Math.min(offset, this._content.length), 0);
            var lineOffsets = this.getLineOffsets();
            var low = 0, high = lineOffsets.length;
            if (high === 0) {
                return Position.create(0, offset);
            }
            while (low < high) {
                var mid = Math.floor((low + high) / 2);
                if (lineOffsets[mid] > offset) {
                    high = mid;
                }
                else {
                    low = mid + 1;
                }
            }
            // low is the least x for which the line offset is larger than the current offset
            // or array.length if no line offset is larger than the current offset
            var line = low - 1;
            return Position.create(line, offset - lineOffsets[line]);
        };
        FullTextDocument.prototype.offsetAt = function (position) {
            var lineOffsets = this.getLineOffsets();
            if (position.line >= lineOffsets.length) {
                return this._content.length;
            }
            else if (position.line < 0) {
                return 0;
            }
            var lineOffset = lineOffsets[position.line];
            var nextLineOffset = (position.line + 1 < lineOffsets.length) ? lineOffsets[position.line + 1] : this._content.length;
            return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
        };
        Object.defineProperty(FullTextDocument.prototype, "lineCount", {
            get: function () {
                return this.getLineOffsets().length;
            },
            enumerable: false,
            configurable: true
        });
        return FullTextDocument;
    }());
    var Is;
    (function (Is) {
        var toString = Object.prototype.toString;
        function defined(value) {
            return typeof value !== 'undefined';
        }
        Is.defined = defined;
        function undefined(value) {
            return typeof value === 'undefined';
        }
        Is.undefined = undefined;
        function boolean(value) {
            return value === true || value === false;
        }
        Is.boolean = boolean;
        function string(value) {
            return toString.call(value) === '[object String]';
        }
        Is.string = string;
        function number(value) {
            return toString.call(value) === '[object Number]';
        }
        Is.number = number;
        function numberRange(value, min, max) {
            return toString.call(value) === '[object Number]' && min <= value && value <= max;
        }
        Is.numberRange = numberRange;
        function integer(value) {
            return toString.call(value) === '[object Number]' && -2147483648 <= value && value <= 2147483647;
        }
        Is.integer = integer;
        function uinteger(value) {
            return toString.call(value) === '[object Number]' && 0 <= value && value <= 2147483647;
        }
        Is.uinteger = uinteger;
        function func(value) {
            return toString.call(value) === '[object Function]';
        }
        Is.func = func;
        function objectLiteral(value) {
            // Strictly speaking class instances pass this check as well. Since the LSP
            // doesn't use classes we ignore this for now. If we do we need to add something
            // like this: `Object.getPrototypeOf(Object.getPrototypeOf(x)) === null`
            return value !== null && typeof value === 'object';
        }
        Is.objectLiteral = objectLiteral;
        function typedArray(value, check) {
            return Array.isArray(value) && value.every(check);
        }
        Is.typedArray = typedArray;
    })(Is || (Is = {}));
});


/***/ }),

/***/ 581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(425);
// CLI entry (bundled to dist/cli/index.js): thin on purpose, the work is in cli/run-cli.ts.

process.exitCode = await (0,_cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2));
// ISG_STATS=1: peak RSS for `npm run bench` (exact, from the kernel's accounting of this process)
if (process.env.ISG_STATS)
    process.stderr.write(`isg-stats: maxRSS=${process.resourceUsage().maxRSS}\n`);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 425:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: attachValues

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/lib/version.ts
// The tool's name and version, from package.json (bundled into dist/ at build time).

const TOOL_NAME = 'image-size-guard';
const TOOL_VERSION = package_namespaceObject.rE;

;// CONCATENATED MODULE: ./src/model/errors.ts
// The one base class of errors a user can fix: a bad flag or input, a missing tool, a build that failed, a
// broken archive. They end a run with exit code 2 and one line; any other error is a bug (a stack trace
// under ISG_DEBUG=1 or the runner's step debug).
class UserError extends Error {
    name = 'UserError';
}

;// CONCATENATED MODULE: ./src/lib/one-line.ts
// The one sanitiser for text shown outside markdown. Paths, instructions, registry answers, tool output and
// flags come from whoever wrote them: before such text reaches an error message, a terminal or a CI log it is
// made one line — line breaks become " ↵ ", control characters (C0, DEL, and C1, which include the 8-bit CSI
// that starts an ANSI escape) become \xNN — and cut to a length. A line that cannot break cannot start a
// `::workflow-command::`. (Markdown has its own escaping: report/markdown-escape.ts.)
function oneLine(text, maxLength = Infinity) {
    let s = text
        .replace(/\r?\n/g, ' ↵ ')
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
    if (s.length > maxLength)
        s = s.slice(0, Math.max(1, maxLength - 1)) + '…';
    return s;
}
/** A value quoted for an error message: `"…"`, one line, its first `maxLength` characters (then "…"). */
function quoted(text, maxLength = 200) {
    return `"${oneLine(text, maxLength + 1)}"`;
}

;// CONCATENATED MODULE: ./src/lib/describe-error.ts
// An error as the one line a user sees. UserErrors say what to fix; anything else is a bug in
// image-size-guard and says so (its stack is printed only when debugging is on).


function describeError(err) {
    const message = err instanceof Error ? err.message : String(err);
    return oneLine((err instanceof UserError ? '' : 'unexpected error: ') + (message.split('\n')[0] ?? ''));
}

;// CONCATENATED MODULE: ./src/cli/errors.ts
// Exit codes of the CLI, and its own user error (a bad command line).

class UsageError extends UserError {
}
const EXIT_PASSED = 0;
const EXIT_FAILED = 1;
const EXIT_ERROR = 2;

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
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

;// CONCATENATED MODULE: ./src/config/parse-size.ts
// Parsing of the budget inputs (design §2.1): "250MB", "1.5GiB", "10MB, 5%", "20".
// Decimal numbers only: "1.5" and ".5" yes; "5.", "1e3", "+5", "1,000", "0x10" no (typos more often than intent).


/** A user mistake in an input or flag: one line that names the input and shows an example. */
class ConfigError extends UserError {
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
function parseSize(text, what) {
    if (text.trim() === '')
        throw new ConfigError(`${what}: no size given ${SIZE_EXAMPLES}`);
    const v = sizeValue(text);
    if (typeof v === 'number')
        return v;
    const problem = v === 'negative' ? 'is negative' : v === 'too-large' ? 'is too large' : 'is not a size';
    throw new ConfigError(`${what}: ${quoted(text.trim(), 40)} ${problem} ${SIZE_EXAMPLES}`);
}
/** "10MB", "5%", or both comma-separated in any order (at most one of each). */
function parseIncrease(text, what = 'max-increase') {
    function fail(subject, problem) {
        throw new ConfigError(`${what}: ${quoted(subject.trim(), 40)} ${problem} ${INCREASE_EXAMPLES}`);
    }
    if (text.trim() === '')
        throw new ConfigError(`${what}: no limit given ${INCREASE_EXAMPLES}`);
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
function parseLayerCount(text, what) {
    const t = text.trim();
    const n = /^[0-9]+$/.test(t) ? Number(t) : NaN;
    if (n >= 1 && n <= 10000)
        return n;
    throw new ConfigError(`${what}: ${quoted(text.trim(), 40)} is not a layer count (a whole number from 1 to 10000, e.g. 20)`);
}

;// CONCATENATED MODULE: ./src/config/fail-on.ts
// `fail-on` (design §2.1): which problems turn the check red. A comma list of `budget`, finding ids,
// `any` (any finding) or `never`.


const FINDING_IDS = ['shell', 'missing-multi-stage', 'build-tools', 'package-cache'];
function parseFailOn(text, what = 'fail-on') {
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
                throw new ConfigError(`${what}: "never" cannot be combined with other values`);
            return out;
        }
        if (p === 'budget')
            out.budget = true;
        else if (p === 'any')
            out.anyFinding = true;
        else if (FINDING_IDS.includes(p))
            out.findings.add(p);
        else
            throw new ConfigError(`${what}: unknown value ${quoted(p, 40)} (use budget, any, never or a finding id: ${FINDING_IDS.join(', ')})`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/analysis/findings/context.ts
// What every finding detector reads (design §4). The detectors are pure functions of this context.
/**
 * Defaults, in decimal bytes (formatBytes prints 1000-based units, so "1 MB" reads as 1,000,000):
 * - buildToolsMinBytes 1 MB: real tooling is tens to hundreds of MB (gcc ≈ 50–100 MB, a Go toolchain
 *   ≈ 200–500 MB, a JDK ≈ 100 MB, libc6-dev ≈ 15 MB, musl-dev ≈ 1.2 MB installed); below 1 MB what is left is a
 *   stray header or an empty /usr/include, not worth a warning.
 * - packageCacheMinBytes 1 MB: `apt-get update` alone leaves 20–50 MB of lists and a pip/npm cache is
 *   rarely under a few MB; a few KB of leftovers (an apk index stub, a lock file) are noise.
 * - maxEvidence 10: enough to show where the bytes are; a busybox image has ~400 applet links and a
 *   -dev-heavy image dozens of packages, which would drown the PR comment.
 */
const DEFAULT_THRESHOLDS = Object.freeze({
    buildToolsMinBytes: 1_000_000,
    packageCacheMinBytes: 1_000_000,
    maxEvidence: 10,
});

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

;// CONCATENATED MODULE: ./src/lib/format.ts
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
/** A git SHA (or an image digest) as 12 hex characters, the way git and docker abbreviate them; other refs as given. */
function formatRef(ref) {
    const digest = /^(sha256:)?([0-9a-f]{40}|[0-9a-f]{64})$/.exec(ref);
    return digest ? `${digest[1] ?? ''}${digest[2].slice(0, 12)}` : ref;
}

;// CONCATENATED MODULE: ./src/analysis/findings/packages.ts
// Installed-package databases, from the captured final content of dpkg's status file and apk's db.
const DPKG_STATUS = '/var/lib/dpkg/status';
const APK_INSTALLED = '/lib/apk/db/installed';
/** Packages of /var/lib/dpkg/status whose Status is "<want> ok installed" (removed/config-files ones are not). */
function parseDpkgStatus(text) {
    const out = [];
    for (const stanza of text.split(/\r?\n[ \t]*\r?\n/)) {
        let name = null;
        let installed = false;
        let kib = 0;
        for (const line of stanza.split(/\r?\n/)) {
            if (line.startsWith(' ') || line.startsWith('\t'))
                continue; // continuation of a multi-line field
            const colon = line.indexOf(':');
            if (colon < 0)
                continue;
            const field = line.slice(0, colon).toLowerCase();
            const value = line.slice(colon + 1).trim();
            if (field === 'package')
                name = value;
            else if (field === 'status')
                installed = /^\S+\s+ok\s+installed$/.test(value);
            else if (field === 'installed-size')
                kib = /^\d+$/.test(value) ? Number(value) : 0;
        }
        if (name !== null && installed)
            out.push({ manager: 'dpkg', name, bytes: kib * 1024 });
    }
    return out;
}
/** Packages of /lib/apk/db/installed ("P:" name, "I:" installed size in bytes); every entry is installed. */
function parseApkInstalled(text) {
    const out = [];
    for (const block of text.split(/\r?\n\r?\n/)) {
        let name = null;
        let bytes = 0;
        for (const line of block.split(/\r?\n/)) {
            if (line.startsWith('P:'))
                name = line.slice(2).trim();
            else if (line.startsWith('I:'))
                bytes = /^\d+$/.test(line.slice(2).trim()) ? Number(line.slice(2).trim()) : 0;
        }
        if (name)
            out.push({ manager: 'apk', name, bytes });
    }
    return out;
}
/** Development packages: names ending in "-dev" (libc6-dev, linux-libc-dev, musl-dev, openssl-dev). */
const isDevPackage = (name) => name.endsWith('-dev') && name.length > 4;

;// CONCATENATED MODULE: ./src/analysis/findings/util.ts
// Helpers shared by the finding detectors: evidence, layer attribution, path resolution.
function instructionOf(model, layer) {
    return model.layers[layer]?.instruction ?? '';
}
function evidence(model, path, size, layer) {
    return { path, size, layer, instruction: instructionOf(model, layer) };
}
/** The Dockerfile location of a layer's instruction, or null when unknown. */
function locationOf(ctx, layer) {
    if (ctx.dockerfile === null || layer === null)
        return null;
    const line = ctx.layerLines[layer];
    return typeof line === 'number' ? { path: ctx.dockerfile.path, line } : null;
}
/** "a, b, c and 4 more" — `shown` are listed, `total` counts every item. */
function listWithMore(shown, total) {
    const rest = total - shown.length;
    const head = shown.length > 1 && rest <= 0 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown.join(', ');
    return rest > 0 ? `${head} and ${rest} more` : head;
}
/** Bytes per layer, accumulated; `top()` is the layer that wrote most of them (lowest index on ties). */
class LayerBytes {
    perLayer = new Map();
    total = 0;
    add(layer, bytes) {
        this.perLayer.set(layer, (this.perLayer.get(layer) ?? 0) + bytes);
        this.total += bytes;
    }
    merge(other) {
        for (const [l, b] of other.perLayer)
            this.add(l, b);
    }
    top() {
        let best = null;
        let bestBytes = -1;
        for (const [l, b] of this.perLayer) {
            if (b > bestBytes || (b === bestBytes && best !== null && l < best))
                [best, bestBytes] = [l, b];
        }
        return best;
    }
}
const MAX_LINK_HOPS = 40; // Linux's own limit (MAXSYMLINKS)
/**
 * Resolves `path` inside the image's final filesystem, following symlinks in every component (relative
 * to the link's directory, or absolute from the image root) up to MAX_LINK_HOPS. `..` at the root stays
 * at the root, as in a chroot: resolution never leaves the image. Returns the entry reached (which may be
 * a hardlink; never a symlink), or null when the path dangles, loops or passes through a non-directory.
 */
function resolveInImage(files, path) {
    let pending = components(path);
    let done = [];
    let hops = 0;
    let last = null;
    while (pending.length > 0) {
        const c = pending.shift();
        if (c === '.')
            continue;
        if (c === '..') {
            done.pop();
            last = done.length > 0 ? (files.get('/' + done.join('/')) ?? null) : null;
            continue;
        }
        if (last !== null && last.type !== 'dir')
            return null; // walking through a file
        const p = '/' + [...done, c].join('/');
        const e = files.get(p);
        if (e === undefined)
            return null;
        if (e.type === 'symlink') {
            if (++hops > MAX_LINK_HOPS || !e.linkTarget)
                return null;
            if (e.linkTarget.startsWith('/'))
                done = [];
            pending = [...components(e.linkTarget), ...pending];
            last = done.length > 0 ? (files.get('/' + done.join('/')) ?? null) : null;
            continue;
        }
        done.push(c);
        last = e;
    }
    return done.length > 0 ? last : null;
}
function components(path) {
    return path.split('/').filter((c) => c !== '');
}
/** For a hardlink, the entry holding its content (its first name) when still present; else the entry itself. */
function contentEntry(files, e) {
    if (e.type !== 'hardlink' || !e.linkTarget)
        return e;
    const t = files.get(e.linkTarget);
    return t !== undefined && (t.type === 'file' || t.type === 'hardlink') ? t : e;
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
function dirname(path) {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
}
/** Ancestors of an absolute path, outermost first, excluding "/" and the path itself: /a/b/c → /a, /a/b. */
function ancestors(path) {
    const out = [];
    for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1))
        out.push(path.slice(0, i));
    return out;
}
/** Home directories that may hold per-user caches and toolchains: /root and each /home/<user>. */
function homeDirs(files) {
    const out = [];
    if (files.get('/root')?.type === 'dir')
        out.push('/root');
    for (const [p, e] of files)
        if (e.type === 'dir' && p.startsWith('/home/') && p.indexOf('/', 6) < 0)
            out.push(p);
    return out.sort();
}

;// CONCATENATED MODULE: ./src/analysis/findings/build-tools.ts
// Finding `build-tools` (design §4), and the tooling detector it shares with `missing-multi-stage`:
// compilers, SDKs, headers and -dev packages left in the final image.



/** Loose compiler/linker binaries in a bin directory, with an optional target prefix and version suffix. */
const LOOSE_BINARY = /^(?:[\w.+]+-)*?(gcc|g\+\+|cc|c\+\+|ld|ld\.bfd|ld\.gold|as|clang|clang\+\+|ld\.lld|lld|rustc|cargo)(?:-[\d.]+)?$/;
const FAMILY = {
    gcc: 'gcc', 'g++': 'gcc', cc: 'gcc', 'c++': 'gcc',
    ld: 'binutils', 'ld.bfd': 'binutils', 'ld.gold': 'binutils', as: 'binutils',
    clang: 'clang', 'clang++': 'clang', 'ld.lld': 'clang', lld: 'clang',
    rustc: 'rust', cargo: 'rust',
};
const GCC_DIRS = ['/usr/lib/gcc', '/usr/libexec/gcc', '/usr/lib/gcc-cross', '/usr/local/lib/gcc', '/usr/local/libexec/gcc'];
const GO_DIR = /^\/usr\/lib\/go(?:-[\d.]+)?$|^\/usr\/share\/go-[\d.]+$|^\/usr\/local\/go$/;
const LLVM_DIR = /^\/usr\/lib\/llvm-[\d.]+$/;
/** A JDK's directories/files that a JRE lacks; the JRE part of the same directory is runtime, not tooling. */
const JDK_ONLY = ['jmods', 'include', 'lib/src.zip', 'lib/ct.sym', 'lib/tools.jar', 'demo', 'sample'];
/** Binaries a JRE ships too (everything else in a JDK's bin is development tooling). */
const JRE_BINARIES = new Set(['java', 'javaw', 'keytool', 'rmiregistry', 'jrunscript', 'jfr', 'jjs', 'orbd', 'servertool', 'tnameserv', 'pack200', 'unpack200', 'policytool']);
const DOTNET_SDK_PARTS = ['sdk', 'packs', 'sdk-manifests', 'templates'];
const isDir = (files, p) => files.get(p)?.type === 'dir';
const isRegular = (e) => e !== undefined && (e.type === 'file' || e.type === 'hardlink');
function scanTooling(ctx) {
    const files = ctx.model.files;
    const groups = new Map(); // by evidence path
    const subtrees = new Map(); // directory → group counting every file under it
    const singles = new Map(); // file → group counting that file
    const group = (tool, path) => {
        let g = groups.get(path);
        if (g === undefined)
            groups.set(path, (g = { tool, path, bytes: new LayerBytes() }));
        return g;
    };
    const loose = [];
    const homes = new Set();
    // pass 1: find the tools
    for (const [p, e] of files) {
        if (e.type === 'dir') {
            if (GCC_DIRS.includes(p))
                subtrees.set(p, group('gcc', p));
            else if (p === '/usr/include')
                subtrees.set(p, group('headers', p));
            else if (GO_DIR.test(p))
                subtrees.set(p, group('go', p));
            else if (LLVM_DIR.test(p) && isRegular(files.get(p + '/bin/clang')))
                subtrees.set(p, group('clang', p));
            else if (p === '/usr/local/rustup' || p === '/usr/lib/rustlib')
                subtrees.set(p, group('rust', p));
            else if (p.endsWith('/dotnet/sdk')) {
                const root = dirname(p);
                const g = group('dotnet', root);
                for (const part of DOTNET_SDK_PARTS)
                    if (isDir(files, `${root}/${part}`))
                        subtrees.set(`${root}/${part}`, g);
            }
            else if (p === '/root' || (p.startsWith('/home/') && p.indexOf('/', 6) < 0))
                homes.add(p);
            continue;
        }
        if (!isRegular(e))
            continue;
        const name = basename(p);
        const dir = dirname(p);
        if (basename(dir) !== 'bin')
            continue;
        if (name === 'go') {
            // a Go toolchain: <root>/bin/go next to <root>/pkg/tool (a program merely named "go" is not one)
            const root = dirname(dir);
            if (isDir(files, root + '/pkg/tool'))
                subtrees.set(root, group('go', root));
        }
        else if (name === 'javac') {
            const root = dirname(dir);
            const g = group('jdk', root);
            for (const part of JDK_ONLY) {
                const q = `${root}/${part}`;
                const qe = files.get(q);
                if (qe?.type === 'dir')
                    subtrees.set(q, g);
                else if (isRegular(qe))
                    singles.set(q, g);
            }
            for (const [q, qe] of files)
                if (dirname(q) === dir && isRegular(qe) && !JRE_BINARIES.has(basename(q)))
                    singles.set(q, g);
        }
        else {
            const m = LOOSE_BINARY.exec(name);
            if (m !== null)
                loose.push({ path: p, tool: FAMILY[m[1]] });
        }
    }
    for (const h of homes) {
        for (const sub of ['.rustup', '.cargo/bin'])
            if (isDir(files, `${h}/${sub}`))
                subtrees.set(`${h}/${sub}`, group('rust', `${h}/${sub}`));
    }
    // a loose binary joins its family's directory when there is one (gcc-12 with /usr/lib/gcc), else stands alone
    const dirGroups = [...groups.values()];
    for (const { path, tool } of loose) {
        const home = dirGroups.find((g) => g.tool === tool);
        singles.set(path, home ?? group(tool, path));
    }
    // pass 2: count bytes (the outermost matching directory wins, so nested roots never double-count)
    if (groups.size > 0) {
        for (const [p, e] of files) {
            if (e.type !== 'file' && e.type !== 'hardlink')
                continue;
            let g;
            for (const a of ancestors(p))
                if ((g = subtrees.get(a)) !== undefined)
                    break;
            g ??= singles.get(p);
            g?.bytes.add(e.layer, e.size);
        }
    }
    const entries = [];
    let bytes = 0;
    for (const g of groups.values()) {
        const layer = g.bytes.top();
        if (g.bytes.total <= 0 || layer === null)
            continue;
        entries.push({ tool: g.tool, path: g.path, bytes: g.bytes.total, layer });
        bytes += g.bytes.total;
    }
    // -dev packages, from the package databases
    const dev = devPackages(ctx.model, ctx.captured);
    const devBytes = dev.reduce((s, d) => s + d.bytes, 0);
    if (dev.length > 0) {
        const filled = entries.filter((e) => e.tool === 'headers' || e.tool === 'gcc').reduce((s, e) => s + e.bytes, 0);
        bytes += Math.max(0, devBytes - filled);
        entries.push(...dev);
    }
    entries.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { entries, bytes };
}
function devPackages(model, captured) {
    const out = [];
    const dbs = [
        [DPKG_STATUS, parseDpkgStatus],
        [APK_INSTALLED, parseApkInstalled],
    ];
    for (const [path, parse] of dbs) {
        const buf = captured.get(path);
        const entry = model.files.get(path);
        if (buf === undefined || !isRegular(entry))
            continue; // a db deleted in a later layer is not the final state
        const layer = entry.layer;
        for (const pkg of parse(buf.toString('utf8'))) {
            if (isDevPackage(pkg.name))
                out.push({ tool: 'dev-package', path: `${pkg.manager}:${pkg.name}`, bytes: pkg.bytes, layer });
        }
    }
    return out;
}
/** Evidence entries (capped) and the list used in messages ("/usr/lib/gcc, /usr/include and 3 more"). */
function toolingEvidence(ctx, scan) {
    const shown = scan.entries.slice(0, Math.max(0, ctx.thresholds.maxEvidence));
    return {
        evidence: shown.map((e) => evidence(ctx.model, e.path, e.bytes, e.layer)),
        list: listWithMore(shown.map((e) => e.path), scan.entries.length),
    };
}
function detectBuildTools(ctx) {
    if (ctx.dockerfile !== null && ctx.dockerfile.singleStage)
        return null; // missing-multi-stage's case
    const scan = scanTooling(ctx);
    if (scan.entries.length === 0 || scan.bytes < ctx.thresholds.buildToolsMinBytes)
        return null;
    const { evidence: ev, list } = toolingEvidence(ctx, scan);
    const fix = ctx.dockerfile === null
        ? 'build in a separate stage and copy only the artefacts into the final one'
        : 'install them only in the build stage and copy only the artefacts into the final one';
    return {
        id: 'build-tools',
        message: `The final image carries ${formatBytes(scan.bytes)} of build tooling (${list}): ${fix}.`,
        bytes: scan.bytes,
        evidence: ev,
        dockerfile: locationOf(ctx, scan.entries[0].layer),
    };
}

;// CONCATENATED MODULE: ./src/analysis/findings/missing-multi-stage.ts
// Finding `missing-multi-stage` (design §4): a single-stage Dockerfile whose image carries build tooling.


function detectMissingMultiStage(ctx) {
    const df = ctx.dockerfile;
    if (df === null || !df.singleStage)
        return null; // build-tools' case
    const scan = scanTooling(ctx);
    if (scan.entries.length === 0 || scan.bytes < ctx.thresholds.buildToolsMinBytes)
        return null;
    const { evidence, list } = toolingEvidence(ctx, scan);
    // The saving is the tooling itself; sources and caches a build stage would also leave behind are not
    // counted, hence "at least".
    return {
        id: 'missing-multi-stage',
        message: `The image is built in a single stage and ships ${formatBytes(scan.bytes)} of build tooling (${list}): ` +
            `building in one stage and copying only the artefacts into a slim final stage saves at least ${formatBytes(scan.bytes)}.`,
        bytes: scan.bytes,
        evidence,
        dockerfile: { path: df.path, line: df.fromLine },
    };
}

;// CONCATENATED MODULE: ./src/analysis/findings/package-cache.ts
// Finding `package-cache` (design §4): package-manager caches left in the final image.


/** Per-user caches, relative to a home directory (/root, /home/<user>). */
const HOME_CACHES = ['.cache/pip', '.npm', '.cache/yarn', '.yarn/berry/cache', '.cache/go-build', 'go/pkg/mod', '.m2/repository', '.gradle/caches', '.cargo/registry'];
function cacheDirs(files) {
    const out = [
        // lists fetched by apt-get update; the lock file and partial/ are apt's own furniture
        { dir: '/var/lib/apt/lists', counts: (rel) => rel !== 'lock', clean: 'rm -rf /var/lib/apt/lists/*' },
        { dir: '/var/cache/apt/archives', counts: (rel) => rel.endsWith('.deb'), clean: 'rm -rf /var/cache/apt/archives/*.deb' },
        // pkgcache.bin / srcpkgcache.bin directly in /var/cache/apt (archives/ is its own entry)
        { dir: '/var/cache/apt', counts: (rel) => !rel.includes('/') && rel.endsWith('.bin'), clean: 'rm -rf /var/cache/apt/*.bin' },
        { dir: '/var/cache/apk', clean: 'rm -rf /var/cache/apk/*' },
        { dir: '/usr/local/share/.cache/yarn', clean: 'rm -rf /usr/local/share/.cache/yarn' }, // yarn v1's cache when run as root by the node image
        { dir: '/go/pkg/mod', clean: 'rm -rf /go/pkg/mod' }, // the golang image's GOPATH is /go
        { dir: '/usr/local/cargo/registry', clean: 'rm -rf /usr/local/cargo/registry' }, // the rust image's CARGO_HOME
    ];
    for (const h of homeDirs(files))
        for (const sub of HOME_CACHES)
            out.push({ dir: `${h}/${sub}`, clean: `rm -rf ${h}/${sub}` });
    return out.filter((c) => files.get(c.dir)?.type === 'dir');
}
/** Each cache directory present with its bytes, biggest first; plus the layer that wrote most cache bytes. */
function scanCaches(files) {
    const dirs = cacheDirs(files);
    if (dirs.length === 0)
        return { entries: [], bytes: 0, topLayer: null };
    const byDir = new Map(dirs.map((c) => [c.dir, { c, bytes: new LayerBytes() }]));
    for (const [p, e] of files) {
        if (e.type !== 'file' && e.type !== 'hardlink')
            continue;
        // the innermost cache directory owns the file (/var/cache/apt/archives before /var/cache/apt)
        const as = ancestors(p);
        for (let i = as.length - 1; i >= 0; i--) {
            const hit = byDir.get(as[i]);
            if (hit === undefined)
                continue;
            if (hit.c.counts === undefined || hit.c.counts(p.slice(hit.c.dir.length + 1)))
                hit.bytes.add(e.layer, e.size);
            break;
        }
    }
    const all = new LayerBytes();
    const entries = [];
    for (const { c, bytes } of byDir.values()) {
        const layer = bytes.top();
        if (bytes.total <= 0 || layer === null)
            continue;
        entries.push({ dir: c.dir, bytes: bytes.total, layer, clean: c.clean });
        all.merge(bytes);
    }
    entries.sort((a, b) => b.bytes - a.bytes || (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
    return { entries, bytes: all.total, topLayer: all.top() };
}
function detectPackageCache(ctx) {
    const { model, thresholds } = ctx;
    const scan = scanCaches(model.files);
    if (scan.entries.length === 0 || scan.bytes < thresholds.packageCacheMinBytes)
        return null;
    const shown = scan.entries.slice(0, Math.max(0, thresholds.maxEvidence));
    const list = listWithMore(shown.map((e) => `${e.dir} (${formatBytes(e.bytes)})`), scan.entries.length);
    const top = scan.entries[0];
    return {
        id: 'package-cache',
        message: `Package-manager caches (${formatBytes(scan.bytes)}) are left in the image: ${list}; ` +
            `run ${top.clean} in the same RUN that fills ${top.dir}, or use a cache mount (RUN --mount=type=cache,target=${top.dir}).`,
        bytes: scan.bytes,
        evidence: shown.map((e) => evidence(model, e.dir, e.bytes, e.layer)),
        dockerfile: locationOf(ctx, scan.topLayer),
    };
}

;// CONCATENATED MODULE: ./src/analysis/findings/shell.ts
// Finding `shell` (design §4): the final filesystem contains an executable shell, or a link to one.


const SHELL_NAMES = ['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'yash', 'fish', 'csh', 'tcsh', 'busybox', 'toybox'];
/**
 * A shell's file name: one of SHELL_NAMES, optionally followed by a version, with or without a dash
 * ("bash5.2", "ksh93", "zsh-5.9", "busybox-1.36"), as distributions install versioned copies under
 * those names. Nothing else: "shasum", "bash.bashrc", "sh.distrib" are not shells.
 */
const SHELL_NAME = new RegExp(`^(?:${SHELL_NAMES.join('|')})(?:-?\\d+(?:\\.\\d+)*)?$`);
function isShellName(name) {
    return SHELL_NAME.test(name);
}
const isExecutable = (e) => (e.type === 'file' || e.type === 'hardlink') && (e.mode & 0o111) !== 0;
function scanShells(files) {
    const binaries = new Map(); // content path → entry holding the content
    const found = [];
    for (const e of files.values()) {
        const named = isShellName(basename(e.path));
        if (e.type === 'file' || e.type === 'hardlink') {
            if (!named || !isExecutable(e))
                continue;
            const c = contentEntry(files, e);
            binaries.set(c.path, c);
            found.push({ e, rank: 0 });
        }
        else if (e.type === 'symlink') {
            const target = resolveInImage(files, e.path);
            if (target === null || !isExecutable(target))
                continue;
            // A link counts when it reaches a shell binary (busybox applets: /bin/ls -> busybox), or when it
            // is itself named like a shell (/bin/sh -> /usr/bin/some-shell): either way it runs a shell.
            if (!named && !isShellName(basename(target.path)))
                continue;
            const c = contentEntry(files, target);
            binaries.set(c.path, c);
            found.push({ e, rank: named ? 1 : 2 });
        }
    }
    // a binary reached only through a link (not itself shell-named) is evidence too
    const listed = new Set(found.map((f) => f.e.path));
    for (const b of binaries.values())
        if (!listed.has(b.path))
            found.push({ e: b, rank: 0 });
    found.sort((a, b) => a.rank - b.rank || (a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : 0));
    let bytes = 0;
    for (const b of binaries.values())
        bytes += b.size;
    return { paths: found.map((f) => f.e), bytes };
}
/** ["/bin/sh", "-c", …] — how Docker stores shell-form ENTRYPOINT/CMD (also bash -c, sh -c, …). */
function isShellForm(argv) {
    return argv !== null && argv.length >= 2 && isShellName(basename(argv[0])) && argv[1] === '-c';
}
/** The config entries that would break without a shell, e.g. "CMD runs through /bin/sh -c". */
function shellFormNotes(config) {
    const notes = [];
    if (isShellForm(config.entrypoint))
        notes.push(`ENTRYPOINT runs through ${config.entrypoint[0]} -c`);
    // a shell-form ENTRYPOINT ignores CMD; otherwise CMD is the command (or the entrypoint's arguments)
    else if (isShellForm(config.cmd))
        notes.push(`CMD runs through ${config.cmd[0]} -c`);
    const hc = config.healthcheck;
    if (hc !== null && hc[0] === 'CMD-SHELL')
        notes.push('HEALTHCHECK runs through /bin/sh -c');
    else if (hc !== null && hc[0] === 'CMD' && isShellForm(hc.slice(1)))
        notes.push(`HEALTHCHECK runs through ${hc[1]} -c`);
    return notes;
}
function detectShell(ctx) {
    const { model, thresholds } = ctx;
    const scan = scanShells(model.files);
    if (scan.paths.length === 0)
        return null;
    const shown = scan.paths.slice(0, Math.max(0, thresholds.maxEvidence));
    const ev = shown.map((e) => evidence(model, e.path, e.size, e.layer));
    const notes = shellFormNotes(model.config);
    const where = listWithMore(shown.map((e) => e.path), scan.paths.length);
    let message = `The image contains a shell (${formatBytes(scan.bytes)}): ${where}`;
    message += notes.length > 0 ? `; ${notes.join(', ')}: removing the shell breaks ${notes.length > 1 ? 'them' : 'it'}.` : '.';
    // the layer that added the (biggest) shell binary
    const main = scan.paths[0];
    return {
        id: 'shell',
        message,
        bytes: scan.bytes,
        evidence: ev,
        dockerfile: locationOf(ctx, main.layer),
    };
}

;// CONCATENATED MODULE: ./src/analysis/findings/detect-findings.ts
// Runs every finding detector over one image (design §4), in the report's order.




const DETECTORS = [detectShell, detectMissingMultiStage, detectBuildTools, detectPackageCache];
function detectFindings(ctx) {
    const out = [];
    for (const detect of DETECTORS) {
        const f = detect(ctx);
        if (f !== null)
            out.push(f);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/analysis/findings/finding-status.ts
// `status` of each finding, comparing head with base (design §4): new (head only), existing (both),
// resolved (base only). Findings are matched by id: each detector reports at most one finding per image.
/**
 * Head findings (with head's message, bytes and evidence) in their order, then the base-only ones as
 * `resolved` (with base's data, which describes what went away).
 *
 * Without a base (`base === null`: a release gate, a new image) every head finding is `new`: there is
 * nothing it could have existed in, and "head only" is exactly what `new` means. Resolved findings never
 * fail a run (verdict.ts), whatever their severity.
 */
function withStatus(head, base, severityOf) {
    const baseIds = new Set((base ?? []).map((f) => f.id));
    const headIds = new Set(head.map((f) => f.id));
    const out = head.map((f) => ({ ...f, severity: severityOf(f.id), status: baseIds.has(f.id) ? 'existing' : 'new' }));
    for (const f of base ?? [])
        if (!headIds.has(f.id))
            out.push({ ...f, severity: severityOf(f.id), status: 'resolved' });
    return out.map(ordered);
}
// Keep the JSON field order of design §2.4 (id, severity, status, message, bytes, evidence, dockerfile).
const ordered = (f) => ({
    id: f.id,
    severity: f.severity,
    status: f.status,
    message: f.message,
    bytes: f.bytes,
    evidence: f.evidence,
    dockerfile: f.dockerfile,
});

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/image/instruction.ts
// History `created_by` strings as builders write them, turned into the instruction a person wrote — one parser
// for the display text (cleanInstruction) and the comparison key (normalizeInstruction).
//   BuildKit:        "RUN /bin/sh -c apt-get update # buildkit", "RUN |2 A=1 B=2 /bin/sh -c make # buildkit"
//   classic builder: "/bin/sh -c #(nop) COPY file:3a… in / ", "/bin/sh -c apt-get update"
// BuildKit prefixes RUN with the build args in scope ("|N K=V …"); values may hold unquoted spaces, so the
// prefix is cut at the shell when there is one, else (exec form) after N words. Changing an unrelated ARG
// must therefore not change the key, or every later layer would look changed.
const SHELL = /^\/bin\/(?:ba)?sh -c(?: |$)/;
const NOP = /^\/bin\/(?:ba)?sh -c #\(nop\)\s*/;
const ARGS_TO_SHELL = /^\|\d+ .*?\/bin\/(?:ba)?sh -c(?: |$)/;
const ARG_COUNT = /^\|(\d+) /;
/** "RUN make", "COPY main.go .", "WORKDIR /src"; "" when the history has no text. Whitespace as written. */
function cleanInstruction(createdBy) {
    const s = createdBy.trim().replace(/\s*# buildkit$/, '');
    if (NOP.test(s))
        return s.replace(NOP, '').trim();
    const run = runCommand(s);
    return run === null ? s : run ? `RUN ${run}` : 'RUN';
}
/**
 * The comparison key of a history entry or of an instruction text: cleaned, whitespace collapsed, any
 * "#(nop)" dropped. The classic builder and BuildKit spell the same Dockerfile line the same way here.
 */
function normalizeInstruction(createdByOrInstruction) {
    return collapse(cleanInstruction(collapse(createdByOrInstruction)).replace(/#\(nop\) ?/g, ''));
}
/** The instruction keyword ("RUN", "COPY", …) of a normalised instruction, upper-cased; "" when there is none. */
function instructionKeyword(normalized) {
    const space = normalized.indexOf(' ');
    return (space < 0 ? normalized : normalized.slice(0, space)).toUpperCase();
}
/** The command of a RUN step (without shell and build-arg prefix), or null when `s` is not a RUN step. */
function runCommand(s) {
    let rest;
    if (SHELL.test(s))
        rest = s;
    else if (s === 'RUN' || s.startsWith('RUN '))
        rest = s.slice(3).trim();
    else if (ARG_COUNT.test(s))
        rest = s; // "|2 A=1 B=2 /bin/sh -c make" (a key built from a bare created_by)
    else
        return null;
    const shell = ARGS_TO_SHELL.exec(rest);
    if (shell)
        rest = rest.slice(shell[0].length);
    else {
        const count = ARG_COUNT.exec(rest);
        if (count)
            rest = rest.slice(count[0].length).split(' ').slice(Number(count[1])).join(' ');
    }
    const sh = SHELL.exec(rest);
    if (sh)
        rest = rest.slice(sh[0].length);
    return rest.trim();
}
function collapse(s) {
    return s.replace(/\s+/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/lib/weighted-lcs.ts
// The one weighted longest-common-subsequence: layer alignment (base ↔ head) and layer → Dockerfile-line
// mapping both need "index pairs, increasing on both sides, maximising the summed weight".
/**
 * Pairs (i, j), increasing on both sides, maximising the sum of weight(i, j) over pairs with weight > 0.
 * `prefer` breaks ties: 'earliest' keeps pairs near the start (an extra item is reported after its twin),
 * 'latest' near the end. When skipping, the first sequence's item is skipped before the second's.
 */
function weightedLcs(n, m, weight, prefer = 'earliest') {
    if (prefer === 'latest') {
        // the earliest solution of both sequences reversed is the latest solution of the originals
        return weightedLcs(n, m, (i, j) => weight(n - 1 - i, m - 1 - j))
            .map(([i, j]) => [n - 1 - i, m - 1 - j])
            .reverse();
    }
    const w = new Int32Array(n * m);
    for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++)
            w[i * m + j] = weight(i, j);
    const cols = m + 1;
    const dp = new Int32Array((n + 1) * cols); // dp[i][j]: best for first[i..] against second[j..]
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

;// CONCATENATED MODULE: ./src/dockerfile/stage-chain.ts
// Which stages make the final image's layers, and whether the build is multi-stage in any useful sense.
/** The stages whose instructions make layers of the final image, base first: target, its FROM-stage, that stage's FROM-stage, … */
function finalStageChain(model) {
    const chain = [];
    const seen = new Set();
    let stage = model.stages[model.target];
    while (stage && !seen.has(stage.index)) {
        seen.add(stage.index);
        chain.push(stage);
        stage = stage.fromStage === null ? undefined : model.stages[stage.fromStage];
    }
    return chain.reverse();
}
/** True when the producing stage is the only stage or takes nothing from any other stage (FROM a stage counts as taking). */
function isEffectivelySingleStage(model) {
    const target = model.stages[model.target];
    return model.stages.length === 1 || (target !== undefined && target.usesStages.length === 0);
}

;// CONCATENATED MODULE: ./src/dockerfile/map-layers.ts
// Image layers → Dockerfile lines, by matching history instructions in order. The candidates are the
// layer-making instructions (RUN, COPY, ADD, WORKDIR) of the final stage chain; they can only have made the
// image's last layers (the external base image's come first), so they are aligned with those by a weighted
// LCS: an exact normalised-text match outweighs any number of same-keyword matches, and ties go to the
// latest layers. A WORKDIR may make no layer at all; the alignment simply skips it. (Neither does a step
// whose filesystem diff is empty: then one base layer falls into the window and may take a RUN, COPY or
// ADD left unmatched by keyword alone; exact matches are never displaced by that.)




const LAYER_KEYWORDS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);
/** dockerfileLine per image layer (null for layers of the external base image, or when no instruction matches). */
function mapLayersToLines(model, layers) {
    const out = layers.map(() => null);
    const cands = candidates(model);
    const n = cands.length;
    const w = Math.min(n, layers.length);
    if (w === 0)
        return out;
    const offset = layers.length - w;
    const window = layers.slice(offset).map((l) => {
        const text = normalizeInstruction(l.instruction);
        return { text, keyword: instructionKeyword(text) };
    });
    const exact = n + 1; // one exact match beats every keyword-only alignment
    const score = (i, j) => {
        const c = cands[i];
        const l = window[j];
        if (l.text === '' || c.keyword !== l.keyword)
            return 0;
        return c.texts.includes(l.text) ? exact : c.looseOk ? 1 : 0;
    };
    // Ties go to the latest layers: the Dockerfile's last instructions made the image's last layers. Layers come
    // first in the pairs so that, on a tie, a window layer is skipped before a candidate (a step may make no layer).
    for (const [j, i] of weightedLcs(w, n, (j, i) => score(i, j), 'latest'))
        out[offset + j] = cands[i].line;
    return out;
}
function candidates(model) {
    const out = [];
    let workdir = null;
    for (const stage of finalStageChain(model)) {
        for (const ins of stage.instructions) {
            if (!LAYER_KEYWORDS.has(ins.keyword))
                continue;
            const texts = [normalizeInstruction(`${ins.keyword} ${ins.args}`)];
            if (ins.keyword === 'WORKDIR') {
                // BuildKit records the resolved directory: a relative WORKDIR is joined to the one before it.
                const dir = ins.args.includes('$') ? null : external_node_path_default().posix.resolve(workdir ?? '/', ins.args);
                if (dir !== null)
                    texts.push(normalizeInstruction(`WORKDIR ${dir}`));
                workdir = dir;
            }
            // A WORKDIR's history text is predictable unless it uses variables; a WORKDIR of a directory that exists
            // already makes no layer, and must not then take a base image's WORKDIR layer by keyword alone.
            const looseOk = ins.keyword !== 'WORKDIR' || ins.args.includes('$');
            out.push({ line: ins.line, keyword: ins.keyword, texts, looseOk });
        }
    }
    return out;
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __nccwpck_require__(390);
;// CONCATENATED MODULE: ./src/dockerfile/expand-vars.ts
// Build-arg substitution as BuildKit's shell lexer does it for FROM and --from values: $NAME, ${NAME},
// ${NAME:-word}, ${NAME-word}, ${NAME:+word}, ${NAME+word}; the escape character before "$" keeps it literal.
// A name not in `vars` at all is left as written (it may be a built-in such as $BUILDPLATFORM); a name
// present with the value undefined (declared ARG without a value) expands to "".
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
function expandVars(text, vars, escapeChar = '\\') {
    let out = '';
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === escapeChar && text[i + 1] === '$') {
            out += '$';
            i += 2;
            continue;
        }
        if (c !== '$') {
            out += c;
            i++;
            continue;
        }
        if (text[i + 1] === '{') {
            const close = findClose(text, i + 2);
            if (close < 0) {
                out += text.slice(i);
                break;
            }
            out += expandBraced(text.slice(i, close + 1), text.slice(i + 2, close), vars, escapeChar);
            i = close + 1;
            continue;
        }
        const name = NAME.exec(text.slice(i + 1));
        if (!name) {
            out += c;
            i++;
            continue;
        }
        const whole = '$' + name[0];
        out += vars.has(name[0]) ? (vars.get(name[0]) ?? '') : whole;
        i += whole.length;
    }
    return out;
}
function expandBraced(whole, inner, vars, escapeChar) {
    const name = NAME.exec(inner);
    if (!name)
        return whole;
    const rest = inner.slice(name[0].length);
    const known = vars.has(name[0]);
    const value = vars.get(name[0]);
    if (rest === '')
        return known ? (value ?? '') : whole;
    const op = /^(:?)([-+])/.exec(rest);
    if (!op)
        return whole;
    const word = expandVars(rest.slice(op[0].length), vars, escapeChar);
    const set = op[1] === ':' ? value !== undefined && value !== '' : value !== undefined;
    if (op[2] === '-')
        return set ? value : word;
    return set ? word : '';
}
/** Index of the "}" closing a "${" whose body starts at `from`, nested braces allowed; -1 when none. */
function findClose(text, from) {
    let depth = 1;
    for (let i = from; i < text.length; i++) {
        if (text[i] === '{')
            depth++;
        else if (text[i] === '}' && --depth === 0)
            return i;
    }
    return -1;
}

;// CONCATENATED MODULE: ./src/dockerfile/parse-dockerfile.ts
// Dockerfile text → DockerfileModel, using dockerfile-ast for the syntax (parser directives, escape
// character, continuations, comments inside them, heredocs) and resolving stages the way BuildKit does:
// names are case-insensitive, FROM and --from values may use the ARGs declared before the first FROM.



/** A Dockerfile that cannot be modelled; the message is one line. */
class DockerfileError extends UserError {
    name = 'DockerfileError';
}
function parseDockerfile(text, opts) {
    const buildArgs = parseBuildArgs(opts.buildArgs ?? []);
    const dockerfile = main.DockerfileParser.parse(text);
    const escapeChar = dockerfile.getEscapeCharacter();
    // ARGs before the first FROM: their values are what FROM lines (and stage ARGs without a value) see.
    const globals = new Map();
    const raw = [];
    for (const ins of dockerfile.getInstructions()) {
        const keyword = ins.getKeyword().toUpperCase();
        const stage = raw.at(-1);
        if (keyword === 'FROM') {
            raw.push(fromStage(ins, raw.length, globals, escapeChar));
        }
        else if (stage) {
            stage.instructions.push(toInstruction(ins, keyword, escapeChar));
        }
        else if (keyword === 'ARG') {
            for (const [name, value] of argDeclarations(ins)) {
                globals.set(name, buildArgs.get(name) ?? (value === undefined ? undefined : expandVars(value, globals, escapeChar)));
            }
        }
        // Anything else before the first FROM is an error BuildKit reports itself; nothing to model.
    }
    if (raw.length === 0)
        throw new DockerfileError(`${opts.path}: no FROM instruction`);
    const byName = new Map();
    for (const s of raw) {
        if (s.name === null)
            continue;
        if (byName.has(s.name))
            throw new DockerfileError(`${opts.path}:${s.fromLine}: duplicate stage name "${s.name}"`);
        byName.set(s.name, s.index);
    }
    const stages = raw.map((s) => {
        const earlier = byName.get(s.from.toLowerCase());
        const fromStageIndex = earlier !== undefined && earlier < s.index ? earlier : null;
        const uses = fromStageIndex === null ? [] : [fromStageIndex];
        const scope = stageScope(s, globals, buildArgs, escapeChar);
        for (const ins of s.instructions) {
            for (const ref of stageRefs(ins)) {
                const index = resolveStageRef(expandVars(ref, scope, escapeChar), byName, raw.length);
                if (index !== null && index !== s.index && !uses.includes(index))
                    uses.push(index);
            }
        }
        return { ...s, fromStage: fromStageIndex, usesStages: uses };
    });
    let target = stages.length - 1;
    if (opts.target !== undefined) {
        const found = byName.get(opts.target.toLowerCase());
        if (found === undefined) {
            const names = stages.flatMap((s) => (s.name === null ? [] : [s.name]));
            const list = names.length > 0 ? `stages: ${names.join(', ')}` : 'no named stages';
            throw new DockerfileError(`unknown --target "${parse_dockerfile_oneLine(opts.target)}" (${list})`);
        }
        target = found;
    }
    return { path: opts.path, stages, target };
}
function fromStage(ins, index, globals, escapeChar) {
    const args = ins.getArguments().map((a) => a.getValue());
    const image = args[0] ?? '';
    const name = args.length >= 3 && args[1].toUpperCase() === 'AS' ? args[2].toLowerCase() : null;
    return {
        index,
        name,
        from: expandVars(image, globals, escapeChar),
        fromLine: ins.getRange().start.line + 1,
        instructions: [],
    };
}
function toInstruction(ins, keyword, escapeChar) {
    const flags = {};
    if (ins instanceof main.ModifiableInstruction) {
        for (const f of ins.getFlags())
            flags[f.getName()] = f.getValue() ?? 'true';
    }
    const content = argumentsText(ins, escapeChar);
    const json = jsonArray(content);
    let args = parse_dockerfile_collapse(content);
    let shellForm = false;
    if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') {
        shellForm = json === null && args !== '';
        // BuildKit's history for an exec-form RUN is its words joined by spaces.
        if (keyword === 'RUN' && json !== null)
            args = parse_dockerfile_collapse(json.join(' '));
    }
    else if (keyword === 'HEALTHCHECK') {
        const cmd = /^CMD(?:\s+|$)/i.exec(args);
        shellForm = cmd !== null && jsonArray(args.slice(cmd[0].length)) === null && args.length > cmd[0].length;
    }
    return {
        keyword,
        line: ins.getRange().start.line + 1,
        endLine: ins.getRange().end.line + 1,
        args,
        flags,
        shellForm,
    };
}
/**
 * The instruction's arguments (flags excluded) with continuation lines joined as BuildKit's parser joins them:
 * the escape character ending a line is removed and the next line appended as it is, leading whitespace
 * included; comment lines (after optional whitespace) and blank lines inside the continuation are dropped.
 * dockerfile-ast drops only comments that start at column 0, so the joining is done here. Heredocs are kept
 * as dockerfile-ast gives them (their bodies are not continuations).
 */
function argumentsText(ins, escapeChar) {
    const raw = ins.getRawArgumentsContent();
    if (raw === null)
        return '';
    const lines = raw.split(/\r?\n/);
    if (lines.length === 1 || /(?:^|[^<])<<-?\s*["']?[A-Za-z_]/.test(lines[0]))
        return ins.getArgumentsContent() ?? raw;
    const continued = new RegExp(`${escapeRegExp(escapeChar)}[ \\t]*$`);
    let out = '';
    for (const [n, line] of lines.entries()) {
        if (n > 0 && (/^\s*#/.test(line) || line.trim() === ''))
            continue;
        out += line.replace(continued, '');
    }
    return out;
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** `ARG A=1 B` → [["A", "1"], ["B", undefined]]. */
function argDeclarations(ins) {
    return declarations(ins.getArgumentsContent() ?? '');
}
/** ARG words split on whitespace outside quotes, quotes removed from the values: `A="x y" B` → [["A", "x y"], ["B", undefined]]. */
function declarations(content) {
    const out = [];
    for (const word of content.match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? []) {
        const eq = word.indexOf('=');
        out.push(eq < 0 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1).replace(/"([^"]*)"|'([^']*)'/g, '$1$2')]);
    }
    return out;
}
/** Variables a stage's --from / --mount from= values see: its own ARGs, which take global values and build args. */
function stageScope(stage, globals, buildArgs, escapeChar) {
    const scope = new Map();
    for (const ins of stage.instructions) {
        if (ins.keyword !== 'ARG')
            continue;
        for (const [name, value] of declarations(ins.args)) {
            const own = value === undefined ? undefined : expandVars(value, scope, escapeChar);
            scope.set(name, buildArgs.get(name) ?? own ?? globals.get(name));
        }
    }
    return scope;
}
/** Raw --from values of COPY/ADD and from= options of RUN --mount. */
function stageRefs(ins) {
    const refs = [];
    if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.flags['from'] !== undefined)
        refs.push(ins.flags['from']);
    if (ins.keyword === 'RUN' && ins.flags['mount'] !== undefined) {
        for (const opt of ins.flags['mount'].split(',')) {
            const m = /^\s*from\s*=\s*(.*?)\s*$/i.exec(opt);
            if (m)
                refs.push(unquote(m[1]));
        }
    }
    return refs;
}
function resolveStageRef(ref, byName, count) {
    const named = byName.get(ref.toLowerCase());
    if (named !== undefined)
        return named;
    if (/^\d+$/.test(ref)) {
        const n = Number(ref);
        return n < count ? n : null;
    }
    return null; // an external image
}
function parseBuildArgs(list) {
    const out = new Map();
    for (const entry of list) {
        const eq = entry.indexOf('=');
        if (eq > 0)
            out.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return out;
}
function jsonArray(s) {
    const t = s.trim();
    if (!t.startsWith('['))
        return null;
    try {
        const v = JSON.parse(t);
        return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : null;
    }
    catch {
        return null;
    }
}
function unquote(s) {
    return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.at(-1) === s[0] ? s.slice(1, -1) : s;
}
function parse_dockerfile_collapse(s) {
    return s.replace(/\s+/g, ' ').trim();
}
function parse_dockerfile_oneLine(s) {
    return s.replace(/\s+/g, ' ');
}

;// CONCATENATED MODULE: ./src/pipeline/findings-step.ts
// The Dockerfile and findings step of a comparison: parse each side's Dockerfile, map layers to its lines,
// detect findings on head and base, and give them their status against the base.






function analyseSide(model, dockerfile, opts, warnings) {
    let df = null;
    if (dockerfile) {
        try {
            df = parseDockerfile(dockerfile.text, { path: dockerfile.path, target: opts.target, buildArgs: opts.buildArgs });
        }
        catch (err) {
            if (!(err instanceof DockerfileError))
                throw err;
            warnings.push(`${dockerfile.path}: ${err.message}; findings are made without the Dockerfile`);
        }
    }
    const layerLines = df ? mapLayersToLines(df, model.layers) : model.layers.map(() => null);
    const producing = df?.stages[df.target];
    const findings = detectFindings({
        model,
        captured: model.capturedFiles,
        dockerfile: df && producing ? { path: df.path, singleStage: isEffectivelySingleStage(df), fromLine: producing.fromLine } : null,
        layerLines,
        thresholds: DEFAULT_THRESHOLDS,
    });
    return { layerLines, findings };
}
/** Head findings with their status against the base, and a severity from fail-on: error when it fails the run. */
function compareFindings(head, base, failOn) {
    const severity = (id) => (failOn.anyFinding || failOn.findings.has(id) ? 'error' : 'warning');
    return withStatus(head.findings, base ? base.findings : null, severity);
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
/**
 * New findings first, then existing; resolved ones get one short line. Each piece of untrusted text is made
 * terminal-safe before the lines are joined, so a newline in a file name cannot start a line of its own.
 */
function findingLines(entry) {
    const order = { new: 0, existing: 1, resolved: 2 };
    return [...entry.findings]
        .sort((a, b) => order[a.status] - order[b.status])
        .map((f) => {
        if (f.status === 'resolved')
            return `✅ resolved ${f.id}`;
        const where = f.dockerfile ? ` (${oneLine(`${f.dockerfile.path}:${f.dockerfile.line}`)})` : '';
        // without a base there is nothing a finding could be new against: no status word (JSON keeps it)
        const status = entry.base ? `${f.status} ` : '';
        const head = `${f.severity === 'error' ? '❌' : '⚠️'} ${status}${f.id}${f.bytes ? ` ${formatBytes(f.bytes)}` : ''}${where}: ${oneLine(f.message)}`;
        const evidence = f.evidence.map((e) => `      ${oneLine(e.path)}  ${formatBytes(e.size)}  (layer ${e.layer + 1}: ${oneLine(e.instruction) || 'base image'})`);
        return [head, ...evidence].join('\n');
    });
}
function renderCompareText(entry, opts = {}) {
    const width = Math.max(60, opts.width ?? 100);
    const out = [oneLine(summaryLine(entry)), ''];
    const findings = findingLines(entry);
    if (findings.length)
        out.push('Findings', ...findings.flatMap((f) => f.split('\n').map((l) => '  ' + oneLine(l, width))), '');
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
        out.push('', `warning: ${oneLine(w)}`);
    if (diff) {
        const changed = diff.layers.filter((l) => l.status !== 'unchanged').length;
        out.push('', `Layers (${changed} of ${diff.layers.length} changed)`);
        const instrWidth = Math.max(20, width - 50);
        const rows = diff.layers.map((l) => [
            l.status,
            oneLine(l.instruction || '(no history)', instrWidth),
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
                oneLine(f.path + (f.kind === 'dir' ? '/' : ''), pathWidth),
            ]);
            out.push(...renderTable(['Δ', 'status', 'path'], fileRows, ['right', 'left', 'left']).map((l) => '  ' + l));
        }
        else
            out.push('', 'No file changes.');
    }
    else {
        out.push('', `Layers (${head.layers.length})`);
        const rows = head.layers.map((l, i) => [String(i + 1), oneLine(l.instruction || '(no history)', Math.max(20, width - 30)), formatBytes(l.size)]);
        out.push(...renderTable(['#', 'instruction', 'size'], rows, ['right', 'left', 'right']).map((l) => '  ' + l));
    }
    if (opts.timings)
        out.push('', opts.timings);
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
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
    wantData = false;
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
                    if (this.wantData && n > 0)
                        this.sink.data?.(chunk.subarray(off, off + n));
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
        this.wantData = this.sink.entry({ path, type, size: contentSize, mode: parseNumeric(block, 100, 8), linkname }) === true;
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
            else if (key === 'size') {
                if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
                    throw new TarFormatError('malformed pax size');
                out.size = Number(value);
            }
        }
        off += recLen;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/image/paths.ts
// Paths inside archives come from whoever built the image: never trust them.


class UnsafePathError extends UserError {
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
    return oneLine(name, 200);
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


/** Small files whose content the findings read (package databases), kept from every layer that writes them. */
const CAPTURED_PATHS = new Set(['/var/lib/dpkg/status', '/lib/apk/db/installed']);
const MAX_CAPTURE_BYTES = 32 << 20;
const WHITEOUT_PREFIX = '.wh.';
const OPAQUE_MARKER = '.wh..wh..opq';
class LayerScan {
    puts = [];
    whiteouts = [];
    opaques = [];
    captured = new Map();
    capturing = null;
    size = 0;
    fileCount = 0;
    scanner = new TarScanner(this);
    push(chunk) {
        this.scanner.push(chunk);
    }
    finish() {
        this.scanner.end();
        const { puts, whiteouts, opaques, size, fileCount, captured } = this;
        return { puts, whiteouts, opaques, size, fileCount, captured, tarBytes: this.scanner.bytes };
    }
    data(chunk) {
        this.capturing?.parts.push(Buffer.from(chunk));
    }
    entryEnd() {
        if (!this.capturing)
            return;
        this.captured.set(this.capturing.path, Buffer.concat(this.capturing.parts));
        this.capturing = null;
    }
    entry(h) {
        const path = safeLayerPath(h.path);
        if (path === '/')
            return false; // the root directory itself
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
            return false;
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
        if (h.type === 'file' && CAPTURED_PATHS.has(path) && h.size <= MAX_CAPTURE_BYTES) {
            this.capturing = { path, parts: [] };
            return true;
        }
        this.captured.delete(path); // replaced by something we do not read
        return false;
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







class ImageArchiveError extends UserError {
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
        return !this.skipping;
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
    // Layers take the non-empty history entries in order. When the counts disagree (history without
    // empty_layer marks, hand-made configs) that pairing would be wrong for every later layer: use none.
    const nonEmpty = history.filter((h) => !h.emptyLayer);
    const layerHistory = nonEmpty.length === diffIds.length ? nonEmpty : [];
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
        capturedFiles: finalCaptures(scanned.map((s) => s.layer.captured), fs.files),
    };
}
/** The content a captured path has in the final filesystem: the copy of the layer that last wrote it. */
function finalCaptures(perLayer, files) {
    const out = new Map();
    for (const path of CAPTURED_PATHS) {
        const entry = files.get(path);
        const content = entry?.type === 'file' ? perLayer[entry.layer]?.get(path) : undefined;
        if (content)
            out.set(path, content);
    }
    return out;
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
            const layer = { puts: [], whiteouts: [], opaques: [], captured: new Map(), size: 0, fileCount: 0, tarBytes: 0 };
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

;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_namespaceObject.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_namespaceObject.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/exec/exec.ts
// The one module that runs other programs. Short commands (docker version, buildx inspect, git rev-parse,
// git worktree, docker rmi, credential helpers) go through @actions/exec with `silent`, so nothing they print
// reaches our stdout (which carries the report). The long pipes — `docker save` and `buildx --output
// type=oci,dest=-` into the reader, a build's log — are spawned here too, but handed back as a child process:
// the reader consumes them as streams with backpressure, which @actions/exec's buffered output cannot do.



/** The program is not installed (or not on PATH). */
class ToolMissingError extends UserError {
}
/** Runs a command to completion. Never throws for a non-zero exit; throws ToolMissingError when it is not installed. */
async function exec_runCommand(cmd, args, opts = {}) {
    try {
        const r = await getExecOutput(cmd, args, {
            silent: true,
            ignoreReturnCode: true,
            cwd: opts.cwd,
            env: opts.env,
            input: opts.input === undefined ? undefined : Buffer.from(opts.input),
        });
        return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
    }
    catch (err) {
        // @actions/exec looks the program up on PATH before it starts it, and says so when it cannot
        if (/Unable to locate executable file/i.test(err.message))
            throw new ToolMissingError(`${cmd} is not installed or not on PATH`);
        throw err;
    }
}
/** Starts a long-running command whose stdout is read as a stream (stdin closed, stdout and stderr piped). */
function spawnStreaming(cmd, args, opts = {}) {
    return (0,external_node_child_process_namespaceObject.spawn)(cmd, args, { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
}
/** Synchronous and best effort: for cleanups that must finish inside a signal handler. */
function runSync(cmd, args, opts = {}) {
    (0,external_node_child_process_namespaceObject.spawnSync)(cmd, args, { cwd: opts.cwd, stdio: 'ignore' });
}
/** The docker CLI to drive (DOCKER_PATH overrides the one on PATH). */
function dockerCommand() {
    return process.env.DOCKER_PATH || 'docker';
}
/** The last meaningful line of a tool's stderr, for a one-line error message. */
function lastLine(text, fallback) {
    const lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^(-+|=+)$/.test(l));
    return lines.pop()?.replace(/^(ERROR|error):\s*/, '') ?? fallback;
}

;// CONCATENATED MODULE: ./src/sources/open-image.ts
// Where an image comes from: an archive file, standard input, or the Docker engine (`docker save` piped,
// never through a temporary file).






class ImageSourceError extends UserError {
}
/** An existing file is an archive; "-" is stdin; a path-like argument that does not exist is an error; the rest are image references. */
async function classifySource(arg) {
    if (arg === '-')
        return { kind: 'stdin' };
    const st = await (0,promises_namespaceObject.stat)(arg).catch(() => null);
    if (st?.isFile())
        return { kind: 'file', path: arg };
    if (st?.isDirectory())
        throw new ImageSourceError(`${oneLine(arg)} is a directory, not an image archive`);
    if (/^[./~]/.test(arg) || /\.(tar|tar\.gz|tgz|oci)$/i.test(arg)) {
        throw new ImageSourceError(`no such file: ${oneLine(arg)}`);
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/.test(arg))
        throw new ImageSourceError(`not an image reference: ${oneLine(arg)}`);
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
async function readFromDocker(ref, opts) {
    const child = spawnStreaming(dockerCommand(), ['save', ref]);
    child.stdin.end();
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
        return new ImageSourceError(`docker save ${oneLine(ref)} failed: ${oneLine(reason.replace(/^Error response from daemon:\s*/, ''))}`);
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
                ? new ImageSourceError(`docker is not installed or not on PATH (needed to read image ${oneLine(ref)})`)
                : e;
        });
        if (code !== 0 && stderr.trim() && !(err instanceof ImageSourceError))
            throw saveFailed(code);
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/report/image-report.ts
// ImageModel → the report's ImageReport and the envelope around it.

function toImageReport(model, ref, dockerfile = null, layerLines = []) {
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
        layers: model.layers.map((l, i) => ({
            diffId: l.diffId,
            instruction: l.instruction,
            size: l.size,
            compressedSize: l.compressedSize,
            fileCount: l.fileCount,
            dockerfileLine: layerLines[i] ?? null,
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
        oneLine(r.instruction, instrWidth).padEnd(instrWidth),
        r.size.padStart(w.size),
        r.files.padStart(w.files),
        r.waste.padStart(w.waste),
    ].join('  ').trimEnd();
    const out = [];
    out.push(`${oneLine(name)}  ${platform}  ${report.id.slice(0, 19)}`);
    out.push(`size ${formatBytes(report.size)} · ${report.layers.length} layer${report.layers.length === 1 ? '' : 's'} · ` +
        `${formatCount(report.fileCount)} files in the final filesystem · compressed ${report.compressedSize === null ? 'n/a' : formatBytes(report.compressedSize)}` +
        ` · wasted ${formatBytes(report.wastedBytes)} (efficiency ${formatPercent(report.efficiency)})`);
    out.push('');
    if (opts.findings?.length) {
        out.push('Findings', ...opts.findings.flatMap((f) => f.split('\n').map((l) => '  ' + oneLine(l, width))), '');
    }
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
    const warnings = [];
    const dockerfile = args.file ? { path: args.file, text: await (0,promises_namespaceObject.readFile)(args.file, 'utf8').catch(() => { throw new UsageError(`cannot read --file ${args.file}`); }) } : null;
    const failOn = parseFailOn('budget');
    const analysis = analyseSide(model, dockerfile, { buildArgs: [] }, warnings);
    const findings = compareFindings(analysis, null, failOn);
    const head = toImageReport(model, refOf(source), args.file ?? null, analysis.layerLines);
    const entry = { name, platform: model.platform, head, base: null, diff: null, findings, budgets: [], passed: decidePassed([], findings, failOn) };
    const report = makeReport([entry]);
    for (const w of warnings)
        process.stderr.write(`image-size-guard: warning: ${oneLine(w)}\n`);
    const text = args.format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : renderImageText(name, model.platform, head, model, { width: process.stdout.columns || 100, findings: findingLines(entry) });
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

;// CONCATENATED MODULE: ./src/config/build-options.ts
// Build and measurement options shared by the CLI flags and the Action inputs, checked the same way.


function parseCompressedSizeMode(value, what = '--compressed-size') {
    if (value === undefined || value === '')
        return 'auto';
    if (value === 'auto' || value === 'exact' || value === 'off')
        return value;
    throw new ConfigError(`${what} must be auto, exact or off (got ${quoted(value, 40)})`);
}
/** Build arguments are KEY=VALUE; returns them unchanged or names the first bad one. */
function checkBuildArgs(args, what) {
    for (const a of args) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(a))
            throw new ConfigError(`${what} must be KEY=VALUE (got ${quoted(a, 40)})`);
    }
    return args;
}

;// CONCATENATED MODULE: ./src/buildx/build-log.ts
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
            out.write(`::group::${oneLine(title)}\n::stop-commands::${token}\n`);
            return {
                line: (text) => out.write(`${text}\n`),
                end: () => out.write(`::${token}::\n::endgroup::\n`),
            };
        }
        case 'stream':
            out.write(`── ${oneLine(title)}\n`);
            return {
                line: (text) => out.write(`${oneLine(text)}\n`),
                end: () => undefined,
            };
        case 'fold': {
            out.write(`${oneLine(title)}…`);
            return {
                line: (text) => {
                    if (/^#\d+ \[/.test(text))
                        out.write(`\r\x1b[K${oneLine(title)}… ${oneLine(text, 70)}`);
                },
                end: (failed) => {
                    out.write(`\r\x1b[K${oneLine(title)}: ${failed ? 'failed' : 'done'}\n`);
                    if (failed)
                        for (const l of tail)
                            out.write(`  ${oneLine(l)}\n`);
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

;// CONCATENATED MODULE: ./src/config/split-flags.ts
// `buildx-flags` is one string of extra command-line flags. Split it like a shell would (quotes, escapes),
// but never through a shell: nothing in it is expanded or executed. What may be in it: buildx-flags.ts.

function splitFlags(text, what) {
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
        throw new ConfigError(`${what}: unterminated ${quote} quote`);
    if (has || cur)
        out.push(cur);
    return out;
}

;// CONCATENATED MODULE: ./src/config/buildx-flags.ts
// What `buildx-flags` may add to `docker buildx build`. image-size-guard owns the output (it reads the image as
// it is exported), the Dockerfile, target, platform, build args, builder and the progress format it parses;
// and nothing in a size check may push, tag or write files. Flags that would are refused in every spelling
// buildx accepts: `--output X`, `--output=X`, `-o X`, `-oX`, `-qo X` (bundled short flags). Everything else
// (cache flags, secrets, ssh, network, labels, …) passes through; buildx itself rejects flags it does not know.


/** Long flag → why it is refused. */
const REFUSED = new Map([
    ['output', 'image-size-guard exports the image itself'],
    ['push', 'a size check never pushes'],
    ['load', 'image-size-guard decides how the image is exported'],
    ['tag', 'a size check never tags images'],
    ['metadata-file', 'a size check writes no files'],
    ['iidfile', 'a size check writes no files'],
    ['quiet', 'it would print to the output image-size-guard reads'],
    ['progress', 'image-size-guard reads the plain progress log'],
    ['file', 'set the Dockerfile with the dockerfile input (--file)'],
    ['target', 'set the stage with the target input (--target)'],
    ['platform', 'set the platform with the platform input (--platform)'],
    ['build-arg', 'set build arguments with the build-args input (--build-arg)'],
    ['builder', 'set the builder with the builder input (--builder)'],
    ['call', 'it builds no image'],
    ['check', 'it builds no image'],
    ['print', 'it builds no image'],
]);
/** buildx build's short flags: all of them are refused (-f file, -o output, -t tag, -q quiet). */
const SHORT = new Map([
    ['f', 'file'],
    ['o', 'output'],
    ['t', 'tag'],
    ['q', 'quiet'],
]);
/** Long flags known to take no value: a word after them is a positional argument, not their value. */
const BOOLEAN = new Set(['no-cache', 'pull', 'debug']);
/** Returns the flags unchanged, or throws one line naming the first refused flag and why. */
function checkBuildxFlags(flags, what) {
    let valueMayFollow = false;
    for (const flag of flags) {
        if (flag === '--') {
            throw new ConfigError(`${what}: "--" is not allowed (the build context is set with the context input)`);
        }
        else if (flag.startsWith('--')) {
            const name = flag.slice(2).split('=')[0];
            const why = REFUSED.get(name);
            if (why !== undefined)
                throw new ConfigError(`${what}: --${name} is not allowed (${why})`);
            valueMayFollow = !flag.includes('=') && !BOOLEAN.has(name);
        }
        else if (flag.startsWith('-') && flag.length > 1) {
            // pflag bundles short flags (-qo X, -oX): a refused letter anywhere in the cluster is refused
            for (const letter of flag.slice(1)) {
                const long = SHORT.get(letter);
                if (long !== undefined)
                    throw new ConfigError(`${what}: -${letter} (--${long}) is not allowed (${REFUSED.get(long)})`);
            }
            valueMayFollow = false;
        }
        else if (valueMayFollow) {
            valueMayFollow = false; // the value of the flag before it
        }
        else {
            throw new ConfigError(`${what}: unexpected argument ${quoted(flag, 40)} (the build context is set with the context input)`);
        }
    }
    return [...flags];
}

;// CONCATENATED MODULE: ./src/lib/settle-limit.ts
// Runs tasks with at most `limit` at a time and waits for every one of them, also when some fail: a build that
// is still running must finish (and clean up its worktree and tags) before the run reports the first failure.
async function settleLimit(items, limit, task) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            try {
                results[i] = { status: 'fulfilled', value: await task(items[i], i) };
            }
            catch (reason) {
                results[i] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
/** The values in order, or the first failure (by position) once every task has ended. */
async function allLimit(items, limit, task) {
    const settled = await settleLimit(items, limit, task);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return settled.map((r) => r.value);
}

;// CONCATENATED MODULE: ./src/buildx/builder.ts
// Finds docker and buildx and learns what the builder can export. Errors name what is missing and what was found.


class BuildError extends UserError {
}
async function detectBuilder(builder) {
    const docker = dockerCommand();
    const version = await exec_runCommand(docker, ['version', '--format', '{{.Client.Version}}']).catch((err) => {
        if (err instanceof ToolMissingError)
            throw new BuildError('docker is not installed or not on PATH: image-size-guard builds with docker buildx');
        throw err;
    });
    const dockerVersion = version.stdout.trim() || 'unknown';
    if (version.code !== 0)
        throw new BuildError(`docker ${dockerVersion} cannot reach a Docker engine: ${lastLine(version.stderr, 'docker version failed')}`);
    const bx = await exec_runCommand(docker, ['buildx', 'version']);
    if (bx.code !== 0) {
        throw new BuildError(`docker buildx is not available (docker ${dockerVersion} found): install the buildx plugin, e.g. with docker/setup-buildx-action`);
    }
    const buildxVersion = /v?(\d+\.\d+\.\d+\S*)/.exec(bx.stdout)?.[1] ?? bx.stdout.trim();
    const inspect = await exec_runCommand(docker, ['buildx', 'inspect', ...(builder ? [builder] : [])]);
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
    const info = await exec_runCommand(docker, ['info', '--format', '{{json .DriverStatus}}']);
    return info.code === 0 && info.stdout.includes('io.containerd.snapshotter');
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/exec/cleanup-on-signal.ts
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

;// CONCATENATED MODULE: ./src/git/worktree.ts
// The base (and an optional head ref) are built from `git worktree add` checkouts in temporary directories,
// fetched first when the clone is shallow or lacks the commit. Worktrees are removed afterwards — also on
// failure and on Ctrl-C.








class GitError extends UserError {
}
async function git(cwd, args) {
    return exec_runCommand('git', args, { cwd });
}
async function repoRoot(cwd) {
    const r = await git(cwd, ['rev-parse', '--show-toplevel']).catch(() => null);
    if (!r || r.code !== 0)
        throw new GitError(`${oneLine(cwd)} is not inside a git repository (needed to build --base)`);
    return r.stdout.trim();
}
/** Resolves ref to a commit, fetching it from origin when it is not here (shallow clones, PR base SHAs). */
async function resolveCommit(root, ref) {
    if (ref.startsWith('-'))
        throw new GitError(`not a git ref: ${oneLine(ref)}`);
    const local = await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    if (local.code === 0)
        return local.stdout.trim();
    const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
    const fetch = await git(root, ['fetch', '--no-tags', '--quiet', ...(shallow ? ['--depth=1'] : []), 'origin', ref]);
    if (fetch.code !== 0) {
        throw new GitError(`git ref ${oneLine(ref)} is not in this clone and could not be fetched from origin: ${lastLine(fetch.stderr, 'git fetch failed')}`);
    }
    const fetched = await git(root, ['rev-parse', '--verify', '--quiet', 'FETCH_HEAD^{commit}']);
    if (fetched.code !== 0)
        throw new GitError(`git ref ${oneLine(ref)} does not name a commit`);
    return fetched.stdout.trim();
}
async function checkout(root, ref) {
    const sha = await resolveCommit(root, ref);
    const dir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'isg-worktree-'));
    const removeSync = () => {
        runSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
        (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
    };
    const unregister = registerCleanup(removeSync);
    const add = await git(root, ['worktree', 'add', '--detach', '--force', dir, sha]);
    if (add.code !== 0) {
        unregister();
        await (0,promises_namespaceObject.rm)(dir, { recursive: true, force: true });
        throw new GitError(`git worktree add of ${oneLine(ref)} failed: ${lastLine(add.stderr, 'unknown error')}`);
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

;// CONCATENATED MODULE: ./src/pipeline/build-session.ts
// What a run's builds share: the builder (detected once, only when something is built) and the checkouts of
// git refs (one worktree per ref, however many images are built from it), removed when the run ends.


class BuildSession {
    run;
    builder = null;
    root = null;
    trees = new Map();
    constructor(run) {
        this.run = run;
    }
    builderInfo() {
        this.builder ??= detectBuilder(this.run.builder);
        return this.builder;
    }
    repoRoot() {
        this.root ??= repoRoot(this.run.cwd);
        return this.root;
    }
    /** A checkout of ref, shared by every image built from it. */
    async worktree(ref) {
        let tree = this.trees.get(ref);
        if (!tree) {
            tree = this.repoRoot().then((root) => checkout(root, ref));
            this.trees.set(ref, tree);
            tree.catch(() => this.trees.delete(ref)); // a failed checkout is not kept (and not removed)
        }
        return tree;
    }
    /** Removes every checkout; called once, when the run ends (also after a failure). */
    async close() {
        const trees = [...this.trees.values()];
        this.trees.clear();
        for (const t of await Promise.allSettled(trees))
            if (t.status === 'fulfilled')
                await t.value.remove();
    }
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
    const baseCompressed = base.compressedSize;
    const headCompressed = head.compressedSize;
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

;// CONCATENATED MODULE: ./src/buildx/build.ts
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
    const child = spawnStreaming(dockerCommand(), [...args, '--output', 'type=oci,dest=-', spec.context]);
    child.stdin.end();
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
        runSync(dockerCommand(), ['image', 'rm', '--force', tag]);
    });
    try {
        child = spawnStreaming(dockerCommand(), [...args, '--load', '-t', tag, spec.context]);
        child.stdin.end();
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
        await exec_runCommand(dockerCommand(), ['image', 'rm', '--force', tag]).catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/build-side.ts
// One side of a comparison (base or head): an existing image, or a build of a git ref / the working tree.






/** Context and Dockerfile as given (relative to cwd), and as paths inside a checkout of the repository. */
function buildPaths(cwd, image, root) {
    const context = (0,external_node_path_namespaceObject.resolve)(cwd, image.context);
    const dockerfile = image.dockerfile ? (0,external_node_path_namespaceObject.resolve)(cwd, image.dockerfile) : (0,external_node_path_namespaceObject.join)(context, 'Dockerfile');
    const base = root ?? cwd;
    return { context, dockerfile, relContext: (0,external_node_path_namespaceObject.relative)(base, context) || '.', relDockerfile: (0,external_node_path_namespaceObject.relative)(base, dockerfile) };
}
/** An existing image; `dockerfile` (relative to cwd) is the file it was built from, when the user says so. */
async function readExisting(ref, read, dockerfile) {
    const t0 = performance.now();
    const model = await readImage(await classifySource(ref), read);
    const text = dockerfile ? (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.resolve)(dockerfile.cwd, dockerfile.path), 'utf8') : null;
    return { model, ref, dockerfile: dockerfile?.path ?? null, dockerfileText: text, timings: { read: performance.now() - t0 } };
}
/** Builds the working tree (ref undefined) or a checkout of ref (shared with the run's other images). */
async function buildSide(session, image, label, ref, read) {
    const builder = await session.builderInfo();
    const run = session.run;
    const spec = (context, dockerfile) => ({
        label,
        context,
        dockerfile,
        target: image.target,
        buildArgs: image.buildArgs,
        platform: image.platform,
        extraFlags: run.buildxFlags,
    });
    if (ref === undefined) {
        const p = buildPaths(run.cwd, image, null);
        if (!(0,external_node_fs_namespaceObject.existsSync)(p.dockerfile))
            throw new BuildError(`no Dockerfile at ${p.relDockerfile} (set --file / dockerfile)`);
        const built = await buildAndRead(spec(p.context, p.dockerfile), builder, run.logMode, read);
        const text = (0,external_node_fs_namespaceObject.readFileSync)(p.dockerfile, 'utf8');
        return { model: built.model, ref: 'working tree', dockerfile: p.relDockerfile, dockerfileText: text, timings: { build: built.buildMs, read: built.readMs } };
    }
    const p = buildPaths(run.cwd, image, await session.repoRoot());
    for (const rel of [p.relContext, p.relDockerfile]) {
        if (rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel)) {
            throw new UserError(`${rel} is outside the git repository: building ${ref} needs the context and Dockerfile inside it`);
        }
    }
    const t0 = performance.now();
    const tree = await session.worktree(ref);
    const checkoutMs = performance.now() - t0;
    const dockerfile = (0,external_node_path_namespaceObject.join)(tree.dir, p.relDockerfile);
    if (!(0,external_node_fs_namespaceObject.existsSync)(dockerfile))
        throw new MissingDockerfileError(`${p.relDockerfile} does not exist at ${ref}`);
    const built = await buildAndRead(spec((0,external_node_path_namespaceObject.join)(tree.dir, p.relContext), dockerfile), builder, run.logMode, read);
    const text = (0,external_node_fs_namespaceObject.readFileSync)(dockerfile, 'utf8');
    return { model: built.model, ref, dockerfile: p.relDockerfile, dockerfileText: text, timings: { checkout: checkoutMs, build: built.buildMs, read: built.readMs } };
}
class MissingDockerfileError extends UserError {
}

;// CONCATENATED MODULE: ./src/pipeline/compare-image.ts
// One image's comparison: head and base (built or read, at the same time), then analysis → its report entry.










async function compareImage(session, image, read, progress) {
    const run = session.run;
    const warnings = [];
    const label = (side) => (image.name ? `${image.name} ${side}` : side);
    const headRead = { ...read, platform: image.platform, onProgress: progress?.(label('head')) };
    const baseRead = { ...read, platform: image.platform, onProgress: progress?.(label('base')) };
    // Both sides at once: BuildKit shares the work of common stages, and one side's read overlaps the other's build.
    const headSide = image.image
        ? readExisting(image.image, headRead, image.dockerfile ? { cwd: run.cwd, path: image.dockerfile } : undefined)
        : buildSide(session, image, 'head', run.headRef, headRead);
    const baseImage = image.baseImage;
    const baseSide = baseImage
        ? image.platform
            ? readExisting(baseImage, baseRead)
            : // no platform given: a multi-platform base is read for the head's platform, so it waits for the head
                headSide.then((h) => readExisting(baseImage, { ...baseRead, platform: h.model.platform }))
        : run.baseRef
            ? buildSide(session, image, 'base', run.baseRef, baseRead).catch((err) => {
                if (!(err instanceof MissingDockerfileError || err instanceof BuildError))
                    throw err;
                warnings.push(`no baseline: ${err.message}; the head is analysed alone`);
                return null;
            })
            : Promise.resolve(null);
    const [headResult, baseResult] = await Promise.allSettled([headSide, baseSide]);
    // The head's failure comes first: without a head there is nothing to compare.
    if (headResult.status === 'rejected')
        throw headResult.reason;
    if (baseResult.status === 'rejected')
        throw baseResult.reason;
    const head = headResult.value;
    const base = baseResult.value;
    if (base && !samePlatform(base.model.platform, head.model.platform)) {
        throw new UserError(`base (${base.model.platform}) and head (${head.model.platform}) are different platforms; set --platform`);
    }
    const budgets = evaluateBudgets(image.budgets, {
        headSize: head.model.size,
        headLayers: head.model.layers.length,
        baseSize: base ? base.model.size : null,
    });
    if (image.budgets.maxIncrease && !base)
        warnings.push('max-increase was not checked: there is no baseline');
    const analyse = (side) => analyseSide(side.model, side.dockerfile && side.dockerfileText !== null ? { path: side.dockerfile, text: side.dockerfileText } : null, image, warnings);
    const headAnalysis = analyse(head);
    const baseAnalysis = base ? analyse(base) : null;
    const findings = compareFindings(headAnalysis, baseAnalysis, image.failOn);
    const entry = {
        name: image.name ?? deriveName(image, head),
        platform: head.model.platform,
        head: toImageReport(head.model, head.ref, head.dockerfile, headAnalysis.layerLines),
        base: base && baseAnalysis ? toImageReport(base.model, base.ref, base.dockerfile, baseAnalysis.layerLines) : null,
        diff: base ? diffImages(base.model, head.model, { topFiles: run.topFiles }) : null,
        findings,
        budgets,
        passed: decidePassed(budgets, findings, image.failOn),
    };
    return { entry, head, base, warnings };
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

;// CONCATENATED MODULE: ./src/pipeline/run-compare.ts
// The whole run, shared by the CLI and the Action: every image compared (a bounded number at a time), then one
// report. What the images share — the builder, base checkouts, compressed-size estimates — is shared here.




/** One image (the CLI's flags, the Action's single-image inputs). */
function runCompare(o, progress) {
    return runImages(o, [o], progress);
}
async function runImages(run, images, progress) {
    const session = new BuildSession(run);
    // estimates by layer digest: a layer shared by several images (or base and head) is estimated once
    const read = { compressedSize: run.compressedSize, estimates: new Map() };
    try {
        const results = await allLimit(images, run.concurrency ?? 2, (image) => compareImage(session, image, read, progress));
        const several = results.length > 1;
        const warnings = results.flatMap((r) => r.warnings.map((w) => (several ? `${r.entry.name}: ${w}` : w)));
        return { report: makeReport(results.map((r) => r.entry)), images: results, warnings };
    }
    finally {
        await session.close();
    }
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
            const status = entry.base ? `${f.status} ` : ''; // no base: nothing to be new against
            out.push(`- ${icon} ${status}\`${f.id}\`${bytes}${where}: ${markdownText(f.message)}`);
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
    const options = {
        cwd,
        baseRef: v.base,
        baseImage: v['base-image'],
        headRef: v.head,
        image: v.image,
        context: v.context ?? '.',
        dockerfile: v.file,
        target: v.target,
        buildArgs: checkBuildArgs(v['build-arg'] ?? [], '--build-arg'),
        platform: v.platform,
        builder: v.builder,
        buildxFlags: v['buildx-flags'] ? checkBuildxFlags(splitFlags(v['buildx-flags'], '--buildx-flags'), '--buildx-flags') : [],
        name: v.name,
        budgets: {
            ...(v['max-size'] !== undefined ? { maxSize: { bytes: parseSize(v['max-size'], '--max-size'), text: v['max-size'].trim() } } : {}),
            ...(v['max-increase'] !== undefined ? { maxIncrease: parseIncrease(v['max-increase'], '--max-increase') } : {}),
            ...(v['max-layers'] !== undefined ? { maxLayers: parseLayerCount(v['max-layers'], '--max-layers') } : {}),
        },
        failOn: parseFailOn(v['fail-on'], '--fail-on'),
        compressedSize: parseCompressedSizeMode(v['compressed-size']),
        topFiles,
        logMode: defaultLogMode(),
    };
    return { options, format, output: v.output };
}
async function runCompareCommand(v) {
    const { options, format, output } = compareOptionsFromFlags(v, process.cwd());
    const shown = [];
    const started = performance.now();
    const result = await runCompare(options, (label) => {
        const p = makeProgress(`reading ${label}`);
        shown.push(p);
        return (bytes) => p.update(bytes);
    });
    for (const p of shown)
        p.done();
    const entry = result.report.images[0];
    for (const w of result.warnings)
        process.stderr.write(`image-size-guard: warning: ${oneLine(w)}\n`);
    const timings = timingLine(result, performance.now() - started);
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
/** Each side's phases (base and head run at the same time, so they overlap), then the wall time. */
function timingLine(result, wallMs) {
    const parts = [];
    for (const image of result.images) {
        for (const [label, side] of [['head', image.head], ['base', image.base]]) {
            if (!side)
                continue;
            const name = result.images.length > 1 ? `${image.entry.name} ${label}` : label;
            parts.push(`${name} ${Object.entries(side.timings).map(([phase, ms]) => `${phase} ${formatSeconds(ms)}`).join(', ')}`);
        }
    }
    return `Timings: ${parts.join(' · ')} · total ${formatSeconds(wallMs)}`;
}

;// CONCATENATED MODULE: ./src/cli/usage.ts
// `--help` text: every flag of every command is documented here.
const USAGE = `image-size-guard — measure container images, diff them, enforce size budgets

Usage:
  image-size-guard compare [--base REF] [--head REF] [options]
  image-size-guard inspect <image-ref | archive.tar | -> [--file Dockerfile] [options]
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
  -f, --file PATH        the Dockerfile the image was built from (maps layers to lines, sharpens findings)

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
        file: { type: 'string', short: 'f' },
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
        file: values.file,
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
        return (0,external_node_util_namespaceObject.parseArgs)({ args: attachValues(argv, options), options, allowPositionals: true, strict: true });
    }
    catch (err) {
        const message = err.message;
        // "Option '--base <value>' argument missing", or "… is ambiguous" when the next word is another option
        const needs = /^Option '(-[^' ]+)[^']*' argument (?:missing|is ambiguous)/.exec(message);
        if (needs)
            throw new UsageError(`${needs[1]} needs a value`);
        // otherwise parseArgs explains itself well ("Unknown option '--x'"), minus its advice on positionals
        throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, ''));
    }
}
/**
 * An option that takes a value takes the next word, whatever it starts with — as docker and git parse flags:
 * `--buildx-flags "--no-cache"`, `--build-arg -X` (which is then refused for what it is, not as "ambiguous").
 * parseArgs alone refuses a value that starts with "-" unless it is attached with "=", so it is attached here —
 * except when the next word is one of the command's own options (`--base --format json`: a forgotten value).
 */
function attachValues(argv, options) {
    const takesValue = new Set();
    const own = new Set();
    for (const [name, o] of Object.entries(options)) {
        own.add(`--${name}`);
        if (o.short)
            own.add(`-${o.short}`);
        if (o.type !== 'string')
            continue;
        takesValue.add(`--${name}`);
        if (o.short)
            takesValue.add(`-${o.short}`);
    }
    const isOwn = (word) => own.has(word.split('=')[0]);
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const word = argv[i];
        if (word === '--') {
            out.push(...argv.slice(i));
            break;
        }
        const next = argv[i + 1];
        if (takesValue.has(word) && next !== undefined && next.startsWith('-') && !isOwn(next)) {
            out.push(word.startsWith('--') ? `${word}=${next}` : `${word}${next}`);
            i++;
        }
        else
            out.push(word);
    }
    return out;
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
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
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
