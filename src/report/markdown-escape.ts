// Paths and instructions come from PR authors. In the comment they are shown as code spans, which GitHub
// renders literally: no HTML, no links, no @mentions, no emphasis, no `<!--` that could hide the rest.
// What a code span cannot hold is handled here: newlines (folded to ↵), pipes inside tables (escaped),
// backticks (a longer fence).

export function codeSpan(text: string, opts: { inTable?: boolean; max?: number } = {}): string {
  let s = text.replace(/\r\n?|\n/g, ' ↵ ').replace(/[\u0000-\u001f\u007f]/g, '�');
  const max = opts.max ?? 200;
  if (s.length > max) s = s.slice(0, max - 1) + '…';
  if (opts.inTable) s = s.replace(/\|/g, '\\|'); // GFM splits cells before it reads code spans
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') || s === '' ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Plain text (names, messages) outside code: every character markdown or HTML could act on is an entity. */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[&<>|`@[\]*_~\\#!:]/g, (c) => `&#${c.charCodeAt(0)};`);
}
