import * as v from 'valibot';

/** The first failing field of a valibot result, as "path: message" for a problem's detail. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return '';
  return `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`;
}
