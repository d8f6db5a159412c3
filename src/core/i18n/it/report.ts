// Italian of src/core/reconcile/report.ts: the Markdown reconciliation report (people). The CSV and JSON exports stay
// in English on purpose (machine identifiers), see report.ts. Command names are the Italian titles of
// package.nls.it.json ("Nexi: Componi URI App2App…"); callerTrxId, result and the codes stay unchanged.
import type { Translation } from '../../i18n';
import type { reportMessagesEn } from '../../reconcile/report';

export const reportMessagesIt: Translation<typeof reportMessagesEn> = {
  classification: {
    match: 'corrispondenza',
    mismatch: 'discrepanza',
    'app-failed-backend-approved': "NON RIUSCITA NELL'APP, APPROVATA DAL BACKEND",
    'not-found': 'non trovata sul backend',
    error: 'errore',
  },
  outcome: { approved: 'approvata', declined: 'rifiutata', cancelled: 'annullata', failed: 'non riuscita', 'no-result': 'nessun esito', unknown: 'sconosciuto' },
  field: { outcome: 'esito', amount: 'importo', authorizationNumber: 'codice di autorizzazione', panLast4: 'ultime quattro cifre della carta' },
  difference: "{field}: {app} nell'app, {backend} sul backend",
  totals:
    "Transazioni: {total}; **corrispondenze: {match}**, discrepanze: {mismatch}, **non riuscite nell'app ma approvate dal backend: {failedApproved}**, non trovate: {notFound}, errori: {errors}.",
  cancelledRun: " L'esecuzione è stata annullata prima della fine.",
  dangerHeadline: "**⚠ Pagamenti approvati da Nexi mentre l'app ha registrato un errore o nessun esito: {count}.**",
  explainDanger:
    "L'app non ha registrato alcun pagamento riuscito, ma Nexi lo ha approvato: l'importo è stato addebitato al cliente. Stornarlo (Nexi: Componi URI App2App… → reversal, oppure usare la richiesta ultima transazione) o completare l'ordine, quindi individuare il motivo per cui l'esito è andato perso.",
  dangerLine: '- riga {line}: terminale {terminalId}, callerTrxId `{callerTrxId}` (app: {appOutcome})',
  tableHeader: '| Riga | Esito | Terminale | callerTrxId | App | Backend | Dettagli |',
  appResult: '{outcome} (result {result})',
  reverseOrComplete: 'stornarla o completarla',
  noTerminalId: "Nessun ID terminale: la riga del log non lo riporta; indicare un ID terminale predefinito.",
};
