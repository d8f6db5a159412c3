// What explaining a result URI loads the first time it is needed: the data tables, the EMV decoder and the hovers'
// Markdown renderings are chunks of the extension (issue 17 item 4), and loading one means reading and compiling it
// (a few to ~20 ms each on the benchmark machine). An editor takes these steps one per slice before its first explanation, so that cost does
// not land, all at once, in the first slice of an analysis or in the first hover. Each step calls the public
// function that needs the chunk, so it loads exactly what a real explanation would (and, in Italian, its overlay).
import { describeActionCode } from '../codes/actionCodes';
import { lookupAid } from '../codes/aids';
import { lookupCurrency } from '../codes/currencies';
import { titledTags } from '../codes/sources';
import { lookupTag, parseTlv } from '../emv/lazy';
import { markdownRenderings } from './lazyMarkdown';

export const explainWarmUp: ReadonlyArray<() => void> = [
  // Amounts (every result with an amount).
  () => void lookupCurrency('978'),
  // Host response codes (actionCode, f39).
  () => void describeActionCode('000'),
  // Source titles of diagnostics and hovers.
  () => void titledTags('[ERR]'),
  // EMV values (f55, CT123): the decoder, then its tag table.
  () => void parseTlv('9F360200'),
  () => void lookupTag('9F36'),
  // Card brands from the AID (CT102).
  () => void lookupAid('A0000000041010'),
  // The hovers' Markdown.
  () => void markdownRenderings(),
];
