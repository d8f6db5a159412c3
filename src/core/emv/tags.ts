// EMV tag dictionary lookups. Class and constructed bit are not stored in the data: BER derives them
// from the first tag byte (reference §3.1: b8-b7 class, b6 constructed).

import { emvTags, type EmvCodingData } from '../data/emvTagData';
import type { DataSourceId } from '../data/sourceData';
import type { Provenance } from '../types';

export type TagClass = 'universal' | 'application' | 'context-specific' | 'private';

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

let index: Map<string, EmvTag> | undefined;

/** Looks a tag up (case-insensitive, spaces ignored); undefined for tags not in the dictionary. */
export function lookupTag(tag: string): EmvTag | undefined {
  index ??= new Map(
    emvTags.map((t) => [
      t.tag,
      {
        tag: t.tag,
        name: t.name,
        format: t.format,
        length: t.len,
        origin: t.origin,
        ...(t.template ? { template: t.template } : {}),
        scheme: t.scheme,
        ...(t.note ? { note: t.note } : {}),
        ...(t.coding ? { coding: t.coding } : {}),
        tagClass: tagClassOf(t.tag)!,
        constructed: isConstructedTag(t.tag),
        provenance: t.prov,
        sources: t.src,
      },
    ]),
  );
  return index.get(tag.replace(/\s/g, '').toUpperCase());
}

/** Whether the dictionary knows a tag (used by the TLV parser to resynchronise). */
export function isKnownTag(tag: string): boolean {
  return lookupTag(tag) !== undefined;
}
