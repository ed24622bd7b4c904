import type { z } from 'zod';

/** A validation failure reduced to one message and the field it is about. */
export interface ValidationProblem {
  /** Message naming the field, for example "deviceName is required". */
  message: string;
  /** Dotted path of the offending field; absent when the problem is the request as a whole. */
  field?: string;
}

/**
 * Describes the first issue of a zod error as one sentence that names the field. Model messages
 * are phrased to follow a field name ("is required"); zod's own messages get a colon instead.
 */
export function describeZodError(error: z.ZodError): ValidationProblem {
  const issue = error.issues[0];
  if (!issue) return { message: 'Invalid request' };
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = [...issue.path.map(String), key].filter((p) => p !== '').join('.');
    return { message: `${field} is not an allowed field`, field };
  }
  const field = issue.path.map(String).join('.');
  if (field === '') return { message: `Request: ${issue.message}` };
  const startsLowerCase = /^[a-z]/.test(issue.message);
  return {
    message: startsLowerCase ? `${field} ${issue.message}` : `${field}: ${issue.message}`,
    field,
  };
}
