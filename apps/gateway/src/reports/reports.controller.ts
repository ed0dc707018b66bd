import { Controller, Get, Query, StreamableFile, applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SECTION_NAMES, type SectionName } from '#domain';
import { reportAnswer, reportFile } from '../exports/report-file.js';
import { ApiReportResponses } from './report-docs.js';
import type { ReportEnvelope } from './report-envelope.js';
import { ReportQueryDto } from './report-query.dto.js';
import { REPORT_ROUTES, SUMMARY } from './report-routes.js';
import { ReportsService } from './reports.service.js';

/**
 * `GET /reports/summary`, and one `GET /reports/{path}` per section of the registry: the section
 * routes are defined below from `REPORT_ROUTES`, so a new section needs no method here.
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(SUMMARY)
  @ApiOperation({ summary: 'Every section from one fork-join' })
  @ApiReportResponses(SUMMARY, undefined)
  summary(@Query() query: ReportQueryDto): Promise<ReportEnvelope | StreamableFile> {
    return this.run(undefined, query);
  }

  async run(
    section: SectionName | undefined,
    { partial, format = 'json', ...query }: ReportQueryDto,
  ): Promise<ReportEnvelope | StreamableFile> {
    const answer = reportAnswer(section, format);
    const envelope = await this.reports.report(section, query, partial === 'true');
    return answer.kind === 'json' ? envelope : reportFile(envelope, answer);
  }
}

for (const section of SECTION_NAMES) defineSectionRoute(section);

/** Adds the method `section` to the controller, decorated as a hand-written handler would be. */
function defineSectionRoute(section: SectionName): void {
  const prototype = ReportsController.prototype as unknown as Record<string, unknown>;
  const { path, summary } = REPORT_ROUTES[section];
  function handler(
    this: ReportsController,
    query: ReportQueryDto,
  ): Promise<ReportEnvelope | StreamableFile> {
    return this.run(section, query);
  }
  Object.defineProperty(prototype, section, { value: handler, writable: true, configurable: true });
  // What TypeScript's decorator metadata records for a method: the ValidationPipe and Swagger
  // read the query's class from it.
  Reflect.defineMetadata('design:paramtypes', [ReportQueryDto], prototype, section);
  Reflect.defineMetadata('design:returntype', Promise, prototype, section);
  Query()(prototype, section, 0);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, section);
  if (descriptor === undefined) throw new Error(`no route method for ${section}`);
  applyDecorators(Get(path), ApiOperation({ summary }), ApiReportResponses(path, section))(
    prototype,
    section,
    descriptor,
  );
  Object.defineProperty(prototype, section, descriptor);
}
