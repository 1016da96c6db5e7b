// The one sanitiser for text shown outside markdown. Paths, instructions, registry answers, tool output and
// flags come from whoever wrote them: before such text reaches an error message, a terminal or a CI log it is
// made one line — line breaks become " ↵ ", control characters (C0, DEL, and C1, which include the 8-bit CSI
// that starts an ANSI escape) become \xNN — and cut to a length. A line that cannot break cannot start a
// `::workflow-command::`. (Markdown has its own escaping: report/markdown-escape.ts.)

export function oneLine(text: string, maxLength = Infinity): string {
  let s = text
    .replace(/\r?\n/g, ' ↵ ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (s.length > maxLength) s = s.slice(0, Math.max(1, maxLength - 1)) + '…';
  return s;
}

/** A value quoted for an error message: `"…"`, one line, its first `maxLength` characters (then "…"). */
export function quoted(text: string, maxLength = 200): string {
  return `"${oneLine(text, maxLength + 1)}"`;
}
