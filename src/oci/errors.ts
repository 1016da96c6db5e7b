// The error for OCI data that is not what the specs allow (a malformed manifest, index, descriptor or config),
// wherever it came from — an archive, a layout directory or a registry: one line, exit 2.

import { UserError } from '../model/errors.js';

export class OciError extends UserError {}
