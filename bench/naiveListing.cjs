// The naive field listing as a program of its own (decode.bench.ts runs it beside `nexi-app2app decode`): standard
// input read whole, a regular expression for `scheme://…` runs, WHATWG URL + URLSearchParams for the fields, one
// `offset key=value` line per field on standard output, written 64K characters at a time.
'use strict';
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
  const text = Buffer.concat(chunks).toString('utf8');
  let out = '';
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>]+/g)) {
    let url;
    try {
      url = new URL(m[0]);
    } catch {
      continue;
    }
    if (url.search === '') continue;
    for (const [k, v] of url.searchParams) {
      out += `${m.index} ${k}=${v}\n`;
      if (out.length >= 65536) {
        process.stdout.write(out);
        out = '';
      }
    }
  }
  process.stdout.write(out);
});
