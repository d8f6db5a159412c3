// Italian text of the notes that the date readers add themselves (`dateNotes` in src/core/explain/dates.ts).
// Same keys and `{placeholders}`.

import type { dateNotes } from '../../explain/dates';
import type { Translation } from '../../i18n';

export const dateNotesIt: Translation<typeof dateNotes> = {
  plusRecovered: '{text} (recuperato: il `+` dello scostamento era stato decodificato come spazio)',
};
