// The repository contents behind the fake GitHub (fake-github.ts): branches, commits, trees and blobs, served
// through the REST contents API and the git data API as awkwardly as GitHub does:
// - GET contents: base64 wrapped at 60 characters, the blob SHA (git's own: sha1 of "blob N\0" + content);
//   404 "No commit found for the ref X" for a missing branch, 404 "Not Found" for a missing file; a file past
//   1 MB is refused with 403 too_large unless the object media type is asked for, which answers with
//   content "" and encoding "none" (then GET git/blobs/:sha has it);
// - PUT contents: 404 "Branch X not found", 422 when an existing file's SHA is not supplied, 409 "<path> does
//   not match <sha>" for a stale SHA, 201 create / 200 update; every PUT is a new commit on the branch;
// - git data API: blobs, trees (no base_tree needed), commits (parents may be empty: an orphan), refs
//   (422 "Reference already exists");
// - a PUT that is written and then answered 502 (writeThen502), as a proxy that timed out would;
// - a read-only token (a fork's pull request, or a job without `contents: write`): every write is 403
//   "Resource not accessible by integration".

import { createHash } from 'node:crypto';

export interface Answer {
  status: number;
  body: unknown;
}

interface Commit {
  tree: string;
  parents: string[];
  message: string;
}

const DOCS = 'https://docs.github.com/rest';
const MAX_PLAIN = 1_000_000;

const sha1 = (text: string | Buffer): string => createHash('sha1').update(text).digest('hex');
const blobSha = (content: Buffer): string => sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));
const wrap60 = (b64: string): string => (b64.match(/.{1,60}/g) ?? []).join('\n') + (b64 ? '\n' : '');
const err = (status: number, message: string): Answer => ({ status, body: { message, documentation_url: DOCS, status: String(status) } });

export class FakeContents {
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, Commit>();
  /** branch → commit SHA */
  readonly branches = new Map<string, string>();
  /** 'read': the token may read but not write (403 on every write). */
  access: 'write' | 'read' = 'write';
  /** Run just before the next contents PUTs are handled, one each: another run writing in between. */
  readonly beforePut: (() => void)[] = [];
  /** Every write request that reached the contents or git data API: "PUT contents/x.jsonl", "POST git/refs"… */
  readonly writes: string[] = [];
  /** The next N contents PUTs are done, then answered 502 (the write landed, the answer did not). */
  writeThen502 = 0;

  constructor(readonly owner: string, readonly repo: string) {
    this.commitFiles('main', new Map([['README.md', Buffer.from('# app\n')]]), 'initial commit');
  }

  /** The text of a file on a branch, or null. */
  file(branch: string, path: string): string | null {
    const blob = this.blobOf(branch, path);
    return blob === null ? null : this.blobs.get(blob)!.toString('utf8');
  }

  /** Writes a file as another client would (a commit on the branch, created if missing). */
  putFile(branch: string, path: string, text: string): void {
    const head = this.branches.get(branch);
    const files = new Map(head ? [...this.trees.get(this.commits.get(head)!.tree)!].map(([p, b]) => [p, this.blobs.get(b)!]) : []);
    files.set(path, Buffer.from(text));
    this.commitFiles(branch, files, `update ${path}`);
  }

  /** Parents of a branch's head commit (an orphan branch's first commit has none). */
  parentsOf(branch: string): string[] | null {
    const head = this.branches.get(branch);
    return head ? this.commits.get(head)!.parents : null;
  }

  /** Answers a request on /repos/:owner/:repo/{contents,git}/…, or null when it is not one. */
  handle(method: string, path: string, query: URLSearchParams, accept: string, body: Record<string, unknown>): Answer | null {
    const prefix = `/repos/${this.owner}/${this.repo}/`;
    if (!path.startsWith(prefix)) return null;
    const rest = decodeURIComponent(path.slice(prefix.length));
    const isWrite = method !== 'GET' && method !== 'HEAD';
    if (isWrite && (rest.startsWith('contents/') || rest.startsWith('git/'))) {
      this.writes.push(`${method} ${rest}`);
      if (this.access === 'read') return err(403, 'Resource not accessible by integration');
    }
    if (rest.startsWith('contents/')) {
      const file = rest.slice('contents/'.length);
      if (method === 'GET') return this.getContents(file, query.get('ref') ?? 'main', accept);
      if (method === 'PUT') {
        const answer = this.putContents(file, body);
        if (answer.status < 300 && this.writeThen502 > 0) {
          this.writeThen502--;
          return { status: 502, body: '<html><body><h1>Unicorn!</h1></body></html>' };
        }
        return answer;
      }
    }
    const blob = /^git\/blobs\/([0-9a-f]{40})$/.exec(rest);
    if (method === 'GET' && blob) return this.getBlob(blob[1]!);
    if (method === 'POST' && rest === 'git/blobs') return this.createBlob(body);
    if (method === 'POST' && rest === 'git/trees') return this.createTree(body);
    if (method === 'POST' && rest === 'git/commits') return this.createCommit(body);
    if (method === 'POST' && rest === 'git/refs') return this.createRef(body);
    return null;
  }

  private blobOf(branch: string, path: string): string | null {
    const head = this.branches.get(branch);
    return head ? (this.trees.get(this.commits.get(head)!.tree)!.get(path) ?? null) : null;
  }

  private commitFiles(branch: string, files: Map<string, Buffer>, message: string): string {
    const tree = new Map<string, string>();
    for (const [p, content] of files) {
      const sha = blobSha(content);
      this.blobs.set(sha, content);
      tree.set(p, sha);
    }
    const treeSha = sha1(JSON.stringify([...tree].sort()));
    this.trees.set(treeSha, tree);
    const parent = this.branches.get(branch);
    const commit = { tree: treeSha, parents: parent ? [parent] : [], message };
    const sha = sha1(JSON.stringify([commit, this.commits.size]));
    this.commits.set(sha, commit);
    this.branches.set(branch, sha);
    return sha;
  }

  private getContents(path: string, ref: string, accept: string): Answer {
    if (!this.branches.has(ref)) return err(404, `No commit found for the ref ${ref}`);
    const sha = this.blobOf(ref, path);
    if (sha === null) return err(404, 'Not Found');
    const content = this.blobs.get(sha)!;
    const large = content.length > MAX_PLAIN;
    if (large && !/application\/vnd\.github\.object/.test(accept)) {
      return {
        status: 403,
        body: {
          message: 'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
          errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }],
          documentation_url: DOCS,
          status: '403',
        },
      };
    }
    const name = path.split('/').pop();
    return {
      status: 200,
      body: { type: 'file', name, path, sha, size: content.length, encoding: large ? 'none' : 'base64', content: large ? '' : wrap60(content.toString('base64')) },
    };
  }

  private putContents(path: string, body: Record<string, unknown>): Answer {
    const branch = typeof body.branch === 'string' ? body.branch : 'main';
    if (!this.branches.has(branch)) return err(404, `Branch ${branch} not found`);
    this.beforePut.shift()?.();
    const current = this.blobOf(branch, path);
    if (current !== null && body.sha === undefined) return err(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    if (current !== null && body.sha !== current) return err(409, `${path} does not match ${String(body.sha)}`);
    if (typeof body.content !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(body.content)) return err(422, 'content is not valid Base64');
    this.putFile(branch, path, Buffer.from(body.content, 'base64').toString('utf8'));
    const sha = this.blobOf(branch, path)!;
    return { status: current === null ? 201 : 200, body: { content: { name: path, path, sha, type: 'file' }, commit: { sha: this.branches.get(branch), message: body.message } } };
  }

  private getBlob(sha: string): Answer {
    const content = this.blobs.get(sha);
    if (!content) return err(404, 'Not Found');
    return { status: 200, body: { sha, size: content.length, encoding: 'base64', content: wrap60(content.toString('base64')) } };
  }

  private createBlob(body: Record<string, unknown>): Answer {
    if (typeof body.content !== 'string') return err(422, 'Invalid request.\n\n"content" wasn\'t supplied.');
    const content = Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8');
    const sha = blobSha(content);
    this.blobs.set(sha, content);
    return { status: 201, body: { sha, url: `blobs/${sha}` } };
  }

  private createTree(body: Record<string, unknown>): Answer {
    if (body.base_tree !== undefined || !Array.isArray(body.tree)) return err(422, 'the fake takes a whole tree (no base_tree)');
    const tree = new Map<string, string>();
    for (const e of body.tree as { path?: string; sha?: string; type?: string; mode?: string }[]) {
      if (e.type !== 'blob' || e.mode !== '100644' || !e.path || !e.sha || !this.blobs.has(e.sha)) return err(422, 'GitRPC::BadObjectState');
      tree.set(e.path, e.sha);
    }
    const sha = sha1(JSON.stringify([...tree].sort()));
    this.trees.set(sha, tree);
    return { status: 201, body: { sha, tree: [...tree].map(([path, s]) => ({ path, sha: s, type: 'blob', mode: '100644' })) } };
  }

  private createCommit(body: Record<string, unknown>): Answer {
    const parents = (body.parents ?? []) as string[];
    if (typeof body.tree !== 'string' || !this.trees.has(body.tree) || parents.some((p) => !this.commits.has(p))) return err(422, 'Tree SHA does not exist');
    const commit = { tree: body.tree, parents, message: String(body.message ?? '') };
    const sha = sha1(JSON.stringify([commit, this.commits.size]));
    this.commits.set(sha, commit);
    return { status: 201, body: { sha, tree: { sha: body.tree }, parents: parents.map((p) => ({ sha: p })), message: commit.message } };
  }

  private createRef(body: Record<string, unknown>): Answer {
    const ref = String(body.ref ?? '');
    const sha = String(body.sha ?? '');
    if (!ref.startsWith('refs/heads/')) return err(422, 'Reference name is invalid');
    if (!this.commits.has(sha)) return err(422, 'Object does not exist');
    const branch = ref.slice('refs/heads/'.length);
    if (this.branches.has(branch)) return err(422, 'Reference already exists');
    this.branches.set(branch, sha);
    return { status: 201, body: { ref, object: { sha, type: 'commit' } } };
  }
}
