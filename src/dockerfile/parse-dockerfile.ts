// Dockerfile text → DockerfileModel, using dockerfile-ast for the syntax (parser directives, escape
// character, continuations, comments inside them, heredocs) and resolving stages the way BuildKit does:
// names are case-insensitive, FROM and --from values may use the ARGs declared before the first FROM.

import { DockerfileParser, ModifiableInstruction, type Instruction } from 'dockerfile-ast';
import { UserError } from '../model/errors.js';
import { expandVars } from './expand-vars.js';
import type { DockerfileInstruction, DockerfileModel, DockerfileStage } from './types.js';

/** A Dockerfile that cannot be modelled; the message is one line. */
export class DockerfileError extends UserError {
  override name = 'DockerfileError';
}

export interface ParseDockerfileOptions {
  path: string;
  /** --target: the stage that produces the image (case-insensitive); the last stage when absent. */
  target?: string;
  /** --build-arg values, "KEY=VALUE"; entries without "=" are ignored. */
  buildArgs?: string[];
}

/** A stage before its references to other stages are resolved. */
type RawStage = Pick<DockerfileStage, 'index' | 'name' | 'from' | 'fromLine' | 'instructions'>;

export function parseDockerfile(text: string, opts: ParseDockerfileOptions): DockerfileModel {
  const buildArgs = parseBuildArgs(opts.buildArgs ?? []);
  const dockerfile = DockerfileParser.parse(text);
  const escapeChar = dockerfile.getEscapeCharacter();

  // ARGs before the first FROM: their values are what FROM lines (and stage ARGs without a value) see.
  const globals = new Map<string, string | undefined>();
  const raw: RawStage[] = [];
  for (const ins of dockerfile.getInstructions()) {
    const keyword = ins.getKeyword().toUpperCase();
    const stage = raw.at(-1);
    if (keyword === 'FROM') {
      raw.push(fromStage(ins, raw.length, globals, escapeChar));
    } else if (stage) {
      stage.instructions.push(toInstruction(ins, keyword, escapeChar));
    } else if (keyword === 'ARG') {
      for (const [name, value] of argDeclarations(ins)) {
        globals.set(name, buildArgs.get(name) ?? (value === undefined ? undefined : expandVars(value, globals, escapeChar)));
      }
    }
    // Anything else before the first FROM is an error BuildKit reports itself; nothing to model.
  }
  if (raw.length === 0) throw new DockerfileError(`${opts.path}: no FROM instruction`);

  const byName = new Map<string, number>();
  for (const s of raw) {
    if (s.name === null) continue;
    if (byName.has(s.name)) throw new DockerfileError(`${opts.path}:${s.fromLine}: duplicate stage name "${s.name}"`);
    byName.set(s.name, s.index);
  }

  const stages: DockerfileStage[] = raw.map((s) => {
    const earlier = byName.get(s.from.toLowerCase());
    const fromStageIndex = earlier !== undefined && earlier < s.index ? earlier : null;
    const uses: number[] = fromStageIndex === null ? [] : [fromStageIndex];
    const scope = stageScope(s, globals, buildArgs, escapeChar);
    for (const ins of s.instructions) {
      for (const ref of stageRefs(ins)) {
        const index = resolveStageRef(expandVars(ref, scope, escapeChar), byName, raw.length);
        if (index !== null && index !== s.index && !uses.includes(index)) uses.push(index);
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
      throw new DockerfileError(`unknown --target "${oneLine(opts.target)}" (${list})`);
    }
    target = found;
  }
  return { path: opts.path, stages, target };
}

function fromStage(ins: Instruction, index: number, globals: ReadonlyMap<string, string | undefined>, escapeChar: string): RawStage {
  const args = ins.getArguments().map((a) => a.getValue());
  const image = args[0] ?? '';
  const name = args.length >= 3 && args[1]!.toUpperCase() === 'AS' ? args[2]!.toLowerCase() : null;
  return {
    index,
    name,
    from: expandVars(image, globals, escapeChar),
    fromLine: ins.getRange().start.line + 1,
    instructions: [],
  };
}

function toInstruction(ins: Instruction, keyword: string, escapeChar: string): DockerfileInstruction {
  const flags: Record<string, string> = {};
  if (ins instanceof ModifiableInstruction) {
    for (const f of ins.getFlags()) flags[f.getName()] = f.getValue() ?? 'true';
  }
  const content = argumentsText(ins, escapeChar);
  const json = jsonArray(content);
  let args = collapse(content);
  let shellForm = false;
  if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT') {
    shellForm = json === null && args !== '';
    // BuildKit's history for an exec-form RUN is its words joined by spaces.
    if (keyword === 'RUN' && json !== null) args = collapse(json.join(' '));
  } else if (keyword === 'HEALTHCHECK') {
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
function argumentsText(ins: Instruction, escapeChar: string): string {
  const raw = ins.getRawArgumentsContent();
  if (raw === null) return '';
  const lines = raw.split(/\r?\n/);
  if (lines.length === 1 || /(?:^|[^<])<<-?\s*["']?[A-Za-z_]/.test(lines[0]!)) return ins.getArgumentsContent() ?? raw;
  const continued = new RegExp(`${escapeRegExp(escapeChar)}[ \\t]*$`);
  let out = '';
  for (const [n, line] of lines.entries()) {
    if (n > 0 && (/^\s*#/.test(line) || line.trim() === '')) continue;
    out += line.replace(continued, '');
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `ARG A=1 B` → [["A", "1"], ["B", undefined]]. */
function argDeclarations(ins: Instruction): [string, string | undefined][] {
  return declarations(ins.getArgumentsContent() ?? '');
}

/** ARG words split on whitespace outside quotes, quotes removed from the values: `A="x y" B` → [["A", "x y"], ["B", undefined]]. */
function declarations(content: string): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (const word of content.match(/(?:"[^"]*"|'[^']*'|\S)+/g) ?? []) {
    const eq = word.indexOf('=');
    out.push(eq < 0 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1).replace(/"([^"]*)"|'([^']*)'/g, '$1$2')]);
  }
  return out;
}

/** Variables a stage's --from / --mount from= values see: its own ARGs, which take global values and build args. */
function stageScope(
  stage: RawStage,
  globals: ReadonlyMap<string, string | undefined>,
  buildArgs: ReadonlyMap<string, string>,
  escapeChar: string,
): Map<string, string | undefined> {
  const scope = new Map<string, string | undefined>();
  for (const ins of stage.instructions) {
    if (ins.keyword !== 'ARG') continue;
    for (const [name, value] of declarations(ins.args)) {
      const own = value === undefined ? undefined : expandVars(value, scope, escapeChar);
      scope.set(name, buildArgs.get(name) ?? own ?? globals.get(name));
    }
  }
  return scope;
}

/** Raw --from values of COPY/ADD and from= options of RUN --mount. */
function stageRefs(ins: DockerfileInstruction): string[] {
  const refs: string[] = [];
  if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && ins.flags['from'] !== undefined) refs.push(ins.flags['from']);
  if (ins.keyword === 'RUN' && ins.flags['mount'] !== undefined) {
    for (const opt of ins.flags['mount'].split(',')) {
      const m = /^\s*from\s*=\s*(.*?)\s*$/i.exec(opt);
      if (m) refs.push(unquote(m[1]!));
    }
  }
  return refs;
}

function resolveStageRef(ref: string, byName: ReadonlyMap<string, number>, count: number): number | null {
  const named = byName.get(ref.toLowerCase());
  if (named !== undefined) return named;
  if (/^\d+$/.test(ref)) {
    const n = Number(ref);
    return n < count ? n : null;
  }
  return null; // an external image
}

function parseBuildArgs(list: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of list) {
    const eq = entry.indexOf('=');
    if (eq > 0) out.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return out;
}

function jsonArray(s: string): string[] | null {
  const t = s.trim();
  if (!t.startsWith('[')) return null;
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
  } catch {
    return null;
  }
}

function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.at(-1) === s[0] ? s.slice(1, -1) : s;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}
