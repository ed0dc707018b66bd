import { Controller, Get, HttpCode, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { cityKey } from '#contracts';
import type { Access } from '../auth/access.js';
import { Caller, Needs } from '../auth/auth-decorators.js';
import { ReadDocs } from '../auth/auth-docs.js';
import { Audited } from '../audit/audited.js';
import { errorSchema } from '../docs/error-schema.js';
import { ReviewBuilder } from './review-builder.service.js';
import { COMPANY_SCOPE } from './review-content.js';
import { ReviewDispatcher, type Delivery } from './review-dispatcher.service.js';
import { ReviewPdfQueryDto, ReviewSendQueryDto } from './review-query.dto.js';

@ApiTags('reviews')
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly dispatcher: ReviewDispatcher,
    private readonly builder: ReviewBuilder,
  ) {}

  @Post('send')
  @HttpCode(200)
  @Needs('admin')
  @Audited('review.send')
  @ApiOperation({
    summary: 'E-mail a month’s review now (admins)',
    description:
      'The company’s review to REVIEW_TO, each city’s to REVIEW_TO_<CITY>, as a PDF. A recipient who already had this month’s review is skipped (`already-sent`) unless resend=true.',
  })
  @ApiOkResponse({
    description:
      'One entry per recipient: `{scope, to, status: sent | already-sent | failed, error?}`.',
  })
  @ApiConflictResponse({
    description: 'REVIEWS_NOT_CONFIGURED: SMTP_URL is not set.',
    schema: errorSchema(
      409,
      'REVIEWS_NOT_CONFIGURED',
      'no review can be sent: SMTP_URL is not set',
    ),
  })
  send(@Query() query: ReviewSendQueryDto): Promise<Delivery[]> {
    return this.dispatcher.send(query.month, query.resend === 'true');
  }

  @Get('pdf')
  @ReadDocs()
  @ApiOperation({
    summary: 'A month’s review as the PDF that is e-mailed (the company’s, or a city’s)',
  })
  @ApiProduces('application/pdf')
  async pdf(@Query() query: ReviewPdfQueryDto, @Caller() access: Access): Promise<StreamableFile> {
    const scope = query.city ?? COMPANY_SCOPE;
    const { pdf } = await this.builder.pdf(query.month, scope, access);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="revue-${query.month}-${cityKey(scope)}.pdf"`,
      length: pdf.length,
    });
  }
}
