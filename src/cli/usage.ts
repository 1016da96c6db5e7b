// `--help` text: every flag of every command is documented here.

export const USAGE = `image-size-guard — measure container images, diff them, enforce size budgets

Usage:
  image-size-guard compare [--base REF] [--head REF] [options]
  image-size-guard compare --base REF --config FILE | --bake [FILES] [options]
  image-size-guard inspect <IMAGE | -> [--file Dockerfile] [options]
  image-size-guard merge FILE|DIR|GLOB... [--format text|markdown|json] [--output FILE] [--sarif FILE]
  image-size-guard history FILE [--format text|markdown|json] [--last N] [--output FILE]
  image-size-guard --help | --version

compare
  Builds the head (the working tree, or --head REF) and the base (--base REF, checked out with
  git worktree) with docker buildx, or reads existing images (--image, --base-image), and reports the
  size change layer by layer and file by file. Without --base/--base-image the head is checked alone.
  An image whose Dockerfile, context files (after .dockerignore) and definition did not change between
  base and head is reported as not built (--always-build builds it anyway).

  Several images: --config FILE (YAML, a top-level "images:" list whose entries take the single-image
  names: name, context, dockerfile, target, build-args, platform, image, base-image, max-size,
  max-increase, max-compressed-size, max-compressed-increase, max-layers, warn-size, warn-increase,
  warn-compressed-size, warn-compressed-increase, warn-layers, fail-on;
  .github/image-size-guard.yml is read when it exists and no image flag is given) or --bake; the image
  and budget flags are then defaults each entry can override. Several images, or one on several
  platforms, are reported as a summary table (a row per image and platform) and then each one's details.

  --base REF             git ref or SHA built as the baseline (fetched from origin if missing)
  --head REF             git ref built as the head (default: the working tree)
  --config FILE          several images from a YAML file (see above)
  --bake [FILES]         several images: the targets of docker buildx bake --print (HCL, JSON or compose;
                         files separated by commas; none: bake's default files)
  --bake-target T        a bake target or group to compare (repeatable; default: the "default" group)
  --always-build         build every image, also those the change cannot have touched
  --comment-key KEY      key of the comment marker in --format markdown with several images
  --base-image IMAGE     an existing image as the baseline instead of building --base (see IMAGE below)
  --image IMAGE          an existing image as the head instead of building it (see IMAGE below)
  --base-tag previous    with --base-image registry://REPO (no tag): the base is the repository's highest
                         release tag below the head's version (semantic versions, an optional "v"; pre-
                         releases only when the head is one; latest and other names ignored). None below
                         it (the first release): no baseline, a warning, --max-size/--max-layers checked
  --head-version V       the head's version for --base-tag when --image names no tag (registry://…:TAG,
                         archive://PATH:TAG); default on a GitHub tag push: GITHUB_REF_NAME
  --context DIR          build context (default: .)
  -f, --file PATH        Dockerfile (default: <context>/Dockerfile)
  --target STAGE         build stage to build
  --build-arg K=V        build argument (repeatable)
  --platform P           platform(s) to build or read and compare: one (linux/amd64), a comma list
                         (linux/amd64,linux/arm64: one report entry per platform, built in one buildx
                         build on a builder that exports OCI), or all (every platform of existing images;
                         a build needs them listed). Base and head are paired by platform; a platform on
                         one side only is reported as added or removed. Default: the builder's platform,
                         or the host's for a multi-platform image
  --builder NAME         buildx builder (default: the current one)
  --buildx-flags "…"     extra flags for buildx build (e.g. cache flags), split like a shell would
  --name NAME            label of the image (default: derived from the Dockerfile path)
  --max-size S           fail when the head is bigger than S (250MB, 1.5GiB: kB/MB/GB are 1000-based,
                         KiB/MiB/GiB 1024-based)
  --max-increase S       fail when the head grew by more than S: bytes (10MB), percent (5%) or both
                         ("10MB, 5%": fails only when every listed limit is exceeded)
  --max-compressed-size S
                         fail when the head's compressed size (what a pull moves) is bigger than S
  --max-compressed-increase S
                         fail when the compressed size grew by more than S (as --max-increase); with
                         --compressed-size off these are not checked (a warning says so)
  --max-layers N         fail when the head has more than N layers
  --warn-size S          warn (⚠️ and a warning line; the exit code is not changed) when the head is bigger
                         than S; each --max-* budget has a --warn-* level with its grammar, which must be
                         below it:
  --warn-increase S      warn when the head grew by more than S (as --max-increase)
  --warn-compressed-size S
                         warn when the head's compressed size is bigger than S
  --warn-compressed-increase S
                         warn when the compressed size grew by more than S
  --warn-layers N        warn when the head has more than N layers
  --fail-on LIST         what fails the run: budget (default), any finding, a finding id, or never
  --compressed-size M    auto (default): exact blob sizes when the export is compressed, else a gzip
                         level-6 estimate; exact: only real blob sizes; off: none
  --top-files N          rows of biggest file changes (default: 20)
  --cache-dir DIR        the analysis cache (default: $XDG_CACHE_HOME/image-size-guard, else
                         ~/.cache/image-size-guard). A commit built as the base (or --head) is kept there
                         under its SHA and build inputs, and read instead of built the next time; layer
                         scans are kept by digest. Least recently used entries go past 2 GiB or 30 days
  --no-cache             neither read nor write the analysis cache (--buildx-flags "--no-cache" or
                         "--pull" builds the base afresh too, and keeps what it built)
  --sarif FILE           also write the findings as SARIF 2.1.0 to FILE (for GitHub code scanning)
  --comment-threshold S  with --format markdown: when every image changed by less than S (a size, a
                         percent or both, as --max-increase), the run passed, no budget failed or warned,
                         no finding is new or resolved and the image config is the same, print only the
                         one-line comment (its marker and "no significant change since the last run: +3.2 kB")
  --format F             text (default), markdown (the PR comment) or json (the report)
  --output FILE          write the report to FILE instead of stdout
  --history FILE         a size history (JSON Lines): the report ends with each image's trend over its
                         last 30 records, then this run (markdown: a mermaid chart per image)
  --record               append this run's record to the --history file (the commit of --head, else
                         HEAD; the newest 1000 records are kept)

inspect
  Reads one image (IMAGE below, or "-" for an archive on stdin) and reports its layers, sizes and files.

  --format text|json     output format (default: text)
  --output FILE          write the report to FILE instead of stdout
  --platform P           which platform(s) to read when the image has several: one, a comma list, or all
                         (default: the only one; from a registry or an OCI layout, the host's)
  --name NAME            label of the image in the report (default: derived from the argument)
  --compressed-size M    as for compare
  -f, --file PATH        the Dockerfile the image was built from (maps layers to lines, sharpens findings)
  --sarif FILE           also write the findings as SARIF 2.1.0 to FILE (needs --file to locate them)

merge
  Merges the JSON reports of several runs (the legs of a CI matrix, each with its budgets decided) into
  one report and renders it as a run on several images: a summary row per image and platform, then the
  details. Each argument is a report file, a directory (every *.json under it) or a glob (quote it to
  keep the shell from expanding it). Every report is checked field by field; a file that is not a
  report, a newer schemaVersion, or one image and platform with different results in two files is an
  error. The merged report keeps each entry's file (images[].reportFile). Nothing is built or read.

  --format F             text (default), markdown (the comment) or json (the merged report)
  --output FILE          write it to FILE instead of stdout (FILE is never read as a report)
  --comment-key KEY      key of the comment marker in --format markdown (default: merged)
  --comment-threshold S  as for compare
  --sarif FILE           the merged findings as SARIF 2.1.0 (FILE is never read as a report)

history
  Prints a size history (JSON Lines: one record per line, as --record and the Action's history branch
  keep it) as a table of its last records and each image's trend. A malformed line is a warning naming
  it; the rest is used.

  --format F             text (default), markdown (table and mermaid charts) or json (every record)
  --last N               records in the table and the trend (default: 30)
  --output FILE          write to FILE instead of stdout

IMAGE (for inspect, --image, --base-image)
  registry://REF         read from the registry (credentials from $DOCKER_CONFIG/config.json, credential
                         helpers included; nothing is pulled, the Docker engine is not used)
  local://REF            the local Docker engine's image, streamed from its API socket (as \`docker save\`)
  oci-dir://PATH         an OCI image layout directory (buildx --output type=oci,tar=false; skopeo oci:)
  archive://PATH         an archive written by \`docker save\` or \`buildx --output type=oci|docker\`
  REF or PATH            an existing file is an archive (a directory with index.json an OCI layout), else
                         the engine's image if it has it, else the registry

  -h, --help             show this help
  -V, --version          print the version

Exit codes: 0 passed, 1 a budget or finding failed (merge: some entry failed), 2 usage, build or input
error (merge: a bad or missing report).
Build logs go to stderr; the report goes to stdout (or --output).
`;
