// Italian of src/core/scenarios/catalog.ts: the one-line descriptions of the scenario catalogue. Scenario ids, result
// codes, action codes and AIDs are identifiers and stay as they are.
import type { Translation } from '../../i18n';
import type { scenarioMessagesEn } from '../../scenarios/catalog';

export const scenarioMessagesIt: Translation<typeof scenarioMessagesEn> = {
  approved: 'Approvata (ogni importo non elencato sotto): Mastercard, contactless.',
  declined: "Negata dall'host: {meaning} (codice azione {code}; i centesimi sono il suo codice ISO 8583:1987 {code1987}).",
  declinedRetry: "Negata dall'host: {meaning} (codice azione {code}); il dispositivo propone di riprovare.",
  cancelled: "Annullata dall'utente su Nexi POS (result 20); nulla arriva all'host.",
  posTimeout: "Timeout di connessione al POS (result -10): il lettore di carte non ha risposto; nulla arriva all'host.",
  softposError:
    'Errore SoftPOS (result -30, softPosError {softPosError}); il valore è illustrativo: Nexi non documenta il significato delle sue parti (spec §9.3).',
  lostResult: "Approvata, ma l'esito non arriva mai all'app (crash, timeout): checkTransaction risponde APPROVED; la riconciliazione la trova.",
  card: 'Approvata con {scheme} ({aid}), {entry}.',
  contactless: 'contactless',
  chip: 'chip (carta inserita)',
  notApplicable: "L'importo {amount} seleziona lo scenario {id}, valido solo per {products}: simulata come approvata.",
  scenarioNote: 'Scenario {id} (importo {amount}): {description}',
  lostNote: "Questo esito non arriva mai all'app: l'app non vede alcun esito e checkTransaction risponde APPROVED.",
  anyOther: 'qualsiasi altro',
};
