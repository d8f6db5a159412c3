// 9F10 Issuer Application Data: proprietary to the issuer's application, but a few layouts are common and can be
// recognised from their length and fixed bytes. Recognised here (structure facts cross-checked against
// openemv/emv-utils src/emv_fields.c emv_iad_get_format @c29b155d; code and wording are ours):
//   - EMV Common Core Definitions (CCD 4.1), EMV 4.4 Book 3 Annex C9: 32 bytes, byte 1 = 0F, byte 2 high nibble A
//     (format code) and low nibble 5 (TDES) or 6 (AES), byte 17 = 0F.
//   - Mastercard M/Chip 4 / M/Chip Advance (M/Chip Requirements, Appendix B): byte 2 (CVN) high nibble 1, b4 and b2
//     clear; 18 bytes (M/Chip 4 layout) or 20/26/28 bytes (M/Chip Advance).
//   - Visa VSDC (VCPS Supplemental Requirements, Appendix M): formats 0/1/3 start 06 xx CVN 03 (CVN 10 = 0A is
//     format 0, CVN 18 = 12 format 1); formats 2/4 are 32 bytes starting 1F with the CVN (22 = format 2) in byte 2.
// Anything else is "layout not recognised": never guessed.

import type { Provenance } from '../types';
import { decodeWithCoding, type DecodedBits } from './bits';
import { kernelCoding } from './kernelCodings';
import type { CardKernel, CardScheme } from './kernels';

export type IadFormat = 'ccd' | 'mchip4' | 'mchip-advance' | 'vsdc-0' | 'vsdc-1' | 'vsdc-2' | 'vsdc-3' | 'vsdc-4';

/** A part of the IAD: where it is (1-based bytes) and its hex. `part` keys the wording (describe.ts). */
export interface IadPart {
  readonly part: 'dki' | 'cvn' | 'cci' | 'cvr' | 'cvr-length' | 'dac-idn' | 'counters' | 'idd' | 'idd-option' | 'cvm' | 'rest';
  readonly from: number;
  readonly to: number;
  readonly hex: string;
}

export interface IadDecoding {
  /** Undefined: the layout is not one of the recognised formats. */
  readonly format?: IadFormat;
  /** The scheme the format belongs to (`other` for CCD, which any scheme may use). */
  readonly formatScheme?: CardScheme;
  /** Cryptogram version number byte (hex), when the format has one. */
  readonly cvn?: string;
  readonly parts: readonly IadPart[];
  /** Card Verification Results bits set (and enumerated fields), in the current locale. */
  readonly cvr: readonly DecodedBits[];
  /** CCD: cryptogram version of the CCI low nibble (5 TDES, 6 AES). M/Chip: session key and counters flags. */
  readonly flags: readonly ('tdes' | 'aes' | 'mastercard-skd' | 'emv-csk' | 'counters-in-ac' | 'counters-not-in-ac')[];
  /** The format names a scheme other than the card's (AID): worth a look, the data may be mixed up. */
  readonly schemeMismatch: boolean;
  readonly provenance: Provenance;
  /** Book or specification the layout follows (English citation). */
  readonly source?: string;
}

const hexOf = (bytes: readonly number[], from: number, to: number): string =>
  bytes
    .slice(from - 1, to)
    .map((b) => b.toString(16).padStart(2, '0').toUpperCase())
    .join('');

/** Recognises and decodes an IAD. `kernel` only serves to notice a format of another scheme. */
export function decodeIad(valueHex: string, kernel?: CardKernel): IadDecoding {
  const hex = valueHex.replace(/\s/g, '').toUpperCase();
  const bytes = /^([0-9A-F]{2})+$/.test(hex) ? hex.match(/../g)!.map((b) => Number.parseInt(b, 16)) : [];
  const n = bytes.length;
  const part = (p: IadPart['part'], from: number, to: number): IadPart => ({ part: p, from, to: Math.min(to, n), hex: hexOf(bytes, from, to) });
  const result = (
    format: IadFormat,
    formatScheme: CardScheme,
    parts: IadPart[],
    cvr: readonly DecodedBits[],
    flags: IadDecoding['flags'],
    provenance: Provenance,
    source: string,
    cvn?: string,
  ): IadDecoding => ({
    format,
    formatScheme,
    ...(cvn ? { cvn } : {}),
    parts,
    cvr,
    flags,
    schemeMismatch: formatScheme !== 'other' && kernel !== undefined && kernel.scheme !== 'other' && kernel.scheme !== formatScheme,
    provenance,
    source,
  });

  // EMV 4.4 Book 3 Annex C9 (CCD).
  if (n === 32 && bytes[0] === 0x0f && (bytes[1] & 0xf0) === 0xa0 && [5, 6].includes(bytes[1] & 0x0f) && bytes[16] === 0x0f) {
    const { english, local } = kernelCoding('cvrCcd');
    const cvrHex = hexOf(bytes, 4, 8);
    return result(
      'ccd',
      'other',
      [part('cci', 2, 2), part('dki', 3, 3), part('cvr', 4, 8), part('counters', 9, 16), part('idd', 18, 32)],
      decodeWithCoding(english, local, cvrHex).set,
      [(bytes[1] & 0x0f) === 5 ? 'tdes' : 'aes'],
      'emv',
      'EMV 4.4 Book 3 Annex C9',
    );
  }

  // Mastercard M/Chip (M/Chip Requirements for Contact and Contactless, Appendix B).
  if (n >= 18 && (bytes[1] & 0xf0) === 0x10 && (bytes[1] & 0x08) === 0 && (bytes[1] & 0x02) === 0 && [18, 20, 26, 28].includes(n)) {
    const { english, local } = kernelCoding('cvrMchip');
    const flags: IadDecoding['flags'] = [(bytes[1] & 0x04) !== 0 ? 'emv-csk' : 'mastercard-skd', (bytes[1] & 0x01) !== 0 ? 'counters-in-ac' : 'counters-not-in-ac'];
    const parts = [part('dki', 1, 1), part('cvn', 2, 2), part('cvr', 3, 8), part('dac-idn', 9, 10), part('counters', 11, n)];
    return result(
      n === 18 ? 'mchip4' : 'mchip-advance',
      'mastercard',
      parts,
      decodeWithCoding(english, local, hexOf(bytes, 3, 8)).set,
      flags,
      'emv',
      'M/Chip Requirements for Contact and Contactless, Appendix B',
      hexOf(bytes, 2, 2),
    );
  }

  // Visa VSDC formats 0/1/3 (VCPS Supplemental Requirements, Appendix M).
  if (n >= 7 && bytes[0] === 0x06 && bytes[3] === 0x03 && [0, 1, 3].includes(bytes[2] >> 4)) {
    const { english, local } = kernelCoding('cvrVsdc');
    const parts = [part('dki', 2, 2), part('cvn', 3, 3), part('cvr-length', 4, 4), part('cvr', 5, 7)];
    if (n > 7) parts.push(part('idd', 8, n));
    const format = `vsdc-${bytes[2] >> 4}` as IadFormat;
    // The CVR's byte 1 is its length (03): the coding's bytes 2–4 apply to IAD bytes 5–7.
    return result(format, 'visa', parts, decodeWithCoding(english, local, hexOf(bytes, 4, 7)).set, [], english.prov, english.srcNote!, hexOf(bytes, 3, 3));
  }

  // Visa VSDC formats 2/4: 32 bytes.
  if (n === 32 && bytes[0] === 0x1f && (bytes[8] & 0xf0) === 0 && [2, 4].includes(bytes[1] >> 4)) {
    const { english, local } = kernelCoding('cvrVsdc');
    const parts = [part('cvn', 2, 2), part('dki', 3, 3), part('cvm', 4, 4), part('cvr', 5, 8), part('idd-option', 9, 9), part('idd', 10, 32)];
    const format = `vsdc-${bytes[1] >> 4}` as IadFormat;
    // CVR bytes 1–5 are IAD bytes 4–8; byte 1 (CDCVM entity/type) is shown as hex, bytes 2–4 decoded.
    return result(format, 'visa', parts, decodeWithCoding(english, local, hexOf(bytes, 4, 8)).set, [], english.prov, english.srcNote!, hexOf(bytes, 2, 2));
  }

  return { parts: n > 0 ? [part('rest', 1, n)] : [], cvr: [], flags: [], schemeMismatch: false, provenance: 'emv' };
}
