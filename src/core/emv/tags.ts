// EMV tag dictionary lookups. Class and constructed bit are not stored in the data: BER derives them
// from the first tag byte (reference §3.1: b8-b7 class, b6 constructed).

import type { EmvBitData, EmvByteCodingData, EmvCodingData, EmvTagData } from '../data/emvTagData';
import type { DataSourceId } from '../data/sourceData';
import { perLocale } from '../codes/text';
import {
  emvCodingsIt,
  emvFormatsIt,
  emvLengthsIt,
  emvNotesIt,
  emvOriginsIt,
  emvSchemesIt,
  emvTagNamesIt,
  emvTemplatesIt,
  type EmvBitTranslation,
  type EmvByteTranslation,
  type EmvCodingTranslation,
} from '../i18n/it/emv';
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

const mapValues = (values: Readonly<Record<string, string>>, italian: Readonly<Record<string, string>> | undefined) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, italian?.[k] ?? v]));

function translateBit(bit: EmvBitData, it: EmvBitTranslation | undefined): EmvBitData {
  if (it === undefined) return bit;
  if (typeof it === 'string') return { ...bit, meaning: it };
  return {
    ...bit,
    meaning: it.meaning,
    ...(bit.label ? { label: it.label ?? bit.label } : {}),
    ...(bit.values ? { values: mapValues(bit.values, it.values) } : {}),
  };
}

function translateByte(b: EmvByteCodingData, it: EmvByteTranslation | undefined): EmvByteCodingData {
  if (!it) return b;
  return {
    ...b,
    ...(b.name ? { name: it.name ?? b.name } : {}),
    ...(b.bits ? { bits: b.bits.map((bit) => translateBit(bit, it.bits?.[bit.bits])) } : {}),
    ...(b.values ? { values: mapValues(b.values, it.values) } : {}),
  };
}

/** A coding in Italian; every byte, bit, value and example keeps its position and key. */
export function translateCoding(c: EmvCodingData, it: EmvCodingTranslation | undefined): EmvCodingData {
  if (!it) return c;
  return {
    ...c,
    ...(c.text ? { text: it.text ?? c.text } : {}),
    ...(c.values ? { values: mapValues(c.values, it.values) } : {}),
    ...(c.bytes ? { bytes: c.bytes.map((b) => translateByte(b, it.bytes?.[b.byte])) } : {}),
    ...(c.examples ? { examples: mapValues(c.examples, it.examples) } : {}),
    ...(c.srcNote ? { srcNote: it.srcNote ?? c.srcNote } : {}),
  };
}

function entry(t: EmvTagData, italian: boolean): EmvTag {
  const it = (value: string, table: Readonly<Record<string, string>>): string => (italian ? (table[value] ?? value) : value);
  const coding = t.coding && italian ? translateCoding(t.coding, emvCodingsIt[t.tag]) : t.coding;
  return {
    tag: t.tag,
    name: italian ? (emvTagNamesIt[t.tag] ?? t.name) : t.name,
    format: it(t.format, emvFormatsIt),
    length: it(t.len, emvLengthsIt),
    origin: it(t.origin, emvOriginsIt),
    ...(t.template ? { template: it(t.template, emvTemplatesIt) } : {}),
    scheme: it(t.scheme, emvSchemesIt),
    ...(t.note ? { note: it(t.note, emvNotesIt) } : {}),
    ...(coding ? { coding } : {}),
    tagClass: tagClassOf(t.tag)!,
    constructed: isConstructedTag(t.tag),
    provenance: t.prov,
    sources: t.src,
  };
}

const index = perLocale((locale) => new Map(emvTagTable().map((t) => [t.tag, entry(t, locale === 'it')])));

/** Looks a tag up (case-insensitive, spaces ignored) in the current locale; undefined for tags not in the dictionary. */
export function lookupTag(tag: string): EmvTag | undefined {
  return index().get(normalise(tag));
}

/** Whether the dictionary knows a tag (used by the TLV parser to resynchronise). */
export function isKnownTag(tag: string): boolean {
  return rawIndex().has(normalise(tag));
}
