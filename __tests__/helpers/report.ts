// The report as the tests that build or read every image see it: every entry compared (none "not-built"),
// so `images[i].head` can be read without narrowing. The tests of not-built entries use Report itself.

import type { ImageEntry, Report } from '../../src/model/report.js';

export type ComparedReport = Omit<Report, 'images'> & { images: ImageEntry[] };
