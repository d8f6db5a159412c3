// Italian for the ISO 8583 data elements (src/core/codes/iso8583.ts over the generated
// src/core/data/iso8583FieldData.ts). Data element names are standard names and stay in English, as Italian
// practice does; the comments on them, the packager notes and the length units are translated.

import type { Translation } from '../../i18n';
import type { iso8583UnitLabels } from '../../codes/iso8583';

export const iso8583UnitLabelsIt: Translation<typeof iso8583UnitLabels> = {
  digits: 'cifre',
  'signed-digits': 'cifre dopo un segno C/D',
  characters: 'caratteri',
  'track-characters': 'caratteri di traccia',
  bits: 'bit',
  bytes: 'byte',
};

/** Comments on data elements (why the versions differ, how Nexi uses the field), by field number. */
export const iso8583CommentsIt: Readonly<Record<number, string>> = {
  1: 'Bitmap secondaria; la sua presenza è segnalata dal bit 1 della bitmap primaria. I packager ASCII la trasportano come 16 caratteri esadecimali.',
  4: "Importo in unità minime della valuta di DE49 (senza separatore decimale); ad es. 000000000450 con EUR (978, esponente 2) = 4,50.",
  11: "STAN: 6 cifre, assegnato da chi origina il messaggio, univoco per terminale per giorno/batch.",
  12: '1987: ora locale hhmmss. 1993: data e ora locali complete YYMMDDhhmmss (n 12). Nexi usa il significato del 1987 (HHmmss).',
  13: "1987: data locale MMDD. Il 1993 riutilizza DE13 come 'Date, effective' (YYMM). Nexi usa MMdd (significato del 1987).",
  22: '1987: POS entry mode n3 (pos. 1-2 modalità di inserimento del PAN: 01 manuale, 02 banda magnetica, 05 ICC, 07 chip contactless, 80 fallback, 90 traccia completa, 91 banda magnetica contactless; pos. 3 capacità PIN). 1993: POS data code an12.',
  24: '1987: Network International Identifier (NII). 1993: Function code (ad es. 100 autorizzazione originale, 200 transazione finanziaria originale, 400 storno totale, 401 storno parziale).',
  25: 'Nel 1987 è il POS condition code (n2); nel 1993 il Message reason code (n4).',
  26: 'Nel 1987 è il POS PIN capture code (n2); nel 1993 il Card acceptor business code (MCC, n4).',
  30: "1987: Amount, transaction processing fee (x+n 8). 1993: Amounts, original (n 24 = importo della transazione originale n12 + importo di riconciliazione originale n12). Il campo 'f30 Original Amount' di Nexi è un importo di 12 cifre (non corrisponde esattamente a nessuno dei due formati).",
  37: "RRN, an 12. Formato comune degli acquirer YDDDhhNNNNNN (ultima cifra dell'anno, giorno giuliano, ora, sequenza di 6 cifre) — ad es. 513614271424 = 2025, giorno 136 (16 maggio), ore 14, sequenza 271424.",
  38: 'Authorization identification response (codice di autorizzazione), an 6 (1993: anp 6).',
  39: "1987: Response code an 2 (00 = approvata). 1993: Action code n 3 (000 = approvata; 4xx esiti di storni/chargeback, 400 = accettato). Nexi documenta f39 come '3 o 2 cifre'.",
  41: "Identificativo del terminale dell'esercente (TID, card acceptor terminal identification), ans 8.",
  42: "Codice identificativo dell'esercente (card acceptor identification code, merchant ID), ans 15 fisso (di norma completato a destra con spazi; Nexi lo invia senza riempimento, ad es. 13 caratteri).",
  43: "1987: ans 40 fisso (la sotto-struttura dipende dalla rete; nota di moov-io: 1-23 nome/indirizzo, 24-36 città, 37-38 stato, 39-40 paese). 1993: ans..99 LLVAR. Il f43 di Nexi (59 caratteri nell'esempio) supera il limite di 40 caratteri del 1987 e corrisponde alla forma LLVAR del 1993.",
  49: 'Codice della valuta della transazione: ISO 4217 numerico (1987 n3 nella notazione di moov/Wikipedia; alcuni packager usano an 3; il 1993 ammette a3 o n3).',
  52: 'PIN block, 64 bit = 8 byte (16 caratteri esadecimali nei packager ASCII).',
  55: "1987: 'Reserved ISO' (ans...999); usato di fatto per i dati ICC/EMV. 1993: 'IC card system related data' b...255 — tag EMV in BER-TLV.",
  64: 'MAC di 64 bit (8 byte).',
  90: "Original data elements (1987 n 42: MTI originale n4 + STAN originale n6 + data e ora di trasmissione originali n10 + ID dell'acquirer n11 + ID del forwarding n11). Il 1993 sposta i dati originali in DE56 (n..35) e usa DE90 per 'Authorizations, reversal number'.",
  128: 'MAC (bitmap secondaria), 64 bit.',
};

/** Disagreements between the open-source packagers, by field number (same order as the English notes). */
export const iso8583NotesIt: Readonly<Record<number, readonly string[]>> = {
  15: ['1987: Oscar-ISO8583 dl_iso8583_defs_1987.c indica n 6'],
  54: ['1987: pyiso8583 default_ascii indica LLLVAR max_len 240'],
  55: ['1987: pyiso8583 default_ascii indica LLLVAR max_len 510'],
  65: ['1987: jPOS iso87ascii indica b 8 (IFA_BINARY len 1)', '1987: Oscar-ISO8583 dl_iso8583_defs_1987.c indica b 64'],
  71: ['1993: Oscar-ISO8583 dl_iso8583_defs_1993.c indica n 6'],
  86: ['1987: Oscar-ISO8583 dl_iso8583_defs_1987.c indica n 15'],
  87: ['1987: Oscar-ISO8583 dl_iso8583_defs_1987.c indica n 15'],
  88: ['1987: Oscar-ISO8583 dl_iso8583_defs_1987.c indica n 15'],
  89: ['1987: Oscar-ISO8583 dl_iso8583_defs_1987.c indica n 15'],
  93: ['1987: jPOS iso87ascii indica an|ans 6 (IF_CHAR len 6)'],
  96: ['1987: jPOS iso87ascii indica b 128 (IFA_BINARY len 16)'],
};

/** Value layouts with words in them (the others, `hhmmss`, `MMDD`…, are notation), by English layout. */
export const iso8583ValueFormatsIt: Readonly<Record<string, string>> = {
  'YYMM (effective date)': 'YYMM (data di inizio validità)',
};
