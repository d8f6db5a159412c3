// What the explainer and the transaction model use of the EMV decoder, in one module: in the extension it is a chunk
// of its own (tags, TLV, kernels, bit codings and their data), loaded by ./lazy.ts the first time a URI needs it
// (issue 17 item 4).
export { decodeBits } from './bits';
export { describeEmvExtras } from './describe';
export { emvContextOf, entryModeFromNexi, kernelFor } from './kernels';
export { lookupTag } from './tags';
export { flattenTlv, parseTlv } from './tlv';
export { interpretValue } from './values';
