// Authentication against one registry: anonymous, Basic, or the Bearer token flow of the distribution spec
// (401 + `WWW-Authenticate: Bearer realm=…,service=…,scope=…` → GET realm?service&scope with Basic
// credentials, or POST an OAuth2 refresh token for identity tokens → a token per scope, cached until it expires).

import { oneLine } from '../lib/one-line.js';
import { parseChallenges, type Challenge } from './challenge.js';
import type { Credentials } from './docker-config.js';
import { loginHint, RegistryError } from './errors.js';
import { checkScheme, discard, header, readLimited, type Http } from './http.js';

interface Token {
  value: string;
  expiresAt: number;
}

type Scheme = { kind: 'basic' } | { kind: 'bearer'; realm: URL; service: string | null };

const MAX_TOKEN_RESPONSE = 1 << 20;

export class RegistryAuth {
  private scheme: Scheme | null = null;
  private readonly tokens = new Map<string, Promise<Token>>();
  private creds: Promise<Credentials | null> | null = null;

  /**
   * @param registry the registry's name as in references and config keys (for messages and the login hint)
   * @param lookup finds credentials; called at most once, and only when the registry asks for them
   */
  constructor(
    private readonly registry: string,
    private readonly http: Http,
    private readonly lookup: () => Promise<Credentials | null>,
  ) {}

  /** The Authorization header for a request on scope, from what earlier challenges taught (none at first). */
  async authorization(scope: string): Promise<string | undefined> {
    if (!this.scheme) return undefined;
    if (this.scheme.kind === 'basic') {
      const c = await this.credentials();
      return c && !c.identityToken ? 'Basic ' + Buffer.from(`${c.username}:${c.password}`).toString('base64') : undefined;
    }
    const token = await this.token(scope);
    return token ? `Bearer ${token.value}` : undefined;
  }

  /**
   * Learns from a 401. Returns when a retry makes sense (first challenge, or a token to renew on the first
   * try); otherwise throws the one-line error (no credentials: a hint to log in; credentials refused: say so).
   */
  async unauthorized(wwwAuthenticate: string | string[] | undefined, scope: string, sent: string | undefined, firstTry: boolean, what: string): Promise<void> {
    const challenges = parseChallenges(wwwAuthenticate);
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    const basic = challenges.find((c) => c.scheme === 'basic');
    const creds = await this.credentials();
    if (bearer) {
      const next = bearerScheme(bearer, this.registry);
      const known = this.scheme?.kind === 'bearer' && this.scheme.realm.href === next.realm.href && this.scheme.service === next.service;
      if (sent && known && !firstTry) throw await this.denied(what, bearer.params.error);
      // New challenge, or a cached token refused on the first try (expired, revoked): fetch a fresh one.
      this.scheme = next;
      this.tokens.delete(scope);
      const wanted = bearer.params.scope;
      if (wanted && wanted !== scope) this.remember(scope, this.fetchToken(wanted));
      return;
    }
    if (basic) {
      if (!creds || creds.identityToken || (this.scheme?.kind === 'basic' && sent)) throw await this.denied(what);
      this.scheme = { kind: 'basic' };
      return;
    }
    throw new RegistryError(`${this.registry} refused ${what} (HTTP 401) without a usable authentication challenge`);
  }

  /** The one-line refusal: a hint to log in when we had no credentials, else that they were refused. */
  async denied(what: string, error?: string): Promise<RegistryError> {
    const creds = await this.credentials();
    if (!creds) return new RegistryError(`${what} requires credentials: ${loginHint(this.registry)}`);
    const detail = error === 'insufficient_scope' ? ' (insufficient scope)' : '';
    return new RegistryError(`${this.registry} refused the credentials from the Docker config for ${what}${detail}: check the login and its access to the repository`);
  }

  /** The credentials, looked up once; a lookup that failed is tried again by the next request. */
  private credentials(): Promise<Credentials | null> {
    if (!this.creds) {
      const c = this.lookup();
      this.creds = c;
      c.catch(() => {
        if (this.creds === c) this.creds = null;
      });
    }
    return this.creds;
  }

  /**
   * Keeps a token request for the requests that follow on the scope; one that fails is forgotten (the requests
   * waiting for it fail with it, later ones fetch again). The HTTP layer already retried it as any request.
   */
  private remember(scope: string, t: Promise<Token>): Promise<Token> {
    this.tokens.set(scope, t);
    t.catch(() => {
      if (this.tokens.get(scope) === t) this.tokens.delete(scope);
    });
    return t;
  }

  private token(scope: string): Promise<Token> {
    const t = this.tokens.get(scope) ?? this.remember(scope, this.fetchToken(scope));
    return t.then((tok) => {
      if (tok.expiresAt > Date.now()) return tok;
      this.tokens.delete(scope);
      return this.token(scope);
    });
  }

  private async fetchToken(scope: string): Promise<Token> {
    const scheme = this.scheme;
    if (scheme?.kind !== 'bearer') throw new Error('no bearer challenge yet');
    const creds = await this.credentials();
    const url = new URL(scheme.realm);
    let res;
    if (creds?.identityToken) {
      // OAuth2 refresh-token grant, as the docker CLI does for identity tokens.
      const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: 'image-size-guard', refresh_token: creds.identityToken });
      if (scheme.service) form.set('service', scheme.service);
      form.set('scope', scope);
      res = await this.http.send(url, { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    } else {
      if (scheme.service) url.searchParams.set('service', scheme.service);
      url.searchParams.set('scope', scope);
      const basic = creds ? 'Basic ' + Buffer.from(`${creds.username}:${creds.password}`).toString('base64') : undefined;
      res = await this.http.send(url, basic ? { authorization: basic } : {});
    }
    if (res.status === 401 || res.status === 403) {
      await discard(res);
      throw creds
        ? new RegistryError(`the token service of ${this.registry} (${url.host}) refused the credentials from the Docker config: ${loginHint(this.registry)} again`)
        : new RegistryError(`${this.registry} requires credentials: ${loginHint(this.registry)}`);
    }
    if (res.status !== 200) {
      await discard(res);
      throw new RegistryError(`the token service of ${this.registry} (${url.host}) answered HTTP ${res.status}`);
    }
    const text = await readLimited(res.body, MAX_TOKEN_RESPONSE);
    let doc: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      doc = JSON.parse(text) as typeof doc;
    } catch {
      throw new RegistryError(`the token service of ${this.registry} (${url.host}) did not answer JSON (${oneLine(header(res, 'content-type') ?? 'no content type', 200)})`);
    }
    const value = typeof doc.token === 'string' && doc.token ? doc.token : typeof doc.access_token === 'string' ? doc.access_token : '';
    if (!value) throw new RegistryError(`the token service of ${this.registry} (${url.host}) returned no token`);
    // The spec's default lifetime is 60 s; refresh a little early.
    const seconds = typeof doc.expires_in === 'number' && doc.expires_in > 0 ? doc.expires_in : 60;
    return { value, expiresAt: Date.now() + Math.max(5, seconds - 10) * 1000 };
  }
}

function bearerScheme(c: Challenge, registry: string): Scheme & { kind: 'bearer' } {
  let realm: URL;
  try {
    realm = new URL(c.params.realm as string);
  } catch {
    throw new RegistryError(`${registry} names an invalid token service "${oneLine(c.params.realm ?? '', 200)}"`);
  }
  checkScheme(realm); // credentials never go to a plain-HTTP token service off this machine
  return { kind: 'bearer', realm, service: c.params.service ?? null };
}
