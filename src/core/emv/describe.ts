// What a TLV node means beyond its own value, once the kernel is known (kernels.ts): the 9F10 layout decoded, the
// kernel a kernel-dependent tag was read for, readings across tags (a consumer-device CVM in the CTQ), and a warning
// for a fixed-length tag of the wrong length. Lines are in the current locale, ready to append to a node's details.

import { lookupCountry } from '../codes/countries';
import { fillTemplate } from '../codes/text';
import { translated } from '../l10n';
import { decodeBits, type DecodedBits } from './bits';
import { decodeIad, type IadDecoding, type IadPart } from './iad';
import { kernelBooks } from './kernelData';
import { isKnownKernel, type CardKernel, type EmvContext } from './kernels';
import { lookupTag } from './tags';
import type { TlvNode } from './tlv';

/** User-facing sentences of this module (templates, see codes/text.ts). English. */
export const describeMessages = {
  readFor: 'Kernel-dependent bits read for {label} ({book}).',
  tvrKernelUnknown:
    'TVR byte 5 b4–b1 depend on the kernel (relay resistance under Mastercard C-2, ECC keys on EMV 4.4 contact chip, RFU elsewhere); the kernel is not known, so both readings are shown.',
  ttqKernelUnknown:
    'Kernel not known: read as Terminal Transaction Qualifiers, its meaning under Visa C-3, Discover C-6 and UnionPay C-7 (Mastercard C-2 uses 9F66 for PUNATC(Track2)).',
  ttqNotC2: 'Under Mastercard C-2, 9F66 is PUNATC(Track2) (mag-stripe mode), not the Terminal Transaction Qualifiers: not decoded as TTQ.',
  ttqNotDefined: '{label}: 9F66 is not the Terminal Transaction Qualifiers in our sources: not decoded as TTQ.',
  ctqKernelUnknown:
    'Kernel not known: read as Card Transaction Qualifiers (Visa C-3, UnionPay C-7); under Mastercard C-2, 9F6C is the Mag-stripe Application Version Number (Card).',
  ctqNotC2: 'Under Mastercard C-2, 9F6C is the Mag-stripe Application Version Number (Card), not the Card Transaction Qualifiers (EMV Contactless Book C-2 Annex A).',
  ctqNotDefined: '{label}: 9F6C is not the Card Transaction Qualifiers in our sources: not decoded as CTQ.',
  magstripeVersion: 'Mag-stripe application version {value} (Mastercard C-2)',
  ffiKernelUnknown:
    'The meaning of 9F6E depends on the kernel — Form Factor Indicator (Visa C-3), Third Party Data (Mastercard), Enhanced Contactless Reader Capabilities (American Express C-4) — and the kernel is not known: not decoded.',
  ffiNotDefined: '9F6E is not defined for {label} in our sources: not decoded.',
  thirdPartyData: 'Third Party Data (Mastercard)',
  thirdPartyRead: 'Read as Mastercard Third Party Data (EMV Contactless Book C-2 Annex A; M/Chip Requirements).',
  thirdPartyCountry: 'Country: {country}',
  thirdPartyUniqueId: 'Unique identifier {id}: {meaning}',
  thirdPartyNoProprietary: 'proprietary data not used',
  thirdPartyProductExtension: 'Mastercard product extension in the proprietary data',
  thirdPartyOther: 'not one our sources list',
  thirdPartyDeviceType: 'Device type: {type}',
  thirdPartyProprietary: 'Proprietary data: {hex}',
  thirdPartyTooShort: 'Third Party Data must be 5 to 32 bytes long; this one has {count}: not decoded.',
  actionCodeDefault:
    'Same bit layout as the TVR (95): each set bit is a condition that makes the transaction decline when the terminal cannot go online.',
  actionCodeDenial: 'Same bit layout as the TVR (95): each set bit is a condition that makes the transaction decline without going online.',
  actionCodeOnline: 'Same bit layout as the TVR (95): each set bit is a condition that sends the transaction online.',
  cryptogramType: 'Application cryptogram: {type} (type from 9F27)',
  trmdKernelUnknown: "Kernel not known: read as Mastercard's Terminal Risk Management Data (EMV Contactless Book C-2).",
  trmdNotDefined: '9F1D is Mastercard Terminal Risk Management Data; for {label} our sources do not define its bits: not decoded.',
  cvmContactless: 'Read with the EMV 4.4 Book 3 Annex C3 coding; under {label} the kernel sets these bytes itself ({book}).',
  cdcvmInCtq: 'CTQ (9F6C) byte 2 b8 is set: a consumer device CVM (on the phone or wearable) was performed ({kernel}).',
  iadFormat: 'Layout: {format} ({source}).',
  iadNotRecognised:
    'Layout not recognised: it is none of EMV CCD, Mastercard M/Chip 4 / M/Chip Advance, Visa VSDC formats 0–4; shown as hex, not guessed.',
  iadInferred: 'The meanings of CVR bytes 3–4 of the Visa formats come from secondary sources (inferred).',
  iadSchemeMismatch: 'This layout belongs to {formatScheme} but the AID is {brand}: check where the data comes from.',
  iadPart: 'Bytes {from}–{to} ({name}): {hex}',
  iadByte: 'Byte {from} ({name}): {hex}',
  iadCvrBit: 'CVR byte {byte} {bits}: {meaning}',
  iadCvrField: 'CVR byte {byte} {bits} ({label}): {meaning}',
  iadCvrCount: 'CVR byte {byte} {bits}: {meaning}: {value}',
  iadCvrNone: 'CVR: no bit set',
  lengthWarning:
    'Warning: tag {tag} ({name}): length {actual}, but EMV 4.4 Book 3 Annex A fixes it at {expected} (length in bytes); its value is read as far as it goes and may be wrong.',
  formatNames: {
    ccd: 'EMV Common Core Definitions (CCD 4.1)',
    mchip4: 'Mastercard M/Chip 4 (18 bytes; M/Chip Advance also has an 18-byte form)',
    'mchip-advance': 'Mastercard M/Chip Advance',
    'vsdc-0': 'Visa VSDC IAD format 0, CVN {cvn}',
    'vsdc-1': 'Visa VSDC IAD format 1, CVN {cvn}',
    'vsdc-2': "Visa VSDC IAD format 2, CVN '{cvn}'",
    'vsdc-3': 'Visa VSDC IAD format 3, CVN {cvn}',
    'vsdc-4': "Visa VSDC IAD format 4, CVN '{cvn}'",
  },
  partNames: {
    dki: 'derivation key index',
    cvn: 'cryptogram version number',
    cci: 'common core identifier',
    cvr: 'card verification results',
    'cvr-length': 'CVR length',
    'dac-idn': 'DAC / ICC dynamic number',
    counters: 'counters',
    idd: 'issuer discretionary data',
    'idd-option': 'IDD option ID',
    cvm: 'CVR byte 1, consumer device CVM entity and type',
    rest: 'issuer application data',
  },
  flagNames: {
    tdes: 'Cryptogram version: TDES',
    aes: 'Cryptogram version: AES',
    'mastercard-skd': 'Session key: Mastercard proprietary SKD',
    'emv-csk': 'Session key: EMV common session key (CSK)',
    'counters-in-ac': 'Counters included in the AC data',
    'counters-not-in-ac': 'Counters not included in the AC data',
  },
  schemeNames: {
    visa: 'Visa',
    mastercard: 'Mastercard',
    amex: 'American Express',
    jcb: 'JCB',
    discover: 'Discover',
    unionpay: 'UnionPay',
    pagobancomat: 'PagoBANCOMAT',
    other: 'another scheme',
  },
} as const;

/** {@link describeMessages} in the current locale. */
export const describeText = translated('emv.describeMessages', describeMessages);

export interface EmvExtras {
  /** For tags the value interpretation leaves empty (9F10, 9F6E under Mastercard, 9F6C under C-2). */
  readonly interpretation?: string;
  readonly details: readonly string[];
}

const none: EmvExtras = { details: [] };

/**
 * What to add to a TLV node's explanation for the kernel of `ctx`: lines for the details and, for tags whose value
 * has no generic interpretation, one. Cheap for the common tags (a switch on the tag); without a context the
 * kernel counts as unknown and the lines say so.
 */
export function describeEmvExtras(node: TlvNode, ctx?: EmvContext): EmvExtras {
  const details: string[] = [];
  const M = describeText();
  if (node.lengthMismatch) {
    const name = lookupTag(node.tag)?.name ?? node.tag;
    details.push(fillTemplate(M.lengthWarning, { tag: node.tag, name, expected: node.lengthMismatch.expected, actual: node.lengthMismatch.actual }));
  }
  if (node.constructed || node.truncated || !/^([0-9A-F]{2})+$/.test(node.value)) return details.length ? { details } : none;
  const kernel = ctx?.kernel;
  const known = isKnownKernel(kernel);
  const readFor = (): void => {
    const reading = decodeBits(node.tag, node.value, kernel)?.reading;
    if (reading && kernel) details.push(fillTemplate(M.readFor, { label: kernel.label, book: reading.book }));
  };
  let interpretation: string | undefined;
  switch (node.tag) {
    case '95':
      if (known && (kernel.entry.mode === 'contact' || kernel.entry.mode === 'contactless')) readFor();
      else if (node.value.length >= 10 && (Number.parseInt(node.value.slice(8, 10), 16) & 0x0f) !== 0) details.push(M.tvrKernelUnknown);
      break;
    case '9F6C':
      if (kernel?.kernel === 'C-2') interpretation = fillTemplate(M.magstripeVersion, { value: node.value });
      details.push(...ruleLines(node, kernel));
      break;
    case '9F6E':
      if (kernel?.scheme === 'mastercard') {
        interpretation = M.thirdPartyData;
        details.push(...thirdPartyLines(node.value));
      } else details.push(...ruleLines(node, kernel));
      break;
    case '9F66':
    case '9F1D':
      details.push(...ruleLines(node, kernel));
      break;
    case '9F0D':
    case 'DF8120':
      details.push(M.actionCodeDefault);
      if (known) readFor();
      break;
    case '9F0E':
    case 'DF8121':
      details.push(M.actionCodeDenial);
      if (known) readFor();
      break;
    case '9F0F':
    case 'DF8122':
      details.push(M.actionCodeOnline);
      if (known) readFor();
      break;
    case '9F26': {
      // EMV 4.4 Book 3 Annex C4: 9F27 b8-b7 give the type of the cryptogram in 9F26.
      const cid = ctx?.values.get('9F27');
      if (cid && cid.length === 2) {
        const type = (['AAC', 'TC', 'ARQC', 'RFU'] as const)[Number.parseInt(cid, 16) >> 6];
        interpretation = fillTemplate(M.cryptogramType, { type });
      }
      break;
    }
    case '9F34': {
      const ctq = ctx?.values.get('9F6C');
      const k = kernel?.kernel;
      if (k) details.push(fillTemplate(M.cvmContactless, { label: kernel!.label, book: kernelBooks[k] }));
      if (ctq && ctq.length >= 4 && (k === 'C-3' || k === 'C-7') && (Number.parseInt(ctq.slice(2, 4), 16) & 0x80) !== 0) {
        details.push(fillTemplate(M.cdcvmInCtq, { kernel: kernel!.label }));
      }
      break;
    }
    case '9F10': {
      const iad = decodeIad(node.value, kernel);
      interpretation = iad.format ? formatName(iad) : M.iadNotRecognised;
      details.push(...iadLines(iad, kernel?.brand));
      break;
    }
  }
  return { ...(interpretation !== undefined ? { interpretation } : {}), details };
}

// What to say about a tag of kernelTagRules (kernelData.ts) when it is, or is not, read for the kernel.
const ruleMessages: Readonly<Record<string, { unknown: DescribeKey; notDefined: DescribeKey; c2?: DescribeKey }>> = {
  '9F66': { unknown: 'ttqKernelUnknown', notDefined: 'ttqNotDefined', c2: 'ttqNotC2' },
  '9F6C': { unknown: 'ctqKernelUnknown', notDefined: 'ctqNotDefined', c2: 'ctqNotC2' },
  '9F6E': { unknown: 'ffiKernelUnknown', notDefined: 'ffiNotDefined' },
  '9F1D': { unknown: 'trmdKernelUnknown', notDefined: 'trmdNotDefined' },
};

type DescribeKey = { [K in keyof typeof describeMessages]: (typeof describeMessages)[K] extends string ? K : never }[keyof typeof describeMessages];

/** The kernel a rule-driven tag was read for, or why it was not (kernel not known, another data object, undefined). */
function ruleLines(node: TlvNode, kernel: CardKernel | undefined): string[] {
  const M = describeText();
  const says = ruleMessages[node.tag];
  if (!isKnownKernel(kernel)) return [M[says.unknown]];
  const reading = decodeBits(node.tag, node.value, kernel)?.reading;
  if (reading) return [fillTemplate(M.readFor, { label: kernel.label, book: reading.book })];
  if (kernel.kernel === 'C-2' && says.c2) return [M[says.c2]];
  return [fillTemplate(M[says.notDefined], { label: kernel.label })];
}

/** The detail lines of {@link describeEmvExtras}, for callers that only append lines. */
export function emvExtraDetails(node: TlvNode, ctx?: EmvContext): readonly string[] {
  return describeEmvExtras(node, ctx).details;
}

function formatName(iad: IadDecoding): string {
  const M = describeText();
  const cvn = iad.cvn ?? '';
  // Visa names formats 0/1/3 by the CVN in decimal (0A = CVN 10, 12 = CVN 18), formats 2/4 by its hex ('22').
  const shown = iad.format === 'vsdc-0' || iad.format === 'vsdc-1' || iad.format === 'vsdc-3' ? String(Number.parseInt(cvn, 16)) : cvn;
  return fillTemplate(M.formatNames[iad.format!], { cvn: shown });
}

function iadLines(iad: IadDecoding, brand: string | undefined): string[] {
  const M = describeText();
  if (!iad.format) return [];
  const lines = [fillTemplate(M.iadFormat, { format: formatName(iad), source: iad.source ?? '' })];
  if (iad.schemeMismatch && brand) lines.push(fillTemplate(M.iadSchemeMismatch, { formatScheme: M.schemeNames[iad.formatScheme!], brand }));
  lines.push(...iad.parts.map((p: IadPart) => fillTemplate(p.from === p.to ? M.iadByte : M.iadPart, { from: p.from, to: p.to, name: M.partNames[p.part], hex: p.hex })));
  lines.push(...iad.flags.map((f) => M.flagNames[f]));
  lines.push(...(iad.cvr.length === 0 ? [M.iadCvrNone] : iad.cvr.map(cvrLine)));
  if (iad.provenance === 'inferred') lines.push(M.iadInferred);
  return lines;
}

function cvrLine(b: DecodedBits): string {
  const M = describeText();
  if (b.label) return fillTemplate(M.iadCvrField, { byte: b.byte, bits: b.bits, label: b.label, meaning: b.meaning });
  // A multi-bit field without a value table is a number (a counter nibble): show it.
  if (b.bits.includes('-')) return fillTemplate(M.iadCvrCount, { byte: b.byte, bits: b.bits, meaning: b.meaning, value: Number.parseInt(b.value, 2) });
  return fillTemplate(M.iadCvrBit, { byte: b.byte, bits: b.bits, meaning: b.meaning });
}

/** Mastercard Third Party Data (C-2 Annex A): country (n 3 in 2 bytes), unique identifier, device type, proprietary data. */
function thirdPartyLines(hex: string): string[] {
  const M = describeText();
  const count = hex.length / 2;
  if (count < 5 || count > 32) return [fillTemplate(M.thirdPartyTooShort, { count })];
  const lines = [M.thirdPartyRead];
  const countryCode = hex.slice(1, 4);
  const country = /^\d{3}$/.test(countryCode) ? lookupCountry(countryCode) : undefined;
  lines.push(fillTemplate(M.thirdPartyCountry, { country: country ? `${country.name} (${countryCode})` : hex.slice(0, 4) }));
  const id = Number.parseInt(hex.slice(4, 8), 16);
  const meaning = id === 0 ? M.thirdPartyNoProprietary : id === 0x0003 || id === 0x8003 ? M.thirdPartyProductExtension : M.thirdPartyOther;
  lines.push(fillTemplate(M.thirdPartyUniqueId, { id: hex.slice(4, 8), meaning }));
  let rest = 8;
  // The device type (an 2) is there when b16 of the unique identifier is 0.
  if ((id & 0x8000) === 0 && hex.length >= 12) {
    const type = hex.slice(8, 12).match(/../g)!.map((b) => String.fromCharCode(Number.parseInt(b, 16))).join('');
    lines.push(fillTemplate(M.thirdPartyDeviceType, { type: /^[\x20-\x7e]{2}$/.test(type) ? type : hex.slice(8, 12) }));
    rest = 12;
  }
  if (hex.length > rest) lines.push(fillTemplate(M.thirdPartyProprietary, { hex: hex.slice(rest) }));
  return lines;
}
