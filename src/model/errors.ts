// The one base class of errors a user can fix: a bad flag or input, a missing tool, a build that failed, a
// broken archive. They end a run with exit code 2 and one line; any other error is a bug (a stack trace
// under ISG_DEBUG=1 or the runner's step debug).

export class UserError extends Error {
  override name = 'UserError';
}
