// GITHUB_API_URL / GITHUB_GRAPHQL_URL: honoured as given, GHES's /api/graphql derived from /api/v3.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { graphqlApiUrl, restApiUrl } from '../../src/config/api-urls.js';

describe('API URLs', () => {
  it('default to github.com', () => {
    assert.equal(restApiUrl({}), 'https://api.github.com');
    assert.equal(graphqlApiUrl({}), 'https://api.github.com/graphql');
  });

  it('take GITHUB_API_URL without a trailing slash', () => {
    assert.equal(restApiUrl({ GITHUB_API_URL: 'https://api.example.ghe.com/' }), 'https://api.example.ghe.com');
    assert.equal(graphqlApiUrl({ GITHUB_API_URL: 'https://api.example.ghe.com/' }), 'https://api.example.ghe.com/graphql');
  });

  it('derive GHES GraphQL (/api/graphql) from /api/v3', () => {
    assert.equal(graphqlApiUrl({ GITHUB_API_URL: 'https://ghes.corp/api/v3' }), 'https://ghes.corp/api/graphql');
    assert.equal(graphqlApiUrl({ GITHUB_API_URL: 'https://ghes.corp/api/v3/' }), 'https://ghes.corp/api/graphql');
  });

  it('prefer GITHUB_GRAPHQL_URL when the runner sets it', () => {
    assert.equal(graphqlApiUrl({ GITHUB_API_URL: 'https://ghes.corp/api/v3', GITHUB_GRAPHQL_URL: 'https://gql.ghes.corp/api/graphql' }), 'https://gql.ghes.corp/api/graphql');
  });
});
