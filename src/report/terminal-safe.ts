// Text that comes from an image (paths, instructions) is written by PR authors: before it reaches a terminal
// or a CI log it must not carry control characters (ANSI escapes, carriage returns) or line breaks that could
// start a `::workflow-command::` line.

export function terminalSafe(text: string, maxLength = Infinity): string {
  let s = text
    .replace(/\r?\n/g, ' ↵ ')
    // C0 controls, DEL and C1 controls (which include the 8-bit CSI that starts an ANSI escape)
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (s.length > maxLength) s = s.slice(0, Math.max(1, maxLength - 1)) + '…';
  return s;
}
