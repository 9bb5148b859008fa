/** Script text variables: `{{name}}` placeholders filled with the order's real values. */

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;

/** Replaces `{{name}}` placeholders by `vars[name]`; unknown ones stay visible as `{{name}}`. */
export function fillScript(text: string, vars: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? (vars[name] ?? '') : `{{${name}}}`);
}

/** The placeholder names used in a script text, in order of first appearance. */
export function scriptVariables(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1];
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}
