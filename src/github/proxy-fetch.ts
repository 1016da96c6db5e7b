// A fetch for Octokit that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY as runners behind a proxy need
// (Node's global fetch ignores them). The proxy decision is @actions/http-client's, the one every Actions
// toolkit package makes (including bypassing loopback addresses), taken per destination origin: the REST
// and GraphQL URLs need not share a host or a NO_PROXY verdict. undici's own fetch goes with undici's
// ProxyAgent; Node's bundled fetch is a different undici and does not accept that dispatcher.

import { HttpClient } from '@actions/http-client';
import { fetch as undiciFetch, type Dispatcher, type RequestInit as UndiciRequestInit } from 'undici';

export function proxyAwareFetch(): typeof globalThis.fetch {
  const client = new HttpClient('image-size-guard');
  const byOrigin = new Map<string, Dispatcher | undefined>();
  const dispatcherFor = (url: URL): Dispatcher | undefined => {
    if (!byOrigin.has(url.origin)) byOrigin.set(url.origin, client.getAgentDispatcher(url.href));
    return byOrigin.get(url.origin);
  };
  // Octokit calls fetch with a URL string and a plain init object.
  const proxied = (input: string | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    const dispatcher = dispatcherFor(url);
    const opts = { ...(init as UndiciRequestInit | undefined), ...(dispatcher ? { dispatcher } : {}) };
    return undiciFetch(url, opts) as unknown as Promise<Response>;
  };
  return proxied as typeof globalThis.fetch;
}
