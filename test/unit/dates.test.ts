import { strict as assert } from 'assert';
import { scanText } from '../../src/core/app2app/scan';
import { readIso8601 } from '../../src/core/explain/dates';
import { decodeText } from '../../src/core/explain/explain';
import { withLocale } from '../../src/core/l10n';

// Issue 15: `CT110=…T14:51:51 02:00` (a `+` decoded to a space, spec §2.2) was cut at the space or called "not a
// date"; the offset is recovered and the reading says so.
describe('dates: a UTC offset whose `+` was decoded to a space', () => {
  it('readIso8601 recovers +02:00 and says it was recovered', () => {
    const read = readIso8601('2025-05-16T14:51:51 02:00');
    assert.ok(read);
    assert.equal(read.iso, '2025-05-16T14:51:51+02:00');
    assert.equal(read.recovered, 'plus-as-space');
    assert.equal(read.text, "16 May 2025 14:51:51 UTC+02:00 (recovered: the offset's `+` had been decoded to a space)");
    assert.equal(readIso8601('2025-05-16T14:51 0530')?.iso, '2025-05-16T14:51+0530');
    // An intact value is read as before, with no note.
    const intact = readIso8601('2025-05-16T14:51:51+02:00');
    assert.equal(intact?.text, '16 May 2025 14:51:51 UTC+02:00');
    assert.equal(intact?.recovered, undefined);
  });

  it('only a real offset after the space is recovered', () => {
    assert.equal(readIso8601('2025-05-16T14:51:51 99:00'), undefined);
    assert.equal(readIso8601('2025-05-16T14:51:51  02:00'), undefined);
    assert.equal(readIso8601('2025-05-16T14:51:51 02'), undefined);
    assert.equal(readIso8601('2025-05-16T14:51:51+15:00'), undefined);
  });

  it('the Italian reading says it too', () => {
    assert.equal(
      withLocale('it', () => readIso8601('2025-05-16T14:51:51 02:00'))?.text,
      '16 maggio 2025, 14:51:51 UTC+02:00 (recuperato: il `+` dello scostamento era stato decodificato come spazio)',
    );
  });

  it('the scanner keeps the offset when CT110 is the last value of a logged result', () => {
    const log = 'I/App: demonexi://payment?result=0&amount=1&CT110=2025-05-16T14:51:51 02:00 received';
    const [u] = scanText(log);
    assert.equal(log.slice(u.range.start, u.range.end), 'demonexi://payment?result=0&amount=1&CT110=2025-05-16T14:51:51 02:00');
    assert.equal(u.params.find((p) => p.key === 'CT110')?.value, '2025-05-16T14:51:51 02:00');
    // A time followed by an unrelated number is not glued to it.
    const other = 'demonexi://payment?result=0&CT110=2025-05-16T14:51:51 12:00:00 later';
    assert.equal(other.slice(scanText(other)[0].range.start, scanText(other)[0].range.end), 'demonexi://payment?result=0&CT110=2025-05-16T14:51:51');
  });

  it('the decoded result reads CT110 as a date with the recovered offset, not as "not a date"', () => {
    const [e] = decodeText('demonexi://payment?result=0&amount=1&CT110=2025-05-16T14:51:51 02:00');
    const ct110 = e.fields.find((f) => f.key === 'CT110');
    assert.equal(ct110?.interpretation, "16 May 2025 14:51:51 UTC+02:00 (recovered: the offset's `+` had been decoded to a space).");
    assert.deepEqual(e.diagnostics, []);
  });
});
