// History `created_by` strings as builders write them, turned into the instruction a person wrote.
//   BuildKit:        "RUN /bin/sh -c apt-get update # buildkit", "RUN |2 A=1 B=2 /bin/sh -c make # buildkit"
//   classic builder: "/bin/sh -c #(nop) COPY file:3a… in / ", "/bin/sh -c apt-get update"

export function cleanInstruction(createdBy: string): string {
  let s = createdBy.trim();
  s = s.replace(/\s*# buildkit$/, '');
  const nop = /^\/bin\/sh -c #\(nop\)\s*/;
  if (nop.test(s)) return s.replace(nop, '').trim();
  if (s.startsWith('/bin/sh -c ')) return 'RUN ' + s.slice('/bin/sh -c '.length).trim();
  // BuildKit prefixes RUN with the build args in scope: "RUN |2 A=1 B=2 /bin/sh -c …"; values may hold
  // spaces, so cut at the shell when there is one, else (exec form) drop the N KEY=VALUE words.
  const args = /^RUN \|(\d+) /.exec(s);
  if (args) {
    const shell = /\/bin\/(?:ba)?sh -c /.exec(s);
    if (shell) return 'RUN ' + s.slice(shell.index + shell[0].length).trim();
    return 'RUN ' + s.slice(args[0].length).split(' ').slice(Number(args[1])).join(' ').trim();
  }
  if (s.startsWith('RUN /bin/sh -c ')) return 'RUN ' + s.slice('RUN /bin/sh -c '.length).trim();
  return s;
}
