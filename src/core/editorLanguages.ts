// The document languages the editor features serve (hovers, diagnostics, completion, CodeLens): wherever App2App
// URIs are written or logged. package.json activates the extension on each of them (`onLanguage:…`); a unit
// test keeps the two lists equal.

export const editorLanguages = [
  'plaintext',
  'log',
  'kotlin',
  'java',
  'swift',
  'objective-c',
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'dart',
  'json',
  'jsonc',
  'xml',
  'html',
  'markdown',
  'properties',
  'groovy',
] as const;

/** Languages where `&amp;` is the correct spelling of `&` (quick fixes then write `&amp;`). */
export const markupLanguages: ReadonlySet<string> = new Set(['xml', 'html']);
