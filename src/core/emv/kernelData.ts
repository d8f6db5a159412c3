// Kernel-specific EMV knowledge, hand-written (the shared reference data has one meaning per tag, but several
// tags and bits mean different things under different contactless kernels). Every table names the book it comes
// from in `srcNote`; the bit layouts were cross-checked against openemv/emv-utils src/emv_fields.h @c29b155d
// (`openemv:emv_fields.h`). Translations: overlay l10n/data/emvKernelCodings.<locale>.json, by coding id and bit position.
//
// Kernel numbers are EMVCo's (EMV Contactless Book B, Entry Point: kernel identifiers 2 Mastercard, 3 Visa,
// 4 American Express, 5 JCB, 6 Discover, 7 UnionPay). Contact cards run the scheme's EMV application (Book 3).

import type { EmvCodingData } from '../data/emvTagData';

export type CardScheme = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'discover' | 'unionpay' | 'pagobancomat' | 'other';
export type ContactlessKernel = 'C-2' | 'C-3' | 'C-4' | 'C-5' | 'C-6' | 'C-7';

export interface SchemeKernels {
  /** Brand names of the AID table (src/core/data/aidData.ts) that belong to the scheme. */
  readonly brands: readonly string[];
  /** Contactless kernel, when EMVCo assigns one to the scheme. */
  readonly kernel?: ContactlessKernel;
  /** Scheme application names, English (product names are not translated). */
  readonly contact: string;
  readonly contactless: string;
}

/** Per scheme: kernel and application names (EMV Contactless Books B, C-2 … C-7; EMV 4.4 Books 1–4). */
export const schemeKernels: Readonly<Record<Exclude<CardScheme, 'other'>, SchemeKernels>> = {
  visa: { brands: ['Visa'], kernel: 'C-3', contact: 'VSDC', contactless: 'qVSDC' },
  mastercard: { brands: ['Mastercard'], kernel: 'C-2', contact: 'M/Chip', contactless: 'M/Chip contactless' },
  amex: { brands: ['American Express'], kernel: 'C-4', contact: 'AEIPS', contactless: 'Expresspay' },
  jcb: { brands: ['JCB'], kernel: 'C-5', contact: 'J/Smart', contactless: 'J/Speedy' },
  discover: { brands: ['Discover'], kernel: 'C-6', contact: 'D-PAS', contactless: 'D-PAS contactless' },
  unionpay: { brands: ['UnionPay'], kernel: 'C-7', contact: 'UICS', contactless: 'QuickPass (qUICS)' },
  // Italian domestic debit (Consorzio BANCOMAT): no EMVCo C-n kernel; its contactless specification is not public.
  pagobancomat: { brands: ['PagoBANCOMAT'], contact: 'PagoBANCOMAT', contactless: 'PagoBANCOMAT contactless' },
};

/** The contactless book of each kernel, for citations. */
export const kernelBooks: Readonly<Record<ContactlessKernel, string>> = {
  'C-2': 'EMV Contactless Book C-2 (Mastercard)',
  'C-3': 'EMV Contactless Book C-3 (Visa)',
  'C-4': 'EMV Contactless Book C-4 (American Express)',
  'C-5': 'EMV Contactless Book C-5 (JCB)',
  'C-6': 'EMV Contactless Book C-6 (Discover)',
  'C-7': 'EMV Contactless Book C-7 (UnionPay)',
};

const src = ['openemv:emv_fields.h', 'emv-books'] as const;

/** 9F66 Terminal Transaction Qualifiers: Book A Table 5-4, Book C-3 Annex A.2 (also read by C-6 and C-7). */
export const ttqCoding: EmvCodingData = {
  bytes: [
    {
      byte: 1,
      bits: [
        { bits: 'b8', meaning: 'Mag-stripe mode supported' },
        { bits: 'b7', meaning: 'RFU' },
        { bits: 'b6', meaning: 'EMV mode supported' },
        { bits: 'b5', meaning: 'EMV contact chip supported' },
        { bits: 'b4', meaning: 'Offline-only reader' },
        { bits: 'b3', meaning: 'Online PIN supported' },
        { bits: 'b2', meaning: 'Signature supported' },
        { bits: 'b1', meaning: 'Offline data authentication for online authorisations supported' },
      ],
    },
    {
      byte: 2,
      bits: [
        { bits: 'b8', meaning: 'Online cryptogram required' },
        { bits: 'b7', meaning: 'CVM required' },
        { bits: 'b6', meaning: '(Contact chip) offline PIN supported' },
        { bits: 'b5', meaning: 'RFU' },
        { bits: 'b4', meaning: 'Fast mode supported' },
        { bits: 'b3', meaning: 'Transit terminal' },
        { bits: 'b2', meaning: 'RFU' },
        { bits: 'b1', meaning: 'RFU' },
      ],
    },
    {
      byte: 3,
      bits: [
        { bits: 'b8', meaning: 'Issuer update processing supported' },
        { bits: 'b7', meaning: 'Consumer device CVM supported' },
        { bits: 'b6', meaning: 'Consumer device CVM for transit MCC supported' },
        { bits: 'b5', meaning: 'RFU' },
        { bits: 'b4', meaning: 'Consumer device CVM required' },
        { bits: 'b3', meaning: 'RFU' },
        { bits: 'b2', meaning: 'RFU' },
        { bits: 'b1', meaning: 'RFU' },
      ],
    },
    {
      byte: 4,
      bits: [
        { bits: 'b8', meaning: 'fDDA version 1.0 supported (Book C-7)' },
        { bits: 'b7-b1', meaning: 'RFU' },
      ],
    },
  ],
  prov: 'emv',
  src,
  srcNote: 'EMV Contactless Book A Table 5-4; Book C-3 Annex A.2; Book C-6 Annex D; Book C-7 Table 3-1',
};

/** 9F6C Card Transaction Qualifiers: Book C-3 Annex A.2, Book C-7 Annex A. */
export const ctqCoding: EmvCodingData = {
  bytes: [
    {
      byte: 1,
      bits: [
        { bits: 'b8', meaning: 'Online PIN required' },
        { bits: 'b7', meaning: 'Signature required' },
        { bits: 'b6', meaning: 'Go online if offline data authentication fails and the reader is online capable' },
        { bits: 'b5', meaning: 'Switch interface if offline data authentication fails and the reader supports contact chip' },
        { bits: 'b4', meaning: 'Go online if the application has expired' },
        { bits: 'b3', meaning: 'Switch interface for cash transactions' },
        { bits: 'b2', meaning: 'Switch interface for cashback transactions' },
        { bits: 'b1', meaning: 'Not valid for contactless ATM transactions' },
      ],
    },
    {
      byte: 2,
      bits: [
        { bits: 'b8', meaning: 'Consumer device CVM performed' },
        { bits: 'b7', meaning: 'Card supports issuer update processing at the POS' },
        { bits: 'b6-b1', meaning: 'RFU' },
      ],
    },
  ],
  prov: 'emv',
  src,
  srcNote: 'EMV Contactless Book C-3 Annex A.2; Book C-7 Annex A',
};

/** 9F6E under Visa C-3: Form Factor Indicator. */
export const visaFfiCoding: EmvCodingData = {
  bytes: [
    {
      byte: 1,
      bits: [
        { bits: 'b8-b6', meaning: 'Version number', label: 'Version number', values: { '001': 'Version 1' } },
        {
          bits: 'b5-b1',
          meaning: 'Consumer payment device form factor',
          label: 'Form factor',
          values: { '00000': 'Card', '00001': 'Mini-card', '00010': 'Non-card form factor', '00011': 'Consumer mobile phone', '00100': 'Wrist-worn device' },
        },
      ],
    },
    {
      byte: 2,
      name: 'Consumer payment device features',
      bits: [
        { bits: 'b8', meaning: 'Passcode capable' },
        { bits: 'b7', meaning: 'Signature panel' },
        { bits: 'b6', meaning: 'Hologram' },
        { bits: 'b5', meaning: 'CVV2' },
        { bits: 'b4', meaning: 'Two-way messaging' },
        { bits: 'b3', meaning: 'Cloud-based payment credentials' },
        { bits: 'b2', meaning: 'Biometric cardholder verification capable' },
        { bits: 'b1', meaning: 'RFU' },
      ],
    },
    { byte: 3, bits: [{ bits: 'b8-b1', meaning: 'RFU' }] },
    {
      byte: 4,
      bits: [
        { bits: 'b8-b5', meaning: 'RFU' },
        {
          bits: 'b4-b1',
          meaning: 'Payment transaction technology',
          label: 'Payment transaction technology',
          values: { '0000': 'Proximity contactless interface (ISO 14443, including NFC)', '0001': 'Not used in VCPS' },
        },
      ],
    },
  ],
  prov: 'emv',
  src,
  srcNote: 'EMV Contactless Book C-3 Annex A.2 (Form Factor Indicator)',
};

/** 9F6E under American Express C-4: Enhanced Contactless Reader Capabilities (a terminal value). */
export const amexEcrcCoding: EmvCodingData = {
  bytes: [
    {
      byte: 1,
      bits: [
        { bits: 'b8', meaning: 'Contact mode supported' },
        { bits: 'b7', meaning: 'Contactless mag-stripe mode supported' },
        { bits: 'b6', meaning: 'Contactless EMV full online mode supported (legacy)' },
        { bits: 'b5', meaning: 'Contactless EMV partial online mode supported' },
        { bits: 'b4', meaning: 'Contactless mobile supported' },
        { bits: 'b3', meaning: 'Try another interface after a decline' },
        { bits: 'b2-b1', meaning: 'RFU' },
      ],
    },
    {
      byte: 2,
      bits: [
        { bits: 'b8', meaning: 'Mobile CVM supported' },
        { bits: 'b7', meaning: 'Online PIN supported' },
        { bits: 'b6', meaning: 'Signature supported' },
        { bits: 'b5', meaning: 'Plaintext offline PIN supported' },
        { bits: 'b4-b1', meaning: 'RFU' },
      ],
    },
    {
      byte: 3,
      bits: [
        { bits: 'b8', meaning: 'Reader is offline only' },
        { bits: 'b7', meaning: 'CVM required' },
        { bits: 'b6-b1', meaning: 'RFU' },
      ],
    },
    {
      byte: 4,
      bits: [
        { bits: 'b8', meaning: 'Terminal exempt from No CVM checks' },
        { bits: 'b7', meaning: 'Delayed authorisation terminal' },
        { bits: 'b6', meaning: 'Transit terminal' },
        { bits: 'b5-b4', meaning: 'RFU' },
        {
          bits: 'b3-b1',
          meaning: 'C-4 kernel version',
          label: 'C-4 kernel version',
          values: { '001': 'Version 2.2 to 2.3', '010': 'Version 2.4 to 2.6', '011': 'Version 2.7 or later' },
        },
      ],
    },
  ],
  prov: 'emv',
  src,
  srcNote: 'EMV Contactless Book C-4 section 4.3.4 Table 4-4',
};

/** 9F07 Application Usage Control: EMV 4.4 Book 3 Annex C2 (any scheme). */
export const aucCoding: EmvCodingData = {
  bytes: [
    {
      byte: 1,
      bits: [
        { bits: 'b8', meaning: 'Valid for domestic cash transactions' },
        { bits: 'b7', meaning: 'Valid for international cash transactions' },
        { bits: 'b6', meaning: 'Valid for domestic goods' },
        { bits: 'b5', meaning: 'Valid for international goods' },
        { bits: 'b4', meaning: 'Valid for domestic services' },
        { bits: 'b3', meaning: 'Valid for international services' },
        { bits: 'b2', meaning: 'Valid at ATMs' },
        { bits: 'b1', meaning: 'Valid at terminals other than ATMs' },
      ],
    },
    {
      byte: 2,
      bits: [
        { bits: 'b8', meaning: 'Domestic cashback allowed' },
        { bits: 'b7', meaning: 'International cashback allowed' },
        { bits: 'b6-b1', meaning: 'RFU' },
      ],
    },
  ],
  prov: 'emv',
  src,
  srcNote: 'EMV 4.4 Book 3 Annex C2',
};

/** 9F1D Terminal Risk Management Data under Mastercard C-2 (bytes 1–4; 5–8 RFU). */
export const trmdCoding: EmvCodingData = {
  bytes: [
    {
      byte: 1,
      bits: [
        { bits: 'b8', meaning: 'Restart supported' },
        { bits: 'b7', meaning: 'Enciphered PIN verified online (contactless)' },
        { bits: 'b6', meaning: 'Signature (paper) (contactless)' },
        { bits: 'b5', meaning: 'Enciphered PIN verification performed by ICC (contactless)' },
        { bits: 'b4', meaning: 'No CVM required (contactless)' },
        { bits: 'b3', meaning: 'CDCVM (contactless)' },
        { bits: 'b2', meaning: 'Plaintext PIN verification performed by ICC (contactless)' },
        { bits: 'b1', meaning: 'Present and hold supported' },
      ],
    },
    {
      byte: 2,
      bits: [
        { bits: 'b8', meaning: 'CVM limit exceeded' },
        { bits: 'b7', meaning: 'Enciphered PIN verified online (contact)' },
        { bits: 'b6', meaning: 'Signature (paper) (contact)' },
        { bits: 'b5', meaning: 'Enciphered PIN verification performed by ICC (contact)' },
        { bits: 'b4', meaning: 'No CVM required (contact)' },
        { bits: 'b3', meaning: 'CDCVM (contact)' },
        { bits: 'b2', meaning: 'Plaintext PIN verification performed by ICC (contact)' },
        { bits: 'b1', meaning: 'RFU' },
      ],
    },
    {
      byte: 3,
      bits: [
        { bits: 'b8', meaning: 'Mag-stripe mode contactless transactions not supported' },
        { bits: 'b7', meaning: 'EMV mode contactless transactions not supported' },
        { bits: 'b6', meaning: 'CDCVM without CDA supported' },
        { bits: 'b5-b1', meaning: 'RFU' },
      ],
    },
    {
      byte: 4,
      bits: [
        { bits: 'b8', meaning: 'CDCVM bypass requested' },
        { bits: 'b7', meaning: 'SCA exempt' },
        { bits: 'b6-b1', meaning: 'RFU' },
      ],
    },
  ],
  prov: 'emv',
  src,
  srcNote: 'EMV Contactless Book C-2 Annex A (Terminal Risk Management Data); M/Chip Requirements for Contact and Contactless, chapter 5',
};

/**
 * TVR (95) byte 5 b4–b1, the bits whose meaning depends on the kernel (EMV 4.4 Book 3 Annex C5 reserves b4 and b1
 * for the contactless specifications). Replaces those bits of the generated coding, which words all readings at once.
 */
export const tvrByte5Variants = {
  /** Mastercard C-2: relay resistance. */
  c2: [
    { bits: 'b4', meaning: 'Relay resistance threshold exceeded (Mastercard C-2)' },
    { bits: 'b3', meaning: 'Relay resistance time limits exceeded (Mastercard C-2)' },
    {
      bits: 'b2-b1',
      meaning: 'Relay resistance performed (Mastercard C-2)',
      label: 'Relay resistance performed (Mastercard C-2)',
      values: {
        '00': 'RRP not supported (Mastercard C-2 relay resistance protocol)',
        '01': 'RRP not performed (Mastercard C-2 relay resistance protocol)',
        '10': 'RRP performed (Mastercard C-2 relay resistance protocol)',
        '11': 'RFU',
      },
    },
  ],
  /** Contact chip, EMV 4.4 Book 3 Annex C5. */
  contact: [
    { bits: 'b4', meaning: 'RFU for contact chip (EMV 4.4 reserves it for the contactless specifications)' },
    { bits: 'b3', meaning: 'CA ECC key missing (EMV 4.4, contact chip)' },
    { bits: 'b2', meaning: 'ECC key recovery failed (EMV 4.4, contact chip)' },
    { bits: 'b1', meaning: 'RFU for contact chip (EMV 4.4 reserves it for the contactless specifications)' },
  ],
  /**
   * Kernel not known: each bit with both readings, and no multi-bit field (a C-2 "00 = RRP not supported" would
   * otherwise be shown for every card).
   */
  unknown: [
    { bits: 'b4', meaning: 'Kernel-dependent: relay resistance threshold exceeded (Mastercard C-2); reserved for contactless on EMV 4.4 contact chip' },
    { bits: 'b3', meaning: 'Kernel-dependent: relay resistance time limits exceeded (Mastercard C-2); CA ECC key missing on EMV 4.4 contact chip' },
    { bits: 'b2', meaning: 'Kernel-dependent: RRP performed if b2-b1 = 10 (Mastercard C-2); ECC key recovery failed on EMV 4.4 contact chip' },
    { bits: 'b1', meaning: 'Kernel-dependent: RRP not performed if b2-b1 = 01 (Mastercard C-2); reserved for contactless on EMV 4.4 contact chip' },
  ],
  /** Any other contactless kernel: the relay-resistance bits are C-2's. */
  otherContactless: [{ bits: 'b4-b1', meaning: 'RFU for this kernel in our sources (the relay-resistance meaning of these bits belongs to Mastercard C-2)' }],
} as const;

/** A reading of a kernel-specific data object: the coding (kernelCodings.ts id) and who defines it. */
export interface KernelTagRule {
  /** English name of the data object under this reading (standard EMV names stay English in Italian too). */
  readonly name: string;
  readonly coding: 'ttq' | 'ctq' | 'visaFfi' | 'amexEcrc' | 'trmd' | 'auc';
  /** Contactless kernels that define it this way… */
  readonly kernels?: readonly ContactlessKernel[];
  /** …or schemes that do, on any interface; neither: every scheme (EMV Book 3). */
  readonly schemes?: readonly CardScheme[];
  /** Read this way when the kernel is not known (the usual meaning; the explanation says it is assumed). */
  readonly whenUnknown: boolean;
}

/**
 * Tags whose bit coding depends on the kernel or scheme, first matching rule wins. Where no rule matches a known
 * kernel, the tag is not decoded (9F66 is PUNATC(Track2) under C-2, 9F6C the mag-stripe application version).
 */
export const kernelTagRules: Readonly<Record<string, readonly KernelTagRule[]>> = {
  '9F66': [{ name: 'Terminal Transaction Qualifiers (TTQ)', coding: 'ttq', kernels: ['C-3', 'C-6', 'C-7'], whenUnknown: true }],
  '9F6C': [{ name: 'Card Transaction Qualifiers (CTQ)', coding: 'ctq', kernels: ['C-3', 'C-7'], whenUnknown: true }],
  '9F6E': [
    { name: 'Form Factor Indicator (FFI)', coding: 'visaFfi', kernels: ['C-3'], whenUnknown: false },
    { name: 'Enhanced Contactless Reader Capabilities', coding: 'amexEcrc', kernels: ['C-4'], whenUnknown: false },
  ],
  '9F1D': [{ name: 'Terminal Risk Management Data', coding: 'trmd', schemes: ['mastercard'], whenUnknown: true }],
  '9F07': [{ name: 'Application Usage Control (AUC)', coding: 'auc', whenUnknown: true }],
};

/** 9C Transaction Type: the first two digits of the ISO 8583 processing code (EMV 4.4 Book 3 Annex A; ISO 8583 DE3). */
export const transactionTypeValues: Readonly<Record<string, string>> = {
  '00': 'Goods and services (purchase)',
  '01': 'Cash',
  '09': 'Purchase with cashback',
  '20': 'Refund / return',
  '30': 'Balance inquiry',
};

/** 9F39 POS Entry Mode: ISO 8583 DE22 positions 1–2 (EMV 4.4 Book 3 Annex A). */
export const posEntryModeValues: Readonly<Record<string, string>> = {
  '01': 'Manual key entry',
  '02': 'Magnetic stripe',
  '05': 'Contact chip (ICC)',
  '07': 'Contactless chip (EMV mode)',
  '80': 'Magnetic stripe read after a failed chip read (fallback)',
  '90': 'Magnetic stripe, full track read',
  '91': 'Contactless mag-stripe mode',
};

/** Card Verification Results bits inside 9F10, per IAD format (see iad.ts). */
export const cvrCodings = {
  /** EMV 4.4 Book 3 Annex C9 (Common Core Definitions, CCD 4.1): 5 bytes, bytes 1–4 shown. */
  ccd: {
    bytes: [
      {
        byte: 1,
        bits: [
          { bits: 'b8-b7', meaning: 'Cryptogram returned in the second GENERATE AC', label: 'Second GENERATE AC', values: { '00': 'AAC', '01': 'TC', '10': 'Not requested', '11': 'RFU' } },
          { bits: 'b6-b5', meaning: 'Cryptogram returned in the first GENERATE AC', label: 'First GENERATE AC', values: { '00': 'AAC', '01': 'TC', '10': 'ARQC', '11': 'RFU' } },
          { bits: 'b4', meaning: 'CDA performed' },
          { bits: 'b3', meaning: 'Offline DDA performed' },
          { bits: 'b2', meaning: 'Issuer authentication not performed' },
          { bits: 'b1', meaning: 'Issuer authentication failed' },
        ],
      },
      {
        byte: 2,
        bits: [
          { bits: 'b8-b5', meaning: 'Low-order nibble of the PIN try counter' },
          { bits: 'b4', meaning: 'Offline PIN verification performed' },
          { bits: 'b3', meaning: 'Offline PIN verification performed and PIN not successfully verified' },
          { bits: 'b2', meaning: 'PIN try limit exceeded' },
          { bits: 'b1', meaning: 'Last online transaction not completed' },
        ],
      },
      {
        byte: 3,
        bits: [
          { bits: 'b8', meaning: 'Lower offline transaction count limit exceeded' },
          { bits: 'b7', meaning: 'Upper offline transaction count limit exceeded' },
          { bits: 'b6', meaning: 'Lower cumulative offline amount limit exceeded' },
          { bits: 'b5', meaning: 'Upper cumulative offline amount limit exceeded' },
          { bits: 'b4-b1', meaning: 'Issuer-discretionary bits' },
        ],
      },
      {
        byte: 4,
        bits: [
          { bits: 'b8-b5', meaning: 'Number of issuer script commands with secure messaging processed' },
          { bits: 'b4', meaning: 'Issuer script processing failed' },
          { bits: 'b3', meaning: 'Offline data authentication failed on the previous transaction' },
          { bits: 'b2', meaning: 'Go online on next transaction was set' },
          { bits: 'b1', meaning: 'Unable to go online' },
        ],
      },
    ],
    prov: 'emv',
    src,
    srcNote: 'EMV 4.4 Book 3 Annex C9 (Common Core Definitions)',
  } satisfies EmvCodingData,
  /** Mastercard M/Chip 4 and M/Chip Advance: 6 bytes (bytes 3–8 of the IAD). */
  mchip: {
    bytes: [
      {
        byte: 1,
        bits: [
          { bits: 'b8-b7', meaning: 'Cryptogram returned in the second GENERATE AC', label: 'Second GENERATE AC', values: { '00': 'AAC', '01': 'TC', '10': 'Not requested', '11': 'RFU' } },
          { bits: 'b6-b5', meaning: 'Cryptogram returned in the first GENERATE AC', label: 'First GENERATE AC', values: { '00': 'AAC', '01': 'TC', '10': 'ARQC', '11': 'RFU' } },
          { bits: 'b4', meaning: 'Date check failed' },
          { bits: 'b3', meaning: 'Offline PIN verification performed' },
          { bits: 'b2', meaning: 'Offline encrypted PIN verification performed' },
          { bits: 'b1', meaning: 'Offline PIN verification successful' },
        ],
      },
      {
        byte: 2,
        bits: [
          { bits: 'b8', meaning: 'DDA returned' },
          { bits: 'b7', meaning: 'CDA returned in the first GENERATE AC' },
          { bits: 'b6', meaning: 'CDA returned in the second GENERATE AC' },
          { bits: 'b5', meaning: 'Issuer authentication performed' },
          { bits: 'b4', meaning: 'CIAC-Default skipped on CAT3' },
          { bits: 'b3', meaning: 'Offline change PIN result successful' },
          { bits: 'b2-b1', meaning: 'Issuer-discretionary bits' },
        ],
      },
      {
        byte: 3,
        bits: [
          { bits: 'b8-b5', meaning: 'Right nibble of the script counter' },
          { bits: 'b4-b1', meaning: 'Right nibble of the PIN try counter' },
        ],
      },
      {
        byte: 4,
        bits: [
          { bits: 'b8', meaning: 'Last online transaction not completed' },
          { bits: 'b7', meaning: 'Unable to go online' },
          { bits: 'b6', meaning: 'Offline PIN verification not performed' },
          { bits: 'b5', meaning: 'Offline PIN verification failed' },
          { bits: 'b4', meaning: 'PIN try limit exceeded' },
          { bits: 'b3', meaning: 'International transaction' },
          { bits: 'b2', meaning: 'Domestic transaction' },
          { bits: 'b1', meaning: 'Terminal erroneously considers offline PIN OK' },
        ],
      },
      {
        byte: 5,
        bits: [
          { bits: 'b8', meaning: 'Lower consecutive offline limit (M/Chip 4) or counter 1 limit (M/Chip Advance) exceeded' },
          { bits: 'b7', meaning: 'Upper consecutive offline limit (M/Chip 4) or counter 1 limit (M/Chip Advance) exceeded' },
          { bits: 'b6', meaning: 'Lower cumulative offline limit (M/Chip 4) or accumulator limit (M/Chip Advance) exceeded' },
          { bits: 'b5', meaning: 'Upper cumulative offline limit (M/Chip 4) or accumulator limit (M/Chip Advance) exceeded' },
          { bits: 'b4', meaning: 'Go online on next transaction was set' },
          { bits: 'b3', meaning: 'Issuer authentication failed' },
          { bits: 'b2', meaning: 'Script received' },
          { bits: 'b1', meaning: 'Script failed' },
        ],
      },
      {
        byte: 6,
        bits: [
          { bits: 'b8', meaning: 'Lower consecutive counter 2 limit exceeded' },
          { bits: 'b7', meaning: 'Upper consecutive counter 2 limit exceeded' },
          { bits: 'b6', meaning: 'Lower cumulative accumulator 2 limit exceeded' },
          { bits: 'b5', meaning: 'Upper cumulative accumulator 2 limit exceeded' },
          { bits: 'b4', meaning: 'MTA limit exceeded' },
          { bits: 'b3', meaning: 'Number of days offline limit exceeded' },
          { bits: 'b2', meaning: 'Match found in additional check table' },
          { bits: 'b1', meaning: 'No match found in additional check table' },
        ],
      },
    ],
    prov: 'emv',
    src,
    srcNote: 'M/Chip Requirements for Contact and Contactless, Appendix B (Issuer Application Data, 9F10)',
  } satisfies EmvCodingData,
  /** Visa VSDC: CVR bytes 2–4 (byte 1 is the CVR length in formats 0/1/3, CVM data in format 2). */
  vsdc: {
    bytes: [
      {
        byte: 2,
        bits: [
          { bits: 'b8-b7', meaning: 'Cryptogram returned in the second GENERATE AC', label: 'Second GENERATE AC', values: { '00': 'AAC', '01': 'TC', '10': 'Not requested', '11': 'RFU' } },
          { bits: 'b6-b5', meaning: 'Cryptogram returned in the first GENERATE AC (contact) or GPO (contactless)', label: 'First GENERATE AC or GPO', values: { '00': 'AAC', '01': 'TC', '10': 'ARQC', '11': 'RFU' } },
          { bits: 'b4', meaning: 'Issuer authentication performed and failed' },
          { bits: 'b3', meaning: 'Offline PIN verification performed (format 0/1/3); consumer device CVM performed (format 2)' },
          { bits: 'b2', meaning: 'Offline PIN verification failed (format 0/1/3); RFU (format 2)' },
          { bits: 'b1', meaning: 'Unable to go online' },
        ],
      },
      {
        byte: 3,
        bits: [
          { bits: 'b8', meaning: 'Last online transaction not completed' },
          { bits: 'b7', meaning: 'PIN try limit exceeded' },
          { bits: 'b6', meaning: 'Velocity checking counters exceeded' },
          { bits: 'b5', meaning: 'New card' },
          { bits: 'b4', meaning: 'Issuer authentication failed on the last online transaction' },
          { bits: 'b3', meaning: 'Issuer authentication not performed after online authorisation' },
          { bits: 'b2', meaning: 'Application blocked by the card because the PIN try limit was exceeded' },
          { bits: 'b1', meaning: 'Offline static data authentication failed on the last transaction' },
        ],
      },
      {
        byte: 4,
        bits: [
          { bits: 'b8-b5', meaning: 'Number of issuer script commands' },
          { bits: 'b4', meaning: 'Issuer script processing failed' },
          { bits: 'b3', meaning: 'Offline dynamic data authentication failed on the last transaction' },
          { bits: 'b2', meaning: 'Offline dynamic data authentication performed' },
          { bits: 'b1', meaning: 'PIN verification command not received for a PIN-expecting card' },
        ],
      },
    ],
    // Byte 2 is documented (VCPS); the meanings of bytes 3–4 come from secondary sources only: inferred.
    prov: 'inferred',
    src,
    srcNote: 'Visa Contactless Payment Specification (VCPS) Supplemental Requirements, Appendix M (IAD formats)',
  } satisfies EmvCodingData,
};
