// The tool's name and version, from package.json (bundled into dist/ at build time).
import pkg from '../../package.json' with { type: 'json' };

export const TOOL_NAME = 'image-size-guard';
export const TOOL_VERSION: string = pkg.version;
