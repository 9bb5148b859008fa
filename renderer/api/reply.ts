/** Checking a channel's reply value against the contract's `res` schema (both transports). */
import type { z } from 'zod';

/** The message of a reply that violates its channel's schema (names the first offending field). */
export function badResponseText(channel: string, issues: readonly z.core.$ZodIssue[]): string {
  const issue = issues[0];
  return `${channel}: неожиданный ответ (${issue?.path.join('.') || 'value'}: ${issue?.message ?? ''})`;
}
