// The next page of a tag list: the `Link` header as registries send it (relative or absolute, several
// relations, rel with several tokens). Only the query is taken, so credentials never follow a link elsewhere.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { RegistryError } from '../../src/registry/errors.js';
import { nextQuery } from '../../src/registry/tags.js';

const base = new URL('https://ghcr.io/v2/o/app/tags/list?n=1000');

describe('nextQuery', () => {
  it('reads rel="next" in the forms registries use', () => {
    assert.equal(nextQuery('</v2/o/app/tags/list?n=100&last=v1.2.0>; rel="next"', base, 'o/app'), 'n=100&last=v1.2.0');
    assert.equal(nextQuery('<https://ghcr.io/v2/o/app/tags/list?last=b&n=2>; rel=next', base, 'o/app'), 'last=b&n=2');
    assert.equal(nextQuery('</v2/o/app/tags/list?n=2&last=a>; rel="prev", </v2/o/app/tags/list?n=2&last=c>; rel="next"', base, 'o/app'), 'n=2&last=c');
    assert.equal(nextQuery('</v2/o/app/tags/list?n=2&last=c>; type="application/json"; rel="next last"', base, 'o/app'), 'n=2&last=c');
  });

  it('no next page: no header, other relations only, or a link without a query', () => {
    assert.equal(nextQuery(undefined, base, 'o/app'), null);
    assert.equal(nextQuery('</v2/o/app/tags/list?n=2>; rel="prev"', base, 'o/app'), null);
    assert.equal(nextQuery('</v2/o/app/tags/list>; rel="next"', base, 'o/app'), null);
  });

  it('a link to another repository or path is refused with one line', () => {
    assert.throws(() => nextQuery('</v2/other/app/tags/list?n=2&last=a>; rel="next"', base, 'o/app'), (e: unknown) => e instanceof RegistryError && /points elsewhere/.test(e.message));
    assert.throws(() => nextQuery('<https://evil.example/v2/x/tags/list?last=a>; rel="next"', base, 'o/app'), RegistryError);
  });
});
