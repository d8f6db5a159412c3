// Italian of src/core/simulator/simulate.ts: errors and notes of the Nexi POS result simulator. The outcome words
// the CLI and the editor accept (approved, declined[:CODE], cancelled, softpos-error[:X-Y-Z], result:N) are input
// syntax and stay as they are, like parameter names and result codes.
import type { Translation } from '../../i18n';
import type { simulatorMessagesEn } from '../../simulator/simulate';

export const simulatorMessagesIt: Translation<typeof simulatorMessagesEn> = {
  declinedBadCode: 'declined:{arg}: un codice azione è di 3 cifre (ISO 8583:1993) o di 2 caratteri (1987)',
  softposErrorBad: 'softpos-error:{arg}: softPosError è composto da tre parti X-Y-Z (spec §9.3)',
  resultNotNumber: 'result:{arg}: indicare un codice di esito, ad es. result:-16',
  resultUndocumented: 'result {code} non è un codice di esito documentato da Nexi (spec §9)',
  unknownOutcome: "esito '{text}' sconosciuto: usare approved, declined[:CODE], cancelled, softpos-error[:X-Y-Z] o result:N",
  notRequest: 'non è un URI di richiesta App2App (neximpos://payment|reversal|last_transaction|accounting_closure?…)',
  noCallerTrxId: 'la richiesta non contiene callerTrxId: Nexi POS lo restituisce in ogni esito',
  noReturnUri: "la richiesta non contiene un uri valido: Nexi POS non saprebbe dove inviare l'esito",
  closureSoftpos: 'La chiusura contabile è disponibile solo su MobilePOS: se è presente solo un TID SoftPOS, Nexi POS risponde -19 (spec §6, §9.1).',
  softposErrorOnly: 'result -30 con softPosError proviene solo dal flusso di pagamento SoftPOS',
  lastTransactionCode: "Una richiesta ultima transazione risponde 0 o -41 (spec §5.2); il codice scelto viene usato così com'è.",
  softposChip: 'SoftPOS legge le carte solo contactless (NFC): una lettura chip richiede MobilePOS',
};
