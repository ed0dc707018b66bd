import { Controller, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SectionName } from '#domain/report';
import type { Access } from '../auth/access.js';
import { Caller } from '../auth/auth-decorators.js';
import { reportAnswer, reportFile } from '../exports/report-file.js';
import { ReportRoute } from './report-docs.js';
import { envelopeBody } from './envelope-json.js';
import { ReportQueryDto } from './report-query.dto.js';
import { ReportsService } from './reports.service.js';

type ReportAnswer = Promise<StreamableFile>;

/** One handler per section of the domain's registry: a section without its route fails to compile. */
type SectionHandlers = {
  readonly [K in SectionName]: (query: ReportQueryDto, access: Access) => ReportAnswer;
};

/** `GET /reports/summary` and one `GET /reports/{path}` per section. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController implements SectionHandlers {
  constructor(private readonly reports: ReportsService) {}

  @ReportRoute(undefined)
  summary(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run(undefined, query, access);
  }

  @ReportRoute('monthly')
  monthly(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('monthly', query, access);
  }

  @ReportRoute('split')
  split(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('split', query, access);
  }

  @ReportRoute('comparison')
  comparison(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('comparison', query, access);
  }

  @ReportRoute('topModels')
  topModels(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('topModels', query, access);
  }

  @ReportRoute('seasonality')
  seasonality(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('seasonality', query, access);
  }

  @ReportRoute('rotation')
  rotation(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('rotation', query, access);
  }

  @ReportRoute('margins')
  margins(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('margins', query, access);
  }

  @ReportRoute('forecast')
  forecast(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('forecast', query, access);
  }

  @ReportRoute('company')
  company(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('company', query, access);
  }

  @ReportRoute('progress')
  progress(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('progress', query, access);
  }

  @ReportRoute('targets')
  targets(@Query() query: ReportQueryDto, @Caller() access: Access): ReportAnswer {
    return this.run('targets', query, access);
  }

  private async run(
    section: SectionName | undefined,
    { partial, format = 'json', ...query }: ReportQueryDto,
    access: Access,
  ): ReportAnswer {
    const answer = reportAnswer(section, format);
    const envelope = await this.reports.report(access, section, query, partial === 'true');
    return answer.kind === 'json' ? envelopeBody(envelope) : reportFile(envelope, answer);
  }
}
