import { REPORT_SECTIONS, SECTION_NAMES, type SectionName } from '../report/sections/registry.js';
import type { Lang } from './lang.js';

/**
 * Each section's title in `lang`, from the registry: the dashboard's titles are the exports' and
 * the CLI's. (The registry brings the builders into the dashboard's bundle: 5.9 KB gzipped, 79.1
 * KB against 85.0 KB, measured with `vite build`; one list of sections is worth it.)
 */
export function sectionTitles(lang: Lang): Record<SectionName, string> {
  return Object.fromEntries(
    SECTION_NAMES.map((name) => [name, REPORT_SECTIONS[name].labels[lang].title]),
  ) as Record<SectionName, string>;
}
