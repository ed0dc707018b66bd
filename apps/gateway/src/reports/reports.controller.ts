import { Controller, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SectionName } from '#domain/report';
import { reportAnswer, reportFile } from '../exports/report-file.js';
import { ReportRoute } from './report-docs.js';
import type { ReportEnvelope } from './report-envelope.js';
import { ReportQueryDto } from './report-query.dto.js';
import { ReportsService } from './reports.service.js';

type ReportAnswer = Promise<ReportEnvelope | StreamableFile>;

/** One handler per section of the domain's registry: a section without its route fails to compile. */
type SectionHandlers = { readonly [K in SectionName]: (query: ReportQueryDto) => ReportAnswer };

/** `GET /reports/summary` and one `GET /reports/{path}` per section. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController implements SectionHandlers {
  constructor(private readonly reports: ReportsService) {}

  @ReportRoute(undefined)
  summary(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run(undefined, query);
  }

  @ReportRoute('monthly')
  monthly(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('monthly', query);
  }

  @ReportRoute('split')
  split(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('split', query);
  }

  @ReportRoute('comparison')
  comparison(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('comparison', query);
  }

  @ReportRoute('topModels')
  topModels(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('topModels', query);
  }

  @ReportRoute('seasonality')
  seasonality(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('seasonality', query);
  }

  @ReportRoute('rotation')
  rotation(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('rotation', query);
  }

  @ReportRoute('margins')
  margins(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('margins', query);
  }

  @ReportRoute('forecast')
  forecast(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('forecast', query);
  }

  @ReportRoute('company')
  company(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('company', query);
  }

  @ReportRoute('progress')
  progress(@Query() query: ReportQueryDto): ReportAnswer {
    return this.run('progress', query);
  }

  private async run(
    section: SectionName | undefined,
    { partial, format = 'json', ...query }: ReportQueryDto,
  ): ReportAnswer {
    const answer = reportAnswer(section, format);
    const envelope = await this.reports.report(section, query, partial === 'true');
    return answer.kind === 'json' ? envelope : reportFile(envelope, answer);
  }
}
