// Italian text of the App2App operation catalog (`catalogText` in src/core/app2app/catalog.ts): the same keys,
// parameter names, values, codes and spec references unchanged.

import type { catalogText } from '../../app2app/catalog';
import type { Translation } from '../../i18n';

export const catalogIt: Translation<typeof catalogText> = {
  operations: {
    payment: { title: 'Pagamento', description: 'Addebita una carta sul TID selezionato per ultimo in Nexi POS.' },
    reversal: { title: 'Storno', description: "Storna una transazione; su SoftPOS sempre l'ultima transazione stornabile del mese." },
    last_transaction: {
      title: 'Ultima transazione',
      description: "Restituisce l'ultima transazione eseguita su un TID, con tutti i campi dello scontrino (solo Android).",
    },
    accounting_closure: {
      title: 'Chiusura contabile',
      description: "Chiude la sessione contabile e restituisce i totali dell'host e del terminale (solo MobilePOS).",
    },
  },
  request: {
    additionalTag: {
      constraint: '1–30 caratteri: cifre, lettere e ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }',
      allowed: 'cifre, lettere e ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }',
    },
    amount: {
      description: 'Importo in centesimi di euro.',
      constraint: 'numero intero positivo di centesimi di euro (1 = 0,01 €, 150 = 1,50 €); nessun massimo documentato, un int arriva al massimo a 2147483647 (limite dedotto)',
    },
    reversalAmount: { description: 'Importo in centesimi di euro della transazione da stornare.' },
    callerName: {
      description: 'Etichetta del pulsante "Torna a …" che riporta all\'app chiamante.',
      notes: ['Nessun limite di lunghezza documentato (spec §16.8).'],
    },
    callerTrxId: {
      description: "Riferimento del chiamante per questa richiesta; viene riportato nell'esito.",
      notes: [
        'Nessuna regola documentata su lunghezza, set di caratteri o univocità (spec §16.8); checkTransaction cerca le transazioni in base a questo valore.',
      ],
    },
    email: {
      description: 'Precompila il campo e-mail della schermata "invia scontrino".',
      notes: ['Formato non specificato; nella tabella attuale manca la cella del nome (spec §16.2).'],
    },
    sms: {
      description: 'Precompila il campo telefono della schermata "invia scontrino".',
      notes: ["Formato non specificato; l'esempio non ha il prefisso internazionale (spec §16.2)."],
    },
    sendTicket: {
      description: 'Mostra il pulsante "invia scontrino" nella schermata dell\'esito.',
      notes: ['Non può essere true insieme ad autoClose=true: Nexi POS risponde con result -21 (spec §3.3).'],
    },
    urlTicket: {
      description: "Richiede nell'esito un link all'immagine dello scontrino (solo MobilePOS).",
      notes: ["SoftPOS non restituisce urlTicket nemmeno se richiesto [REVS]; l'effetto dell'invio non è indicato (spec §16.6)."],
    },
    uri: {
      description: "URI di ritorno: Nexi POS lo apre aggiungendo i campi dell'esito come parametri della query.",
      notes: ['Codificarlo con percent-encoding come fa Uri.Builder (`demonexi%3A%2F%2Fpayment`).'],
      paymentNote: 'Obbligatorio nella pagina [PAY] attuale, facoltativo nella versione precedente (spec §16.1).',
    },
    autoClose: {
      description: "Torna automaticamente al chiamante dopo gli esiti non ritentabili, senza i pulsanti della schermata dell'esito.",
      notes: [
        'Non può essere combinato con sendTicket=true: Nexi POS risponde con result -21 (spec §3.3). Il valore predefinito di sendTicket è true, quindi inviare sendTicket=false; non è indicato se anche ometterlo dia -21 (spec §16.4).',
        'Nessun effetto sugli esiti ritentabili (annullata, timeout, PIN errato).',
      ],
      reversalDefaultNote: 'Non indicato sul portale; nel Cloud SDK il valore predefinito è false.',
    },
    hideRetry: {
      description: 'Nasconde il pulsante "Riprova" in caso di timeout, transazione annullata e PIN errato.',
      notes: ['Il change log riporta invece "for denied transactions" (spec §16.5).'],
      reversalDefaultNote: 'Non indicato.',
    },
    terminalId: {
      description: 'ID terminale (TID): il TID SoftPOS per le operazioni SoftPOS, il TID mPOS per le operazioni mPOS.',
      constraint: '8 cifre in tutti gli esempi (non documentato come regola)',
    },
    paymentTerminalId: {
      description: "Non è un parametro del pagamento: Nexi POS usa il TID selezionato per ultimo nell'app.",
      ignoredReason: "Nexi POS usa il TID selezionato per ultimo nell'app.",
    },
    reversalTerminalId: {
      description: 'TID su cui è stata eseguita la transazione da stornare (TID SoftPOS per SoftPOS, TID mPOS per mPOS).',
    },
    lastTransactionTerminalId: { description: "TID di cui si vuole conoscere l'ultima transazione." },
    addInfoKeyN: {
      description: "Chiave dell'N-esimo tag aggiuntivo (N = 1…5), in coppia con addInfoN; riportata nell'esito e sullo scontrino.",
      notes: [
        'Le chiavi devono essere univoche; una chiave ripetuta viene ignorata (spec §3.2).',
        'Non è documentato che cosa faccia Nexi POS con una coppia non valida (spec §16.3).',
      ],
    },
    addInfoN: {
      description: "Valore dell'N-esimo tag aggiuntivo (N = 1…5), in coppia con addInfoKeyN.",
      notes: [
        'Forma legacy ([PAY] e [PAYS] precedenti, SDK 1.2.5): addInfo1…addInfo5 senza chiavi, i valori dei tag DF8001…DF8005, max 30 caratteri.',
        'Non è documentato se la forma legacy sia ancora accettata (spec §16.3).',
      ],
    },
    tipEnabled: { description: 'Inviato dalle app demo ufficiali; non descritto in nessuna pagina del portale.' },
    tipAmount: {
      description: 'Mancia in centesimi, inviata dalle app demo ufficiali; non descritta in nessuna pagina del portale.',
      constraint: 'numero intero di centesimi di euro [codice di esempio]',
    },
    timestamp: {
      description:
        "Data e ora dello storno (la formulazione del Cloud SDK), ddMMyyHHmm; non è indicato se sia l'ora corrente o quella della transazione originale, le demo inviano l'ora corrente (spec §16.7).",
      constraint: "ddMMyyHHmm (documentato come ddmmyyhhmm; formato 24 ore dedotto dall'esempio); fuso orario non indicato (spec §12, §16.7)",
      notes: ['Un esempio passa invece i millisecondi epoch (spec §12).'],
    },
  },
  response: {
    callerTrxId: { description: 'Il callerTrxId della richiesta, restituito invariato.' },
    result: { description: 'Codice di esito; vedere la tabella dei codici di esito (spec §9).', values: '`0` = approvata/eseguita.' },
    receiptKeys: {
      description: 'Campi dello scontrino, un parametro della query per chiave; vedere la tabella delle chiavi dello scontrino.',
      notes: [
        'Diverse chiavi (CT109–CT123, f55, F42, 9F14, ATAGSRECEIPT) non sono documentate (spec §13.2).',
        'I valori spesso non sono codificati e possono contenere spazi, virgole e `+` (spec §2.2).',
      ],
    },
    tipAmount: { description: 'Importo della mancia in centesimi, letto dalle app demo; non documentato.' },
    totalAmount: { description: 'Importo totale in centesimi, letto dalle app demo; non documentato.' },
    operationType: {
      PAYMENT: "Operazione che ha prodotto l'esito (`PAYMENT`).",
      REVERSAL: "Operazione che ha prodotto l'esito (`REVERSAL`).",
    },
    amount: {
      description:
        'Importo in centesimi. Negli esempi pubblicati mPOS lo restituisce come inviato e SoftPOS restituisce 12 cifre con zeri iniziali (come f30); il formato non è specificato (spec §16.13).',
      notes: ["Per gli storni è l'importo richiesto, non quello effettivamente stornato [REVS]."],
    },
    actionCode: {
      description: "Codice di risposta dell'host (campo 39 ISO 8583). Presente per le transazioni approvate o rifiutate.",
      values: '`000` = approvata.',
    },
    pan: { description: 'Numero di carta mascherato, ultime 4 cifre in chiaro (transazioni approvate).' },
    transactionType: {
      description: 'Tecnologia della carta: ICC = chip, MAG = banda magnetica, CLI = contactless (transazioni approvate).',
    },
    authorizationNumber: { description: 'Codice di autorizzazione (transazioni approvate).' },
    timestamp: {
      description:
        'Data e ora, documentate come ddmmyyhhmm (lette come ddMMyyHHmm, formato 24 ore: dedotto); fuso orario non indicato; presenti solo per le transazioni approvate.',
    },
    resultDescription: {
      description: "Esito in testo libero, ad es. vuoto o `TRANSAZIONE APPROVATA`; spesso senza percent-encoding.",
    },
    cardTypeCVM: { description: "Non documentato; l'unico valore osservato è `2` (spec §11). Trattarlo come opaco." },
    acquirerId: {
      description: "Codice dell'acquirer (non documentato); negli esempi ha 11 cifre su mPOS (`00000000003`) e 6 su SoftPOS (`909517`).",
    },
    stan: { description: 'System trace audit number (non documentato; 6 cifre negli esempi).' },
    operationNumber: { description: 'Contatore delle operazioni (non documentato; 6 cifre negli esempi).' },
    acquirerName: { description: "Nome dell'acquirer; può essere completato a destra con spazi fino a 16 caratteri." },
    terminalId: { description: 'ID terminale usato per la transazione.' },
    merchantId: { description: 'Codice esercente; può essere completato a destra con spazi fino a 15 caratteri.' },
    urlTicket: {
      description:
        "Link all'immagine dello scontrino; dipende dal flag urlTicket della richiesta (predefinito true); solo MobilePOS: SoftPOS non lo restituisce [REVS].",
    },
    softPosError: {
      description: 'Errore specifico di SoftPOS `X-Y-Z`, solo con result=-30; le sue parti non sono documentate (spec §9.3).',
    },
    autoClose: { description: 'Il flag autoClose della richiesta, riportato negli esiti SoftPOS; non documentato.' },
    lastTransactionAmount: {
      description: "Importo dell'ultima transazione in centesimi, 12 cifre con zeri iniziali come la chiave di scontrino f30.",
    },
    lastTransactionOperationType: { description: 'Sempre `LAST_TRANSACTION`.' },
    terminalType: { description: 'Prodotto che ha eseguito la transazione: `MPOS` o `SOFTPOS`.' },
    lastTransactionResult: { description: 'Esito: 0 = riuscita, -41 = scontrino vuoto o mancante.' },
    lastTransactionReceiptKeys: { description: 'Tutti i campi dello scontrino, un parametro della query per chiave.' },
    accountingClosureOperationType: {
      description: "La tabella indica `ACCOUNTING_CLOSE`, l'esempio `ACCOUNTING_CLOSURE` (spec §16.19).",
    },
    accountingClosureResult: { description: 'Esito: 0 = chiusura eseguita, -12 = non eseguita.' },
    hostTotal: { description: 'Totale ricevuto dalla banca, in centesimi di euro (solo se la chiusura è stata eseguita).' },
    terminalTotal: { description: 'Totale memorizzato nel terminale, in centesimi di euro (solo se la chiusura è stata eseguita).' },
  },
};
