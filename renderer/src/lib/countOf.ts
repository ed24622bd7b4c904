/** "1 change", "2 changes", "1,204 changes": a count in the user's locale with its noun. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : plural}`;
}
