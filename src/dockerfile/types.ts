// The typed model of a Dockerfile, as far as the analysis needs it: its stages, which stages feed which,
// and each instruction's text as BuildKit writes it into the image history (to map layers to lines).

export interface DockerfileInstruction {
  /** Upper-case: FROM, RUN, COPY, ADD, WORKDIR, ENV, CMD, ENTRYPOINT, HEALTHCHECK, ARG, … */
  keyword: string;
  /** 1-based line where the instruction starts. */
  line: number;
  /** 1-based last line (continuations, heredocs). */
  endLine: number;
  /**
   * The arguments as BuildKit writes them in history: flags (--from, --chown, --chmod, --link, --mount,
   * --network, --security, …) removed, continuation lines joined (comments between them dropped), whitespace
   * collapsed. An exec-form RUN (`RUN ["a", "b"]`) gives "a b", as BuildKit's history does.
   */
  args: string;
  /** Flags as written, e.g. { from: 'build' } for COPY --from=build; a flag without a value ("--link") is 'true'. */
  flags: Record<string, string>;
  /** RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD written in shell form (not a JSON array). */
  shellForm: boolean;
}

export interface DockerfileStage {
  index: number;
  /** FROM … AS name, lower-case (BuildKit matches stage names case-insensitively). */
  name: string | null;
  /** The FROM image or stage name, with the ARGs declared before the first FROM substituted. */
  from: string;
  /** 1-based. */
  fromLine: number;
  /** Index of the stage this one is FROM, if it builds on an earlier stage. */
  fromStage: number | null;
  /** Stages this one takes files from: FROM <stage>, COPY --from=<name|index>, RUN --mount=…,from=<name|index> */
  usesStages: number[];
  /** Excluding its FROM. */
  instructions: DockerfileInstruction[];
}

export interface DockerfileModel {
  path: string;
  stages: DockerfileStage[];
  /** Index of the stage that produces the image: the last one, or the --target one. */
  target: number;
}
