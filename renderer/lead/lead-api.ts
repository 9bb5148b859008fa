/** Helpers of the lead/admin screens' calls (the channels themselves are typed in the IPC contract). */

/** The message of an error for display. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
