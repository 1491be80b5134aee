/** Renderers shared by `cfnkit diff` and `cfnkit preview`: text, json and markdown. */
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderText } from './text';
import type { ChangeReport, RenderOptions, ReportFormat } from './types';

export { renderJson, reportJson } from './json';
export { renderMarkdown } from './markdown';
export { renderText } from './text';
export { REPORT_FORMATS } from './types';
export type { ChangeReport, RenderOptions, ReportFormat } from './types';

/** Renders `report` in `format`. */
export function renderReport(report: ChangeReport, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'text':
      return renderText(report, options);
  }
}
