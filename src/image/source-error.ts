// The error for an image that cannot be had (missing file, failed `docker save`, registry faults): one line, exit 2.

import { UserError } from '../model/errors.js';

export class ImageSourceError extends UserError {}
