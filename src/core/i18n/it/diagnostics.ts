// Italian titles, messages and quick-fix titles of the App2App validation codes (`diagnosticCodes` and
// `fixTitles` in src/core/app2app/diagnosticCodes.ts). Same codes, variants and `{placeholders}`; parameter
// names, values and everything in backticks unchanged.

import type { CompleteMessageTable } from '../../app2app/diagnosticCodes';

export const diagnosticsIt: CompleteMessageTable = {
  messages: {
    A2A001: {
      title: 'Schema sconosciuto',
      message: '`{scheme}://` non è lo schema di Nexi POS: le richieste iniziano con `neximpos://`.',
      variants: {
        case: '`{scheme}://` va scritto `neximpos://` in minuscolo: Android distingue maiuscole e minuscole negli schemi.',
        missing: "L'URI non ha uno schema: le richieste iniziano con `neximpos://`.",
      },
    },
    A2A002: {
      title: 'Operazione sconosciuta',
      message: "`{authority}` non è un'operazione di Nexi POS. Usare una tra: payment, reversal, last_transaction, accounting_closure.",
      variants: {
        suggestion: "`{authority}` non è un'operazione di Nexi POS. Forse si intendeva `{suggestion}`?",
        empty: "Manca l'operazione dopo `neximpos://`. Usare una tra: payment, reversal, last_transaction, accounting_closure.",
      },
    },
    A2A003: {
      title: 'Parametro obbligatorio mancante',
      message: "L'operazione {operation} richiede `{name}`: {description} Aggiungerlo.",
    },
    A2A004: {
      title: "L'importo non è un numero intero di centesimi",
      message: '`{name}` deve essere un numero intero di centesimi di euro (150 = 1,50 €), non `{value}`.',
      variants: {
        decimal: '`{name}` è in centesimi di euro, senza separatore decimale: `{value}` sembra un importo in euro — scrivere `{suggestion}`.',
        negative:
          "`{name}` non può essere negativo (`{value}`): scrivere l'importo in centesimi come numero intero positivo, ad es. 150 per 1,50 €. Per restituire denaro, stornare la transazione.",
        zero: "`{name}` deve essere almeno {min} centesimo: con `{value}` non c'è nulla da addebitare. Nexi non documenta se lo zero è accettato (spec §16.8); lo trattiamo come errore (dedotto).",
        plus: '`{name}` accetta solo cifre: scrivere `{suggestion}` invece di `{value}` (un `+` non codificato viene addirittura decodificato come spazio).',
      },
    },
    A2A005: {
      title: 'Il valore booleano non è true/false',
      message: '`{name}` accetta solo il valore letterale `true` o `false`, non `{value}`.',
      variants: {
        suggestion: '`{name}` accetta solo il valore letterale `true` o `false`, non `{value}`: scrivere `{suggestion}`.',
      },
    },
    A2A006: {
      title: 'Il timestamp non è una data e ora ddMMyyHHmm valida',
      message: "`{name}` deve essere nel formato ddMMyyHHmm (10 cifre; formato 24 ore, dedotto dall'esempio di Nexi), ad es. 0912202317 per 09/12/2020 23:17; `{value}` non lo è.",
      variants: {
        date: '`{name}`=`{value}`: {day}/{month}/20{year} non è una data esistente. Scrivere ddMMyyHHmm, ad es. 0912202317 per 09/12/2020 23:17.',
        month: '`{name}`=`{value}`: il mese {month} non esiste. Scrivere ddMMyyHHmm (prima il giorno), ad es. 0912202317 per 09/12/2020 23:17.',
        hour: "`{name}`=`{value}`: l'ora {hour} non esiste; le ore vanno da 00 a 23. Scrivere ddMMyyHHmm, ad es. 0912202317 per 09/12/2020 23:17.",
        minute: '`{name}`=`{value}`: il minuto {minute} non esiste; i minuti vanno da 00 a 59.',
        epoch:
          '`{name}`=`{value}` sembra un valore in millisecondi epoch (un esempio Nexi lo invia così); il formato documentato è ddMMyyHHmm, ad es. 0912202317.',
      },
    },
    A2A007: {
      title: "L'ID terminale non ha 8 cifre",
      message: '`{name}`=`{value}` non sembra un ID terminale: tutti i TID documentati hanno 8 cifre (ad es. 30350039).',
    },
    A2A008: {
      title: 'Valore vuoto',
      message: '`{name}` non ha un valore. {description} Assegnargliene uno.',
    },
    A2A009: {
      title: 'Parametro sconosciuto',
      message: '`{name}` non è un parametro di {operation}: Nexi non lo documenta, quindi nel migliore dei casi viene ignorato.',
      variants: {
        suggestion:
          '`{name}` non è un parametro di {operation}. Forse si intendeva `{suggestion}`? (I nomi dei parametri distinguono tra maiuscole e minuscole.)',
        otherOperation: '`{name}` è un parametro di {others}; {operation} non lo accetta.',
        response: "`{name}` è un campo dell'esito che Nexi POS restituisce; le richieste non lo contengono.",
      },
    },
    A2A010: {
      title: 'Parametro duplicato',
      message: '`{name}` compare più di una volta; Android legge solo la prima occorrenza. Mantenerne una sola.',
    },
    A2A011: {
      title: 'Il tag aggiuntivo ha una lunghezza errata',
      message: 'Una volta decodificato, `{name}` deve essere lungo {minLength}–{maxLength} caratteri; `{value}` ne ha {length}.',
    },
    A2A012: {
      title: 'Il tag aggiuntivo contiene un carattere non consentito',
      message: '`{name}` può contenere solo {allowed}. Non consentiti qui: {characters}.',
    },
    A2A013: {
      title: 'Chiave di tag aggiuntivo duplicata',
      message: 'La chiave di tag `{value}` è già usata da `{first}`; Nexi POS ignora una chiave ripetuta. Usare una chiave univoca.',
    },
    A2A014: {
      title: 'Indice del tag aggiuntivo fuori da 1…5',
      message: "`{name}`: i tag aggiuntivi sono documentati per gli indici da 1 a 5; non è indicato se Nexi POS legga l'indice {index} (spec §16.3). Usare 1–5.",
    },
    A2A015: {
      title: 'Chiave di tag aggiuntivo senza valore',
      message: '`{name}` non ha un `{pair}` corrispondente: ogni chiave di tag richiede il suo valore.',
    },
    A2A016: {
      title: 'Valore di tag aggiuntivo senza chiave',
      message: '`{name}` non ha un `{pair}` corrispondente: con i tag chiave/valore, ogni valore richiede la sua chiave.',
    },
    A2A017: {
      title: 'Tag aggiuntivo legacy senza chiave',
      message:
        '`{name}` senza `{pair}` è la forma legacy (valore del tag {tag}); le versioni attuali di Nexi POS si aspettano coppie chiave/valore `addInfoKeyN` + `addInfoN`.',
    },
    A2A018: {
      title: 'autoClose insieme a sendTicket',
      message: '`autoClose=true` non può essere combinato con `sendTicket=true`: Nexi POS risponde con result -21. Impostare `sendTicket=false`.',
    },
    A2A019: {
      title: 'autoClose senza sendTicket=false',
      message:
        '`autoClose=true` senza `sendTicket`: il valore predefinito di sendTicket è true, che Nexi POS può rifiutare con result -21. Aggiungere `sendTicket=false` (le demo ufficiali lo fanno sempre).',
    },
    A2A020: {
      title: 'Parametro solo MobilePOS',
      message: "`{name}` è documentato solo per {product}; su {other} l'effetto non è indicato.",
      variants: {
        urlTicket:
          "`urlTicket` è documentato solo per MobilePOS: SoftPOS non restituisce il link allo scontrino nemmeno se richiesto [REVS]; nessun altro effetto su SoftPOS è indicato (spec §16.6).",
      },
    },
    A2A021: {
      title: 'Parametro ignorato da questa operazione',
      message: '`{name}` viene ignorato da {operation}: {reason}',
    },
    A2A022: {
      title: "L'URI di ritorno non è assoluto",
      message:
        '`{name}` deve essere un URI assoluto con uno schema, come `myapp://payment` (codificato: `myapp%3A%2F%2Fpayment`); `{value}` non ha uno schema.',
      variants: {
        encodedTwice:
          "`{name}` si decodifica in `{value}`, che non ha uno schema: l'URI di ritorno è codificato due volte. Decodificarlo una volta: `{suggestion}`.",
      },
    },
    A2A023: {
      title: '& non codificata in un valore',
      message: '`&{fragment}` non ha `=`: se la `&` fa parte del valore di `{previous}`, codificarla come `%26`.',
    },
    A2A024: {
      title: '+ non codificato in un valore',
      message: 'Android (Uri.getQueryParameter) decodifica il `+` in `{name}` come spazio. Codificarlo come `%2B`.',
    },
    A2A025: {
      title: '# non codificato in un valore',
      message: "Il `#` in `{name}` apre un frammento dell'URI: Nexi POS non vede né il `#` né ciò che segue. Codificarlo come `%23`.",
    },
    A2A026: {
      title: 'Spazio non codificato in un valore',
      message:
        "Spazio non codificato in `{name}`: gli URI non possono contenere spazi (RFC 3986), quindi se arriva dipende dalla piattaforma (iOS prima della versione 17 rifiuta questi URL). Codificarlo come `%20`, oppure rimuoverlo se è un residuo dell'andata a capo di un esempio copiato.",
    },
    A2A027: {
      title: "Spazi all'interno di un nome",
      message:
        "`{text}` contiene spazi (un residuo dell'andata a capo negli esempi pubblicati): Nexi POS non riconoscerebbe `{name}`. Rimuoverli.",
    },
    A2A028: {
      title: '`×tamp` invece di `&timestamp`',
      message: '`×tamp` è ciò che una pagina web ricava da `&timestamp` (legge `&times` come il segno ×). Scrivere `&timestamp`.',
    },
    A2A029: {
      title: "Entità HTML `&amp;` nell'URI",
      message:
        '`&amp;` è la grafia HTML di `&`, copiata da una pagina web; qui fa leggere a Nexi POS `amp;{name}` come nome del parametro. Scrivere `&`.',
    },
    A2A030: {
      title: '& mancante tra i parametri',
      message: '`{name}=` è attaccato al valore precedente: manca una `&` prima di `{name}`.',
    },
    A2A031: {
      title: 'Sequenza di escape % non valida',
      message:
        'Il `%` in `{name}` non è seguito da due cifre esadecimali, quindi `{name}` viene letto come `{value}`: il valore è troncato oppure il `%` non è codificato. Scrivere un `%` letterale come `%25`.',
    },
    A2A032: {
      title: 'Parametro non documentato',
      message: '`{name}` non è documentato da Nexi: lo inviano solo le app di esempio ufficiali. Potrebbe cambiare o essere ignorato.',
    },
    A2A033: {
      title: 'Spazio codificato in un numero, un flag, una data o un URI',
      message: '`{name}` viene letto come "{value}": lo spazio codificato `{escape}` entra nel valore, dove non può esserci uno spazio. Rimuovere `{escape}`.',
      variants: {
        amount:
          '`{name}` viene letto come "{value}": lo spazio codificato `{escape}` entra nel valore, che quindi non è più un numero intero di centesimi. Rimuovere `{escape}`.',
        boolean:
          '`{name}` viene letto come "{value}": lo spazio codificato `{escape}` entra nel valore, che quindi non è più il letterale `true` o `false`. Rimuovere `{escape}`.',
        timestamp:
          '`{name}` viene letto come "{value}": lo spazio codificato `{escape}` entra nel valore, che quindi non è più nel formato ddMMyyHHmm. Rimuovere `{escape}`.',
      },
    },
    A2A034: {
      title: 'Importo più grande di un int',
      message:
        "`{name}`=`{value}` centesimi supera ciò che un int può contenere: Nexi definisce l'importo come int, al massimo 2147483647 centesimi (21.474.836,47 €) su Android (dedotto: int di Java/Kotlin). Nessun massimo è documentato (spec §16.8); verificare che l'importo sia in centesimi.",
    },
    A2A035: {
      title: 'Valore codificato due volte',
      message:
        '`{name}` è codificato due volte: `{escape}` si decodifica in `{once}`, quindi Nexi POS legge "{value}" con la sequenza di escape ancora dentro. Decodificarlo una volta: `{suggestion}`.',
    },
    A2A036: {
      title: 'URI di ritorno troncato da una sequenza % non valida',
      message:
        "`{name}` viene letto come `{value}`: il `%` non è seguito da due cifre esadecimali, quindi l'URI di ritorno è troncato: non è quello voluto ed è improbabile che l'esito arrivi all'app chiamante (l'esempio pubblicato della chiusura contabile ha questo difetto, spec §6.3). Codificare l'intero URI di ritorno, ad es. `myapp%3A%2F%2Faccounting_closure`.",
    },
    A2A037: {
      title: 'Il tag aggiuntivo contiene lettere fuori da A–Z',
      message:
        '`{name}` contiene {characters}: Nexi consente "lettere" senza dire se valgano anche le lettere accentate o non latine (spec §16.3), quindi Nexi POS potrebbe rifiutare la coppia (dedotto). Per sicurezza usare A–Z.',
    },
  },
  fixTitles: {
    replaceScheme: 'Sostituire lo schema con `neximpos`',
    replaceAuthority: "Cambiare l'operazione in `{suggestion}`",
    addParameter: 'Aggiungere `{name}`',
    addValue: 'Aggiungere un valore per `{name}`',
    addAllRequired: 'Aggiungere tutti i parametri obbligatori mancanti',
    replaceValue: 'Sostituire con `{suggestion}`',
    renameParameter: 'Rinominare in `{suggestion}`',
    removeParameter: 'Rimuovere `{name}`',
    setSendTicketFalse: 'Impostare `sendTicket=false`',
    addSendTicketFalse: 'Aggiungere `sendTicket=false`',
    addTagKey: 'Aggiungere `{pair}`',
    addTagValue: 'Aggiungere `{pair}`',
    percentEncode: 'Codificare come `{encoded}`',
    removeWhitespace: "Rimuovere gli spazi (residuo dell'andata a capo)",
    insertAmpersand: 'Inserire `&` prima di `{name}`',
    repairTimes: 'Sostituire `×tamp` con `&timestamp`',
    repairAmp: 'Sostituire `&amp;` con `&`',
    removeEncodedSpace: 'Rimuovere lo spazio codificato',
    decodeOnce: 'Decodificare una volta: `{suggestion}`',
  },
};
