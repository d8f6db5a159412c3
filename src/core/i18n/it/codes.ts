// Italian for the Nexi code tables (src/core/codes/): result codes, Nexi's action-code table, receipt keys,
// CT105 / transactionType / terminalType / operationType values, and the notes and product names of the
// currency, country and AID data. Codes, parameter names and product names stay as they are.
//
// Tables keyed by code are checked against the English rows by test/unit/i18nCodes.test.ts (every English row
// has an Italian entry with the same placeholders); message tables are typed with Translation<…>.

import type { Translation } from '../../i18n';
import type { actionMessages, isoCategoryLabels } from '../../codes/actionCodes';
import type { NexiOperation, resultMessages } from '../../codes/resultCodes';

// ---- result codes (codes/resultCodes.ts) ------------------------------------------------------------------

export const resultMessagesIt: Translation<typeof resultMessages> = {
  undocumented: 'Il codice di esito {code} non è documentato da Nexi.',
  gap: 'Il codice di esito {code} non è documentato: Nexi non elenca alcun codice di esito da {first} a {last}.',
  notANumber: "L'esito \"{input}\" non è un numero; i codici di esito Nexi sono numeri interi.",
  empty: "L'esito è vuoto.",
  trailingIgnored: 'È stato letto solo il numero iniziale; "{rest}" è stato ignorato.',
  typographicMinus: 'Un trattino tipografico è stato letto come segno meno.',
  notListedForOperation: "Nexi non elenca l'esito {code} per l'operazione di {operation}.",
  uncertainForOperation:
    "Nexi elenca l'esito {code} per l'operazione di {operation} solo in una colonna della tabella degli errori priva di intestazione.",
  softPosErrorMeaning: 'Nexi non documenta il significato delle componenti X, Y e Z di softPosError.',
  softPosErrorShape: 'softPosError ha la forma X-Y-Z: X = {x}, Y = {y}, Z = {z}.',
  softPosErrorBadShape:
    'softPosError "{input}" non ha la forma X-Y-Z descritta da Nexi (tre parti non vuote separate da trattini).',
};

/** Operation names inside messages ("per l'operazione di {operation}", "una risposta di {operation}"). */
export const operationLabelsIt: Readonly<Record<NexiOperation, string>> = {
  payment: 'pagamento',
  reversal: 'storno',
  accounting_closure: 'chiusura contabile',
  last_transaction: 'richiesta ultima transazione',
};

export interface ResultCodeTranslation {
  readonly meaning: string;
  readonly detail?: string;
}

/** Meaning (and advice) of every documented Nexi `result` code, by code. */
export const resultCodesIt: Readonly<Record<number, ResultCodeTranslation>> = {
  0: { meaning: "Approvata: l'operazione è stata eseguita correttamente." },
  9: { meaning: 'POS non connesso.' },
  20: {
    meaning:
      "Transazione annullata: l'operatore ha premuto X, oppure l'app Nexi POS è stata portata in background durante l'approvazione.",
  },
  21: {
    meaning: "Transazione rifiutata dall'host.",
    detail: 'Il motivo indicato dalla banca è in actionCode (MobilePOS) o nella chiave di scontrino f39 (SoftPOS).',
  },
  22: { meaning: 'Errore generico.' },
  [-1]: { meaning: 'Parametri di input non validi.' },
  [-2]: { meaning: 'Dispositivo non sicuro.' },
  [-3]: { meaning: 'Il Bluetooth è disattivato.' },
  [-4]: { meaning: 'Servizi non disponibili.' },
  [-5]: { meaning: 'App obsoleta: la versione di Nexi POS installata è troppo vecchia.' },
  [-6]: { meaning: 'Login richiesto.' },
  [-7]: { meaning: 'Il terminalId è sospeso.' },
  [-8]: { meaning: 'Il terminalId è assente.' },
  [-9]: { meaning: 'Il terminalId non è configurato sul POS.' },
  [-10]: { meaning: 'Timeout della connessione al POS.' },
  [-11]: { meaning: 'La transazione non è stornabile.' },
  [-12]: { meaning: 'Chiusura contabile non eseguita.' },
  [-13]: { meaning: 'Le opzioni sviluppatore sono attive sul telefono.' },
  [-14]: { meaning: 'Rete non disponibile.' },
  [-15]: { meaning: 'Lo smartphone non è connesso a una rete.' },
  [-16]: { meaning: "L'NFC non è attivo (è disattivato)." },
  [-17]: {
    meaning: "Nessuna transazione SoftPOS stornabile nell'ultimo mese.",
    detail: "SoftPOS storna sempre l'ultima transazione stornabile del mese, qualunque cosa indichi la richiesta (spec §4.2).",
  },
  [-18]: { meaning: "L'ultima transazione autorizzata non può essere gestita (probabilmente è già stata stornata)." },
  [-19]: { meaning: 'Transazione non disponibile: è stata richiesta la chiusura ma esiste solo un ID terminale SoftPOS.' },
  [-20]: { meaning: 'NFC non disponibile: il telefono non ha hardware NFC.' },
  [-21]: {
    meaning: 'autoClose e sendTicket non possono essere richiesti insieme.',
    detail: 'sendTicket vale true per impostazione predefinita: con autoClose=true, inviare esplicitamente sendTicket=false (spec §3.3).',
  },
  [-30]: {
    meaning: 'Errore di pagamento SoftPOS.',
    detail: 'Il codice specifico è nel parametro softPosError, nella forma X-Y-Z; Nexi non ne documenta le componenti.',
  },
  [-41]: { meaning: "Scontrino vuoto o mancante: non c'è un'ultima transazione da restituire." },
};

// ---- action codes (codes/actionCodes.ts) ------------------------------------------------------------------

export const actionMessagesIt: Translation<typeof actionMessages> = {
  nexiTable: "Tabella del Payment Gateway Nexi; l'applicabilità a SoftPOS/MobilePOS non è confermata.",
  nexiAdvice:
    'Nexi consiglia di non mostrare al titolare della carta il motivo del rifiuto; distinguere solo tra esito positivo e negativo.',
  reversalAccepted: 'Storno accettato.',
  reversalAcceptedNote:
    'Il codice azione ISO 8583:1993 400 è il codice di successo della classe 4xx (esiti di storni e chargeback); con result=0 lo storno è riuscito.',
  reversalCodeElsewhere:
    '400 è il codice ISO 8583:1993 "accettato" della classe degli storni; è inatteso in una risposta di {operation}.',
  unlisted1993: 'Il codice azione {code} non è nella tabella ISO 8583:1993; appartiene alla classe {range}: {classMeaning}.',
  unlisted1987: 'Il codice di risposta {code} non è nella tabella ISO 8583:1987.',
  inRange1987: "Il codice {code} rientra nell'intervallo {range}: {rangeMeaning}.",
  from2021: "Significato tratto dall'elenco dei codici a due caratteri ISO 8583:2021 / EMV.",
  unrecognised:
    '"{input}" non è né un codice azione ISO 8583:1993 di 3 cifre né un codice di risposta ISO 8583:1987 di 2 caratteri (Nexi: "3 o 2 cifre").',
  fourDigits: 'I codici di quattro cifre sono codici di esito nello stile di ISO 8583:2003; Nexi documenta f39 con 3 o 2 cifre.',
  empty: 'Il codice azione è vuoto.',
};

/** ISO categories of response/action codes, in words. */
export const isoCategoryLabelsIt: Translation<typeof isoCategoryLabels> = {
  approved: 'approvata',
  declined: 'rifiutata',
  error: 'errore',
  'file-update': 'aggiornamento di file',
  info: 'informativa',
  pickup: 'ritiro della carta',
  referral: "rinvio all'emittente",
  retry: 'da ripetere',
  'reversal/advice': 'storno/advice',
  administrative: 'amministrativa',
  advice: 'advice',
  'fee-collection': 'riscossione commissioni',
  'file-action': 'azione su file',
  'network-management': 'gestione di rete',
  reconciliation: 'riconciliazione',
  reversal: 'storno',
};

/** Nexi's "ISO Response Code" table (Payment Gateway), by code. */
export const nexiActionCodesIt: Readonly<Record<string, string>> = {
  '000': 'Approvata',
  '100': 'Autorizzazione negata',
  '101': 'Carta scaduta o data di scadenza non valida',
  '102': 'Sospetta frode',
  '104': 'Carta soggetta a restrizioni',
  '106': 'Superato il numero di tentativi PIN consentiti',
  '109': 'Esercente non valido',
  '110': 'Importo non valido',
  '111': 'Numero di carta non valido',
  '115': 'Funzione richiesta non supportata',
  '116': 'Fondi insufficienti',
  '117': 'PIN errato',
  '118': 'Carta non presente in archivio',
  '119': 'Transazione non consentita al titolare della carta',
  '120': 'Transazione non consentita al terminale',
  '121': 'Superato il limite di importo per il prelievo',
  '122': 'Transazione non consentita',
  '123': 'Superato il limite di frequenza dei prelievi',
  '124': 'Violazione di legge',
  '125': 'Carta non ancora valida',
  '126': 'PIN block non valido',
  '129': 'Sospetta carta contraffatta',
  '182': 'Errore del wallet (tokenizzazione)',
  '200': 'Autorizzazione negata',
  '202': 'Sospetta frode',
  '204': 'Carta non valida',
  '208': 'Carta smarrita',
  '209': 'Carta rubata',
  '210': 'Sospetta carta contraffatta',
  '413': 'Troppi tentativi (i circuiti vietano di ripresentare una transazione già rifiutata)',
  '888': 'In sospeso',
  '902': 'Transazione non valida',
  '903': 'Ripetere la transazione',
  '904': 'Errore di formato',
  '906': 'Cutover in corso',
  '907': "Emittente della carta o switch non operativo",
  '908': "Impossibile trovare la destinazione della transazione per l'instradamento",
  '909': 'Malfunzionamento del sistema',
  '911': "Timeout dell'emittente della carta",
  '913': 'Trasmissione duplicata',
  '999': "Errore di convenzione in fase di creazione (parametri dell'esercente)",
};

// ---- receipt keys (codes/receiptKeys.ts) ------------------------------------------------------------------

export interface ReceiptKeyTranslation {
  readonly label: string;
  readonly meaning: string;
  readonly maxLengthNote?: string;
  /** Only where the English format contains words (`n 3 or an 2`, `unknown`). */
  readonly format?: string;
}

const glued = (n: number): string =>
  `Nella tabella Nexi esempio e lunghezza massima sono attaccati; ${n} è la lettura più plausibile.`;
const notALength = (printed: string): string =>
  `La tabella Nexi riporta "${printed}", che non può essere letto come una lunghezza.`;

/** Every receipt key, case-sensitive as the English table. */
export const receiptKeysIt: Readonly<Record<string, ReceiptKeyTranslation>> = {
  CT100: { label: 'Ultime 4 cifre del PAN', meaning: 'Ultime quattro cifre del numero di carta.' },
  CT101: { label: 'Numero di batch', meaning: 'Numero del batch (lotto).', maxLengthNote: glued(8) },
  CT102: {
    label: 'AID',
    meaning: "Identificativo EMV (AID) dell'applicazione della carta utilizzata.",
    maxLengthNote: glued(50),
    format: 'hex (5–16 byte)',
  },
  CT103: {
    label: 'Riferimento della transazione originale',
    meaning: "Riferimento della transazione originale (uguale a f37 nell'esempio pubblicato).",
  },
  CT104: { label: 'Dati esercente', meaning: "Nome e indirizzo dell'esercente come stampati sullo scontrino." },
  CT105: {
    label: 'Tipo di transazione',
    meaning: 'Codice Nexi del tipo di transazione sullo scontrino (0100 SALE … 0800 STATISTICS); non è un message type ISO 8583.',
  },
  CT106: {
    label: 'Data della transazione (dispositivo)',
    meaning: 'Data della transazione secondo il dispositivo ([RCPT] dice "device"; quale dispositivo e quale fuso orario non è indicato).',
    maxLengthNote: notALength('38'),
  },
  CT107: {
    label: 'Ora della transazione (dispositivo)',
    meaning: 'Ora della transazione secondo il dispositivo ([RCPT] dice "device"; quale dispositivo e quale fuso orario non è indicato).',
    maxLengthNote: notALength('38'),
  },
  CT108: {
    label: 'Tipo di carta',
    meaning: 'Circuito della carta, ad es. Mastercard, Visa, Amex, Troy.',
    maxLengthNote: 'La tabella Nexi riporta "2", che non può essere la lunghezza del nome di un circuito.',
  },
  f04: {
    label: 'Importo',
    meaning: 'Importo della transazione in unità minime della valuta (campo ISO 8583 4), completato con zeri a 12 cifre.',
    maxLengthNote: 'La tabella Nexi riporta "11", in contrasto con i valori di 12 cifre che restituisce.',
  },
  f11: {
    label: 'STAN',
    meaning: 'System trace audit number, il numero progressivo di traccia (campo ISO 8583 11).',
    maxLengthNote: 'Nella tabella Nexi esempio e lunghezza massima sono attaccati; 8 è la lettura più plausibile (ISO 8583 indica n 6).',
  },
  f12: {
    label: 'Ora della transazione',
    meaning: 'Ora locale della transazione, HHmmss (campo ISO 8583:1987 12).',
    maxLengthNote: 'La tabella Nexi riporta "12", che non è compatibile con HHmmss.',
  },
  f13: { label: 'Data della transazione', meaning: 'Data locale della transazione, MMdd (campo ISO 8583:1987 13).' },
  f30: {
    label: 'Importo originale',
    meaning:
      'Importo originale in unità minime, 12 cifre (prende il nome dal campo ISO 8583 30 ma non corrisponde né al formato del 1987 né a quello del 1993).',
  },
  f37: { label: 'ID transazione', meaning: 'Retrieval reference number, il riferimento di recupero (campo ISO 8583 37).' },
  f38: {
    label: 'Numero di autorizzazione',
    meaning: 'Codice di autorizzazione (approval code, campo ISO 8583 38).',
    maxLengthNote: 'Nella tabella Nexi esempio e lunghezza massima sono attaccati; 50 è la lettura più plausibile (ISO 8583 indica an 6).',
  },
  f39: {
    label: "Codice di risposta dell'autorizzazione",
    meaning:
      'Codice di risposta della banca/host (campo ISO 8583 39): 3 cifre = codice azione ISO 8583:1993, 2 caratteri = codice di risposta ISO 8583:1987.',
    format: 'n 3 o an 2',
  },
  f41: { label: 'Numero del terminale POS', meaning: 'ID terminale (campo ISO 8583 41).' },
  f42: {
    label: 'ID esercente',
    meaning: "Codice identificativo dell'esercente (card acceptor, campo ISO 8583 42); Nexi può inviarlo senza riempimento.",
  },
  f43: {
    label: "Nome e località dell'esercente",
    meaning: "Nome e località dell'esercente (campo ISO 8583 43, nella forma a lunghezza variabile del 1993).",
  },
  CT109: {
    label: 'Prodotto della carta',
    meaning: "Prodotto della carta o etichetta dell'applicazione (dedotto, cfr. tag EMV 50).",
  },
  CT110: {
    label: 'Data e ora',
    meaning: "Data e ora complete dell'operazione, ISO 8601 con scostamento da UTC (dedotto).",
  },
  CT111: { label: 'Flag sconosciuto', meaning: 'Flag sconosciuto; è stato osservato solo il valore 0.' },
  CT112: {
    label: 'PAN mascherato',
    meaning: 'Numero di carta con tutte le cifre mascherate tranne le ultime quattro (dedotto).',
  },
  CT113: {
    label: 'Chiave non documentata',
    meaning: 'Non documentata e mai vista in alcun esempio pubblicato.',
    format: 'sconosciuto',
  },
  CT114: {
    label: 'Host di elaborazione',
    meaning: "Etichetta dell'host di elaborazione o della piattaforma dell'acquirer (dedotto).",
  },
  CT115: {
    label: 'Modalità di lettura',
    meaning: 'Modalità di lettura della carta in parole, ad es. Contactless (dedotto; cfr. transactionType CLI).',
  },
  CT116: {
    label: 'Contatore',
    meaning: "Contatore sconosciuto, forse un contatore dell'acquirer o delle operazioni (dedotto).",
  },
  CT117: { label: 'Modalità di autorizzazione', meaning: 'Modalità di autorizzazione, ad es. Online (dedotto).' },
  CT118: {
    label: 'Valuta',
    meaning: 'Codice numerico ISO 4217 della valuta, ad es. 978 = EUR (dedotto dal valore).',
  },
  CT119: { label: 'Piè di pagina dello scontrino', meaning: 'Testo a piè di pagina dello scontrino (dedotto).' },
  CT120: {
    label: "Nome dell'esercente",
    meaning: "Nome dell'esercente, riga 1 dell'intestazione dello scontrino (dedotto).",
  },
  CT121: {
    label: "Indirizzo dell'esercente",
    meaning: "Indirizzo dell'esercente, riga 2 dell'intestazione dello scontrino (dedotto).",
  },
  CT122: {
    label: 'Tag aggiuntivi',
    meaning: 'Tag aggiuntivi (addInfoKeyN/addInfoN) restituiti, separati da "|" (visto nel codice di esempio Nexi).',
    format: 'ans, separati da "|"',
  },
  CT123: {
    label: 'Dati EMV (scontrino)',
    meaning: 'Dati EMV stampati sullo scontrino in BER-TLV esadecimale, ad es. 9F36 (ATC) e 95 (TVR) (dedotto).',
  },
  f55: {
    label: 'Dati ICC',
    meaning: 'Dati EMV in BER-TLV esadecimale, con il nome del campo ISO 8583 55 (dedotto).',
  },
  F42: { label: 'ID esercente (duplicato)', meaning: 'Duplicato in maiuscolo di f42, con lo stesso valore (dedotto).' },
  '9F14': {
    label: 'Sconosciuta (con il nome del tag EMV 9F14)',
    meaning:
      'Nome di un tag EMV usato direttamente come chiave; il valore di 4 cifre non può essere un Lower Consecutive Offline Limit (1 byte), quindi il significato è sconosciuto.',
  },
  ATAGSRECEIPT: {
    label: 'Tag aggiuntivi sullo scontrino',
    meaning: 'Tag aggiuntivi stampati sullo scontrino, separati da "|" (visto nel codice di esempio Nexi).',
    format: 'ans, separati da "|"',
  },
};

// ---- small value lists (codes/transactionTypes.ts) --------------------------------------------------------

export interface CodeValueTranslation {
  readonly label: string;
  readonly meaning: string;
  readonly note?: string;
}

/** Receipt key CT105. The labels are the names Nexi prints (SALE, VOID…) and stay as they are. */
export const ct105CodesIt: Readonly<Record<string, CodeValueTranslation>> = {
  '0100': { label: 'SALE', meaning: 'Vendita (pagamento).' },
  '0200': {
    label: 'VOID',
    meaning: 'Annullamento.',
    note: 'La risposta di storno SoftPOS pubblicata riporta CT105=0200 (VOID), non 0400, per uno storno.',
  },
  '0300': { label: 'REFUND', meaning: 'Rimborso.' },
  '0400': { label: 'REVERSAL', meaning: 'Storno.' },
  '0500': { label: 'VOID CANCEL', meaning: 'Revoca di un annullamento.' },
  '0600': { label: 'BATCH UPLOAD', meaning: 'Caricamento del batch.' },
  '0700': { label: 'SETTLEMENT', meaning: 'Regolamento contabile (settlement).' },
  '0800': { label: 'STATISTICS', meaning: 'Statistiche.' },
};

const ecr17 = 'Noto dal protocollo ECR17 di Nexi per i terminali tradizionali; non documentato per App2App.';

/** Response parameter `transactionType` (card technology). */
export const transactionTypesIt: Readonly<Record<string, CodeValueTranslation>> = {
  ICC: { label: 'Chip', meaning: 'Chip EMV (a contatto).' },
  MAG: { label: 'Banda magnetica', meaning: 'Banda magnetica.' },
  CLI: { label: 'Contactless', meaning: 'Contactless (senza contatto).' },
  MAN: { label: 'Inserimento manuale', meaning: 'Inserimento manuale del numero di carta.', note: ecr17 },
  CLM: { label: 'Banda magnetica contactless', meaning: 'Modalità banda magnetica contactless.', note: ecr17 },
};

/** Last-transaction response parameter `terminalType`. The labels are product names. */
export const terminalTypesIt: Readonly<Record<string, CodeValueTranslation>> = {
  MPOS: { label: 'MobilePOS', meaning: 'MobilePOS: telefono associato via Bluetooth a un lettore di carte.' },
  SOFTPOS: { label: 'SoftPOS', meaning: 'SoftPOS: il telefono legge le carte contactless tramite NFC.' },
};

/** Response parameter `operationType`. */
export const operationTypesIt: Readonly<Record<string, CodeValueTranslation>> = {
  PAYMENT: { label: 'Pagamento', meaning: 'Esito di un pagamento.' },
  REVERSAL: { label: 'Storno', meaning: 'Esito di uno storno.' },
  LAST_TRANSACTION: { label: 'Ultima transazione', meaning: 'Esito di una richiesta ultima transazione.' },
  ACCOUNTING_CLOSE: {
    label: 'Chiusura contabile',
    meaning: 'Esito di una chiusura contabile.',
    note: "Grafia della tabella di risposta della chiusura contabile; l'esempio pubblicato usa ACCOUNTING_CLOSURE.",
  },
  ACCOUNTING_CLOSURE: {
    label: 'Chiusura contabile',
    meaning: 'Esito di una chiusura contabile.',
    note: "Grafia dell'esempio pubblicato; la tabella di risposta riporta ACCOUNTING_CLOSE.",
  },
};

// ---- currencies, countries, AIDs (codes/currencies.ts, countries.ts, aids.ts) ------------------------------

/**
 * Italian currency names where the runtime's ICU data has none (or a misleading one): Intl.DisplayNames
 * gives the rest (`euro`, `dollaro statunitense`…).
 */
export const currencyNamesIt: Readonly<Record<string, string>> = {
  XXX: 'Nessuna valuta',
  CHE: 'Euro WIR (valuta complementare)',
  CHW: 'Franco WIR (valuta complementare)',
  COU: 'Unidad de Valor Real (unità di conto colombiana)',
};

/** Notes of the currency data, by ISO 4217 numeric code. */
export const currencyNotesIt: Readonly<Record<string, string>> = {
  '032': "l'elenco binaryfoo riporta ['ARP'] per 032",
  '191': "ritirata nel 2023 (la Croazia ora usa EUR 978); l'elenco binaryfoo riporta la vecchia HRD per 191",
  '428': "l'elenco binaryfoo riporta ['LVR'] per 428",
  '440': "l'elenco binaryfoo riporta ['LTT'] per 440",
  '478': 'unità minime: 0.7 (non decimale)',
  '604': "l'elenco binaryfoo riporta ['PES'] per 604",
  '807': 'devnied indica 0 decimali; ISO 4217 indica 2 unità minime per MKD',
  '948': "l'elenco binaryfoo riporta ['CHC'] per 948",
  '969': 'unità minime: 0.7 (non decimale)',
  '978':
    "l'elenco dei paesi di devnied è anteriore all'adozione dell'euro da parte di HR (2023), LT (2015), LV (2014); è usato anche da XK e altri",
  '999': 'Corretto: i dati di riferimento riportano 000; ISO 4217 assegna a XXX (nessuna valuta) il codice numerico 999.',
};

/** Notes of the country data (corrections), by ISO 3166-1 numeric code. */
export const countryNotesIt: Readonly<Record<string, string>> = {
  '020': 'Corretto: i dati di riferimento riportano 016, il codice delle Samoa Americane; ISO 3166-1 assegna ad Andorra 020.',
  '446': 'Corretto: i dati di riferimento riportano 492/MCO, i codici di Monaco; ISO 3166-1 assegna a Macao 446/MAC.',
};

/**
 * AID products, by AID, where the English has words around the product name; the others (`JCB`, `V PAY`,
 * `Visa Credit/Debit (Visa International)`…) are names and read the same in Italian.
 */
export const aidProductsIt: Readonly<Record<string, string>> = {
  A0000000980840:
    'Visa US Common Debit (openemv riconosce il RID A000000098; AID completo A0000000980840 come comunemente elencato)',
  A0000000041010:
    "Mastercard Credit/Debit (il prodotto, ad es. \"Debit Mastercard\", deriva dall'etichetta dell'applicazione 50 o dal BIN, non dall'AID)",
  A0000000043060: 'Maestro (debito)',
  A00000002501: 'American Express (prefisso AID A00000002501; AID completi ad es. A0000000250104 / A000000025010801)',
  A000000790: 'American Express China credito/debito (RID)',
  A0000003241010: 'Discover ZIP (le fonti riportano il RID; AID completo come comunemente elencato)',
  A000000333010101:
    "UnionPay Debit (NB: l'elenco newhawk inverte debito/credito; openemv e altri: 010101 debito, 010102 credito)",
  A0000001410001: 'PagoBANCOMAT - circuito di debito nazionale italiano (Consorzio BANCOMAT, ex CoGeBan)',
  A0000000421010: 'CB (Francia) credito/debito',
  A0000000422010: 'CB debito',
  A0000001211010: 'Dankort (Danimarca)',
  A0000003591010028001: 'girocard (Deutsche Kreditwirtschaft, tramite il RID EAPS A000000359)',
  D276000025: 'GeldKarte / ZKA tedesco (RID)',
  D5780000021010: 'BankAxept (Norvegia)',
  A0000000291010: 'Rete ATM LINK (Regno Unito) (devnied riporta il RID A000000029; AID completo come comunemente elencato)',
  A0000002771010: 'Interac (Canada) (le fonti riportano il RID; AID completo come comunemente elencato)',
  A0000002281010: 'Saudi Payments Network (mada) (le fonti riportano il RID; AID completo come comunemente elencato)',
  A00000038410: 'eftpos Australia risparmio',
  A00000038420: 'eftpos Australia conto corrente',
  A0000006581010: 'Mir credito (Russia)',
  A0000006582010: 'Mir debito (Russia)',
  A000000732: 'Meeza (Egitto) (RID)',
  B012345678: 'AID di test Mastercard (RID B012345678)',
};
