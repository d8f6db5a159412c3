// Bit-level meanings of coded EMV values — 95 TVR, 9B TSI, 9F34 CVM results, 9F33 terminal capabilities, 82 AIP,
// 9F27 CID, 9F40 additional terminal capabilities (reference §3.3) from the coding tables of the generated tag data,
// plus the kernel-specific codings chosen by kernelCodings.ts (TVR byte 5 per kernel, TTQ, CTQ, 9F6E variants, AUC,
// 9F1D, action codes). Meanings come in the current locale (tags.ts lays the locale's overlay over the English);
// what is RFU is decided on the English.

import type { EmvBitData, EmvByteCodingData, EmvCodingData } from '../data/emvTagData';
import type { DataSourceId } from '../data/sourceData';
import type { Provenance } from '../types';
import { codingFor, kernelCodedTags, type KernelReading } from './kernelCodings';
import type { CardKernel } from './kernels';
import { emvTagTable } from './tags';

/** A set bit, or a multi-bit field, of a coded value. */
export interface DecodedBits {
  /** 1-based byte number. */
  readonly byte: number;
  readonly byteName?: string;
  /** `b8` … `b1`, or a field such as `b2-b1` (b8 is the most significant bit). */
  readonly bits: string;
  /** Mask of the bits within the byte. */
  readonly mask: number;
  /** The field's bits as a binary string (`1` for a single bit, `01` for b2-b1). */
  readonly value: string;
  /** Meaning of the set bit, or of the field's current value when the field is enumerated. */
  readonly meaning: string;
  /** Enumerated multi-bit fields: the field's name (`Cryptogram type`). */
  readonly label?: string;
  /** Reserved for future use: a set RFU bit is worth flagging. */
  readonly rfu: boolean;
}

/** A byte coded as a whole (9F34 bytes 2 and 3). */
export interface DecodedByteValue {
  readonly byte: number;
  readonly byteName?: string;
  /** Upper-case hex of the byte. */
  readonly value: string;
  /** Undefined when the table has no entry for the value. */
  readonly meaning?: string;
}

export interface BitsDecoding {
  readonly tag: string;
  readonly name: string;
  /** Upper-case hex that was decoded. */
  readonly value: string;
  /** Number of bytes the coding describes. */
  readonly expectedBytes: number;
  /**
   * Set single bits and the multi-bit fields worth showing (enumerated fields always — their zero value
   * has a meaning too, e.g. CID 00 = AAC — other fields when non-zero), byte by byte, b8 first.
   */
  readonly set: readonly DecodedBits[];
  /** The RFU bits or fields among `set`. */
  readonly rfuSet: readonly DecodedBits[];
  readonly byteValues: readonly DecodedByteValue[];
  /** The value's length differs from the coding's (extra bytes are ignored, missing ones not decoded). */
  readonly lengthMismatch?: { readonly expected: number; readonly actual: number };
  /** Worked example from the data whose value equals this one. */
  readonly example?: string;
  readonly provenance: Provenance;
  readonly sources: readonly DataSourceId[];
  /** Section references of the sources (EMV book/annex). */
  readonly sourceNote?: string;
  /** Set when the coding was chosen for a kernel (or is a kernel-specific data object): which reading was used. */
  readonly reading?: KernelReading;
}

/** Bit range of a spec such as `b8` or `b5-b2`: high and low bit numbers (1…8). */
function bitRange(bits: string): { high: number; low: number } | undefined {
  const m = /^b([1-8])(?:-b([1-8]))?$/.exec(bits);
  if (!m) return undefined;
  const high = Number(m[1]);
  const low = m[2] ? Number(m[2]) : high;
  return high >= low ? { high, low } : undefined;
}

/** The pattern of the data's patterns a binary field value matches: exact, `a-b` range, or `x` wildcards. */
function matchingPattern(value: string, patterns: Readonly<Record<string, string>>): string | undefined {
  if (patterns[value] !== undefined) return value;
  for (const pattern of Object.keys(patterns)) {
    const range = /^([01]+)-([01]+)$/.exec(pattern);
    if (range && range[1].length === value.length) {
      const n = Number.parseInt(value, 2);
      if (n >= Number.parseInt(range[1], 2) && n <= Number.parseInt(range[2], 2)) return pattern;
    } else if (pattern.includes('x') && pattern.length === value.length) {
      if ([...pattern].every((c, i) => c === 'x' || c === value[i])) return pattern;
    }
  }
  return undefined;
}

/** Matches a binary field value against the data's patterns: exact, `a-b` range, or `x` wildcards. */
export function matchBitPattern(value: string, patterns: Readonly<Record<string, string>>): string | undefined {
  const pattern = matchingPattern(value, patterns);
  return pattern === undefined ? undefined : patterns[pattern];
}

const isRfu = (meaning: string): boolean => /^RFU\b/.test(meaning);

/**
 * Decodes one bit or field. `coding`/`bit` are in the current locale, `englishBit` is the same bit in English
 * (same position in the data): RFU is recognised on the English meaning, whatever the locale.
 */
function decodeField(byte: number, coding: EmvByteCodingData, bit: EmvBitData, englishBit: EmvBitData): DecodedBits | undefined {
  const range = bitRange(bit.bits);
  if (!range) return undefined;
  const width = range.high - range.low + 1;
  const mask = ((1 << width) - 1) << (range.low - 1);
  const fieldValue = (byte & mask) >> (range.low - 1);
  const value = fieldValue.toString(2).padStart(width, '0');
  const base = {
    byte: coding.byte,
    ...(coding.name ? { byteName: coding.name } : {}),
    bits: bit.bits,
    mask,
    value,
  };
  if (bit.values) {
    const pattern = matchingPattern(value, bit.values);
    const meaning = pattern === undefined ? bit.meaning : bit.values[pattern];
    const english = pattern === undefined ? englishBit.meaning : (englishBit.values?.[pattern] ?? englishBit.meaning);
    return { ...base, meaning, ...(bit.label ? { label: bit.label } : {}), rfu: isRfu(english) };
  }
  if (fieldValue === 0) return undefined;
  return { ...base, meaning: bit.meaning, rfu: isRfu(englishBit.meaning) };
}

/** The bits, fields and byte values of a coding found in a value (the coding in English and in the current locale). */
export interface CodingDecoding {
  readonly set: readonly DecodedBits[];
  readonly rfuSet: readonly DecodedBits[];
  readonly byteValues: readonly DecodedByteValue[];
  /** Highest byte number the coding describes. */
  readonly expectedBytes: number;
}

/**
 * Decodes `hex` with a coding given in English (`english`, decides what is RFU) and in the current locale
 * (`local`, same positions). Bytes the value lacks are not decoded; extra bytes are ignored.
 */
export function decodeWithCoding(english: EmvCodingData, local: EmvCodingData, hex: string): CodingDecoding {
  const bytes = hex.match(/../g)?.map((b) => Number.parseInt(b, 16)) ?? [];
  const set: DecodedBits[] = [];
  const byteValues: DecodedByteValue[] = [];
  const englishBytes = english.bytes ?? [];
  for (const [i, c] of (local.bytes ?? []).entries()) {
    const b = bytes[c.byte - 1];
    if (b === undefined) continue;
    if (c.values) {
      const value = hex.slice(2 * (c.byte - 1), 2 * c.byte);
      const meaning = c.values[value];
      byteValues.push({ byte: c.byte, ...(c.name ? { byteName: c.name } : {}), value, ...(meaning ? { meaning } : {}) });
    }
    for (const [j, bit] of (c.bits ?? []).entries()) {
      const decoded = decodeField(b, c, bit, englishBytes[i].bits![j]);
      if (decoded) set.push(decoded);
    }
  }
  const expectedBytes = Math.max(0, ...(local.bytes ?? []).map((c) => c.byte));
  return { set, rfuSet: set.filter((d) => d.rfu), byteValues, expectedBytes };
}

/**
 * Decodes a bit-coded EMV value. Undefined when the tag has no bit coding (for this kernel) or the value is
 * not hex; a value of the wrong length is decoded as far as it goes and flagged. With a `kernel`, the bits whose
 * meaning depends on it (TVR byte 5 and the action codes, TTQ, CTQ, 9F6E, 9F1D) are read for that kernel (see
 * kernelCodings.ts); without one, TVR byte 5 b4–b1 give every reading bit by bit and 9F66/9F6C are read as TTQ/CTQ
 * (their usual meaning), which the explanation says (describe.ts).
 */
export function decodeBits(tag: string, valueHex: string, kernel?: CardKernel): BitsDecoding | undefined {
  const hex = valueHex.replace(/\s/g, '').toUpperCase();
  if (!/^([0-9A-F]{2})*$/.test(hex)) return undefined;
  const chosen = codingFor(tag, kernel);
  if (!chosen) return undefined;
  const { english, local } = chosen;
  const decoded = decodeWithCoding(english, local, hex);
  const actual = hex.length / 2;
  const example = local.examples?.[hex];
  return {
    tag: chosen.tag,
    name: chosen.name,
    value: hex,
    ...decoded,
    ...(actual !== decoded.expectedBytes ? { lengthMismatch: { expected: decoded.expectedBytes, actual } } : {}),
    ...(example ? { example } : {}),
    ...(chosen.reading ? { reading: chosen.reading } : {}),
    provenance: local.prov,
    sources: local.src,
    ...(local.srcNote ? { sourceNote: local.srcNote } : {}),
  };
}

/** Tags whose values decodeBits understands (those with a bit coding in the data). */
export function bitCodedTags(): string[] {
  return [...new Set([...emvTagTable().filter((t) => t.coding?.bytes).map((t) => t.tag), ...kernelCodedTags])];
}
