// Chooses the bit coding of a tag for a kernel: the generated coding (EMV Book 3/4 tags), the same with TVR byte 5
// read for the kernel, or a kernel-specific coding of kernelData.ts (TTQ, CTQ, 9F6E variants). Each coding comes in
// English (decides what is RFU) and in the current locale (same positions), as bits.ts expects.

import type { EmvBitData, EmvCodingData } from '../data/emvTagData';
import { builtPerLocale } from '../codes/text';
import { amexEcrcCoding, aucCoding, ctqCoding, cvrCodings, kernelTagRules, trmdCoding, tvrByte5Variants, ttqCoding, visaFfiCoding, type KernelTagRule } from './kernelData';
import { isKnownKernel, type CardKernel } from './kernels';
import { localBits, localCoding, lookupTag, tagData } from './tags';

/** Which kernel-specific reading a decoding used. */
export type KernelReadingId = 'tvr-c2' | 'tvr-contact' | 'tvr-other-contactless' | 'action-code' | KernelTagRule['coding'];

export interface KernelReading {
  readonly id: KernelReadingId;
  /** The book section the reading follows (English citation). */
  readonly book: string;
}

/** Codings of kernelData.ts by id: the id is their code in the overlay l10n/data/emvKernelCodings.<locale>.json. */
const kernelCodings = {
  ttq: ttqCoding,
  ctq: ctqCoding,
  visaFfi: visaFfiCoding,
  amexEcrc: amexEcrcCoding,
  auc: aucCoding,
  trmd: trmdCoding,
  cvrCcd: cvrCodings.ccd,
  cvrMchip: cvrCodings.mchip,
  cvrVsdc: cvrCodings.vsdc,
} as const;

export type KernelCodingId = keyof typeof kernelCodings;

const localCodings = builtPerLocale(
  () => Object.fromEntries(Object.entries(kernelCodings).map(([id, c]) => [id, localCoding('emvKernelCodings', id, c)])) as Record<KernelCodingId, EmvCodingData>,
);

/** A kernel coding in English and in the current locale. */
export function kernelCoding(id: KernelCodingId): { english: EmvCodingData; local: EmvCodingData } {
  return { english: kernelCodings[id], local: localCodings()[id] };
}

/** Tags that may get a kernel-specific coding (bitCodedTags lists them). */
export const kernelCodedTags: readonly string[] = [...Object.keys(kernelTagRules), ...actionCodeTags()];

/** The rule of `rules` that applies to `kernel`: by kernel or scheme when it is known, else the usual reading. */
export function ruleFor(rules: readonly KernelTagRule[], kernel: CardKernel | undefined): KernelTagRule | undefined {
  if (!isKnownKernel(kernel)) return rules.find((r) => r.whenUnknown);
  return rules.find(
    (r) =>
      (r.kernels === undefined && r.schemes === undefined) ||
      (kernel.kernel !== undefined && r.kernels?.includes(kernel.kernel)) ||
      r.schemes?.includes(kernel.scheme),
  );
}

/** Issuer (9F0D–9F0F) and terminal (DF8120–DF8122, C-2) action codes: each bit names a TVR condition. */
function actionCodeTags(): string[] {
  return ['9F0D', '9F0E', '9F0F', 'DF8120', 'DF8121', 'DF8122'];
}

type TvrVariant = keyof typeof tvrByte5Variants;

/**
 * The TVR coding with byte 5 b4–b1 replaced by a kernel's reading. The replacement bits are overlaid as
 * `tvr-<variant>.5.<bits>` in emvKernelCodings (English when `local` is false: the English coding decides RFU).
 */
function tvrWith(variant: TvrVariant, base: EmvCodingData, local: boolean): EmvCodingData {
  const replacement: readonly EmvBitData[] = local ? localBits('emvKernelCodings', `tvr-${variant}.5`, tvrByte5Variants[variant]) : tvrByte5Variants[variant];
  return {
    ...base,
    bytes: base.bytes!.map((b) =>
      b.byte !== 5 ? b : { ...b, bits: [...b.bits!.filter((bit) => /^b[5-8]$/.test(bit.bits)), ...replacement] },
    ),
  };
}

const tvrCodings = builtPerLocale(() => {
  const english = tagData('95')!.coding!;
  const local = lookupTag('95')!.coding!;
  const variants = Object.keys(tvrByte5Variants) as TvrVariant[];
  return Object.fromEntries(variants.map((v) => [v, { english: tvrWith(v, english, false), local: tvrWith(v, local, true) }])) as Record<
    TvrVariant,
    { english: EmvCodingData; local: EmvCodingData }
  >;
});

function tvrVariant(kernel: CardKernel | undefined): TvrVariant {
  if (kernel?.entry.mode === 'contact') return 'contact';
  if (kernel?.entry.mode !== 'contactless') return 'unknown';
  if (kernel.kernel === 'C-2') return 'c2';
  // A known scheme read contactless by another kernel; an unknown scheme could be anything.
  return kernel.scheme === 'other' ? 'unknown' : 'otherContactless';
}

const tvrReading: Readonly<Record<Exclude<TvrVariant, 'unknown'>, KernelReading>> = {
  c2: { id: 'tvr-c2', book: 'EMV Contactless Book C-2 (TVR byte 5)' },
  contact: { id: 'tvr-contact', book: 'EMV 4.4 Book 3 Annex C5' },
  otherContactless: { id: 'tvr-other-contactless', book: 'EMV 4.4 Book 3 Annex C5; EMV Contactless Books C-3 to C-7' },
};

export interface ChosenCoding {
  readonly tag: string;
  /** Name of the data object under the chosen reading, in the current locale. */
  readonly name: string;
  readonly english: EmvCodingData;
  readonly local: EmvCodingData;
  readonly reading?: KernelReading;
}

/**
 * The bit coding of `tag` for `kernel`; undefined when the tag has none under that kernel (see kernelTagRules:
 * 9F66/9F6C under Mastercard C-2 are other data objects; 9F6E has a bit coding only under Visa C-3 and American
 * Express C-4).
 */
export function codingFor(tag: string, kernel: CardKernel | undefined): ChosenCoding | undefined {
  const info = tagData(tag);
  if (!info) return undefined;
  switch (info.tag) {
    case '95': {
      // Byte 5 b4–b1 always read for the kernel; 'unknown' words both readings (describe.ts says why).
      const variant = tvrVariant(kernel);
      const c = tvrCodings()[variant];
      return { tag: info.tag, name: lookupTag(info.tag)!.name, ...c, ...(variant !== 'unknown' ? { reading: tvrReading[variant] } : {}) };
    }
    case '9F0D':
    case '9F0E':
    case '9F0F':
    case 'DF8120':
    case 'DF8121':
    case 'DF8122': {
      // EMV 4.4 Book 3 section 10.7 / C-2: action codes have the TVR's layout, read for the same kernel.
      const tvr = tvrCodings()[tvrVariant(kernel)];
      return { tag: info.tag, name: lookupTag(info.tag)!.name, ...tvr, reading: { id: 'action-code', book: 'EMV 4.4 Book 3 Annex C5 (TVR layout)' } };
    }
  }
  const rules = kernelTagRules[info.tag];
  if (rules) {
    const rule = ruleFor(rules, kernel);
    if (!rule) return undefined;
    const c = kernelCoding(rule.coding);
    return { tag: info.tag, name: rule.name, ...c, reading: { id: rule.coding, book: c.english.srcNote! } };
  }
  if (!info.coding?.bytes) return undefined;
  const local = lookupTag(info.tag)!;
  return { tag: info.tag, name: local.name, english: info.coding, local: local.coding! };
}
