// Italian of src/core/lmTools.ts: what the language-model tools answer (input errors, summaries, the Markdown of
// nexi_explain_code, the confirmation of a check and the refusals). Tool names (nexi_…), their input names ("kind",
// "code", "terminalId"…), codes and standards stay as they are; command and view names are the Italian titles of
// package.nls.it.json.
import type { Translation } from '../../i18n';
import type { lmToolMessagesEn } from '../../lmTools';

export const lmToolMessagesIt: Translation<typeof lmToolMessagesEn> = {
  takesObject: '{tool} accetta come input un oggetto.',
  needs: '{tool} richiede "{key}".',
  notString: '{tool}: "{key}" deve essere una stringa.',
  empty: '{tool}: "{key}" è vuoto.',
  tooLong: '{tool}: "{key}" supera i {max} caratteri.',
  givenText: 'il testo fornito',
  noUri:
    'Nessun URI App2App trovato: {origin} non contiene richieste neximpos:// né URI di esito (uno schema dell\'app seguito da payment, reversal, last_transaction o accounting_closure e da una query).',
  counts: 'errori: {errors}, avvisi: {warnings}, note: {notes}',
  valid: "L'URI è valido ({counts}). Gli intervalli sono offset UTF-16 nel testo fornito; riga e colonna partono da 1.",
  invalid: "L'URI non è valido ({counts}). Gli intervalli sono offset UTF-16 nel testo fornito; riga e colonna partono da 1.",
  buildValid: "L'URI di richiesta (ogni valore con percent-encoding, come fa Uri.Builder.appendQueryParameter di Android):",
  buildInvalid: "L'URI di richiesta contiene errori ({counts}; vedere la diagnostica); ecco come risulta finora:",
  parametersObject: '{tool}: "parameters" deve essere un oggetto che associa i nomi dei parametri ai valori, ad es. {"amount": "1250", "sendTicket": false}.',
  parameterValue: '{tool}: il valore di "{key}" deve essere una stringa, un numero o un booleano.',
  kindOneOf: '{tool}: "kind" deve essere uno tra {kinds}, non "{kind}".',
  operationOneOf: '{tool}: "operation" deve essere uno tra {operations}, non "{operation}".',
  source: 'Fonte: {sources}',

  resultOutcome: '- Esito: {outcome}; {retry}{inferred}.',
  retryable: 'ritentabile',
  final: "definitivo (non ritentare così com'è)",
  inferred: ' (dedotto)',
  listedFor: '- Previsto per: {operations}{possibly}.',
  noOperation: 'nessuna operazione',
  possibly: '; forse anche per {operations}',
  product: '- Prodotto: {product}{inferred}.',
  products: { mpos: 'MobilePOS', softpos: 'SoftPOS', both: 'SoftPOS e MobilePOS', unknown: 'sconosciuto' },
  next: '- Cosa fare: {detail}',

  actionKind: { 'iso8583-1993': 'codice azione ISO 8583:1993', 'iso8583-1987': 'codice di risposta ISO 8583:1987', unrecognised: 'non è un codice azione riconosciuto' },
  actionKindLine: '- Tipo: {kind}{onlyClass}.',
  onlyClass: ' (se ne conosce solo la classe)',
  actionOutcome: '- Esito: {outcome}.',
  approved: 'approvato',
  declinedOrFailed: 'rifiutato o non riuscito',
  neitherOutcome: 'né approvato né rifiutato, oppure sconosciuto',
  isoCategory: '- Categoria ISO: {category}.',
  codeClass: '- Classe {range}: {meaning}',
  isoMeaning: '- Significato ISO: {meaning}',
  equivalent: "- Equivalente nell'altra versione ISO: {code} {meaning}",

  receiptKeyTitle: '# Chiave dello scontrino {key}',
  receiptKeyTitleLabel: '# Chiave dello scontrino {key} — {label}',
  receiptKeyUnknown: 'Non è una chiave dello scontrino nota (le chiavi distinguono maiuscole e minuscole){hint}',
  didYouMean: '; forse si intendeva {hint}?',
  receiptKeyFormat: '- Formato: {format}{maxLength}.',
  atMost: ', al massimo {max} caratteri',
  example: '- Esempio: {example}',
  namedAfter: '- Prende il nome dal campo ISO 8583 {field}.',

  emvTitle: '# Tag EMV {tag}',
  emvTitleName: '# Tag EMV {tag} — {name}',
  emvUnknown: 'Non presente nel dizionario dei tag EMV (indicare il tag in esadecimale, ad es. `9F36`).',
  emvFormat: '- Formato: {format}; lunghezza: {length} byte.',
  emvOrigin: '- Origine: {origin}; specifica: {scheme}{template}.',
  emvTemplate: '; nel template {template}',
  emvBer: '- BER: classe {tagClass}, {construction}.',
  tagClass: { universal: 'universale', application: 'applicazione', 'context-specific': 'specifica del contesto', private: 'privata' },
  constructed: 'costruito (il valore è a sua volta TLV)',
  primitive: 'primitivo',
  emvCoding: '- Il valore ha una codifica a bit o a valori: il decodificatore e le descrizioni al passaggio del mouse la spiegano per ogni valore dato.',

  terminalIdSpaces: '{tool}: "terminalId" è un solo ID terminale, senza spazi (8 cifre in tutti gli esempi Nexi).',
  noEnvironment: '{tool}: l\'ambiente "{id}" non esiste; gli ambienti sono {ids}.',
  productionWhere: "{label} — l'ambiente di **produzione** di Nexi (esercenti e transazioni reali)",
  confirmTitle: 'Verificare una transazione su {label}?',
  confirmTitleProduction: 'Verificare una transazione su {label} (produzione)?',
  confirmMessage:
    "Cercare la transazione {callerTrxId} del terminale {terminalId} con checkTransaction su {where}, usando le credenziali memorizzate per quell'ambiente. La risposta viene spiegata; non vengono restituiti segreti, token o asserzioni.",
  restricted:
    "{tool} usa le credenziali e la rete, disattivate in modalità con restrizioni (quest'area di lavoro non è attendibile). Decodificare, convalidare e comporre URI funziona comunque; per verificare le transazioni, considerare attendibile l'area di lavoro.",
  noCredentials: '{label} non ha credenziali memorizzate, quindi non è possibile eseguire verifiche su questo ambiente. {more}',
  withCredentials: 'Ambienti con credenziali: {ids} (passarne uno come environmentId).',
  noneWithCredentials:
    'Nessun ambiente ha ancora credenziali: importare certificato e chiave, oppure creare una chiave e una CSR, nella vista Credenziali Nexi — oppure eseguire "Nexi: Avvia sandbox locale" per provare con la sandbox locale.',
};
