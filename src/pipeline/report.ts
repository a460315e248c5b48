/**
 * The one way diagnostics reach a person: `npm run check`, the build, the dev server and the
 * Markdown renderer all print through here, in the same compiler style (or as GitHub
 * annotations), and a build stops through the same ContentError.
 */
import { ContentError, formatDiagnostic, formatGithubAnnotation, summarize, type Diagnostic } from './diagnostics.ts';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
}

export type ReportFormat = 'text' | 'github';

export interface ReportOptions {
  /** 'stop' throws a ContentError when there is an error (build); 'warn' only prints (dev server). */
  onError: 'stop' | 'warn';
  format?: ReportFormat;
  /** What failed, for the error message: "content check", "note". */
  what?: string;
}

/** Print every diagnostic; with onError 'stop', throw when any is an error. */
export function report(diagnostics: Diagnostic[], logger: Logger, options: ReportOptions): void {
  const print = options.format === 'github' ? formatGithubAnnotation : formatDiagnostic;
  for (const d of diagnostics) (d.severity === 'error' ? logger.error : logger.warn).call(logger, print(d));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (options.onError === 'stop' && errors.length > 0) {
    throw new ContentError(errors, `${options.what ?? 'content check'} failed: ${summarize(diagnostics)}. Nothing was built; fix the errors above.`);
  }
}
