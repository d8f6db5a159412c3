// Italian for the EMV layer (src/core/emv/): the TLV parser's problem messages, and an overlay on the generated
// tag dictionary (src/core/data/emvTagData.ts) — notes, bit meanings, value interpretations, worked examples
// and the words inside format/length/origin cells. EMV tag names are standard names and stay in English, as
// Italian practice does; only Nexi's own DF8001–DF8005 names are translated. Acronyms (TVR, ARQC, RFU, CDA…)
// stay as they are. test/unit/i18nCodes.test.ts checks that every English string of the data has its Italian.

import type { Translation } from '../../i18n';
import type { describeMessages } from '../../emv/describe';
import type { KernelCodingId } from '../../emv/kernelCodings';
import type { tvrByte5Variants } from '../../emv/kernelData';
import type { kernelMessages } from '../../emv/kernels';
import type { tlvMessages } from '../../emv/tlv';

export const tlvMessagesIt: Translation<typeof tlvMessages> = {
  nonHex: 'Non esadecimale: "{text}" alla posizione {offset} è stato ignorato.',
  oddLength: 'I dati hanno {digits} cifre esadecimali, un numero dispari: non corrispondono a un numero intero di byte.',
  truncatedTag: 'I dati terminano a metà di un tag alla posizione {offset}.',
  tagTooLong: 'Il tag alla posizione {offset} è più lungo di {max} byte: questi non sono dati EMV.',
  truncatedLength: 'I dati terminano a metà della lunghezza del tag {tag} alla posizione {offset}.',
  indefiniteLength: 'Il tag {tag} alla posizione {offset} usa la forma di lunghezza indefinita (80), che EMV non consente.',
  lengthTooLong: 'Il tag {tag} alla posizione {offset} ha un campo lunghezza di {count} byte; EMV ne usa al massimo {max}.',
  lengthExceedsData:
    'Il tag {tag} dichiara {declaredBytes} byte ({declaredDigits} cifre esadecimali) ma restano solo {availableDigits} cifre esadecimali.',
  lengthCutByNextTag:
    'Il tag {tag} dichiara {declaredBytes} byte ({declaredDigits} cifre esadecimali) ma solo {availableDigits} cifre esadecimali precedono il tag riconoscibile successivo {nextTag} alla posizione {nextOffset}: al valore mancano {missingDigits} cifre esadecimali.',
  unparsedData: 'Saltate {digits} cifre esadecimali alla posizione {offset} che non è stato possibile leggere come TLV.',
  resynchronised:
    'Lettura ripresa alla posizione {offset} sul tag {tag}: da qui in poi gli elementi sono una lettura di massima (recuperata).',
  tooDeep: 'I tag costruiti sono annidati per più di {max} livelli; il valore di {tag} non è stato decodificato.',
  fixedLength:
    'Tag {tag} ({name}): lunghezza {actual}, ma EMV 4.4 Book 3 Annex A la fissa a {expected} (lunghezza in byte): il valore è letto fin dove possibile e potrebbe essere errato.',
};

// ---- tag dictionary overlay ----------------------------------------------------------------------------------

/** A bit or bit field: its meaning, or (enumerated fields) meaning, field name and value meanings. */
export type EmvBitTranslation =
  | string
  | { readonly meaning: string; readonly label?: string; readonly values?: Readonly<Record<string, string>> };

export interface EmvByteTranslation {
  readonly name?: string;
  /** By bit spec (`b8`, `b2-b1`), as in the English data. */
  readonly bits?: Readonly<Record<string, EmvBitTranslation>>;
  readonly values?: Readonly<Record<string, string>>;
}

export interface EmvCodingTranslation {
  readonly text?: string;
  readonly values?: Readonly<Record<string, string>>;
  /** By byte number. */
  readonly bytes?: Readonly<Record<number, EmvByteTranslation>>;
  readonly examples?: Readonly<Record<string, string>>;
  /** Only where the source reference has words besides the section numbers. */
  readonly srcNote?: string;
}

/** Names that are not standard EMV names (Nexi's proprietary tags), by tag. */
export const emvTagNamesIt: Readonly<Record<string, string>> = {
  DF8001: 'Tag aggiuntivo Nexi 1 (addInfo1)',
  DF8002: 'Tag aggiuntivo Nexi 2 (addInfo2)',
  DF8003: 'Tag aggiuntivo Nexi 3 (addInfo3)',
  DF8004: 'Tag aggiuntivo Nexi 4 (addInfo4)',
  DF8005: 'Tag aggiuntivo Nexi 5 (addInfo5)',
};

/** Tag notes, by English note (many tags share one). */
export const emvNotesIt: Readonly<Record<string, string>> = {
  'RID (5 bytes) + PIX': 'RID (5 byte) + PIX',
  'e.g. "Debit Mastercard"': 'ad es. "Debit Mastercard"',
  'PAN D YYMM ServiceCode discretionary; sensitive': 'PAN D YYMM ServiceCode dati discrezionali; dato sensibile',
  sensitive: 'dato sensibile',
  '00 default, 10 savings, 20 cheque/debit, 30 credit': '00 predefinito, 10 risparmio, 20 conto corrente/debito, 30 credito',
  'executed before final GENERATE AC': 'eseguito prima del GENERATE AC finale',
  'executed after final GENERATE AC': 'eseguito dopo il GENERATE AC finale',
  'see bits': 'vedere i bit',
  'selected AID': 'AID selezionato',
  'ISO 8583 DE39-style 2-char code; Y1/Z1/Y3/Z3 offline': 'codice di 2 caratteri come ISO 8583 DE39; Y1/Z1/Y3/Z3 offline',
  'X amount(4) Y amount(4) + 2-byte CV rules': 'importo X (4) importo Y (4) + CV rule di 2 byte',
  'ARPC + proprietary data': 'ARPC + dati proprietari',
  'first two digits of ISO 8583 DE3 processing code: 00 goods/services, 01 cash, 09 purchase with cashback, 20 refund, 30 balance inquiry':
    'prime due cifre del processing code ISO 8583 DE3: 00 beni/servizi, 01 contanti, 09 acquisto con cashback, 20 rimborso, 30 richiesta di saldo',
  'minor units': 'unità minime',
  'cashback amount': 'importo del cashback',
  'same bit layout as TVR': 'stessa struttura di bit del TVR',
  'issuer/scheme proprietary (Mastercard M/Chip: KDI, CVN, CVR(6), DAC/IDN(2), counters)':
    "proprietario dell'emittente/del circuito (Mastercard M/Chip: KDI, CVN, CVR(6), DAC/IDN(2), contatori)",
  'NB: cannot hold the 4-digit value "1420" seen as a top-level Nexi key':
    'NB: non può contenere il valore di 4 cifre "1420" visto come chiave Nexi di primo livello',
  'ARQC/TC/AAC per 9F27': 'ARQC/TC/AAC secondo 9F27',
  'see values': 'vedere i valori',
  'big-endian counter': 'contatore big-endian',
  '= first 2 digits of ISO 8583 DE22: 01 manual, 02 mag, 05 ICC, 07 contactless chip, 80 fallback, 90 mag full track, 91 contactless mag':
    '= prime 2 cifre di ISO 8583 DE22: 01 manuale, 02 banda magnetica, 05 ICC, 07 chip contactless, 80 fallback, 90 banda magnetica traccia completa, 91 banda magnetica contactless',
  'meaning depends on kernel': 'il significato dipende dal kernel',
  'kernel dependent': 'dipende dal kernel',
  tokenisation: 'tokenizzazione',
  'Nexi maps request parameter addInfo1 to tag DF8001 (receipt / settlement); DF8001-DF8005 are proprietary (private class) tags':
    'Nexi associa il parametro di richiesta addInfo1 al tag DF8001 (scontrino / regolamento); DF8001-DF8005 sono tag proprietari (classe privata)',
  'kernel data; rarely in host messages': "dati del kernel; raramente presenti nei messaggi verso l'host",
};

/** Format cells with words in them (the rest is notation: `b`, `n 6 (YYMMDD)`, `an 1 (MC) / b (Visa)`…). */
export const emvFormatsIt: Readonly<Record<string, string>> = {
  'ans (special chars limited to space)': 'ans (caratteri speciali limitati allo spazio)',
  'b (cn digits, D separator, F pad)': 'b (cifre cn, separatore D, riempimento F)',
  'n 3 (ISO 3166-1 numeric)': 'n 3 (ISO 3166-1 numerico)',
  'n 3 (ISO 4217 numeric)': 'n 3 (ISO 4217 numerico)',
  'an 2 (ISO 639-1, up to 4 languages)': 'an 2 (ISO 639-1, fino a 4 lingue)',
  constructed: 'costruito',
  'an 6 (scheme-defined)': 'an 6 (definito dal circuito)',
  binary: 'binario',
};

/** Length cells with words in them. */
export const emvLengthsIt: Readonly<Record<string, string>> = {
  'var. up to 76': 'var. fino a 76',
  'var. up to 19': 'var. fino a 19',
  'var. up to 10 (19 digits)': 'var. fino a 10 (19 cifre)',
  'up to 34': 'fino a 34',
  '8 or 11': '8 o 11',
  'up to 261': 'fino a 261',
  'up to 252': 'fino a 252',
  '4-252 (multiple of 4)': '4-252 (multiplo di 4)',
  'up to 222': 'fino a 222',
  'up to 32': 'fino a 32',
  '1 or 3': '1 o 3',
  'up to 19 (MC)': 'fino a 19 (MC)',
  '20 (MC) / up to 32 (Visa)': '20 (MC) / fino a 32 (Visa)',
  'up to 30 chars': 'fino a 30 caratteri',
  Variable: 'Variabile',
};

/** Origin cells with words in them (`ICC` reads the same). */
export const emvOriginsIt: Readonly<Record<string, string>> = {
  Terminal: 'Terminale',
  Issuer: 'Emittente',
  'Issuer/Terminal': 'Emittente/Terminale',
  'Terminal (MC) / ICC (Visa)': 'Terminale (MC) / ICC (Visa)',
  'Terminal (TTQ) / ICC (MC)': 'Terminale (TTQ) / ICC (MC)',
  'ICC (MC, Visa) / Terminal (Amex)': 'ICC (MC, Visa) / Terminale (Amex)',
  'Merchant app (Nexi App2App)': "App dell'esercente (Nexi App2App)",
  'Kernel/Terminal': 'Kernel/Terminale',
};

/** Template cells with words in them. */
export const emvTemplatesIt: Readonly<Record<string, string>> = {
  'BF0C or 73': 'BF0C o 73',
  '61 or A5': '61 o A5',
  '70 or 77': '70 o 77',
  '77 or 80': '77 o 80',
  '71 or 72': '71 o 72',
  'BF0C or 70 (MC)': 'BF0C o 70 (MC)',
};

/** Scheme cells with words in them (the rest are names: `EMV`, `Mastercard C-2`, `Visa C-3`…). */
export const emvSchemesIt: Readonly<Record<string, string>> = {
  'Mastercard C-2 (mag-stripe mode)': 'Mastercard C-2 (modalità mag-stripe)',
};

const rfu = 'RFU';
const codeTables = (from: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`b${8 - i}`, `Tabella codici ${from - i}`]));

/** Bit and value codings, by tag. */
export const emvCodingsIt: Readonly<Record<string, EmvCodingTranslation>> = {
  '82': {
    bytes: {
      1: {
        bits: {
          b8: 'XDA supportata (EMV 4.4; RFU nelle versioni precedenti)',
          b7: 'SDA supportata',
          b6: 'DDA supportata',
          b5: 'Verifica del titolare della carta supportata',
          b4: 'Il terminal risk management deve essere eseguito',
          b3: "Autenticazione dell'emittente supportata",
          b2: 'Verifica del titolare sul dispositivo (on-device CVM) supportata (contactless)',
          b1: 'CDA supportata',
        },
      },
      2: {
        bits: {
          b8: 'Modalità EMV supportata (contactless)',
          b7: 'Telefono cellulare (contactless)',
          b6: 'Transazione contactless',
          'b5-b2': rfu,
          b1: 'Relay Resistance Protocol (RRP) supportato (Mastercard C-2)',
        },
      },
    },
    srcNote: 'EMV 4.4 Book 3 C1; byte 2 secondo EMV contactless',
  },
  '95': {
    bytes: {
      1: {
        bits: {
          b8: 'Autenticazione offline dei dati non eseguita',
          b7: 'SDA non riuscita',
          b6: 'Dati ICC mancanti',
          b5: "Carta presente nell'exception file del terminale",
          b4: 'DDA non riuscita',
          b3: 'CDA non riuscita',
          b2: 'SDA selezionata',
          b1: 'XDA selezionata (EMV 4.4; RFU nelle versioni precedenti)',
        },
      },
      2: {
        bits: {
          b8: "ICC e terminale hanno versioni dell'applicazione diverse",
          b7: 'Applicazione scaduta',
          b6: 'Applicazione non ancora valida',
          b5: 'Servizio richiesto non consentito per il prodotto carta',
          b4: 'Carta nuova',
          b3: rfu,
          b2: 'Biometria eseguita con esito positivo (EMV 4.4)',
          b1: 'Formato del template biometrico non supportato (EMV 4.4)',
        },
      },
      3: {
        bits: {
          b8: 'Verifica del titolare della carta non riuscita',
          b7: 'CVM non riconosciuto',
          b6: 'Superato il PIN Try Limit',
          b5: 'Inserimento del PIN richiesto ma PIN pad assente o non funzionante',
          b4: 'Inserimento del PIN richiesto, PIN pad presente, ma PIN non inserito',
          b3: 'PIN online inserito / CVM online acquisito',
          b2: 'Biometria richiesta ma dispositivo di acquisizione non funzionante (EMV 4.4)',
          b1: 'Biometria richiesta, dispositivo presente, ma inserimento del sottotipo biometrico saltato (EMV 4.4)',
        },
      },
      4: {
        bits: {
          b8: 'La transazione supera il floor limit',
          b7: 'Superato il Lower Consecutive Offline Limit',
          b6: "Superato l'Upper Consecutive Offline Limit",
          b5: "Transazione selezionata casualmente per l'elaborazione online",
          b4: "L'esercente ha forzato la transazione online",
          b3: 'Superato il Biometric Try Limit (EMV 4.4)',
          b2: 'Un tipo biometrico selezionato non è supportato (EMV 4.4)',
          b1: 'Verifica della firma XDA non riuscita (EMV 4.4)',
        },
      },
      5: {
        bits: {
          b8: 'Usato il TDOL predefinito',
          b7: "Autenticazione dell'emittente non riuscita",
          b6: 'Elaborazione dello script non riuscita prima del GENERATE AC finale',
          b5: 'Elaborazione dello script non riuscita dopo il GENERATE AC finale',
          b4: 'Contactless: superata la soglia di relay resistance (Mastercard C-2); EMV 4.4 a contatto: riservato al contactless',
          b3: 'Contactless: superati i limiti di tempo della relay resistance (C-2); EMV 4.4 a contatto: chiave CA ECC mancante',
          'b2-b1': {
            meaning:
              'Contactless C-2 "Relay resistance performed": 00 RRP non supportato, 01 RRP non eseguito, 10 RRP eseguito, 11 RFU; EMV 4.4 a contatto: b2 = recupero della chiave ECC non riuscito, b1 = riservato al contactless',
            label: 'Campo contactless C-2 "Relay resistance performed"',
            values: { '10': 'RRP eseguito', '11': rfu, '00': 'RRP non supportato', '01': 'RRP non eseguito' },
          },
        },
      },
    },
  },
  '9B': {
    bytes: {
      1: {
        bits: {
          b8: 'Autenticazione offline dei dati eseguita',
          b7: 'Verifica del titolare della carta eseguita',
          b6: 'Card risk management eseguito',
          b5: "Autenticazione dell'emittente eseguita",
          b4: 'Terminal risk management eseguito',
          b3: 'Elaborazione dello script eseguita',
          'b2-b1': rfu,
        },
      },
      2: { bits: { 'b8-b1': rfu } },
    },
  },
  '9F27': {
    bytes: {
      1: {
        bits: {
          'b8-b7': {
            meaning: 'Tipo di crittogramma: 00 AAC (rifiuto), 01 TC (approvazione offline), 10 ARQC (andare online), 11 RFU',
            label: 'Tipo di crittogramma',
            values: { '10': 'ARQC (andare online)', '11': rfu, '00': 'AAC (rifiuto)', '01': 'TC (approvazione offline)' },
          },
          'b6-b5': 'Crittogramma specifico del circuito di pagamento',
          b4: 'Advice richiesto',
          'b3-b1': {
            meaning:
              "Codice motivo/advice: 000 nessuna informazione, 001 servizio non consentito, 010 superato il PIN Try Limit, 011 autenticazione dell'emittente non riuscita, 1xx RFU",
            label: 'Codice motivo/advice',
            values: {
              '000': 'nessuna informazione',
              '001': 'servizio non consentito',
              '010': 'superato il PIN Try Limit',
              '011': "autenticazione dell'emittente non riuscita",
              '1xx': rfu,
            },
          },
        },
      },
    },
    examples: { '40': 'TC', '80': 'ARQC', '00': 'AAC' },
    srcNote: 'Codifica del Cryptogram Information Data, EMV Book 3',
  },
  '9F33': {
    bytes: {
      1: {
        name: 'Capacità di acquisizione dei dati della carta',
        bits: { b8: 'Inserimento manuale da tastiera', b7: 'Banda magnetica', b6: 'Chip a contatto', 'b5-b1': rfu },
      },
      2: {
        name: 'Capacità CVM',
        bits: {
          b8: "PIN in chiaro per la verifica da parte dell'ICC",
          b7: 'PIN cifrato per la verifica online',
          b6: 'Firma (su carta)',
          b5: 'PIN cifrato per la verifica offline (RSA)',
          b4: 'Nessun CVM richiesto',
          b3: 'Biometria online (EMV 4.4)',
          b2: 'Biometria offline (EMV 4.4)',
          b1: 'PIN cifrato per la verifica offline (ECC, EMV 4.4)',
        },
      },
      3: {
        name: 'Capacità di sicurezza',
        bits: { b8: 'SDA', b7: 'DDA', b6: 'Cattura della carta', b5: rfu, b4: 'CDA', b3: 'XDA (EMV 4.4)', 'b2-b1': rfu },
      },
    },
  },
  '9F34': {
    bytes: {
      1: {
        name: 'CVM eseguito (byte 1 della CV rule)',
        bits: {
          b8: rfu,
          b7: '1 = applicare la CV rule successiva se questo CVM non riesce',
          'b6-b1': {
            meaning:
              "Codice CVM: 000000 elaborazione CVM non riuscita; 000001 PIN in chiaro verificato dall'ICC; 000010 PIN cifrato verificato online; 000011 PIN in chiaro verificato dall'ICC e firma; 000100 PIN cifrato verificato dall'ICC; 000101 PIN cifrato verificato dall'ICC e firma; 000110-001111 biometria (EMV 4.4); 011110 firma (su carta); 011111 nessun CVM richiesto; 111111 (0x3F) nessun CVM eseguito",
            label: 'Codice CVM',
            values: {
              '111111': '(0x3F) Nessun CVM eseguito',
              '000000': 'Elaborazione CVM non riuscita',
              '000001': "PIN in chiaro verificato dall'ICC",
              '000010': 'PIN cifrato verificato online',
              '000011': "PIN in chiaro verificato dall'ICC e firma",
              '000100': "PIN cifrato verificato dall'ICC",
              '000101': "PIN cifrato verificato dall'ICC e firma",
              '000110-001111': 'biometria (EMV 4.4)',
              '011110': 'Firma (su carta)',
              '011111': 'Nessun CVM richiesto',
            },
          },
        },
      },
      2: {
        name: 'Condizione del CVM (byte 2 della CV rule)',
        values: {
          '00': 'Sempre',
          '01': 'Se prelievo di contanti non presidiato',
          '02': 'Se non è un prelievo di contanti non presidiato, né un anticipo di contanti manuale, né un acquisto con cashback',
          '03': 'Se il terminale supporta il CVM',
          '04': 'Se anticipo di contanti manuale',
          '05': 'Se acquisto con cashback',
          '06': "Se la transazione è nella valuta dell'applicazione e inferiore a X",
          '07': "Se la transazione è nella valuta dell'applicazione e superiore a X",
          '08': "Se la transazione è nella valuta dell'applicazione e inferiore a Y",
          '09': "Se la transazione è nella valuta dell'applicazione e superiore a Y",
        },
      },
      3: {
        name: 'Esito del CVM',
        values: {
          '00': 'Sconosciuto (ad es. firma, o PIN online: esito deciso in seguito)',
          '01': 'Non riuscito',
          '02': 'Riuscito',
        },
      },
    },
    examples: {
      '420300': 'PIN cifrato online, se supportato dal terminale, esito sconosciuto (online)',
      '1F0002': 'Nessun CVM richiesto, sempre, riuscito',
      '3F0000': 'Nessun CVM eseguito',
      '5E0300': 'Firma (applicare la successiva se non riesce), se supportata, esito sconosciuto',
    },
    srcNote: 'EMV Book 3 C3, codifica delle CV rule; CVM Results',
  },
  '9F35': {
    text: 'n 2: prima cifra = controllo operativo (1 istituto finanziario, 2 esercente, 3 titolare della carta); seconda cifra = ambiente (1 presidiato solo online, 2 presidiato offline con capacità online, 3 presidiato solo offline, 4 non presidiato solo online, 5 non presidiato offline con capacità online, 6 non presidiato solo offline)',
    values: {
      '11': 'Istituto finanziario, presidiato, solo online',
      '12': 'Istituto finanziario, presidiato, offline con capacità online',
      '13': 'Istituto finanziario, presidiato, solo offline',
      '14': 'Istituto finanziario, non presidiato, solo online (ad es. ATM)',
      '15': 'Istituto finanziario, non presidiato, offline con capacità online',
      '16': 'Istituto finanziario, non presidiato, solo offline',
      '21': 'Esercente, presidiato, solo online',
      '22': 'Esercente, presidiato, offline con capacità online',
      '23': 'Esercente, presidiato, solo offline',
      '24': 'Esercente, non presidiato, solo online',
      '25': 'Esercente, non presidiato, offline con capacità online',
      '26': 'Esercente, non presidiato, solo offline',
      '34': 'Titolare della carta, non presidiato, solo online',
      '35': 'Titolare della carta, non presidiato, offline con capacità online',
      '36': 'Titolare della carta, non presidiato, solo offline',
    },
  },
  '9F40': {
    bytes: {
      1: {
        name: 'Tipi di transazione supportati',
        bits: {
          b8: 'Contanti',
          b7: 'Beni',
          b6: 'Servizi',
          b5: 'Cashback',
          b4: 'Richiesta di informazioni',
          b3: 'Trasferimento',
          b2: 'Pagamento',
          b1: 'Amministrativa',
        },
      },
      2: { name: 'Tipi di transazione supportati (segue)', bits: { b8: 'Versamento di contanti', 'b7-b1': rfu } },
      3: {
        name: 'Capacità di inserimento dati del terminale',
        bits: {
          b8: 'Tasti numerici',
          b7: 'Tasti alfabetici e caratteri speciali',
          b6: 'Tasti di comando',
          b5: 'Tasti funzione',
          'b4-b1': rfu,
        },
      },
      4: {
        name: 'Capacità di output dati del terminale',
        bits: {
          b8: 'Stampa, operatore',
          b7: 'Stampa, titolare della carta',
          b6: 'Display, operatore',
          b5: 'Display, titolare della carta',
          'b4-b3': rfu,
          b2: 'Tabella codici 10',
          b1: 'Tabella codici 9',
        },
      },
      5: { name: 'Capacità di output dati del terminale (segue)', bits: codeTables(8) },
    },
  },
};

// ---- kernels (src/core/emv/kernels.ts, kernelData.ts, kernelCodings.ts, iad.ts, describe.ts) ----------------------

export const kernelMessagesIt: Translation<typeof kernelMessages> = {
  contactlessKernel: '{brand} contactless, kernel {kernel} ({application})',
  contactlessNoKernel: '{brand} contactless (specifica domestica, senza numero di kernel EMVCo)',
  contact: '{brand} chip a contatto ({application})',
  contactlessOther: '{brand}, contactless',
  contactOther: '{brand}, chip a contatto',
  magstripe: '{brand}, banda magnetica',
  manual: '{brand}, inserimento manuale',
  unknownInterface: '{brand}, interfaccia sconosciuta',
  unknownBrand: 'carta di circuito sconosciuto',
  inferredFrom: '{label}, interfaccia dedotta da {source}',
};

/** 9C Transaction Type values, by code (English: kernelData.ts transactionTypeValues). */
export const transactionTypeValuesIt: Readonly<Record<string, string>> = {
  '00': 'Beni e servizi (acquisto)',
  '01': 'Contanti',
  '09': 'Acquisto con cashback',
  '20': 'Rimborso / reso',
  '30': 'Richiesta di saldo',
};

/** 9F39 POS Entry Mode values, by code (English: kernelData.ts posEntryModeValues). */
export const posEntryModeValuesIt: Readonly<Record<string, string>> = {
  '01': 'Inserimento manuale',
  '02': 'Banda magnetica',
  '05': 'Chip a contatto (ICC)',
  '07': 'Chip contactless (modalità EMV)',
  '80': 'Banda magnetica letta dopo una lettura del chip non riuscita (fallback)',
  '90': 'Banda magnetica, lettura della traccia completa',
  '91': 'Modalità mag-stripe contactless',
};

const cryptogramValuesIt = { '00': 'AAC', '01': 'TC', '10': 'Non richiesto', '11': rfu };
const firstAcValuesIt = { '00': 'AAC', '01': 'TC', '10': 'ARQC', '11': rfu };

/** The kernel codings of kernelData.ts, by id (same bytes and bit specs). */
export const emvKernelCodingsIt: Readonly<Record<KernelCodingId, EmvCodingTranslation>> = {
  ttq: {
    bytes: {
      1: {
        bits: {
          b8: 'Modalità mag-stripe supportata',
          b7: rfu,
          b6: 'Modalità EMV supportata',
          b5: 'Chip EMV a contatto supportato',
          b4: 'Lettore solo offline',
          b3: 'PIN online supportato',
          b2: 'Firma supportata',
          b1: "Autenticazione dei dati offline per le autorizzazioni online supportata",
        },
      },
      2: {
        bits: {
          b8: 'Crittogramma online richiesto',
          b7: 'CVM richiesto',
          b6: 'PIN offline (chip a contatto) supportato',
          b5: rfu,
          b4: 'Modalità fast supportata',
          b3: 'Terminale di trasporto (transit)',
          b2: rfu,
          b1: rfu,
        },
      },
      3: {
        bits: {
          b8: "Elaborazione degli aggiornamenti dell'emittente supportata",
          b7: 'CVM sul dispositivo del consumatore supportato',
          b6: 'CVM sul dispositivo del consumatore per MCC di trasporto supportato',
          b5: rfu,
          b4: 'CVM sul dispositivo del consumatore richiesto',
          b3: rfu,
          b2: rfu,
          b1: rfu,
        },
      },
      4: { bits: { b8: 'fDDA versione 1.0 supportata (Book C-7)', 'b7-b1': rfu } },
    },
  },
  ctq: {
    bytes: {
      1: {
        bits: {
          b8: 'PIN online richiesto',
          b7: 'Firma richiesta',
          b6: "Andare online se l'autenticazione dei dati offline fallisce e il lettore può andare online",
          b5: "Cambiare interfaccia se l'autenticazione dei dati offline fallisce e il lettore supporta il chip a contatto",
          b4: "Andare online se l'applicazione è scaduta",
          b3: 'Cambiare interfaccia per le transazioni di contanti',
          b2: 'Cambiare interfaccia per le transazioni con cashback',
          b1: 'Non valida per le transazioni contactless agli ATM',
        },
      },
      2: {
        bits: {
          b8: 'CVM sul dispositivo del consumatore eseguito',
          b7: "La carta supporta l'elaborazione degli aggiornamenti dell'emittente al POS",
          'b6-b1': rfu,
        },
      },
    },
  },
  visaFfi: {
    bytes: {
      1: {
        bits: {
          'b8-b6': { meaning: 'Numero di versione', label: 'Numero di versione', values: { '001': 'Versione 1' } },
          'b5-b1': {
            meaning: 'Fattore di forma del dispositivo di pagamento del consumatore',
            label: 'Fattore di forma',
            values: {
              '00000': 'Carta',
              '00001': 'Mini-carta',
              '00010': 'Fattore di forma diverso da una carta',
              '00011': 'Telefono cellulare del consumatore',
              '00100': 'Dispositivo da polso',
            },
          },
        },
      },
      2: {
        name: 'Funzioni del dispositivo di pagamento del consumatore',
        bits: {
          b8: 'Può usare un codice di accesso',
          b7: 'Pannello firma',
          b6: 'Ologramma',
          b5: 'CVV2',
          b4: 'Messaggistica bidirezionale',
          b3: 'Credenziali di pagamento nel cloud',
          b2: 'Può verificare il titolare con la biometria',
          b1: rfu,
        },
      },
      3: { bits: { 'b8-b1': rfu } },
      4: {
        bits: {
          'b8-b5': rfu,
          'b4-b1': {
            meaning: 'Tecnologia della transazione di pagamento',
            label: 'Tecnologia della transazione di pagamento',
            values: { '0000': 'Interfaccia contactless di prossimità (ISO 14443, NFC compresa)', '0001': 'Non usata in VCPS' },
          },
        },
      },
    },
  },
  amexEcrc: {
    bytes: {
      1: {
        bits: {
          b8: 'Modalità a contatto supportata',
          b7: 'Modalità mag-stripe contactless supportata',
          b6: 'Modalità EMV contactless completamente online supportata (legacy)',
          b5: 'Modalità EMV contactless parzialmente online supportata',
          b4: 'Mobile contactless supportato',
          b3: "Provare un'altra interfaccia dopo un rifiuto",
          'b2-b1': rfu,
        },
      },
      2: {
        bits: {
          b8: 'CVM mobile supportato',
          b7: 'PIN online supportato',
          b6: 'Firma supportata',
          b5: 'PIN offline in chiaro supportato',
          'b4-b1': rfu,
        },
      },
      3: { bits: { b8: 'Il lettore è solo offline', b7: 'CVM richiesto', 'b6-b1': rfu } },
      4: {
        bits: {
          b8: 'Terminale esentato dai controlli No CVM',
          b7: 'Terminale ad autorizzazione differita',
          b6: 'Terminale di trasporto (transit)',
          'b5-b4': rfu,
          'b3-b1': {
            meaning: 'Versione del kernel C-4',
            label: 'Versione del kernel C-4',
            values: { '001': 'Versione da 2.2 a 2.3', '010': 'Versione da 2.4 a 2.6', '011': 'Versione 2.7 o successiva' },
          },
        },
      },
    },
  },
  auc: {
    bytes: {
      1: {
        bits: {
          b8: 'Valida per transazioni di contanti nazionali',
          b7: 'Valida per transazioni di contanti internazionali',
          b6: 'Valida per beni nazionali',
          b5: 'Valida per beni internazionali',
          b4: 'Valida per servizi nazionali',
          b3: 'Valida per servizi internazionali',
          b2: 'Valida agli ATM',
          b1: 'Valida su terminali diversi dagli ATM',
        },
      },
      2: { bits: { b8: 'Cashback nazionale consentito', b7: 'Cashback internazionale consentito', 'b6-b1': rfu } },
    },
  },
  trmd: {
    bytes: {
      1: {
        bits: {
          b8: 'Restart supportato',
          b7: 'PIN cifrato verificato online (contactless)',
          b6: 'Firma (cartacea) (contactless)',
          b5: "Verifica del PIN cifrato eseguita dall'ICC (contactless)",
          b4: 'Nessun CVM richiesto (contactless)',
          b3: 'CDCVM (contactless)',
          b2: "Verifica del PIN in chiaro eseguita dall'ICC (contactless)",
          b1: 'Present and hold supportato',
        },
      },
      2: {
        bits: {
          b8: 'Superato il limite CVM',
          b7: 'PIN cifrato verificato online (contatto)',
          b6: 'Firma (cartacea) (contatto)',
          b5: "Verifica del PIN cifrato eseguita dall'ICC (contatto)",
          b4: 'Nessun CVM richiesto (contatto)',
          b3: 'CDCVM (contatto)',
          b2: "Verifica del PIN in chiaro eseguita dall'ICC (contatto)",
          b1: rfu,
        },
      },
      3: {
        bits: {
          b8: 'Transazioni contactless in modalità mag-stripe non supportate',
          b7: 'Transazioni contactless in modalità EMV non supportate',
          b6: 'CDCVM senza CDA supportato',
          'b5-b1': rfu,
        },
      },
      4: { bits: { b8: 'Richiesto il bypass del CDCVM', b7: 'Esente da SCA', 'b6-b1': rfu } },
    },
  },
  cvrCcd: {
    bytes: {
      1: {
        bits: {
          'b8-b7': { meaning: 'Crittogramma restituito dal secondo GENERATE AC', label: 'Secondo GENERATE AC', values: cryptogramValuesIt },
          'b6-b5': { meaning: 'Crittogramma restituito dal primo GENERATE AC', label: 'Primo GENERATE AC', values: firstAcValuesIt },
          b4: 'CDA eseguita',
          b3: 'DDA offline eseguita',
          b2: "Autenticazione dell'emittente non eseguita",
          b1: "Autenticazione dell'emittente non riuscita",
        },
      },
      2: {
        bits: {
          'b8-b5': 'Nibble basso del contatore dei tentativi PIN',
          b4: 'Verifica del PIN offline eseguita',
          b3: 'Verifica del PIN offline eseguita e PIN non verificato',
          b2: 'Superato il limite dei tentativi PIN',
          b1: 'Ultima transazione online non completata',
        },
      },
      3: {
        bits: {
          b8: 'Superato il limite inferiore del numero di transazioni offline',
          b7: 'Superato il limite superiore del numero di transazioni offline',
          b6: "Superato il limite inferiore dell'importo offline cumulato",
          b5: "Superato il limite superiore dell'importo offline cumulato",
          'b4-b1': "Bit a discrezione dell'emittente",
        },
      },
      4: {
        bits: {
          'b8-b5': "Numero di comandi script dell'emittente con secure messaging elaborati",
          b4: "Elaborazione dello script dell'emittente non riuscita",
          b3: 'Autenticazione dei dati offline non riuscita nella transazione precedente',
          b2: 'Era impostato "andare online alla prossima transazione"',
          b1: 'Impossibile andare online',
        },
      },
    },
  },
  cvrMchip: {
    bytes: {
      1: {
        bits: {
          'b8-b7': { meaning: 'Crittogramma restituito dal secondo GENERATE AC', label: 'Secondo GENERATE AC', values: cryptogramValuesIt },
          'b6-b5': { meaning: 'Crittogramma restituito dal primo GENERATE AC', label: 'Primo GENERATE AC', values: firstAcValuesIt },
          b4: 'Controllo della data non riuscito',
          b3: 'Verifica del PIN offline eseguita',
          b2: 'Verifica del PIN offline cifrato eseguita',
          b1: 'Verifica del PIN offline riuscita',
        },
      },
      2: {
        bits: {
          b8: 'DDA restituita',
          b7: 'CDA restituita nel primo GENERATE AC',
          b6: 'CDA restituita nel secondo GENERATE AC',
          b5: "Autenticazione dell'emittente eseguita",
          b4: 'CIAC-Default saltato su CAT3',
          b3: 'Cambio del PIN offline riuscito',
          'b2-b1': "Bit a discrezione dell'emittente",
        },
      },
      3: {
        bits: {
          'b8-b5': 'Nibble destro del contatore degli script',
          'b4-b1': 'Nibble destro del contatore dei tentativi PIN',
        },
      },
      4: {
        bits: {
          b8: 'Ultima transazione online non completata',
          b7: 'Impossibile andare online',
          b6: 'Verifica del PIN offline non eseguita',
          b5: 'Verifica del PIN offline non riuscita',
          b4: 'Superato il limite dei tentativi PIN',
          b3: 'Transazione internazionale',
          b2: 'Transazione nazionale',
          b1: 'Il terminale considera erroneamente valido il PIN offline',
        },
      },
      5: {
        bits: {
          b8: 'Superato il limite inferiore offline consecutivo (M/Chip 4) o del contatore 1 (M/Chip Advance)',
          b7: 'Superato il limite superiore offline consecutivo (M/Chip 4) o del contatore 1 (M/Chip Advance)',
          b6: "Superato il limite inferiore offline cumulato (M/Chip 4) o dell'accumulatore (M/Chip Advance)",
          b5: "Superato il limite superiore offline cumulato (M/Chip 4) o dell'accumulatore (M/Chip Advance)",
          b4: 'Era impostato "andare online alla prossima transazione"',
          b3: "Autenticazione dell'emittente non riuscita",
          b2: 'Script ricevuto',
          b1: 'Script non riuscito',
        },
      },
      6: {
        bits: {
          b8: 'Superato il limite inferiore consecutivo del contatore 2',
          b7: 'Superato il limite superiore consecutivo del contatore 2',
          b6: "Superato il limite inferiore cumulato dell'accumulatore 2",
          b5: "Superato il limite superiore cumulato dell'accumulatore 2",
          b4: 'Superato il limite MTA',
          b3: 'Superato il limite di giorni offline',
          b2: 'Corrispondenza trovata nella tabella dei controlli aggiuntivi',
          b1: 'Nessuna corrispondenza nella tabella dei controlli aggiuntivi',
        },
      },
    },
  },
  cvrVsdc: {
    bytes: {
      2: {
        bits: {
          'b8-b7': { meaning: 'Crittogramma restituito dal secondo GENERATE AC', label: 'Secondo GENERATE AC', values: cryptogramValuesIt },
          'b6-b5': {
            meaning: 'Crittogramma restituito dal primo GENERATE AC (contatto) o dalla GPO (contactless)',
            label: 'Primo GENERATE AC o GPO',
            values: firstAcValuesIt,
          },
          b4: "Autenticazione dell'emittente eseguita e non riuscita",
          b3: 'Verifica del PIN offline eseguita (formato 0/1/3); CVM sul dispositivo del consumatore eseguito (formato 2)',
          b2: 'Verifica del PIN offline non riuscita (formato 0/1/3); RFU (formato 2)',
          b1: 'Impossibile andare online',
        },
      },
      3: {
        bits: {
          b8: 'Ultima transazione online non completata',
          b7: 'Superato il limite dei tentativi PIN',
          b6: 'Superati i contatori di controllo della velocità',
          b5: 'Carta nuova',
          b4: "Autenticazione dell'emittente non riuscita nell'ultima transazione online",
          b3: "Autenticazione dell'emittente non eseguita dopo l'autorizzazione online",
          b2: 'Applicazione bloccata dalla carta per superamento del limite dei tentativi PIN',
          b1: "Autenticazione statica dei dati offline non riuscita nell'ultima transazione",
        },
      },
      4: {
        bits: {
          'b8-b5': "Numero di comandi script dell'emittente",
          b4: "Elaborazione dello script dell'emittente non riuscita",
          b3: "Autenticazione dinamica dei dati offline non riuscita nell'ultima transazione",
          b2: 'Autenticazione dinamica dei dati offline eseguita',
          b1: 'Comando di verifica del PIN non ricevuto per una carta che si aspetta il PIN',
        },
      },
    },
  },
};

/** TVR byte 5 b4–b1 per kernel, by bit spec (English: kernelData.ts tvrByte5Variants). */
export const tvrByte5VariantsIt: { readonly [V in keyof typeof tvrByte5Variants]: Readonly<Record<string, EmvBitTranslation>> } = {
  c2: {
    b4: 'Superata la soglia di relay resistance (Mastercard C-2)',
    b3: 'Superati i limiti di tempo della relay resistance (Mastercard C-2)',
    'b2-b1': {
      meaning: 'Relay resistance eseguita (Mastercard C-2)',
      label: 'Relay resistance eseguita (Mastercard C-2)',
      values: {
        '00': 'RRP non supportato (protocollo di relay resistance di Mastercard C-2)',
        '01': 'RRP non eseguito (protocollo di relay resistance di Mastercard C-2)',
        '10': 'RRP eseguito (protocollo di relay resistance di Mastercard C-2)',
        '11': rfu,
      },
    },
  },
  contact: {
    b4: 'RFU per il chip a contatto (EMV 4.4 lo riserva alle specifiche contactless)',
    b3: 'Chiave ECC della CA mancante (EMV 4.4, chip a contatto)',
    b2: 'Recupero della chiave ECC non riuscito (EMV 4.4, chip a contatto)',
    b1: 'RFU per il chip a contatto (EMV 4.4 lo riserva alle specifiche contactless)',
  },
  unknown: {
    b4: 'Dipende dal kernel: superata la soglia di relay resistance (Mastercard C-2); riservato al contactless sul chip a contatto EMV 4.4',
    b3: 'Dipende dal kernel: superati i limiti di tempo della relay resistance (Mastercard C-2); chiave ECC della CA mancante sul chip a contatto EMV 4.4',
    b2: 'Dipende dal kernel: RRP eseguito se b2-b1 = 10 (Mastercard C-2); recupero della chiave ECC non riuscito sul chip a contatto EMV 4.4',
    b1: 'Dipende dal kernel: RRP non eseguito se b2-b1 = 01 (Mastercard C-2); riservato al contactless sul chip a contatto EMV 4.4',
  },
  otherContactless: {
    'b4-b1': 'RFU per questo kernel nelle nostre fonti (il significato di relay resistance di questi bit è di Mastercard C-2)',
  },
};

export const describeMessagesIt: Translation<typeof describeMessages> = {
  readFor: 'Bit dipendenti dal kernel letti per {label} ({book}).',
  tvrKernelUnknown:
    'I bit b4–b1 del byte 5 del TVR dipendono dal kernel (relay resistance con Mastercard C-2, chiavi ECC sul chip a contatto EMV 4.4, RFU altrove); il kernel non è noto, quindi sono mostrate entrambe le letture.',
  ttqKernelUnknown:
    'Kernel non noto: letto come Terminal Transaction Qualifiers, il suo significato con Visa C-3, Discover C-6 e UnionPay C-7 (Mastercard C-2 usa 9F66 per PUNATC(Track2)).',
  ttqNotC2:
    'Con Mastercard C-2, 9F66 è PUNATC(Track2) (modalità mag-stripe), non i Terminal Transaction Qualifiers: non decodificato come TTQ.',
  ttqNotDefined: '{label}: nelle nostre fonti 9F66 non è il Terminal Transaction Qualifiers: non decodificato come TTQ.',
  ctqKernelUnknown:
    'Kernel non noto: letto come Card Transaction Qualifiers (Visa C-3, UnionPay C-7); con Mastercard C-2, 9F6C è il Mag-stripe Application Version Number (Card).',
  ctqNotC2:
    'Con Mastercard C-2, 9F6C è il Mag-stripe Application Version Number (Card), non i Card Transaction Qualifiers (EMV Contactless Book C-2 Annex A).',
  ctqNotDefined: '{label}: nelle nostre fonti 9F6C non è il Card Transaction Qualifiers: non decodificato come CTQ.',
  magstripeVersion: "Versione dell'applicazione mag-stripe {value} (Mastercard C-2)",
  ffiKernelUnknown:
    'Il significato di 9F6E dipende dal kernel — Form Factor Indicator (Visa C-3), Third Party Data (Mastercard), Enhanced Contactless Reader Capabilities (American Express C-4) — e il kernel non è noto: non decodificato.',
  ffiNotDefined: '9F6E non è definito per {label} nelle nostre fonti: non decodificato.',
  thirdPartyData: 'Third Party Data (Mastercard)',
  thirdPartyRead: 'Letto come Third Party Data di Mastercard (EMV Contactless Book C-2 Annex A; M/Chip Requirements).',
  thirdPartyCountry: 'Paese: {country}',
  thirdPartyUniqueId: 'Identificativo univoco {id}: {meaning}',
  thirdPartyNoProprietary: 'dati proprietari non usati',
  thirdPartyProductExtension: 'estensione di prodotto Mastercard nei dati proprietari',
  thirdPartyOther: 'non fra quelli elencati dalle nostre fonti',
  thirdPartyDeviceType: 'Tipo di dispositivo: {type}',
  thirdPartyProprietary: 'Dati proprietari: {hex}',
  thirdPartyTooShort: 'I Third Party Data devono essere lunghi da 5 a 32 byte; questi ne hanno {count}: non decodificati.',
  actionCodeDefault:
    'Stessa struttura di bit del TVR (95): ogni bit impostato è una condizione che fa rifiutare la transazione quando il terminale non può andare online.',
  actionCodeDenial: 'Stessa struttura di bit del TVR (95): ogni bit impostato è una condizione che fa rifiutare la transazione senza andare online.',
  actionCodeOnline: 'Stessa struttura di bit del TVR (95): ogni bit impostato è una condizione che manda la transazione online.',
  cryptogramType: 'Crittogramma applicativo: {type} (tipo da 9F27)',
  trmdKernelUnknown: 'Kernel non noto: letto come Terminal Risk Management Data di Mastercard (EMV Contactless Book C-2).',
  trmdNotDefined: '9F1D è il Terminal Risk Management Data di Mastercard; per {label} le nostre fonti non ne definiscono i bit: non decodificato.',
  cvmContactless: 'Letto con la codifica di EMV 4.4 Book 3 Annex C3; con {label} è il kernel stesso a impostare questi byte ({book}).',
  cdcvmInCtq:
    'Il bit b8 del byte 2 del CTQ (9F6C) è impostato: è stato eseguito un CVM sul dispositivo del consumatore (telefono o indossabile) ({kernel}).',
  iadFormat: 'Struttura: {format} ({source}).',
  iadNotRecognised:
    'Struttura non riconosciuta: non è EMV CCD, Mastercard M/Chip 4 / M/Chip Advance né Visa VSDC formati 0–4; mostrata in esadecimale, senza tirare a indovinare.',
  iadInferred: 'I significati dei byte 3–4 del CVR dei formati Visa provengono da fonti secondarie (dedotti).',
  iadSchemeMismatch: "Questa struttura è di {formatScheme} ma l'AID è {brand}: verificare da dove provengono i dati.",
  iadPart: 'Byte {from}–{to} ({name}): {hex}',
  iadByte: 'Byte {from} ({name}): {hex}',
  iadCvrBit: 'CVR byte {byte} {bits}: {meaning}',
  iadCvrField: 'CVR byte {byte} {bits} ({label}): {meaning}',
  iadCvrCount: 'CVR byte {byte} {bits}: {meaning}: {value}',
  iadCvrNone: 'CVR: nessun bit impostato',
  lengthWarning:
    'Attenzione: tag {tag} ({name}): lunghezza {actual}, ma EMV 4.4 Book 3 Annex A la fissa a {expected} (lunghezza in byte); il valore è letto fin dove possibile e potrebbe essere errato.',
  formatNames: {
    ccd: 'EMV Common Core Definitions (CCD 4.1)',
    mchip4: 'Mastercard M/Chip 4 (18 byte; anche M/Chip Advance ha una forma di 18 byte)',
    'mchip-advance': 'Mastercard M/Chip Advance',
    'vsdc-0': 'Visa VSDC, formato IAD 0, CVN {cvn}',
    'vsdc-1': 'Visa VSDC, formato IAD 1, CVN {cvn}',
    'vsdc-2': "Visa VSDC, formato IAD 2, CVN '{cvn}'",
    'vsdc-3': 'Visa VSDC, formato IAD 3, CVN {cvn}',
    'vsdc-4': "Visa VSDC, formato IAD 4, CVN '{cvn}'",
  },
  partNames: {
    dki: 'indice della chiave di derivazione',
    cvn: 'numero di versione del crittogramma',
    cci: 'identificativo common core',
    cvr: 'risultati della verifica della carta (CVR)',
    'cvr-length': 'lunghezza del CVR',
    'dac-idn': 'DAC / numero dinamico ICC',
    counters: 'contatori',
    idd: "dati a discrezione dell'emittente",
    'idd-option': 'ID opzione IDD',
    cvm: 'byte 1 del CVR, entità e tipo del CVM sul dispositivo del consumatore',
    rest: "dati dell'applicazione dell'emittente",
  },
  flagNames: {
    tdes: 'Versione del crittogramma: TDES',
    aes: 'Versione del crittogramma: AES',
    'mastercard-skd': 'Chiave di sessione: SKD proprietaria Mastercard',
    'emv-csk': 'Chiave di sessione: chiave di sessione comune EMV (CSK)',
    'counters-in-ac': "Contatori inclusi nei dati dell'AC",
    'counters-not-in-ac': "Contatori non inclusi nei dati dell'AC",
  },
  schemeNames: {
    visa: 'Visa',
    mastercard: 'Mastercard',
    amex: 'American Express',
    jcb: 'JCB',
    discover: 'Discover',
    unionpay: 'UnionPay',
    pagobancomat: 'PagoBANCOMAT',
    other: 'un altro circuito',
  },
};
