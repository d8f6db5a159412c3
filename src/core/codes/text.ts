// Every user-facing sentence of the code tables is a whole template in a table, filled by this one
// helper: a translation then replaces templates, never fragments glued together in code.

/** Values substituted into `{name}` placeholders. */
export type TemplateValues = Readonly<Record<string, string | number>>;

/**
 * Replaces each `{name}` in `template` by `values[name]`. Unknown placeholders are left as they are,
 * so a missing value is visible in the output instead of silently vanishing.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
