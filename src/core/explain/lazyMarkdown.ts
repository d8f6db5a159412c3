// The renderings of explanations as Markdown (markdown.ts), loaded on the first call: the editor's hovers need them,
// activation does not, so they are a chunk of the extension (issue 17 item 4) that explainWarmUp loads before the
// first explanation. Elsewhere (the CLI, tests) the require is bundled or resolved like any import.
type Renderings = typeof import('./markdown');

let renderings: Renderings | undefined;

export function markdownRenderings(): Renderings {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (renderings ??= require('./markdown') as Renderings);
}
