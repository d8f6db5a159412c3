// Which kernel read the card: the scheme from the AID (4F/84/9F06 or Nexi's CT102), the interface from the POS entry
// mode (9F39, f22) or, failing those, from tags only contactless kernels produce (9F66 TTQ, 9F6C CTQ, 9F6B). Several
// EMV bits and tags mean different things under different kernels (EMV Contactless Books C-2 … C-7); bits.ts,
// values.ts and describe.ts read them for the kernel chosen here. A reading that rests on an inference says so.

import { lookupAid } from '../codes/aids';
import { fillTemplate } from '../codes/text';
import { translated } from '../l10n';
import { schemeKernels, type CardScheme, type ContactlessKernel } from './kernelData';
import type { TlvNode } from './tlv';

export type { CardScheme, ContactlessKernel } from './kernelData';

/** How the card was read. */
export type CardInterface = 'contact' | 'contactless' | 'magstripe' | 'manual' | 'unknown';

export interface EntryModeReading {
  readonly mode: CardInterface;
  /** True when the mode is deduced (from f22 read as ISO 8583 DE22, or from the tags present), not stated. */
  readonly inferred: boolean;
  /** Where the mode comes from: `9F39`, `f22`, `tags 9F66, 9F6C`, or the caller's own source (e.g. `CT115`). */
  readonly source: string;
}

export interface CardKernel {
  readonly scheme: CardScheme;
  /** Brand of the AID table (`Visa`, `Mastercard`…); undefined without a known AID. */
  readonly brand?: string;
  /** Upper-case hex AID the scheme was read from. */
  readonly aid?: string;
  readonly entry: EntryModeReading;
  /** EMVCo contactless kernel; only when the card was read contactless and the scheme has one. */
  readonly kernel?: ContactlessKernel;
  /** Scheme application (`VSDC`, `qVSDC`, `M/Chip`…), when the scheme and the interface are known. */
  readonly application?: string;
  /** In the current locale, e.g. "Visa contactless, kernel C-3 (qVSDC)"; ends ", interface inferred from f22" when it is. */
  readonly label: string;
  /** True when the interface (and so the kernel) is inferred. */
  readonly inferred: boolean;
}

/** User-facing sentences of this module (templates, see codes/text.ts). English. */
export const kernelMessages = {
  contactlessKernel: '{brand} contactless, kernel {kernel} ({application})',
  contactlessNoKernel: '{brand} contactless (domestic specification, no EMVCo kernel number)',
  contact: '{brand} contact chip ({application})',
  contactlessOther: '{brand}, contactless',
  contactOther: '{brand}, contact chip',
  magstripe: '{brand}, magnetic stripe',
  manual: '{brand}, manual entry',
  unknownInterface: '{brand}, interface unknown',
  unknownBrand: 'card of unknown scheme',
  inferredFrom: '{label}, interface inferred from {source}',
} as const;

/** {@link kernelMessages} in the current locale. */
export const kernelText = translated('emv.kernelMessages', kernelMessages);

// ISO 8583 DE22 positions 1–2 = EMV 9F39 (EMV 4.4 Book 3 Annex A).
const entryModes: Readonly<Record<string, CardInterface>> = {
  '01': 'manual',
  '02': 'magstripe',
  '05': 'contact',
  '07': 'contactless',
  '80': 'magstripe',
  '90': 'magstripe',
  '91': 'contactless',
};

// Tags only contactless kernels produce: 9F66 TTQ (a reader value of C-3/C-6/C-7), 9F6C CTQ (C-3/C-7 card value),
// 9F6B Track 2 Data (C-2 mag-stripe mode). 9F6E is left out: Mastercard cards carry it on contact too.
const contactlessOnlyTags = ['9F66', '9F6C', '9F6B'];

export interface EntryModeHints {
  /** 9F39 as hex (`07`). */
  readonly posEntryMode9F39?: string;
  /** Nexi's f22, read as ISO 8583:1987 DE22 (3 digits, the first two are the PAN entry mode). */
  readonly f22?: string;
  /** Tags present in the EMV data. */
  readonly tags?: Iterable<string>;
  /** The caller's own reading (CT115 "Contactless", transactionType CLI…): used when nothing above states it. */
  readonly declared?: EntryModeReading;
}

/** The interface the card was read with: 9F39 first (the terminal states it), then f22, the caller's, the tags. */
export function entryModeFrom(hints: EntryModeHints): EntryModeReading {
  const fromCode = (code: string | undefined): CardInterface | undefined => (code ? entryModes[code.slice(0, 2)] : undefined);
  const e9f39 = hints.posEntryMode9F39 && /^\d{2}$/.test(hints.posEntryMode9F39) ? fromCode(hints.posEntryMode9F39) : undefined;
  if (e9f39) return { mode: e9f39, inferred: false, source: '9F39' };
  // Reading f22 as DE22 is itself an inference (spec: the fNN keys are named after ISO 8583 fields).
  const f22 = hints.f22?.trim();
  const ef22 = f22 && /^\d{3,4}$/.test(f22) ? fromCode(f22.length === 4 ? f22.slice(1) : f22) : undefined;
  if (ef22) return { mode: ef22, inferred: true, source: 'f22' };
  if (hints.declared && hints.declared.mode !== 'unknown') return hints.declared;
  const present = new Set([...(hints.tags ?? [])].map((t) => t.toUpperCase()));
  const seen = contactlessOnlyTags.filter((t) => present.has(t));
  if (seen.length > 0) return { mode: 'contactless', inferred: true, source: `tags ${seen.join(', ')}` };
  return { mode: 'unknown', inferred: false, source: '' };
}

export interface NexiEntryHints {
  /** Result parameter `transactionType`: ICC / MAG / CLI (documented, [REV]); MAN / CLM (ECR17, inferred). */
  readonly transactionType?: string;
  /** Receipt key CT115, the entry mode in words ("Contactless"); its meaning is itself inferred. */
  readonly ct115?: string;
  /** `terminalType`: SOFTPOS reads contactless cards over NFC (spec §5.2, [LTS]). */
  readonly terminalType?: string;
}

const transactionTypeModes: Readonly<Record<string, { mode: CardInterface; inferred: boolean }>> = {
  ICC: { mode: 'contact', inferred: false },
  MAG: { mode: 'magstripe', inferred: false },
  CLI: { mode: 'contactless', inferred: false },
  // Known from Nexi's ECR17 terminal protocol, not documented for App2App (spec §11).
  MAN: { mode: 'manual', inferred: true },
  CLM: { mode: 'contactless', inferred: true },
};

/**
 * The interface from what a Nexi result says besides the EMV data, for {@link EntryModeHints.declared}:
 * transactionType first (documented), then terminalType SOFTPOS (contactless only), then CT115 (inferred key).
 * Undefined when none of them says it.
 */
export function entryModeFromNexi(hints: NexiEntryHints): EntryModeReading | undefined {
  const tt = transactionTypeModes[hints.transactionType?.trim().toUpperCase() ?? ''];
  if (tt) return { ...tt, source: 'transactionType' };
  if (hints.terminalType?.trim().toUpperCase() === 'SOFTPOS') return { mode: 'contactless', inferred: false, source: 'terminalType' };
  const words = hints.ct115?.trim() ?? '';
  const mode: CardInterface | undefined = /contactless|nfc/i.test(words)
    ? 'contactless'
    : /chip|icc|contact/i.test(words)
      ? 'contact'
      : /mag|stripe|banda/i.test(words)
        ? 'magstripe'
        : /manual/i.test(words)
          ? 'manual'
          : undefined;
  return mode ? { mode, inferred: true, source: 'CT115' } : undefined;
}

function schemeOf(brand: string | undefined): CardScheme {
  if (!brand) return 'other';
  for (const [scheme, k] of Object.entries(schemeKernels)) if (k.brands.includes(brand)) return scheme as CardScheme;
  return 'other';
}

/**
 * The scheme and kernel for an AID and an entry mode. Lenient: an unknown or absent AID gives scheme `other`, an
 * unknown interface no kernel. `entry` may be just a mode (then it counts as stated by the caller).
 */
export function kernelFor(aid: string | undefined, entry: EntryModeReading | CardInterface): CardKernel {
  const reading: EntryModeReading = typeof entry === 'string' ? { mode: entry, inferred: false, source: '' } : entry;
  const match = aid ? lookupAid(aid) : undefined;
  const scheme = schemeOf(match?.brand);
  const k = scheme === 'other' ? undefined : schemeKernels[scheme];
  const kernel = reading.mode === 'contactless' ? k?.kernel : undefined;
  const application = !k ? undefined : reading.mode === 'contactless' ? k.contactless : reading.mode === 'contact' ? k.contact : undefined;
  const M = kernelText();
  const brand = match?.brand ?? M.unknownBrand;
  let label: string;
  switch (reading.mode) {
    case 'contactless':
      label = kernel
        ? fillTemplate(M.contactlessKernel, { brand, kernel, application: application ?? '' })
        : application
          ? fillTemplate(M.contactlessNoKernel, { brand })
          : fillTemplate(M.contactlessOther, { brand });
      break;
    case 'contact':
      label = application ? fillTemplate(M.contact, { brand, application }) : fillTemplate(M.contactOther, { brand });
      break;
    case 'magstripe':
      label = fillTemplate(M.magstripe, { brand });
      break;
    case 'manual':
      label = fillTemplate(M.manual, { brand });
      break;
    default:
      label = fillTemplate(M.unknownInterface, { brand });
  }
  // Only an inference is worth the words: a mode the terminal states (9F39) or the caller passes as stated is not.
  if (reading.mode !== 'unknown' && reading.inferred && reading.source) label = fillTemplate(M.inferredFrom, { label, source: reading.source });
  return {
    scheme,
    ...(match ? { brand: match.brand, aid: match.aid } : {}),
    entry: reading,
    ...(kernel ? { kernel } : {}),
    ...(application ? { application } : {}),
    label,
    inferred: reading.inferred,
  };
}

/** Whether the scheme and the interface are both known (kernel-dependent readings are then chosen, not combined). */
export function isKnownKernel(kernel: CardKernel | undefined): kernel is CardKernel {
  return kernel !== undefined && kernel.scheme !== 'other' && kernel.entry.mode !== 'unknown';
}

/** What one TLV field (f55, CT123) is read with: computed once per field, then passed to every node. */
export interface EmvContext {
  readonly kernel: CardKernel;
  /** Currency for amounts (numeric or alpha), e.g. from 5F2A or CT118. */
  readonly currency?: string;
  /** Upper-case hex values of the primitive tags of the field (first occurrence), for readings across tags. */
  readonly values: ReadonlyMap<string, string>;
}

export interface EmvContextHints {
  /** AID from outside the TLV (Nexi CT102); the TLV's own 4F/84/9F06 win. */
  readonly aid?: string;
  readonly f22?: string;
  /** The caller's reading of the interface (CT115, transactionType): see {@link EntryModeHints.declared}. */
  readonly entryMode?: EntryModeReading;
  readonly currency?: string;
}

/** Builds the context of one TLV field from its parsed nodes and what the rest of the URI says. */
export function emvContextOf(nodes: readonly TlvNode[], hints: EmvContextHints = {}): EmvContext {
  const values = new Map<string, string>();
  const walk = (list: readonly TlvNode[]): void => {
    for (const n of list) {
      if (n.children) walk(n.children);
      else if (!n.truncated && !values.has(n.tag)) values.set(n.tag, n.value);
    }
  };
  walk(nodes);
  const aid = values.get('4F') ?? values.get('84') ?? values.get('9F06') ?? hints.aid;
  const entry = entryModeFrom({
    posEntryMode9F39: values.get('9F39'),
    ...(hints.f22 !== undefined ? { f22: hints.f22 } : {}),
    ...(hints.entryMode ? { declared: hints.entryMode } : {}),
    tags: values.keys(),
  });
  const currency = hints.currency ?? values.get('5F2A');
  return { kernel: kernelFor(aid, entry), ...(currency ? { currency } : {}), values };
}
