// The tool's name and version, from package.json (bundled into dist/ at build time).
import pkg from '../../package.json' with { type: 'json' };

export const TOOL_NAME = 'image-size-guard';
export const TOOL_VERSION: string = pkg.version;
/** package.json's `homepage`, when it has one (the SARIF rules link to its findings section). */
export const TOOL_HOMEPAGE: string | undefined = (pkg as { homepage?: string }).homepage;
