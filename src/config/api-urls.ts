// Where the REST and GraphQL APIs live. The runner sets GITHUB_API_URL and GITHUB_GRAPHQL_URL; on GitHub
// Enterprise Server they are https://HOST/api/v3 and https://HOST/api/graphql, so GraphQL is not simply
// "<rest>/graphql" there.

export const DEFAULT_API_URL = 'https://api.github.com';

export function restApiUrl(env: NodeJS.ProcessEnv): string {
  return (env.GITHUB_API_URL?.trim() || DEFAULT_API_URL).replace(/\/+$/, '');
}

export function graphqlApiUrl(env: NodeJS.ProcessEnv): string {
  const explicit = env.GITHUB_GRAPHQL_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, '');
  const rest = restApiUrl(env);
  return /\/api\/v3$/.test(rest) ? rest.replace(/\/api\/v3$/, '/api/graphql') : `${rest}/graphql`;
}
