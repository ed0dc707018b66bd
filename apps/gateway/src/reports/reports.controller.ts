import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiReportResponses } from './report-docs.js';
import type { ReportEnvelope, ReportName } from './report-envelope.js';
import { ReportQueryDto } from './report-query.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('monthly')
  @ApiOperation({ summary: 'Monthly revenue per city (sales + rentals), every month of the range' })
  @ApiReportResponses('monthly')
  monthly(@Query() query: ReportQueryDto): Promise<ReportEnvelope> {
    return this.run('monthly', query);
  }

  @Get('split')
  @ApiOperation({ summary: 'Sales / rentals split per city, revenue and count shares' })
  @ApiReportResponses('split')
  split(@Query() query: ReportQueryDto): Promise<ReportEnvelope> {
    return this.run('split', query);
  }

  @Get('comparison')
  @ApiOperation({ summary: 'Cities ranked by revenue: share, average ticket, last-month growth' })
  @ApiReportResponses('comparison')
  comparison(@Query() query: ReportQueryDto): Promise<ReportEnvelope> {
    return this.run('comparison', query);
  }

  @Get('top-models')
  @ApiOperation({ summary: 'Top models per city, sales and rentals, by number of transactions' })
  @ApiReportResponses('top-models')
  topModels(@Query() query: ReportQueryDto): Promise<ReportEnvelope> {
    return this.run('top-models', query);
  }

  @Get('seasonality')
  @ApiOperation({ summary: 'Average revenue per calendar month with its index, month-over-month' })
  @ApiReportResponses('seasonality')
  seasonality(@Query() query: ReportQueryDto): Promise<ReportEnvelope> {
    return this.run('seasonality', query);
  }

  @Get('rotation')
  @ApiOperation({ summary: 'Rental lengths per city and model: average, median, min, max' })
  @ApiReportResponses('rotation')
  rotation(@Query() query: ReportQueryDto): Promise<ReportEnvelope> {
    return this.run('rotation', query);
  }

  @Get('margins')
  @ApiOperation({ summary: 'Margin per type and city, actual or estimated costs' })
  @ApiReportResponses('margins')
  margins(@Query() query: ReportQueryDto): Promise<ReportEnvelope> {
    return this.run('margins', query);
  }

  @Get('forecast')
  @ApiOperation({ summary: 'Least-squares trend over the last months and the forecast after them' })
  @ApiReportResponses('forecast')
  forecast(@Query() query: ReportQueryDto): Promise<ReportEnvelope> {
    return this.run('forecast', query);
  }

  @Get('summary')
  @ApiOperation({ summary: 'All eight sections from one fork-join' })
  @ApiReportResponses('summary')
  summary(@Query() query: ReportQueryDto): Promise<ReportEnvelope> {
    return this.run('summary', query);
  }

  private run(name: ReportName, { partial, ...query }: ReportQueryDto): Promise<ReportEnvelope> {
    return this.reports.report(name, query, partial === 'true');
  }
}
