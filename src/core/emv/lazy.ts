// The EMV decoder's functions with their own signatures, loading ./decoder.ts on the first call: the explainer and
// the transaction model are in the extension's activation bundle, the decoder (~45 kB with its kernel data) is a
// chunk (issue 17 item 4). Elsewhere (the CLI, tests) the require is bundled or resolved like any import.
type Decoder = typeof import('./decoder');

let decoder: Decoder | undefined;
function load(): Decoder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (decoder ??= require('./decoder') as Decoder);
}

export const decodeBits: Decoder['decodeBits'] = (...args) => load().decodeBits(...args);
export const describeEmvExtras: Decoder['describeEmvExtras'] = (...args) => load().describeEmvExtras(...args);
export const emvContextOf: Decoder['emvContextOf'] = (...args) => load().emvContextOf(...args);
export const entryModeFromNexi: Decoder['entryModeFromNexi'] = (...args) => load().entryModeFromNexi(...args);
export const kernelFor: Decoder['kernelFor'] = (...args) => load().kernelFor(...args);
export const lookupTag: Decoder['lookupTag'] = (...args) => load().lookupTag(...args);
export const flattenTlv: Decoder['flattenTlv'] = (...args) => load().flattenTlv(...args);
export const parseTlv: Decoder['parseTlv'] = (...args) => load().parseTlv(...args);
export const interpretValue: Decoder['interpretValue'] = (...args) => load().interpretValue(...args);

export type { CardKernel, EmvContext } from './kernels';
export type { TlvNode, TlvParseResult } from './tlv';
export type { ValueInterpretation } from './values';
