/**
 * A rule page's link as a report that leaves the machine may carry it (SARIF, PR summaries, CI
 * logs): web links only. A pack rule documented by a file beside the pack links to it with a
 * file: URL, which opens in the editor on this machine and nowhere else, so reports leave it out.
 */
export function shareableDocsUrl(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}
