// `--help` text: every flag of every command is documented here.

export const USAGE = `image-size-guard — measure container images, diff them, enforce size budgets

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
