// EMV tag dictionary lookups. Class and constructed bit are not stored in the data: BER derives them
// from the first tag byte (reference §3.1: b8-b7 class, b6 constructed).

import type { EmvBitData, EmvByteCodingData, EmvCodingData, EmvTagData } from '../data/emvTagData';
import type { DataSourceId } from '../data/sourceData';
import { builtPerLocale } from '../codes/text';
import { overlay } from '../l10n';
import type { Provenance } from '../types';

export type TagClass = 'universal' | 'application' | 'context-specific' | 'private';

/**
 * A dictionary entry in the current locale: the standard (English) name, and notes, codings and the words in
 * the format/length/origin cells translated. Code deciding on the format reads {@link tagData} instead.
 */
export interface EmvTag {
  /** Upper-case hex (`9F36`). */
  readonly tag: string;
  readonly name: string;
  /** EMV format: `b`, `n 6 (YYMMDD)`, `an 2`, `ans`, `cn`, `constructed`… */
  readonly format: string;
  /** Value length in bytes as published (`2`, `5-16`, `var.`…). */
  readonly length: string;
  readonly origin: string;
  readonly template?: string;
  readonly scheme: string;
  readonly note?: string;
  /** Bit or value coding (TVR, TSI, CVM results, terminal capabilities, AIP, CID, terminal type…). */
  readonly coding?: EmvCodingData;
  readonly tagClass: TagClass;
  readonly constructed: boolean;
  readonly provenance: Provenance;
  readonly sources: readonly DataSourceId[];
}

const classes: readonly TagClass[] = ['universal', 'application', 'context-specific', 'private'];

/** BER class of a tag from its first byte; undefined when `tag` does not start with a hex byte. */
export function tagClassOf(tag: string): TagClass | undefined {
  const first = Number.parseInt(tag.slice(0, 2), 16);
  return /^[0-9A-Fa-f]{2}/.test(tag) ? classes[first >> 6] : undefined;
}

/** Whether a tag is constructed (its value is itself TLV): bit b6 (0x20) of the first byte. */
export function isConstructedTag(tag: string): boolean {
  return /^[0-9A-Fa-f]{2}/.test(tag) && (Number.parseInt(tag.slice(0, 2), 16) & 0x20) !== 0;
}

/** The generated dictionary: a chunk of its own in the extension, loaded on the first lookup (issue 17 item 4). */
export function emvTagTable(): readonly EmvTagData[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../data/emvTagData') as typeof import('../data/emvTagData')).emvTags;
}

let rawIndexMap: ReadonlyMap<string, EmvTagData> | undefined;
const rawIndex = (): ReadonlyMap<string, EmvTagData> => (rawIndexMap ??= new Map(emvTagTable().map((t) => [t.tag, t])));

const normalise = (tag: string): string => tag.replace(/\s/g, '').toUpperCase();

/** The English dictionary entry, as generated: for code that decides on the format, name or coding layout. */
export function tagData(tag: string): EmvTagData | undefined {
  return rawIndex().get(normalise(tag));
}

// Translations are overlays by code (l10n/data/emvTags.<locale>.json by tag; emvCodings.<locale>.json by coding node:
// `95` the coding's text and source note, `95.values`/`95.examples` its value tables, `95.1` byte 1's name,
// `95.1.values` its value table, `95.1.b8` a bit's meaning and label, `95.1.b2-b1.values` a bit field's values).
// Only the words are laid over: positions, bit specs and keys stay the English ones.

function localBit(dataset: string, id: string, bit: EmvBitData): EmvBitData {
  const words = overlay(dataset, id, bit.label ? { meaning: bit.meaning, label: bit.label } : { meaning: bit.meaning });
  return { ...bit, ...words, ...(bit.values ? { values: overlay(dataset, `${id}.values`, bit.values) } : {}) };
}

/** Bits of byte `byte` of coding `id` in the current locale (TVR byte 5 variants of kernelCodings.ts use it too). */
export function localBits(dataset: string, id: string, bits: readonly EmvBitData[]): EmvBitData[] {
  return bits.map((bit) => localBit(dataset, `${id}.${bit.bits}`, bit));
}

function localByte(dataset: string, id: string, b: EmvByteCodingData): EmvByteCodingData {
  return {
    ...b,
    ...(b.name ? overlay(dataset, id, { name: b.name }) : {}),
    ...(b.bits ? { bits: localBits(dataset, id, b.bits) } : {}),
    ...(b.values ? { values: overlay(dataset, `${id}.values`, b.values) } : {}),
  };
}

/**
 * Coding `id` of `dataset` in the current locale: every byte, bit, value and example keeps its position and key;
 * the words come from the overlay. Build it once per locale (see {@link builtPerLocale}): it allocates.
 */
export function localCoding(dataset: string, id: string, c: EmvCodingData): EmvCodingData {
  const words: { text?: string; srcNote?: string } = {};
  if (c.text) words.text = c.text;
  if (c.srcNote) words.srcNote = c.srcNote;
  return {
    ...c,
    ...(c.text || c.srcNote ? overlay(dataset, id, words) : {}),
    ...(c.values ? { values: overlay(dataset, `${id}.values`, c.values) } : {}),
    ...(c.bytes ? { bytes: c.bytes.map((b) => localByte(dataset, `${id}.${b.byte}`, b)) } : {}),
    ...(c.examples ? { examples: overlay(dataset, `${id}.examples`, c.examples) } : {}),
  };
}

type TagWords = Pick<EmvTag, 'name' | 'format' | 'length' | 'origin' | 'template' | 'scheme' | 'note'>;

function entry(t: EmvTagData): EmvTag {
  const english: TagWords = {
    name: t.name,
    format: t.format,
    length: t.len,
    origin: t.origin,
    ...(t.template ? { template: t.template } : {}),
    scheme: t.scheme,
    ...(t.note ? { note: t.note } : {}),
  };
  const words = overlay('emvTags', t.tag, english);
  return {
    tag: t.tag,
    ...words,
    ...(t.coding ? { coding: localCoding('emvCodings', t.tag, t.coding) } : {}),
    tagClass: tagClassOf(t.tag)!,
    constructed: isConstructedTag(t.tag),
    provenance: t.prov,
    sources: t.src,
  };
}

const index = builtPerLocale(() => new Map(emvTagTable().map((t) => [t.tag, entry(t)])));

/** Looks a tag up (case-insensitive, spaces ignored) in the current locale; undefined for tags not in the dictionary. */
export function lookupTag(tag: string): EmvTag | undefined {
  return index().get(normalise(tag));
}

/** Whether the dictionary knows a tag (used by the TLV parser to resynchronise). */
export function isKnownTag(tag: string): boolean {
  return rawIndex().has(normalise(tag));
}
